using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using TjanstePlattform.Soap.Validation;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;
using static TjanstePlattform.SourceSystems.Tests.Records.RecordCalls;

namespace TjanstePlattform.SourceSystems.Tests.Records;

/// <summary>
/// Every aggregated contract of AGGREGATIONS.md through the national address as the demo consumer, out of the box: a
/// minimal valid request for Tolvan gets records from two built-in systems, a DataFromSource record per system, and a
/// body valid against the official schema.
/// </summary>
public class AggregatedContractsTests : DemoWorldFixture
{
    /// <summary>Responder namespace and merged record element of each contract whose demo data is a record file.</summary>
    public static IEnumerable<TestCaseData> Contracts =>
        new (string Namespace, string Record)[]
        {
            ("urn:riv:clinicalprocess:logistics:logistics:GetCareContactsResponder:3", "careContact"),
            ("urn:riv:clinicalprocess:logistics:logistics:GetCareContactsResponder:2", "careContact"),
            ("urn:riv:clinicalprocess:activity:actions:GetActivitiesResponder:1", "activityGroup"),
            ("urn:riv:crm:requeststatus:GetRequestActivitiesResponder:2", "requestActivity"),
            ("urn:riv:clinicalprocess:activityprescription:actoutcome:GetVaccinationHistoryResponder:2", "vaccinationMedicalRecord"),
            ("urn:riv:clinicalprocess:healthcond:actoutcome:GetLaboratoryOrderOutcomeResponder:4", "laboratoryOrderOutcome"),
            ("urn:riv:clinicalprocess:healthcond:actoutcome:GetReferralOutcomeResponder:3", "referralOutcome"),
            ("urn:riv:clinicalprocess:healthcond:actoutcome:GetImagingOutcomeResponder:1", "imagingOutcome"),
            ("urn:riv:clinicalprocess:healthcond:actoutcome:GetECGOutcomeResponder:1", "ecgOutcome"),
            ("urn:riv:clinicalprocess:healthcond:actoutcome:GetMaternityMedicalHistoryResponder:2", "maternityMedicalRecord"),
            ("urn:riv:clinicalprocess:healthcond:description:GetDiagnosisResponder:2", "diagnosis"),
            ("urn:riv:clinicalprocess:healthcond:description:GetAlertInformationResponder:2", "alertInformation"),
            ("urn:riv:clinicalprocess:healthcond:description:GetCareDocumentationResponder:2", "careDocumentation"),
            ("urn:riv:clinicalprocess:healthcond:description:GetCareDocumentationResponder:3", "careDocumentation"),
            ("urn:riv:clinicalprocess:healthcond:description:GetFunctionalStatusResponder:2", "functionalStatusAssessment"),
            ("urn:riv:clinicalprocess:healthcond:basic:GetObservationsResponder:1", "observationGroup"),
            ("urn:riv:clinicalprocess:logistics:logistics:GetCarePlansResponder:2", "carePlan"),
            ("urn:riv:coreprocess:residentparticipation:residentparticipation:GetCareManagersResponder:1", "careManager"),
        }.Select(c => new TestCaseData(c.Namespace, c.Record).SetArgDisplayNames(c.Namespace.Split(':')[^2] + " " + c.Namespace.Split(':')[^1]));

    /// <summary>A minimal valid request (the official schema's required content) for <paramref name="patient"/>.</summary>
    public static XElement Request(string ns, string patient)
    {
        var interaction = ns.Split(':')[^2].Replace("Responder", "", StringComparison.Ordinal);
        var request = SchemaInstanceGenerator.Generate(Declaration(OfficialSchemaSets.For(ns), interaction, ns));
        var patientId = request.Element(XName.Get("patientId", ns))!;
        if (patientId.Elements().FirstOrDefault(e => e.Name.LocalName == "root") is { } root && root.ElementsAfterSelf().All(e => e.Name.LocalName != "extension"))
        {
            root.AddAfterSelf(new XElement(root.Name.Namespace + "extension")); // IIType: extension is optional, the patient id lives there
        }

        foreach (var part in patientId.Elements())
        {
            part.Value = part.Name.LocalName is "id" or "extension" ? patient : PersonIdRoot;
        }

        return request;
    }

    [TestCaseSource(nameof(Contracts))]
    public async Task Tolvans_records_come_from_two_systems_with_a_processing_status_each_and_a_valid_body(string ns, string record)
    {
        var (status, envelope) = await CallAsync(Platform, National, Request(ns, Tolvan));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), envelope.ToString());
        var body = BodyChild(envelope);
        AssertOfficiallyValid(body, "the aggregated answer");
        AssertOfficiallyValid(envelope.Element(SoapEnv + "Header")!.Element(Headers + "ProcessingStatus")!, "ProcessingStatus", OfficialSchemaSets.Headers);
        var statuses = ProcessingStatus(envelope);
        Assert.That(statuses.Select(s => s.Status), Is.All.EqualTo("DataFromSource"));
        Assert.That(statuses.Select(s => s.Address).Distinct().Count(), Is.GreaterThanOrEqualTo(2), string.Join(", ", statuses));
        Assert.That(body.Elements(XName.Get(record, ns)).Count(), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task Functional_status_gathers_both_categorizations()
    {
        const string ns = "urn:riv:clinicalprocess:healthcond:description:GetFunctionalStatusResponder:2";

        var (_, envelope) = await CallAsync(Platform, National, Request(ns, Tolvan));

        // JRN1 reports fun-fun, JRN2 pad-pad: FindContent goes without a categorization, both are kept.
        Assert.That(ProcessingStatus(envelope).Select(s => s.Address), Is.EquivalentTo(new[] { Jrn1, Jrn2 }));
    }

    [Test]
    public async Task Care_documentation_3_refuses_paging_through_the_aggregation()
    {
        const string ns = "urn:riv:clinicalprocess:healthcond:description:GetCareDocumentationResponder:3";
        var request = Request(ns, Tolvan);
        request.Add(new XElement(XName.Get("hasMoreReference", ns), "JRN1-page-2"));

        var (status, envelope) = await CallAsync(Platform, National, request);

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(BodyChild(envelope).Element("faultstring")!.Value, Does.Contain("hasMoreReference"));
    }

    [Test]
    public async Task Exemption_statuses_answer_empty_and_ask_only_systems_with_content_from_the_last_year()
    {
        const string ns = "urn:riv:financial:patientfees:exemption:RequestExemptionStatusesResponder:1";

        var (status, envelope) = await CallAsync(Platform, National, Request(ns, Tolvan));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), envelope.ToString());
        var body = BodyChild(envelope);
        Assert.That(body.Name, Is.EqualTo(XName.Get("RequestExemptionStatusesResponse", ns)));
        Assert.That(body.HasElements, Is.False);
        AssertOfficiallyValid(body, "the aggregated answer");
        // JRN2's engagement is from 2020: mostRecentContent (now minus one year) leaves it out.
        Assert.That(ProcessingStatus(envelope).Select(s => s.Address), Is.EquivalentTo(new[] { Jrn1, CareManagersAndCarePlansTests.Kom1 }));
    }

    private static XmlSchemaElement Declaration(XmlSchemaSet schemas, string name, string ns) =>
        (XmlSchemaElement)schemas.GlobalElements[new XmlQualifiedName(name, ns)]!;
}
