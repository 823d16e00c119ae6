using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Host.Serve;
using TjanstePlattform.Platform;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Startup;

/// <summary>Catalog resilience: the local snapshot file when the store is unreadable, and nothing (VP008) without either.</summary>
public class ResilienceTests
{
    private string _data = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _data = Path.Combine(Path.GetTempPath(), "tjp-tests", "catalog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_data);
    }

    [TearDown]
    public void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Test]
    public async Task Every_published_version_is_also_written_to_the_local_snapshot_file()
    {
        await using var platform = await TestPlatform.StartAsync(dataDirectory: _data);
        await platform.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: "SE-FILE"));
        var file = await File.ReadAllTextAsync(Path.Combine(_data, "catalog-snapshot.json"));
        Assert.That(file, Does.Contain("\"SE-FILE\""));
        Assert.That(file, Does.Contain($"\"version\":{platform.Snapshot().Version}"));
    }

    [Test]
    public async Task An_unreadable_store_at_start_is_replaced_by_the_local_snapshot_file()
    {
        long version;
        await using (var first = await TestPlatform.StartAsync(dataDirectory: _data))
        {
            await first.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: "SE-FALLBACK"));
            version = first.Snapshot().Version;
        }

        CorruptStore();

        // Without ContinueOnDamage the start is refused (DurabilityTests); told to continue, the snapshot file serves.
        await using var second = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Storage:ContinueOnDamage"] = "true" }, dataDirectory: _data);
        var status = second.Services.GetRequiredService<ICatalogStatus>();
        Assert.That(status.Source, Is.EqualTo(CatalogLoadSource.LocalFile));
        Assert.That(status.LastError, Does.Contain("catalog.db"));
        Assert.That(second.Snapshot().Version, Is.EqualTo(version));
        Assert.That(second.Snapshot().RoutingsFor("SE-FALLBACK", "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2"), Has.Count.EqualTo(1));
        Assert.That(second.Services.GetRequiredService<PlatformReadiness>().IsReady, Is.True);

        // Changes cannot be stored: a precise 503, and the served snapshot stays as it was.
        await (await second.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: "SE-NEW")))
            .AssertProblemAsync(HttpStatusCode.ServiceUnavailable, CatalogProblems.StoreUnavailable, "catalog.db");
        await (await second.Http.GetAsync("/api/v1/serviceProductions")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable, CatalogProblems.StoreUnavailable);
        Assert.That(await second.Services.GetRequiredService<ICatalogReloader>().ReloadAsync(CancellationToken.None), Is.Null);
        Assert.That(second.Snapshot().Version, Is.EqualTo(version));
    }

    [Test]
    public async Task Without_store_and_file_there_is_no_snapshot_and_the_catalog_gate_stays_closed()
    {
        CorruptStore();
        var app = PlatformApplication.Build(["--urls=http://127.0.0.1:0", $"--Storage:Directory={_data}", "--Storage:ContinueOnDamage=true", "--Logging:LogLevel:Default=None"]);
        await app.StartAsync();
        try
        {
            var services = app.Services;
            var baseAddress = await services.GetRequiredService<IPlatformAddress>().GetBaseAddressAsync();
            Assert.That(services.GetRequiredService<ICatalogSnapshotSource>().Current, Is.Null);
            Assert.That(services.GetRequiredService<ICatalogStatus>().Source, Is.EqualTo(CatalogLoadSource.None));
            var readiness = services.GetRequiredService<PlatformReadiness>();
            Assert.That(readiness.IsReady, Is.False);
            Assert.That(readiness.Pending, Does.Contain("catalog"));

            using var http = new HttpClient { BaseAddress = baseAddress };
            var ready = await http.GetAsync("/health/ready");
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private void CorruptStore()
    {
        SqliteConnection.ClearAllPools();
        foreach (var leftover in new[] { "catalog.db-wal", "catalog.db-shm" })
        {
            File.Delete(Path.Combine(_data, leftover));
        }

        File.WriteAllText(Path.Combine(_data, "catalog.db"), new string('#', 4096));
    }
}
