using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Host.Backup;
using TjanstePlattform.Host.Storage;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;

namespace TjanstePlattform.SourceSystems.Tests.Storage;

/// <summary>
/// The damaged-file cases of the SQLite stores: every one ends in a refusal with one clear line or a recovery with a
/// warning, never in a platform that starts "Healthy" over lost data.
/// </summary>
[TestFixture]
public sealed class DurabilityTests
{
    /// <summary>The "held data" marker beside the stores (Host's SqliteStoreFiles.MarkerFileName).</summary>
    private const string MarkerFile = "stores-held.json";
    private const string Contract = "urn:riv:crm:scheduling:GetBookingDetailsResponder:1";
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "tjp-tests", "durability-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string PathOf(string file) => Path.Combine(_directory, file);

    private Task<TestPlatform> StartAsync(string? directory = null, bool continueOnDamage = false) =>
        TestPlatform.StartAsync(new Dictionary<string, string?> { ["Storage:ContinueOnDamage"] = continueOnDamage ? "true" : "false" }, directory ?? _directory);

    /// <summary>A platform that ran (demo world seeded, a routing added) and stopped cleanly.</summary>
    private async Task RunOnceAsync()
    {
        var platform = await StartAsync();
        await new CatalogApi(platform.Http).AddServiceProductionAsync("SE-DURABLE-1", Contract, "http://127.0.0.1:9/x");
        await platform.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private void Delete(string file)
    {
        foreach (var path in new[] { PathOf(file), PathOf(file) + "-wal", PathOf(file) + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static async Task<int> MedicationRecordsAsync(TestPlatform platform) =>
        (await new Calls(platform).MedicationHistoryAsync(DemoWorldFixture.National, DemoWorldFixture.Tolvan)).GetMedicationHistoryResponseValue.MedicationMedicalRecord.Count;

    [Test]
    public async Task A_deleted_engagement_index_that_held_data_stops_the_start_with_one_line()
    {
        await RunOnceAsync();
        Delete("engagementindex.db");

        var refused = await Assert.ThrowsAsync<StoreDamagedException>(() => StartAsync());

        Assert.That(refused!.Message, Does.Contain("engagementindex.db is missing or empty but held"));
        Assert.That(refused.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public async Task An_engagement_index_truncated_to_zero_stops_the_start_unless_told_to_continue()
    {
        await RunOnceAsync();
        await File.WriteAllBytesAsync(PathOf("engagementindex.db"), []);
        File.Delete(PathOf("engagementindex.db-wal"));

        await Assert.ThrowsAsync<StoreDamagedException>(() => StartAsync());
        await using var continued = await StartAsync(continueOnDamage: true);
        Assert.That(continued.Services.GetRequiredService<TjanstePlattform.Platform.PlatformReadiness>().IsReady, Is.True);
    }

    [Test]
    public async Task A_deleted_catalog_restores_itself_from_its_snapshot_file_instead_of_reseeding_the_demo()
    {
        await RunOnceAsync();
        Delete("catalog.db");

        await using var platform = await StartAsync();

        var snapshot = platform.Services.GetRequiredService<ICatalogSnapshotSource>().Current!;
        Assert.That(snapshot.ServiceProductions.Select(p => p.LogicalAddress), Does.Contain("SE-DURABLE-1"));
        Assert.That(await MedicationRecordsAsync(platform), Is.GreaterThan(0));
    }

    [Test]
    public async Task A_lost_wal_file_that_held_writes_not_yet_checkpointed_stops_the_start()
    {
        await RunOnceAsync();
        // As the checkpointer leaves the marker during a burst of writes, then a crash and the -wal deleted.
        var marks = System.Text.Json.Nodes.JsonNode.Parse(StoreMarkersFile())!;
        marks["engagementindex.db"]!["WalPending"] = true;
        await File.WriteAllTextAsync(PathOf(MarkerFile), marks.ToJsonString());
        File.Delete(PathOf("engagementindex.db-wal"));

        var refused = await Assert.ThrowsAsync<StoreDamagedException>(() => StartAsync());

        Assert.That(refused!.Message, Does.Contain("engagementindex.db-wal is missing while it held writes not yet checkpointed"));
    }

    [Test]
    public async Task At_shutdown_every_write_is_checkpointed_into_the_database_files()
    {
        await RunOnceAsync();

        Assert.That(new FileInfo(PathOf("engagementindex.db-wal")) is { Exists: false } or { Length: 0 });
        Assert.That(StoreMarkersFile(), Does.Contain("\"engagementindex.db\":{\"Rows\":").And.Contain("\"WalPending\":false"));
        // The .db files alone (what a file copy takes) hold the data.
        var copy = Path.Combine(_directory, "copy");
        Directory.CreateDirectory(copy);
        File.Copy(PathOf("engagementindex.db"), Path.Combine(copy, "engagementindex.db"));
        using var connection = new SqliteConnection($"Data Source={Path.Combine(copy, "engagementindex.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM engagement";
        Assert.That((long)command.ExecuteScalar()!, Is.GreaterThan(0));
    }

    [Test]
    public async Task Garbage_in_the_engagement_index_pages_stops_the_start()
    {
        await RunOnceAsync();
        var length = new FileInfo(PathOf("engagementindex.db")).Length;
        Assert.That(length, Is.GreaterThanOrEqualTo(3 * 4096), "the demo index spans several pages");
        await using (var file = new FileStream(PathOf("engagementindex.db"), FileMode.Open, FileAccess.Write))
        {
            file.Position = 4096; // page 2 onwards, keeping the header on page 1
            var garbage = new byte[Math.Min(length - 4096, 8 * 4096)];
            new Random(17).NextBytes(garbage);
            await file.WriteAsync(garbage);
        }

        var refused = await Assert.ThrowsAsync<StoreDamagedException>(() => StartAsync());

        Assert.That(refused!.Message, Does.Contain("engagementindex.db"));
    }

    [Test]
    public async Task A_backup_taken_while_running_starts_a_platform_with_the_same_catalog_and_index()
    {
        var backup = Path.Combine(_directory, "backup");
        var live = Path.Combine(_directory, "live");
        Directory.CreateDirectory(live);
        int records;
        await using (var platform = await StartAsync(live))
        {
            await new CatalogApi(platform.Http).AddServiceProductionAsync("SE-BACKED-UP", Contract, "http://127.0.0.1:9/x");
            records = await MedicationRecordsAsync(platform);
            var output = new StringWriter();
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Directory"] = live }).Build();

            Assert.That(await StoreBackup.RunAsync(configuration, backup, output), Is.Zero, output.ToString());
        }

        SqliteConnection.ClearAllPools();
        await using var restored = await StartAsync(backup);

        Assert.That(restored.Services.GetRequiredService<ICatalogSnapshotSource>().Current!.ServiceProductions.Select(p => p.LogicalAddress),
            Does.Contain("SE-BACKED-UP"));
        Assert.That(await MedicationRecordsAsync(restored), Is.EqualTo(records));
    }

    private string StoreMarkersFile() => File.ReadAllText(PathOf(MarkerFile));
}
