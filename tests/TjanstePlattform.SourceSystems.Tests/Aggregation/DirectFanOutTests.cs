using System.Net;
using System.Xml.Linq;
using TjanstePlattform.SourceSystems.Tests.Records;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;
using static TjanstePlattform.SourceSystems.Tests.Records.RecordCalls;

namespace TjanstePlattform.SourceSystems.Tests.Aggregation;

/// <summary>
/// The aggregating services hand a branch for a built-in producer to its direct entry (no envelope written and read in
/// between); the answer must be the one the envelope path gives. Compared with a platform whose built-ins are called
/// over HTTP (Routing:BuiltInsOverHttp), for every aggregated contract of the demo world: the same records, in the same
/// order, with the same content (namespace declarations may sit on other elements), and the same processing status.
/// </summary>
public class DirectFanOutTests
{
    private const string Contract = SoapMessages.GetMedicationHistoryNamespace;
    private TestPlatform _direct = null!;
    private TestPlatform _overHttp = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _direct = await TestPlatform.StartAsync();
        _overHttp = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Routing:BuiltInsOverHttp"] = "true" });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _direct.DisposeAsync();
        await _overHttp.DisposeAsync();
    }

    public static IEnumerable<TestCaseData> Contracts => AggregatedContractsTests.Contracts;

    [TestCaseSource(nameof(Contracts))]
    public async Task A_record_contract_answers_the_same_directly_as_over_HTTP(string ns, string record)
    {
        var request = AggregatedContractsTests.Request(ns, DemoWorldFixture.Tolvan);

        var (directStatus, direct) = await CallAsync(_direct, DemoWorldFixture.National, request);
        var (hopStatus, hop) = await CallAsync(_overHttp, DemoWorldFixture.National, request);

        Assert.That(directStatus, Is.EqualTo(HttpStatusCode.OK), direct.ToString());
        Assert.That(hopStatus, Is.EqualTo(HttpStatusCode.OK), hop.ToString());
        AssertSameAnswer(direct, hop);
        Assert.That(BodyChild(direct).Elements(XName.Get(record, ns)).Count(), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task Medication_history_a_typed_contract_answers_the_same_directly_as_over_HTTP()
    {
        var envelope = SoapMessages.GetMedicationHistory(DemoWorldFixture.National, DemoWorldFixture.Tolvan);

        // One correlation id for both: it is the aggregated answer's logId.
        var direct = await PostAsync(_direct, envelope, "corr-direct-1");
        var hop = await PostAsync(_overHttp, envelope, "corr-direct-1");

        // The journal shares its records: the second direct answer is made of the records the first one rendered.
        var again = await PostAsync(_direct, envelope, "corr-direct-1");

        AssertSameAnswer(direct, hop);
        AssertSameAnswer(again, hop);
        var documents = BodyChild(direct).Descendants().Where(e => e.Name.LocalName == "documentId").Select(e => e.Value).ToList();
        Assert.That(documents.Where(d => d.StartsWith("JRN1-", StringComparison.Ordinal)), Is.Not.Empty);
        Assert.That(documents.Where(d => d.StartsWith("JRN2-", StringComparison.Ordinal)), Is.Not.Empty);
    }

    [Test]
    public async Task A_body_the_producer_cannot_bind_fails_each_branch_with_the_producers_own_fault_as_over_HTTP()
    {
        // Not the contract's enumeration: the aggregating service passes it on, each journal refuses it with its client fault.
        var envelope = SoapMessages.GetMedicationHistory(DemoWorldFixture.National, DemoWorldFixture.Tolvan, "<urn1:prescriptionStatus>Bogus</urn1:prescriptionStatus>");

        var direct = await PostAsync(_direct, envelope, "corr-direct-2");
        var hop = await PostAsync(_overHttp, envelope, "corr-direct-2");

        Assert.That(ProcessingStatus(direct), Is.EqualTo(new[] { (DemoWorldFixture.Jrn1, "NoDataSynchFailed"), (DemoWorldFixture.Jrn2, "NoDataSynchFailed") }));
        Assert.That(Failures(direct), Is.EqualTo(Failures(hop)));
        Assert.That(Failures(direct).Select(f => f.Code), Is.All.EqualTo("500"));
        Assert.That(Failures(direct).Select(f => f.Text), Is.All.Contains("Bogus"));
    }

    /// <summary>(causingAgent, code, text) of every failed ProcessingStatus record, by logical address.</summary>
    private static (string Agent, string Code, string Text)[] Failures(XElement envelope) =>
        [.. envelope.Descendants(Headers + "ProcessingStatusList")
            .OrderBy(r => (string)r.Element(Headers + "logicalAddress")!, StringComparer.Ordinal)
            .Select(r => r.Element(Headers + "lastUnsuccessfulSynchError"))
            .Where(e => e is not null)
            .Select(e => ((string)e!.Element(Headers + "causingAgent")!, (string)e.Element(Headers + "code")!, (string)e.Element(Headers + "text")!))];

    [Test]
    public async Task A_producer_with_a_fault_armed_takes_the_envelope_path_and_fails_only_its_branch()
    {
        // Fault injection is written for the envelope path (a closed connection, broken XML): armed, the direct entry is not used.
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(_direct.BaseAddress, $"/api/v1/sourceSystems/{DemoWorldFixture.Jrn2}/faults"))
        {
            Content = new StringContent("""{"malformedXml":{"probability":1}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        (await _direct.Http.SendAsync(put)).EnsureSuccessStatusCode();
        try
        {
            var answer = await PostAsync(_direct, SoapMessages.GetMedicationHistory(DemoWorldFixture.National, DemoWorldFixture.Tolvan));

            Assert.That(ProcessingStatus(answer), Is.EqualTo(new[] { (DemoWorldFixture.Jrn1, "DataFromSource"), (DemoWorldFixture.Jrn2, "NoDataSynchFailed") }));
            var documents = BodyChild(answer).Descendants().Where(e => e.Name.LocalName == "documentId").Select(e => e.Value).ToList();
            Assert.That(documents, Is.Not.Empty.And.All.StartsWith("JRN1-"), "JRN1's records only");
        }
        finally
        {
            using var reset = new HttpRequestMessage(HttpMethod.Delete, new Uri(_direct.BaseAddress, $"/api/v1/sourceSystems/{DemoWorldFixture.Jrn2}/faults"));
            await _direct.Http.SendAsync(reset);
        }
    }

    private static async Task<XElement> PostAsync(TestPlatform platform, string envelope, string? correlationId = null)
    {
        using var request = SoapMessages.Post(platform.Router(), envelope, DemoWorldFixture.Consumer);
        if (correlationId is not null)
        {
            request.Headers.TryAddWithoutValidation("x-skltp-correlation-id", correlationId);
        }

        using var response = await platform.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return XElement.Parse(text);
    }

    private static void AssertSameAnswer(XElement direct, XElement overHttp)
    {
        Assert.That(ProcessingStatus(direct), Is.EqualTo(ProcessingStatus(overHttp)));
        var a = Normalized(BodyChild(direct));
        var b = Normalized(BodyChild(overHttp));
        Assert.That(XNode.DeepEquals(a, b), Is.True, $"directly:{Environment.NewLine}{a}{Environment.NewLine}over HTTP:{Environment.NewLine}{b}");
    }

    /// <summary>A copy without namespace declarations: where a namespace is declared does not change what the XML says.</summary>
    private static XElement Normalized(XElement element)
    {
        var copy = new XElement(element);
        foreach (var e in copy.DescendantsAndSelf())
        {
            e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        }

        return copy;
    }
}
