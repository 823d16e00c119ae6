namespace TjanstePlattform.Platform;

/// <summary>Where the stores live (section <c>Storage</c>): SQLite files in a directory, or one PostgreSQL database.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data directory; SQLite files are kept here. Relative paths are relative to the working directory.</summary>
    public string Directory { get; set; } = "./data";

    /// <summary>
    /// <see cref="StorageProvider.Sqlite"/> (default, zero infrastructure) or <see cref="StorageProvider.PostgreSql"/>:
    /// several platform instances over one database share catalog, engagement index and source-system state.
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>An Npgsql connection string (<c>Host=…;Database=…;Username=…</c>); required with <see cref="StorageProvider.PostgreSql"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Start even when a SQLite store fails its integrity check at start-up (the damage is logged). Default false:
    /// the platform refuses to start over a damaged file rather than serve half its data.
    /// </summary>
    public bool ContinueOnDamage { get; set; }

    /// <summary>
    /// SQLite: how long the -wal files must be quiet before they are checkpointed into the database files (after each burst
    /// of writes, so a copy of the .db files holds everything but the last burst). Also checkpointed at shutdown.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when the PostgreSQL stores are selected.</summary>
    public bool IsPostgreSql => Provider == StorageProvider.PostgreSql;

    /// <summary>The full path of a file in the data directory, creating the directory when needed.</summary>
    public string PathOf(string fileName)
    {
        var directory = Path.GetFullPath(Directory);
        System.IO.Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }

    /// <summary>Null when valid, else the reason (used by the options validation of every part).</summary>
    public string? Problem() => Provider switch
    {
        StorageProvider.Sqlite when string.IsNullOrWhiteSpace(Directory) => "Storage:Directory must not be empty.",
        StorageProvider.PostgreSql when string.IsNullOrWhiteSpace(ConnectionString) =>
            "Storage:ConnectionString (an Npgsql connection string) is required with Storage:Provider=PostgreSql.",
        StorageProvider.Sqlite or StorageProvider.PostgreSql => null,
        _ => "Storage:Provider must be Sqlite or PostgreSql.",
    };
}

/// <summary>The store implementation (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
