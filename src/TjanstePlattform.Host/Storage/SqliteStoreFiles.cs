using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using TjanstePlattform.Catalog;
using TjanstePlattform.EngagementIndex;
using TjanstePlattform.Platform;
using TjanstePlattform.SourceSystems;

namespace TjanstePlattform.Host.Storage;

/// <summary>
/// The platform's SQLite files in <c>Storage:Directory</c>, each with the query that counts what it holds (used for
/// the "held data" marker), plus the catalog's snapshot file. One list for the start-up check, the checkpoints and the backup.
/// </summary>
internal sealed class SqliteStoreFiles
{
    /// <summary>Beside the stores: what each held when last checkpointed, so a file that vanished or emptied is noticed.</summary>
    public const string MarkerFileName = "stores-held.json";

    private SqliteStoreFiles(StorageOptions storage, IReadOnlyList<SqliteStoreFile> files, string snapshotPath)
    {
        Storage = storage;
        Files = files;
        SnapshotPath = snapshotPath;
        MarkerPath = storage.PathOf(MarkerFileName);
    }

    public StorageOptions Storage { get; }

    public IReadOnlyList<SqliteStoreFile> Files { get; }

    public string SnapshotPath { get; }

    public string MarkerPath { get; }

    public static SqliteStoreFiles From(IConfiguration configuration)
    {
        var storage = PostgresDatabaseExtensions.StorageOptionsFrom(configuration);
        var catalog = new CatalogOptions();
        configuration.GetSection(CatalogOptions.SectionName).Bind(catalog);
        var sourceSystems = configuration.GetSection(SourceSystemsOptions.SectionName).GetValue(nameof(SourceSystemsOptions.Enabled), true);
        var files = new List<SqliteStoreFile>
        {
            new("catalog", storage.PathOf(catalog.DatabaseFile), "SELECT COUNT(*) FROM versions"),
            new("engagement index", storage.PathOf(EngagementIndexExtensions.DatabaseFileName), "SELECT COUNT(*) FROM engagement"),
        };
        if (sourceSystems)
        {
            files.Add(new("source systems", storage.PathOf(SourceSystemsExtensions.DatabaseFileName),
                "SELECT (SELECT COUNT(*) FROM bookings) + (SELECT COUNT(*) FROM supply_items) + (SELECT COUNT(*) FROM supply_orders) + (SELECT COUNT(*) FROM settings)"));
        }

        return new SqliteStoreFiles(storage, files, storage.PathOf(catalog.SnapshotFile));
    }
}

/// <summary>One SQLite store file.</summary>
internal sealed record SqliteStoreFile(string Name, string Path, string CountSql)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>A connection of its own (not pooled: the file may be checked, backed up or deleted right after).</summary>
    public SqliteConnection Open(SqliteOpenMode mode = SqliteOpenMode.ReadWrite) => new(new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    /// <summary>What the store holds now (rows of its main tables); 0 when the tables do not exist yet.</summary>
    public long Count(SqliteConnection connection)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = CountSql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1 && ex.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return 0;
        }
    }
}
