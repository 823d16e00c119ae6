using Microsoft.Extensions.Logging.Abstractions;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Storage;

namespace TjanstePlattform.EngagementIndex.Tests.Storage;

/// <summary>SQLite only: a file of an older layout is migrated.</summary>
[TestFixture]
public sealed class SqliteStoreMigrationTests
{
    private string _directory = null!;
    private SqliteEngagementStore? _store;

    [SetUp]
    public void Open()
    {
        _directory = Path.Combine(Path.GetTempPath(), "tjp-tests", "ei-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void Close()
    {
        _store?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static Engagement Engagement() =>
        new("191212121212", "riv:crm:scheduling", "NA", "SE-LA", "NA", "NA", "20240101120000", "SE-SRC", "SE-DC", "OWNER", null, null);

    private async Task<IReadOnlyList<EngagementChange>> ApplyAsync(bool delete, Engagement e) =>
        (await _store!.ApplyAsync([new EngagementWrite(delete, e, EngagementKey.Of(e))], "20250101120000", null)).Changes;

    [Test]
    public async Task A_database_of_the_first_clustered_layout_is_migrated_with_its_engagements()
    {
        var path = Path.Combine(_directory, "old.db");
        var e = Engagement();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE engagement(ekey BLOB NOT NULL PRIMARY KEY, resident TEXT NOT NULL, service_domain TEXT NOT NULL,
                    categorization TEXT NOT NULL, logical_address TEXT NOT NULL, business_object_id TEXT NOT NULL,
                    clinical_process_interest_id TEXT NOT NULL, most_recent_content TEXT, source_system TEXT NOT NULL,
                    data_controller TEXT NOT NULL, owner TEXT NOT NULL, creation_time TEXT NOT NULL, update_time TEXT,
                    changed_time TEXT NOT NULL) WITHOUT ROWID;
                CREATE INDEX ix_engagement_find ON engagement(resident, service_domain, categorization);
                INSERT INTO engagement VALUES($k, '191212121212', 'riv:crm:scheduling', 'NA', 'SE-LA', 'NA', 'NA', '20240101120000',
                    'SE-SRC', 'SE-DC', 'OWNER', '20240101120000', NULL, '20240101120000');
                """;
            command.Parameters.AddWithValue("$k", EngagementKey.Of(e).ToArray());
            command.ExecuteNonQuery();
        }

        _store = new SqliteEngagementStore(path, 2, TimeProvider.System, NullLogger<SqliteEngagementStore>.Instance);

        Assert.That(_store.Find(new EngagementQuery("191212121212", "riv:crm:scheduling")).Single().CreationTime, Is.EqualTo("20240101120000"));
        Assert.That(await ApplyAsync(false, e), Is.Empty, "the migrated row keeps its key");
        Assert.That((await ApplyAsync(true, e)).Single().Kind, Is.EqualTo(EngagementChangeKind.Deleted));
    }

}
