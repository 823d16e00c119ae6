using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using TjanstePlattform.Host.Cli;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Cli;

/// <summary><c>tjp catalog</c> against a running platform (--server) and on a data directory (--data).</summary>
public class CatalogCommandTests
{
    private const string Contract = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";

    [Test]
    public async Task Against_a_running_platform_the_commands_add_list_import_publish_and_roll_back()
    {
        await using var platform = await TestPlatform.StartAsync();
        var server = platform.BaseAddress.ToString();
        var start = platform.Snapshot().Version;

        var (code, output, error) = await RunAsync("--server", server, "--author", "cli-test", "add", "production",
            "--producer", "SE-CLI-PROD", "--logical-address", "SE-CLI", "--contract", Contract, "--address", "http://127.0.0.1:9/cli");
        Assert.That(code, Is.EqualTo(CatalogCommand.Success), error);
        var productionId = (long)JsonNode.Parse(output)!["id"]!;
        Assert.That(platform.Snapshot().RoutingsFor("SE-CLI", Contract).Single().Id, Is.EqualTo(productionId));

        (code, output, error) = await RunAsync("--server", server, "add", "cooperation", "--consumer", "SE-CLI-CONS", "--logical-address", "*",
            "--contract", Contract, "--filter", "riv:clinicalprocess:activityprescription:actoutcome=caa-gmh,caa-x");
        Assert.That(code, Is.EqualTo(CatalogCommand.Success), error);
        Assert.That(platform.Snapshot().AuthorizationsFor("SE-CLI-CONS", "*", Contract).Single().Filters.Single().Categorizations, Is.EqualTo(new[] { "caa-gmh", "caa-x" }));

        (code, output, _) = await RunAsync("--server", server, "list", "productions");
        Assert.That(code, Is.EqualTo(CatalogCommand.Success));
        Assert.That(output, Does.Contain("\"SE-CLI\""));

        // A refusal prints the problem and exits with 1.
        (code, _, error) = await RunAsync("--server", server, "add", "production", "--producer", "P", "--logical-address", "SE-CLI",
            "--contract", Contract, "--address", "http://127.0.0.1:9/other");
        Assert.That(code, Is.EqualTo(CatalogCommand.Refused));
        Assert.That(error, Does.Contain("409 Overlapping routing").And.Contain($"service production {productionId}"));

        var orderFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(orderFile, Orders.OrderApiTests.Order(Date(Today), "https://cli.example/x").ToJsonString());
            (code, output, error) = await RunAsync("--server", server, "import", "order", orderFile, "--dry-run");
            Assert.That(code, Is.EqualTo(CatalogCommand.Success), error);
            Assert.That((bool)JsonNode.Parse(output)!["dryRun"]!, Is.True);
            (code, output, error) = await RunAsync("--server", server, "import", "order", orderFile);
            Assert.That(code, Is.EqualTo(CatalogCommand.Success), error);
            Assert.That(platform.Snapshot().RoutingsFor("TEST-001", "urn:riv:clinicalprocess:activity:actions:GetActivitiesResponder:2"), Has.Count.EqualTo(1));
        }
        finally
        {
            File.Delete(orderFile);
        }

        (code, output, _) = await RunAsync("--server", server, "versions");
        Assert.That(code, Is.EqualTo(CatalogCommand.Success));
        var versions = JsonNode.Parse(output)!.AsArray();
        Assert.That((long)versions[0]!["number"]!, Is.EqualTo(start + 3));
        Assert.That(versions.Any(v => (string?)v!["publishedBy"] == "cli-test"), Is.True);

        (code, _, error) = await RunAsync("--server", server, "rollback", (start + 1).ToString());
        Assert.That(code, Is.EqualTo(CatalogCommand.Success), error);
        Assert.That(platform.Snapshot().RoutingsFor("SE-CLI", Contract), Has.Count.EqualTo(1));
        Assert.That(platform.Snapshot().AuthorizationsFor("SE-CLI-CONS", "*", Contract), Is.Empty);

        (code, output, _) = await RunAsync("--server", server, "export");
        Assert.That(code, Is.EqualTo(CatalogCommand.Success));
        Assert.That((string?)JsonNode.Parse(output)!["format"], Is.EqualTo("tjp-catalog/1"));
    }

    [Test]
    public async Task On_a_data_directory_the_same_commands_work_without_a_platform()
    {
        var data = Path.Combine(Path.GetTempPath(), "tjp-tests", "cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, error) = await RunAsync("--data", data, "add", "production", "--producer", "SE-P", "--logical-address", "SE-OFFLINE",
                "--contract", Contract, "--address", "https://offline.example/x", "--profile", "rivtabp20", "--from", "2030-01-01");
            Assert.That(code, Is.EqualTo(CatalogCommand.Success), error);

            var (listCode, output, _) = await RunAsync("--data", data, "list");
            Assert.That(listCode, Is.EqualTo(CatalogCommand.Success));
            var production = JsonNode.Parse(output)!.AsArray().Single()!;
            Assert.That((string?)production["rivtaProfile"], Is.EqualTo("RIVTABP20"));
            Assert.That((string?)production["validFrom"], Is.EqualTo("2030-01-01"));

            (code, output, _) = await RunAsync("--data", data, "versions");
            Assert.That(JsonNode.Parse(output)!.AsArray(), Has.Count.EqualTo(1));

            (code, _, error) = await RunAsync("--data", data, "add", "production", "--producer", "SE-P", "--logical-address", "SE-OFFLINE",
                "--contract", Contract, "--address", "ftp://x");
            Assert.That(code, Is.EqualTo(CatalogCommand.Refused));
            Assert.That(error, Does.Contain("Invalid physical address"));

            // The platform started on that directory serves what the CLI wrote.
            await using var platform = await TestPlatform.StartAsync(dataDirectory: data);
            Assert.That(platform.Snapshot().RoutingsFor("SE-OFFLINE", Contract), Has.Count.EqualTo(1));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [TestCase(new[] { "add" }, "missing command: production, cooperation")]
    [TestCase(new[] { "add", "production", "--producer", "x" }, "'--logical-address' is required")]
    [TestCase(new[] { "rollback", "seven" }, "'seven'")]
    [TestCase(new[] { "frobnicate" }, "'frobnicate'")]
    [TestCase(new[] { "--server", "ftp://x", "versions" }, "--server wants an absolute http(s) URL")]
    [TestCase(new[] { "--server", "http://127.0.0.1:1", "--data", "d", "versions" }, "either --server or --data")]
    public async Task Usage_errors_exit_with_2_and_say_what_is_wrong(string[] args, string message)
    {
        var (code, _, error) = await RunAsync(args);
        Assert.That(code, Is.EqualTo(CatalogCommand.UsageError));
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public async Task An_unreachable_platform_exits_with_3()
    {
        var (code, _, error) = await RunAsync("--server", "http://127.0.0.1:1", "versions");
        Assert.That(code, Is.EqualTo(CatalogCommand.Unavailable));
        Assert.That(error, Does.Contain("127.0.0.1:1"));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CatalogCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
