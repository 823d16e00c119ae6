using TjanstePlattform.Host.Cli;
using TjanstePlattform.Testing;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Assertions.Schemas;
using TjanstePlattform.Tooling.Replay;

namespace TjanstePlattform.Tooling.Tests.Replay;

/// <summary>
/// <c>tjp replay wsdl/samples --target &lt;platform&gt; --sender TJP-DEMO-CONSUMER</c> against a fresh demo platform: every
/// sample's <c>Expected:</c> line and the project's own SoapUI project (wsdl/samples/soapui, with its property transfer
/// from MakeBooking to GetBookingDetails and CancelBooking) pass whole.
/// </summary>
[NonParallelizable]
public class ProjectSamplesReplayTests
{
    private TestPlatform _platform = null!;

    private static string SamplesFolder => Path.Combine(RivtaOracle.RepositoryRoot, "wsdl", "samples");

    private static string SoapUiProject => Path.Combine(SamplesFolder, "soapui", "tjp-demo-soapui-project.xml");

    // Each test replays against a platform of its own: samples change the demo world (bookings, orders).
    [SetUp]
    public async Task StartPlatform() => _platform = await TestPlatform.StartAsync().WaitAsync(TimeSpan.FromSeconds(90));

    [TearDown]
    public async Task StopPlatform() => await _platform.DisposeAsync();

    [Test]
    public async Task The_whole_samples_folder_passes_with_the_readme_command_and_every_answer_is_schema_valid()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ReplayCommand.RunAsync(
            [SamplesFolder, "--target", _platform.BaseAddress.ToString(), "--sender", "TJP-DEMO-CONSUMER", "--validate-all"],
            output, error, interactive: false);

        Assert.That(exit, Is.EqualTo(ReplaySession.Success), output.ToString());
        var summary = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.That(summary, Does.Match(@"^\d+ case\(s\): (\d+) passed, 0 failed, 0 error\(s\), 0 skipped;"), summary);
        Assert.That(output.ToString(), Does.Contain("TJP demo world / Demo world"), "the SoapUI project in the folder ran too");
    }

    [Test]
    public async Task Deliberate_fault_samples_expect_their_fault_and_fail_on_another_answer()
    {
        var cases = ReplayInputs.Load([Path.Combine(SamplesFolder, "GetMedicationHistory")]).Cases;
        var wrongAddress = cases.Single(c => c.Name.EndsWith("90_bad_wrong_logical_address.xml", StringComparison.Ordinal));
        Assert.That(wrongAddress.Steps[0].Assertions.Select(a => a.Name), Is.SupersetOf(new[] { "Expected: SOAP fault", "Expected: fault VP004", "Expected: HTTP 500" }));
        var logical = cases.Single(c => c.Name.StartsWith("80_", StringComparison.Ordinal));
        Assert.That(logical.Steps[0].Assertions.Select(a => a.Name), Is.SupersetOf(new[] { "Expected: resultCode ERROR", "Expected: errorCode INVALID_REQUEST", "Expected: HTTP 200" }));

        using var runner = new ReplayRunner(new ReplayOptions { Target = _platform.BaseAddress, Sender = "TJP-DEMO-CONSUMER" });
        var report = await runner.RunAsync(cases);
        Assert.That(report.Cases.Where(c => c.Status != CaseStatus.Passed).Select(c => $"{c.Case.Name}: {c.Reason}"), Is.Empty);

        // The same fault sample from a consumer that may not call: VP007 where VP004 is expected fails the case.
        using var stranger = new ReplayRunner(new ReplayOptions { Target = _platform.BaseAddress, Sender = "TJP-NOT-AUTHORIZED" });
        var happy = cases.Single(c => c.Name.StartsWith("02_", StringComparison.Ordinal));
        var refused = await stranger.RunCaseAsync(happy);
        Assert.That(refused.Status, Is.EqualTo(CaseStatus.Failed));
        Assert.That(refused.Reason, Does.StartWith("Expected: HTTP 200"));
    }

    [Test]
    public async Task The_projects_soapui_project_passes_and_says_which_steps_it_could_not_run()
    {
        var cases = ReplayInputs.Load([SoapUiProject]).Cases;
        using var runner = new ReplayRunner(new ReplayOptions { Target = _platform.BaseAddress, Sender = "TJP-DEMO-CONSUMER" }, ContractSchemas.Create());
        var report = await runner.RunAsync(cases);

        Assert.That(report.Cases.Where(c => c.Status != CaseStatus.Passed).Select(c => $"{c.Case.Name}: {c.Reason}"), Is.Empty);
        Assert.That(report.Cases.Select(c => c.Case.Name), Is.EqualTo(new[]
        {
            "Medication of Tolvan in JRN1", "Aggregated medication of Tolvan", "A step's own sender wins", "Referrals of Tolvan",
            "Book, read and cancel a time for Tolvan",
        }));

        // Data keyed by the test case's own name, and properties set by Groovy statements, reached the requests.
        Assert.That(report.Cases.SelectMany(c => c.Case.Notes), Is.Empty, "no unresolved property");
        var assertions = report.Cases.SelectMany(c => c.Steps).SelectMany(s => s.Assertions).ToList();
        Assert.That(assertions.Where(a => a.Status != AssertionStatus.Passed).Select(a => a.ToString()), Is.Empty);
        Assert.That(assertions.Select(a => a.Type).Distinct(), Is.SupersetOf(new[] { "XPath Match", "XQuery Match", "Schema Compliance", "SOAP Fault Assertion", "Property Transfer" }));

        // The booking's id, transferred from MakeBooking's answer, is the one GetBookingDetails and CancelBooking were sent.
        var booking = report.Cases.Single(c => c.Case.Name == "Book, read and cancel a time for Tolvan");
        Assert.That(booking.Steps.Select(s => s.Name), Is.EqualTo(new[]
        {
            "MakeBooking in BOK1", "Take the bookingId", "GetBookingDetails of the new booking", "CancelBooking of the new booking",
        }));
        Assert.That(booking.Steps[1].Assertions.Select(a => a.Message), Has.All.Match("^'BOK1-\\d+' into "));

        // The project's unsupported steps are named and counted, never passed silently.
        Assert.That(report.StepsNotRun, Is.EqualTo(2));
        Assert.That(report.Cases.SelectMany(c => c.Case.StepsNotRun), Is.EquivalentTo(new[]
        {
            "'Look up in the journal database' (jdbc): JDBC steps query a database replay has no access to",
            "'Compute a date' (groovy): the statement 'def today = new Date().format(\"yyyyMMdd\")' needs a Groovy engine",
        }));
    }
}
