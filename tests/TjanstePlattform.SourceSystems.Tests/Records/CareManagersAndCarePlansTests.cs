using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;
using static TjanstePlattform.SourceSystems.Tests.Records.RecordCalls;

namespace TjanstePlattform.SourceSystems.Tests.Records;

/// <summary>
/// Fasta vård- och omsorgskontakter (GetCareManagers 1) and vård- och omsorgsplaner (GetCarePlans 2) through the national
/// aggregating service (LogicalAddress 5565594230) as the demo consumer, out of the box: the demo world's region and
/// kommun systems answer, EI holds their engagements, every answer is valid against the official schemas.
/// </summary>
public class CareManagersAndCarePlansTests : DemoWorldFixture
{
    public const string Kom1 = "SE2120001231-KOM1";

    private static readonly XNamespace Gcm = "urn:riv:coreprocess:residentparticipation:residentparticipation:GetCareManagersResponder:1";
    private static readonly XNamespace GcmCore = "urn:riv:coreprocess:residentparticipation:residentparticipation:1";
    private static readonly XNamespace Gcp = "urn:riv:clinicalprocess:logistics:logistics:GetCarePlansResponder:2";
    private static readonly XNamespace GcpCore = "urn:riv:clinicalprocess:logistics:logistics:3";

    private static XElement CareManagers(string patient) => new(Gcm + "GetCareManagers", PatientIi(Gcm, GcmCore, patient));

    private static XElement CarePlans(string patient, params object[] filters) => new(Gcp + "GetCarePlans", PersonId(Gcp, GcpCore, patient), filters);

    [Test]
    public async Task Tolvans_care_managers_come_from_the_vardcentral_and_the_kommun()
    {
        var (status, envelope) = await CallAsync(Platform, National, CareManagers(Tolvan));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), envelope.ToString());
        var body = BodyChild(envelope);
        AssertOfficiallyValid(body, "the aggregated GetCareManagers answer");
        AssertOfficiallyValid(envelope.Element(SoapEnv + "Header")!.Element(Headers + "ProcessingStatus")!, "ProcessingStatus", OfficialSchemaSets.Headers);
        Assert.That(ProcessingStatus(envelope), Is.EquivalentTo(new[] { (Jrn1, "DataFromSource"), (Kom1, "DataFromSource") }));
        var sources = body.Elements(Gcm + "careManager")
            .Select(c => c.Descendants(GcmCore + "sourceSystemId").Single().Element(GcmCore + "extension")!.Value).ToList();
        Assert.That(sources.Distinct(), Is.EquivalentTo(new[] { Jrn1, Kom1 }));
        Assert.That(body.Descendants(GcmCore + "name").Select(n => n.Value), Does.Contain("Vårdcentralen Tolvberga").And.Contain("Hemtjänsten Tolvberga"));
    }

    [Test]
    public async Task A_care_managers_request_that_breaks_the_schema_is_refused_before_any_call()
    {
        // The reference's only service with incoming validation: careGiverId without its mandatory root.
        var invalid = CareManagers(Tolvan);
        invalid.Add(new XElement(Gcm + "careGiverId", new XElement(GcmCore + "extension", "SE2321000016-0001")));

        var (status, envelope) = await CallAsync(Platform, National, invalid);

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(BodyChild(envelope).Element("faultstring")!.Value, Does.Contain("not valid against the service contract's schema"));
    }

    [Test]
    public async Task Tolvans_shared_care_plan_comes_from_region_and_kommun_with_the_aggregates_info_result()
    {
        var (status, envelope) = await CallAsync(Platform, National, CarePlans(Tolvan));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), envelope.ToString());
        var body = BodyChild(envelope);
        AssertOfficiallyValid(body, "the aggregated GetCarePlans answer");
        Assert.That(ProcessingStatus(envelope), Is.EquivalentTo(new[] { (Jrn1, "DataFromSource"), (Kom1, "DataFromSource") }));
        Assert.That(body.Elements(Gcp + "carePlan").Select(p => p.Descendants(GcpCore + "sourceSystemHSAId").Single().Value), Is.EquivalentTo(new[] { Jrn1, Kom1 }));
        Assert.That(body.Descendants(GcpCore + "typeOfCarePlanEnum").Select(t => t.Value), Is.All.EqualTo("SIP"));
        var result = body.Element(Gcp + "result")!;
        Assert.That((result.Element(GcpCore + "resultCode")!.Value, result.Element(GcpCore + "logId")!.Value), Is.EqualTo(("INFO", "NA")));
    }

    [Test]
    public async Task A_source_system_filter_keeps_only_that_systems_care_plans()
    {
        var (_, envelope) = await CallAsync(Platform, National, CarePlans(Tolvan, new XElement(Gcp + "sourceSystemHSAId", Kom1)));

        Assert.That(ProcessingStatus(envelope), Is.EqualTo(new[] { (Kom1, "DataFromSource") }));
        Assert.That(BodyChild(envelope).Elements(Gcp + "carePlan"), Has.Exactly(1).Items);
    }

    [Test]
    public async Task A_period_filter_is_honoured_by_the_built_in_producers()
    {
        var period = new XElement(Gcp + "datePeriod", new XElement(GcpCore + "start", "20250101"), new XElement(GcpCore + "end", "20250131"));

        var (_, envelope) = await CallAsync(Platform, National, CarePlans(Tolvan, period));

        Assert.That(ProcessingStatus(envelope).Select(p => p.Status), Is.All.EqualTo("DataFromSource").And.Not.Empty);
        Assert.That(BodyChild(envelope).Elements(Gcp + "carePlan"), Is.Empty, "both plans are from March 2025");
    }

    [Test]
    public async Task The_systems_report_their_engagements_with_the_contracts_domain_and_categorization()
    {
        var finder = Platform.Services.GetRequiredService<IEngagementFinder>();

        var managers = await finder.FindAsync(new EngagementQuery(Tolvan, "riv:coreprocess:residentparticipation:residentparticipation"));
        var plans = await finder.FindAsync(new EngagementQuery(Tolvan, "riv:clinicalprocess:logistics:logistics"));

        Assert.That(managers.Select(e => (e.LogicalAddress, e.SourceSystem, e.Categorization)), Is.EquivalentTo(new[] { (Jrn1, Jrn1, "crr-gcm"), (Kom1, Kom1, "crr-gcm") }));
        Assert.That(plans.Where(e => e.Categorization == "cll-cp").Select(e => e.SourceSystem), Is.EquivalentTo(new[] { Jrn1, Kom1 }));
    }

    [Test]
    public async Task A_direct_call_to_the_kommun_system_answers_its_own_ok_result()
    {
        var (status, envelope) = await CallAsync(Platform, Kom1, CarePlans(Tolvan));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), envelope.ToString());
        var body = BodyChild(envelope);
        AssertOfficiallyValid(body, "KOM1's GetCarePlans answer");
        Assert.That(body.Element(Gcp + "result")!.Element(GcpCore + "resultCode")!.Value, Is.EqualTo("OK"));
        Assert.That(envelope.Element(SoapEnv + "Header")?.Element(Headers + "ProcessingStatus"), Is.Null, "only an aggregating service writes ProcessingStatus");
    }
}
