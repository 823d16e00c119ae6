using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using TjanstePlattform.Host.Cli;

namespace TjanstePlattform.Host.Tests.Cli;

/// <summary>The real entry point (<see cref="TjpCommandLine.RunAsync(string[], TextWriter, TextWriter, bool, CancellationToken)"/>) in-process.</summary>
public class TjpCommandLineTests
{
    private const string Contract = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";

    private string _scratch = null!;

    [SetUp]
    public void CreateScratch()
    {
        _scratch = Path.Combine(Path.GetTempPath(), "tjp-tests", "cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_scratch);
    }

    [TearDown]
    public void DeleteScratch()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A file a background task still holds: the temp folder is cleaned by the OS.
        }
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("-?")]
    public async Task Help_lists_every_verb_and_starts_nothing(string option)
    {
        var (code, output, error) = await RunAsync(option);
        Assert.That(code, Is.Zero, error);
        foreach (var verb in new[] { "serve", "replay", "record", "catalog", "backup" })
        {
            Assert.That(output, Does.Match($@"(?m)^\s+{verb}\b"), $"'{verb}' is listed");
        }
    }

    [Test]
    public async Task Version_prints_the_version_and_starts_nothing()
    {
        var (code, output, _) = await RunAsync("--version");
        Assert.That(code, Is.Zero);
        Assert.That(output.Trim(), Does.Match(@"^tjp \d+\.\d+\.\d+"));
    }

    [TestCase("serve")]
    [TestCase("replay")]
    [TestCase("record")]
    [TestCase("backup")]
    [TestCase("catalog")]
    [TestCase("catalog", "list")]
    [TestCase("catalog", "add")]
    [TestCase("catalog", "add", "production")]
    [TestCase("catalog", "add", "cooperation")]
    [TestCase("catalog", "delete")]
    [TestCase("catalog", "import")]
    [TestCase("catalog", "import", "order")]
    [TestCase("catalog", "import", "catalog")]
    [TestCase("catalog", "export")]
    [TestCase("catalog", "versions")]
    [TestCase("catalog", "version")]
    [TestCase("catalog", "publish")]
    [TestCase("catalog", "rollback")]
    public async Task Every_verb_and_sub_verb_has_help(params string[] verb)
    {
        var data = Path.Combine(_scratch, "data");
        var (code, output, error) = await RunAsync([.. verb, "--help", $"--Storage:Directory={data}"]);
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("Usage:" + Environment.NewLine + "  tjp " + string.Join(' ', verb)));
        Assert.That(output, Does.Contain("Description:"));
        Assert.That(Directory.Exists(data), Is.False, "help starts nothing and seeds nothing");
    }

    [TestCase("--verbose", "yes")]
    [TestCase("serve", "--verbose")]
    [TestCase("serve", "extra")]
    [TestCase("serve", "--Storage:Directory")]
    [TestCase("frobnicate")]
    [TestCase("replay", "--frobnicate", "a.xml")]
    [TestCase("replay", "a.xml", "--timeout", "soon")]
    [TestCase("record", "--target", "http://127.0.0.1:1", "--out", "o", "--bogus")]
    [TestCase("record", "--out", "o")]
    [TestCase("catalog", "list", "--bogus")]
    [TestCase("catalog", "list", "things")]
    [TestCase("catalog", "delete", "production")]
    [TestCase("catalog", "delete", "production", "seven")]
    [TestCase("catalog", "add")]
    [TestCase("catalog", "add", "production", "--producer", "P")]
    [TestCase("catalog", "frobnicate")]
    [TestCase("backup")]
    [TestCase("backup", "target", "--bogus")]
    public async Task Unknown_options_and_arguments_exit_with_2_and_one_line(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.That(code, Is.EqualTo(TjpCommandLine.UsageError), output + error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), error);
        Assert.That(lines[0], Does.StartWith("tjp"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task Entity_kinds_are_accepted_singular_and_plural()
    {
        var data = Path.Combine(_scratch, "data");
        var ids = new List<long>();
        foreach (var address in new[] { "SE-KIND-1", "SE-KIND-2" })
        {
            var (code, output, error) = await RunAsync("catalog", "--data", data, "add", "production", "--producer", "SE-P", "--logical-address", address,
                "--contract", Contract, "--address", "http://127.0.0.1:9/x");
            Assert.That(code, Is.Zero, error);
            ids.Add((long)JsonNode.Parse(output)!["result"]!["id"]!);
        }

        var singular = await RunAsync("catalog", "--data", data, "list", "production");
        var plural = await RunAsync("catalog", "--data", data, "list", "productions");
        Assert.That(singular.Code, Is.Zero, singular.Error);
        Assert.That(singular.Output, Is.EqualTo(plural.Output));
        Assert.That(JsonNode.Parse(singular.Output)!.AsArray(), Has.Count.EqualTo(2));

        Assert.That((await RunAsync("catalog", "--data", data, "delete", "production", ids[0].ToString())).Code, Is.Zero);
        Assert.That((await RunAsync("catalog", "--data", data, "delete", "productions", ids[1].ToString())).Code, Is.Zero);
        Assert.That(JsonNode.Parse((await RunAsync("catalog", "list", "--data", data)).Output)!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_port_in_use_is_one_line_and_exit_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var data = Path.Combine(_scratch, "data");

        var (code, output, error) = await RunAsync("--urls", $"http://127.0.0.1:{port}", $"--Storage:Directory={data}");

        Assert.That(code, Is.EqualTo(1), output + error);
        Assert.That(error.Trim(), Does.Not.Contain('\n').And.Contain($"port {port} is already in use"));
        Assert.That(error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task An_unwritable_data_directory_is_one_line_and_exit_1()
    {
        // Below a file: not writable for anyone, root included.
        var file = Path.Combine(_scratch, "a-file");
        await File.WriteAllTextAsync(file, "x");

        var (code, output, error) = await RunAsync("serve", "--urls", "http://127.0.0.1:0", $"--Storage:Directory={file}/data");

        Assert.That(code, Is.EqualTo(1), output + error);
        Assert.That(error.Trim(), Does.Not.Contain('\n').And.Contain("data directory").And.Contain("not writable"));
    }

    [Test]
    public async Task Serve_is_the_default_verb_and_passes_host_configuration_through()
    {
        var data = Path.Combine(_scratch, "data");
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var serving = TjpCommandLine.RunAsync(
            ["--urls", $"http://127.0.0.1:{port}", $"--Storage:Directory={data}", "--Platform:Name", "CLITEST", "--Logging:LogLevel:Default=Warning"],
            output, error, interactive: false, stop.Token);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        JsonNode? status = null;
        for (var attempt = 0; attempt < 600 && status is null && !serving.IsCompleted; attempt++)
        {
            try
            {
                status = JsonNode.Parse(await http.GetStringAsync("/status"));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100); // Kestrel not listening yet: a bounded wait for a real process, not a synchronisation sleep.
            }
        }

        Assert.That(serving.IsCompleted, Is.False, error.ToString());
        Assert.That((string?)status?["name"], Is.EqualTo("CLITEST"));
        Assert.That(Directory.EnumerateFiles(data), Is.Not.Empty, "--Storage:Directory is the host's");

        await stop.CancelAsync();
        Assert.That(await serving.WaitAsync(TimeSpan.FromSeconds(60)), Is.Zero, error.ToString());
    }

    [Test]
    public async Task Backup_of_the_data_directory_into_itself_is_refused_with_one_line_and_exit_1()
    {
        var data = Path.Combine(_scratch, "data");
        Directory.CreateDirectory(data);

        var (code, output, _) = await RunAsync("backup", data, $"--Storage:Directory={data}");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("must not be the data directory"));
    }

    [Test]
    public async Task Backup_with_the_PostgreSQL_provider_points_to_pg_dump()
    {
        var (code, output, _) = await RunAsync("backup", Path.Combine(_scratch, "backup"), "--Storage:Provider=PostgreSql", "--Storage:ConnectionString=Host=127.0.0.1");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("pg_dump"));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TjpCommandLine.RunAsync(args, output, error, interactive: false);
        return (code, output.ToString(), error.ToString());
    }
}
