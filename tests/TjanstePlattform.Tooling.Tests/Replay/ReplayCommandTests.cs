using System.Xml.Linq;
using TjanstePlattform.Host.Cli;
using TjanstePlattform.Testing;
using TjanstePlattform.Tooling.Replay;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static TjanstePlattform.Tooling.Tests.ToolingTestData;

namespace TjanstePlattform.Tooling.Tests.Replay;

/// <summary><c>tjp replay</c> and <c>tjp record</c> as a tester runs them: arguments, exit codes, output.</summary>
public class ReplayCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ReplayCommand.RunAsync(args, output, error, interactive: false);
        return (exit, output.ToString(), error.ToString());
    }

    [Test]
    public void Parses_every_option()
    {
        var request = ReplayCommand.Parse(
        [
            "a.xml", "--target", "http://127.0.0.1:8080", "--sender=SENDER", "--logical-address", "SE-1", "--cert", "c.pem", "--key", "k.pem",
            "--timeout", "500ms", "--property", "patientId=191212121212", "--property=a=b=c", "--schemas", "/s", "--no-validate",
            "--junit", "out.xml", "--data", "d.xml", "--header", "x-a=1", "--insecure", "folder",
        ]);
        Assert.That(request.Inputs, Is.EqualTo(new[] { "a.xml", "folder" }));
        var options = request.Options;
        Assert.That(options.Target, Is.EqualTo(new Uri("http://127.0.0.1:8080")));
        Assert.That((options.Sender, options.LogicalAddress, options.CertificatePath, options.KeyPath), Is.EqualTo(("SENDER", "SE-1", "c.pem", "k.pem")));
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(request.Properties, Is.EquivalentTo(new Dictionary<string, string> { ["patientId"] = "191212121212", ["a"] = "b=c" }));
        Assert.That((request.SchemasDirectory, request.JUnitPath, request.DataFile), Is.EqualTo(("/s", "out.xml", "d.xml")));
        Assert.That(options.Validate, Is.False);
        Assert.That(options.AcceptAnyServerCertificate, Is.True);
        Assert.That(options.Headers, Is.EqualTo(new[] { KeyValuePair.Create("x-a", "1") }));
    }

    [TestCase("--target")]
    [TestCase("--target", "not-a-url")]
    [TestCase("--timeout", "-1", "a.xml")]
    [TestCase("--property", "novalue", "a.xml")]
    [TestCase("--frobnicate", "a.xml")]
    [TestCase("--key", "k.pem", "a.xml")]
    public async Task A_bad_command_line_exits_with_2_and_one_line(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.TrimEnd(), Does.StartWith("tjp replay: ").And.Not.Contain('\n'));
    }

    [Test]
    public async Task No_inputs_and_inputs_without_requests_exit_with_2()
    {
        Assert.That((await RunAsync("--target", "http://127.0.0.1:1")).Exit, Is.EqualTo(2));
        var (exit, _, error) = await RunAsync(RivtaOracle.PathOf("schemas", "crm_requeststatus_1.0.1"), "--target", "http://127.0.0.1:1");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("no request envelopes"));
    }

    [Test]
    public async Task A_missing_certificate_or_schema_folder_exits_with_2()
    {
        var sample = Sample("GetRequestActivities", "agp_TC1_request.xml");
        Assert.That((await RunAsync(sample, "--target", "https://127.0.0.1:1", "--cert", "/no/such.pem", "--key", "/no/such.key")).Exit, Is.EqualTo(2));
        Assert.That((await RunAsync(sample, "--target", "http://127.0.0.1:1", "--schemas", "/no/such/dir")).Exit, Is.EqualTo(2));
    }

    [Test]
    public async Task Exit_code_0_only_when_every_case_passed_and_junit_is_written()
    {
        using var target = WireMockServer.Start();
        target.Given(Request.Create().UsingPost().WithHeader("SOAPAction", "*GetMedicationHistory*"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(GmhResponse()));
        target.Given(Request.Create().UsingPost().WithHeader("SOAPAction", "*GetRequestActivities*"))
            .RespondWith(Response.Create().WithStatusCode(500).WithBody(Fault));
        var junit = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"junit-{Guid.NewGuid():N}.xml");
        try
        {
            var passing = await RunAsync(Sample("GetMedicationHistory", "agp_TC1_request_national_address.xml"), "--target", target.Urls[0],
                "--schemas", RivtaOracle.PathOf("schemas"), "--junit", junit);
            Assert.That(passing.Exit, Is.EqualTo(0), passing.Output + passing.Error);
            Assert.That(passing.Output, Does.Contain("agp_TC1_request_national_address.xml").And.Contain("PASSED"));
            Assert.That(passing.Error, Does.Contain("[1/1] PASSED"), "progress goes to stderr");
            Assert.That((int)XDocument.Load(junit).Root!.Attribute("tests")!, Is.EqualTo(1));

            var failing = await RunAsync(Sample("GetMedicationHistory", "agp_TC1_request_national_address.xml"), Sample("GetRequestActivities", "agp_TC1_request.xml"),
                "--target", target.Urls[0], "--no-validate", "--junit", junit);
            Assert.That(failing.Exit, Is.EqualTo(1));
            Assert.That(failing.Output, Does.Contain("FAILED").And.Contain("VP009"));
            Assert.That((int)XDocument.Load(junit).Root!.Attribute("failures")!, Is.EqualTo(1));
        }
        finally
        {
            File.Delete(junit);
        }
    }

    [Test]
    public void Record_command_line_is_parsed_and_checked()
    {
        var options = RecordCommand.Parse(["--listen", "http://127.0.0.1:0", "--target", "http://127.0.0.1:8080", "--out", "rec", "--mask-person-ids"]);
        Assert.That((options.Listen.Port, options.Target.Port, options.OutputDirectory, options.MaskPersonIds), Is.EqualTo((0, 8080, "rec", true)));
        Assert.That(() => RecordCommand.Parse(["--out", "rec"]), Throws.InstanceOf<CliUsageException>().With.Message.Contains("--target"));
        Assert.That(() => RecordCommand.Parse(["--target", "http://x"]), Throws.InstanceOf<CliUsageException>().With.Message.Contains("--out"));
        Assert.That(() => RecordCommand.Parse(["--listen", "https://127.0.0.1:1", "--target", "http://x", "--out", "o"]), Throws.InstanceOf<CliUsageException>());
    }

    [Test]
    public void Replay_exit_codes_are_the_documented_ones()
    {
        Assert.That((ReplaySession.Success, ReplaySession.CasesFailed, ReplaySession.UsageError), Is.EqualTo((0, 1, 2)));
    }
}
