using System.Net;
using System.Xml.Linq;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;
using static TjanstePlattform.SourceSystems.Tests.Records.RecordCalls;

namespace TjanstePlattform.SourceSystems.Tests.ReferenceWorld;

/// <summary>
/// <c>SourceSystems:World=reference</c>: the reference platform's aggregating-service test cases TC1–TC8 and TC10, called as the
/// stub's consumer <c>sample-sender-id</c> for <c>sample-original-consumer-hsaid</c> at the national address, give the
/// record counts and ProcessingStatus records the reference's suites expect, for three aggregated contracts. TC4's late
/// system is cut off by the world's 2 s producer timeout.
/// </summary>
public class ReferenceWorldTests : DemoWorldFixture
{
    public const string Sender = "sample-sender-id";
    public const string OriginalConsumer = "sample-original-consumer-hsaid";

    private const string Gmh = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";
    private const string Schedule = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";
    private const string RequestActivities = "urn:riv:crm:requeststatus:GetRequestActivitiesResponder:2";
    private const string Ok = "DataFromSource";
    private const string Failed = "NoDataSynchFailed";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["SourceSystems:World"] = "reference" };

    /// <summary>Contract × test case: the person, the records expected, and (logical address, status) of every ProcessingStatus record.</summary>
    public static IEnumerable<TestCaseData> Cases =>
        from contract in new[] { (Gmh, "medicationMedicalRecord"), (Schedule, "timeslotDetail"), (RequestActivities, "requestActivity") }
        from tc in new (string Name, string Person, int Records, (string, string)[] Statuses)[]
        {
            ("TC1", "121212121212", 3, [("HSA-ID-4", Ok), ("HSA-ID-5", Ok), ("HSA-ID-6", Ok)]),
            ("TC2", "188803099368", 0, []),
            ("TC3", "194911172296", 1, [("HSA-ID-1", Ok), ("HSA-ID-2", Ok)]),
            ("TC4", "198611062384", 3, [("HSA-ID-1", Ok), ("HSA-ID-2", Ok), ("HSA-ID-3", Failed)]),
            ("TC5", "192011189228", 0, [("HSA-ID-1", Failed)]),
            ("TC6", "194804032094", 0, []),
            ("TC7", "194808069887", 1, [("SE0000000005-1234", Ok)]),
            ("TC8", "194800000001", 2, [("HSA-ID-4", Ok), ("HSA-ID-5", Ok)]),
            ("TC10", "194800000003", 1, [("HSA-ID-5", Ok)]),
        }
        select new TestCaseData(contract.Item1, contract.Item2, tc.Person, tc.Records, tc.Statuses)
            .SetArgDisplayNames(contract.Item1.Split(':')[^2].Replace("Responder", "", StringComparison.Ordinal), tc.Name);

    [TestCaseSource(nameof(Cases))]
    public async Task A_test_case_of_the_reference_stub_gives_its_records_and_processing_status(string ns, string record, string person, int records, (string, string)[] statuses)
    {
        var (status, envelope) = await AggregatedAsync(Request(ns, person));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), envelope.ToString());
        Assert.That(ProcessingStatus(envelope), Is.EqualTo(statuses), envelope.ToString());
        Assert.That(BodyChild(envelope).Elements(XName.Get(record, ns)).Count(), Is.EqualTo(records), envelope.ToString());
    }

    [Test]
    public async Task TC4s_late_system_is_cut_off_as_a_timeout()
    {
        var (_, envelope) = await AggregatedAsync(Request(Gmh, "198611062384"));

        var late = envelope.Descendants(Headers + "ProcessingStatusList").Single(r => (string?)r.Element(Headers + "logicalAddress") == "HSA-ID-3");
        Assert.That((string?)late.Element(Headers + "lastUnsuccessfulSynchError")?.Element(Headers + "code"), Is.EqualTo("504"), late.ToString());
    }

    [TestCase("HSA-ID-7", "194804032094", Description = "TC6: routed, not authorized")]
    [TestCase("HSA-ID-77", "121212121212", Description = "routed only")]
    public async Task Systems_with_a_routing_but_no_authorization_are_VP007_when_called_directly(string address, string person)
    {
        var (status, envelope) = await CallAsync(Platform, address, Request(Gmh, person), Sender);

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(BodyChild(envelope).Element("faultstring")!.Value, Does.StartWith("VP007"));
    }

    [Test]
    public async Task The_demo_consumer_has_no_authorization_in_this_world()
    {
        var (_, envelope) = await CallAsync(Platform, National, Request(Gmh, "121212121212"), Consumer);

        Assert.That(BodyChild(envelope).Element("faultstring")!.Value, Does.StartWith("VP007"));
    }

    private async Task<(HttpStatusCode Status, XElement Envelope)> AggregatedAsync(XElement body)
    {
        var parts = body.Name.NamespaceName.Split(':');
        var path = $"{string.Join('/', parts[2..^2])}/{parts[^2].Replace("Responder", "", StringComparison.Ordinal)}/{parts[^1]}/rivtabp21";
        // The reference's suites send an Actor the strict crm:scheduling check would refuse; the stub (and this world) does not look.
        var envelope = Envelope(National, body).Replace("<soap:Header>",
            "<soap:Header><Actor xmlns=\"urn:riv:interoperability:headers:1\"><actorId>sample-actor</actorId><actorType>SUBJECT_OF_CARE_AGENT_X</actorType></Actor>", StringComparison.Ordinal);
        using var request = SoapMessages.Post(Platform.Router(path), envelope, Sender);
        request.Headers.Add("x-rivta-original-serviceconsumer-hsaid", OriginalConsumer);
        request.Headers.Add("x-skltp-correlation-id", Guid.NewGuid().ToString());
        using var response = await Platform.Http.SendAsync(request);
        return (response.StatusCode, XElement.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static XElement Request(string ns, string person)
    {
        XNamespace contract = ns;
        return ns switch
        {
            Gmh => new XElement(contract + "GetMedicationHistory", PersonId(contract, "urn:riv:clinicalprocess:activityprescription:actoutcome:2", person)),
            Schedule => new XElement(contract + "GetSubjectOfCareSchedule",
                new XElement(contract + "healthcare_facility", National), new XElement(contract + "subject_of_care", person)),
            _ => new XElement(contract + "GetRequestActivities", PatientIi(contract, "urn:riv:crm:requeststatus:2", person)),
        };
    }
}
