using Microsoft.Extensions.Logging.Abstractions;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Store;
using TjanstePlattform.Platform;
using TjanstePlattform.Testing.Postgres;

namespace TjanstePlattform.Catalog.Tests.Storage;

/// <summary>The catalog store contract, on both providers: round trip, versions, and the revision guard between writers.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.PostgreSql)]
public sealed class CatalogStoreTests(StorageProvider provider)
{
    private static readonly Validity Always = new(new DateOnly(2020, 1, 1), new DateOnly(2120, 1, 1));

    private StoreScratch _scratch = null!;

    [SetUp]
    public async Task Open() => _scratch = await StoreScratch.CreateAsync(provider, "catalog-store");

    [TearDown]
    public void Close() => _scratch.Dispose();

    /// <summary>Another handle on the same store, as a second platform instance (or the CLI) would open it.</summary>
    private ICatalogStore OpenStore()
    {
        if (_scratch.ConnectionString is null)
        {
            return new SqliteCatalogStore(Path.Combine(_scratch.Directory, "catalog.db"));
        }

        var database = new PostgresDatabase(_scratch.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        var store = new PostgresCatalogStore(database, NullLogger<PostgresCatalogStore>.Instance);
        _scratch.Own(store);
        _scratch.Own(database);
        return store;
    }

    private static CatalogDocument Document(params string[] logicalAddresses) => CatalogDocument.Empty with
    {
        LogicalAddresses = logicalAddresses.Select((a, i) => new LogicalAddressDefinition(i + 1, a, "desc " + a)).ToArray(),
        ServiceProductions = logicalAddresses.Select((a, i) => new ServiceProduction(100 + i, "SE-PRODUCER", a,
            "urn:riv:crm:scheduling:GetBookingDetailsResponder:1", "http://127.0.0.1:1/x", "RIVTABP21", Always)).ToArray(),
        Cooperations = [new Cooperation(200, "SE-CONSUMER", "*", "urn:riv:crm:scheduling:GetBookingDetailsResponder:1", Always,
            [new CooperationFilter("riv:crm:scheduling", ["cat-1", "cat-2"])]) { IntegrationAgreement = "IA-1" }],
    };

    [Test]
    public async Task What_was_saved_is_loaded_with_the_published_version_and_settings()
    {
        var store = OpenStore();
        var document = Document("SE-A", "SE-B");
        var version = new CatalogVersion(1, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)), "tester", "first", document);

        var revision = await store.SaveAsync(new CatalogSave(CatalogDocument.Empty, document, 300, version, new Dictionary<string, string> { ["k"] = "v" }), 0, default);
        var loaded = await OpenStore().LoadAsync(default);
        var latest = await OpenStore().GetLatestVersionAsync(default);

        Assert.Multiple(() =>
        {
            Assert.That(revision, Is.EqualTo(1));
            Assert.That(loaded.Revision, Is.EqualTo(1));
            Assert.That(loaded.NextId, Is.EqualTo(300));
            Assert.That(loaded.Settings["k"], Is.EqualTo("v"));
            Assert.That(loaded.Working.SameContentAs(document), Is.True);
            Assert.That(loaded.Working.Cooperations.Single().IntegrationAgreement, Is.EqualTo("IA-1"));
            Assert.That(latest!.Number, Is.EqualTo(1));
            Assert.That(latest.PublishedAt, Is.EqualTo(version.PublishedAt));
            Assert.That(latest.Document.SameContentAs(document), Is.True);
        });
    }

    [Test]
    public async Task Removed_entities_are_deleted_and_changed_ones_rewritten()
    {
        var store = OpenStore();
        var before = Document("SE-A", "SE-B");
        await store.SaveAsync(new CatalogSave(CatalogDocument.Empty, before, 300), 0, default);
        var after = before with
        {
            LogicalAddresses = [before.LogicalAddresses[0] with { Description = "changed" }],
            ServiceProductions = [before.ServiceProductions[0]],
        };

        await store.SaveAsync(new CatalogSave(before, after, 300), 1, default);
        var loaded = (await OpenStore().LoadAsync(default)).Working;

        Assert.That(loaded.SameContentAs(after), Is.True);
        Assert.That(loaded.LogicalAddresses.Single().Description, Is.EqualTo("changed"));
    }

    [Test]
    public async Task A_writer_with_a_stale_revision_is_refused()
    {
        await OpenStore().SaveAsync(new CatalogSave(CatalogDocument.Empty, Document("SE-A"), 300), 0, default);

        await Assert.ThrowsAsync<CatalogConcurrencyException>(() => OpenStore().SaveAsync(new CatalogSave(CatalogDocument.Empty, Document("SE-B"), 300), 0, default));
    }

    [Test]
    public async Task Of_two_writers_saving_at_once_from_the_same_revision_exactly_one_wins()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => OpenStore()).ToArray();
        await stores[0].GetRevisionAsync(default); // schema in place before the race

        var outcomes = await Task.WhenAll(stores.Select((s, i) => Task.Run(async () =>
        {
            try
            {
                await s.SaveAsync(new CatalogSave(CatalogDocument.Empty, Document("SE-" + i), 300), 0, default);
                return true;
            }
            catch (CatalogConcurrencyException)
            {
                return false;
            }
            catch (CatalogStoreException ex) when (ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 })
            {
                return false; // SQLite: SQLITE_BUSY is the same refusal
            }
        })));

        Assert.That(outcomes.Count(o => o), Is.EqualTo(1));
        Assert.That(await OpenStore().GetRevisionAsync(default), Is.EqualTo(1));
    }

    [Test]
    public async Task A_change_saved_through_another_handle_wakes_the_waiter()
    {
        if (provider != StorageProvider.PostgreSql)
        {
            Assert.Ignore("Only a shared store notifies; SQLite's waiter is the periodic check.");
        }

        var watcher = OpenStore();
        await watcher.WaitForChangeAsync(TimeSpan.FromSeconds(30), default); // returns once listening
        var waiting = watcher.WaitForChangeAsync(Timeout.InfiniteTimeSpan, default);

        await OpenStore().SaveAsync(new CatalogSave(CatalogDocument.Empty, Document("SE-A"), 300), 0, default);

        Assert.That(async () => await waiting.WaitAsync(TimeSpan.FromSeconds(30)), Throws.Nothing);
    }
}
