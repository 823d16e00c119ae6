using TjanstePlattform.Testing;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Replay;
using WireMock.Server;
using static TjanstePlattform.Tooling.Tests.ToolingTestData;

namespace TjanstePlattform.Tooling.Tests.Replay;

/// <summary>
/// The official GetMedicationHistory contract test suite (SoapUI project + data.xml), replayed headless
/// against its own official mock answers: directly, and through the platform's router.
/// </summary>
public class OfficialSuiteTests
{
    private WireMockServer _mock = null!;

    [OneTimeSetUp]
    public void StartMock() => _mock = StartOfficialMock();

    [OneTimeTearDown]
    public void StopMock() => _mock.Stop();

    private static async Task<ReplayReport> RunSuiteAsync(ReplayOptions options)
    {
        var cases = ReplayInputs.Load([SuiteProject]).Cases;
        using var runner = new ReplayRunner(options, OfficialSchemas);
        return await runner.RunAsync(cases);
    }

    [Test]
    public async Task Every_case_passes_against_the_official_mock_with_groovy_assertions_skipped_by_name()
    {
        var report = await RunSuiteAsync(new ReplayOptions { Target = new Uri(_mock.Urls[0] + "/mockGetMedicationHistoryResponderBinding") });

        Assert.That(report.Cases.Select(c => c.Case.Name).ToList(), Has.Count.EqualTo(11));
        Assert.That(report.Cases.Where(c => c.Status != CaseStatus.Passed).Select(c => $"{c.Case.Name}: {c.Reason}"), Is.Empty);

        // Each XPath, SLA, SOAP and schema assertion ran; the suite's Groovy scripts (Schematron, document ids …) were skipped by name.
        var basic = report.Cases[0].Steps.Single().Assertions;
        Assert.That(basic.Where(a => a.Status == AssertionStatus.Passed).Select(a => a.Name), Is.EqualTo(new[]
        {
            "SOAP Response", "Schema Compliance", "Not SOAP Fault", "Response SLA", "Ensure result.logId is returned", "Ensure result.resultCode equals OK",
        }));
        Assert.That(basic.Where(a => a.Status == AssertionStatus.Skipped).Select(a => a.Name), Is.EqualTo(new[]
        {
            "Assert schematron", "Assert document id's", "Ensure correct PatientId is returned",
        }));

        var fault = report.Cases.Single(c => c.Case.Name == "Verify SourceSystemHSAid and LogicalAddress").Steps.Single().Assertions;
        Assert.That(fault.Single(a => a.Name == "Ensure result.errorCode equals INVALID_REQUEST").Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(report.Cases.Sum(c => c.SkippedAssertions.Count()), Is.EqualTo(24), "3+3+3+3+2+3+1+4+2 Groovy assertions in the nine functional cases");
    }

    [Test]
    public async Task A_wrong_answer_fails_the_cases_that_check_it()
    {
        using var wrong = WireMockServer.Start();
        wrong.Given(WireMock.RequestBuilders.Request.Create().UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(SampleText("GetMedicationHistory", "13_response_INVALID_REQUEST.xml")));
        var report = await RunSuiteAsync(new ReplayOptions { Target = new Uri(wrong.Urls[0] + "/gmh") });

        Assert.That(report.Cases.Take(9).Where(c => c.Case.Name != "NonExisting PatientId").Select(c => c.Status), Is.All.EqualTo(CaseStatus.Failed));
        Assert.That(report.Cases[0].Reason, Does.StartWith("Ensure result.resultCode equals OK: XPath"));
        Assert.That(report.Cases.Skip(9).Select(c => c.Status), Is.All.EqualTo(CaseStatus.Passed), "the fault tests expect exactly this answer");
        Assert.That(report.Cases.Single(c => c.Case.Name == "NonExisting PatientId").Status, Is.EqualTo(CaseStatus.Passed),
            "its only real check (an empty answer) is a Groovy script, reported as skipped");
    }

    [Test]
    public async Task Through_the_router_to_the_official_mock_as_a_registered_producer()
    {
        // A platform that cannot start fails the test instead of stalling the run.
        await using var platform = await TestPlatform.StartAsync().WaitAsync(TimeSpan.FromSeconds(90));
        // The suite's own receivers (112233, 987654321) belong to the built-in demo journal: the mock gets a receiver of its own.
        const string mockReceiver = "TEST-OFFICIAL-MOCK";
        await new CatalogApi(platform.Http).ConnectAsync("TEST-CONSUMER", mockReceiver, GmhResponder, _mock.Urls[0] + "/mockGetMedicationHistoryResponderBinding");

        var report = await RunSuiteAsync(new ReplayOptions { Target = platform.BaseAddress, Sender = "TEST-CONSUMER", LogicalAddress = mockReceiver });

        Assert.That(report.Cases.Where(c => c.Status != CaseStatus.Passed).Select(c => $"{c.Case.Name}: {c.Reason}"), Is.Empty);
        Assert.That(report.Cases.SelectMany(c => c.Steps).Select(s => s.Address!.AbsolutePath),
            Is.All.EqualTo("/vp/clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21"));
    }

    /// <summary>
    /// The suite against the built-in demo journal (source systems: journal 112233, also at logical address 987654321,
    /// holding the suite's data.xml patients), through the router, as the demo consumer.
    /// </summary>
    [Test]
    public async Task Official_suite_against_the_built_in_journal_producer_through_the_router()
    {
        // A platform that cannot start fails the test instead of stalling the run.
        await using var platform = await TestPlatform.StartAsync().WaitAsync(TimeSpan.FromSeconds(90));

        // The demo consumer of the built-in catalog is authorized for every built-in source system; answers are
        // validated against the official schema releases, not the platform's own copies.
        using var runner = new ReplayRunner(new ReplayOptions { Target = platform.BaseAddress, Sender = "TJP-DEMO-CONSUMER" }, OfficialSchemas);

        // The suite's data.xml as it is: one case fails, and it is the suite's fault. Its "NonExisting CareContactId" data
        // spells the property sourceSystemHSAid while the request reads ${sourceSystemHSAId} (names are case-sensitive, in
        // SoapUI too), so the request carries an empty sourceSystemHSAId next to a careContactId and a correct producer
        // answers ERROR/INVALID_REQUEST where the case expects OK.
        var asShipped = await runner.RunAsync(ReplayInputs.Load([SuiteProject]).Cases);
        Assert.That(asShipped.Cases.Select(c => c.Case.Name).ToList(), Has.Count.EqualTo(11));
        Assert.That(asShipped.Cases.Where(c => c.Status != CaseStatus.Passed).Select(c => c.Case.Name), Is.EqualTo(new[] { "NonExisting CareContactId" }),
            string.Join("\n", asShipped.Cases.Select(c => $"{c.Case.Name}: {c.Reason}")));
        Assert.That(asShipped.Cases.Single(c => c.Case.Name == "NonExisting CareContactId").Reason, Does.StartWith("AND ensure result.resultCode is OK: XPath Match"));

        // With the property given as the suite meant it, every case passes.
        var fixedData = await runner.RunAsync(ReplayInputs.Load([SuiteProject], new Dictionary<string, string> { ["sourceSystemHSAId"] = "112233" }).Cases);
        Assert.That(fixedData.Cases.Where(c => c.Status != CaseStatus.Passed).Select(c => $"{c.Case.Name}: {c.Reason}"), Is.Empty);
        Assert.That(fixedData.Cases.SelectMany(c => c.Steps).SelectMany(s => s.Assertions).Where(a => a.Type == SchemaComplianceAssertion.TypeId).Select(a => a.Status),
            Is.All.EqualTo(AssertionStatus.Passed), "every answer of the journal is valid against the official schemas");
    }
}
