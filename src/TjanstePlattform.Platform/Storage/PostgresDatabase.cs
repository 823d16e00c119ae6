using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TjanstePlattform.Platform;

/// <summary>
/// The one PostgreSQL database every part's store uses (<c>Storage:Provider=PostgreSql</c>): a pooled data source
/// and a versioned, idempotent schema migration per part, serialised across instances by an advisory lock so two
/// instances starting at once never race on <c>CREATE TABLE</c>.
/// </summary>
public sealed partial class PostgresDatabase : IDisposable
{
    // Any constant works; it only has to be the same for every instance (pg_advisory_xact_lock key).
    private const long MigrationLockKey = 0x746A705F6D6967; // "tjp_mig"

    private readonly ILogger<PostgresDatabase> _logger;
    private readonly Lock _migrateLock = new();

    public PostgresDatabase(IOptions<StorageOptions> options, ILogger<PostgresDatabase> logger)
        : this(options.Value.ConnectionString ?? throw new InvalidOperationException(
            "Storage:ConnectionString (an Npgsql connection string) is required with Storage:Provider=PostgreSql."), logger)
    {
    }

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase> logger)
    {
        _logger = logger;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        DisplayName = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        if (builder.MaxAutoPrepare == 0)
        {
            // The hot statements (FindContent, Update's upsert) are prepared once per physical connection.
            builder.MaxAutoPrepare = 64;
        }

        ConnectionString = builder.ConnectionString;
        DataSource = NpgsqlDataSource.Create(builder);
    }

    public NpgsqlDataSource DataSource { get; }

    public string ConnectionString { get; }

    /// <summary>For messages: database, host and port, never the password.</summary>
    public string DisplayName { get; }

    /// <summary>
    /// Applies the migrations of <paramref name="part"/> not applied yet, in order, in one transaction with their
    /// versions recorded (table <c>schema_version</c>). Migration <c>i</c> is version <c>i + 1</c>; never edit
    /// a released one, append a new one.
    /// </summary>
    public void Migrate(string part, IReadOnlyList<string> migrations)
    {
        lock (_migrateLock)
        {
            using var connection = DataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            // Everything under one advisory lock, the version table included: instances starting together queue here.
            Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})");
            Execute(connection, transaction,
                "CREATE TABLE IF NOT EXISTS schema_version (part text NOT NULL, version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (part, version))");
            int applied;
            using (var current = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version WHERE part = $1", connection, transaction))
            {
                current.Parameters.AddWithValue(part);
                applied = Convert.ToInt32(current.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }

            for (var i = applied; i < migrations.Count; i++)
            {
                Execute(connection, transaction, migrations[i]);
                using var record = new NpgsqlCommand("INSERT INTO schema_version (part, version) VALUES ($1, $2)", connection, transaction);
                record.Parameters.AddWithValue(part);
                record.Parameters.AddWithValue(i + 1);
                record.ExecuteNonQuery();
            }

            transaction.Commit();
            for (var i = applied; i < migrations.Count; i++)
            {
                LogMigrated(part, i + 1, DisplayName);
            }
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    public void Dispose() => DataSource.Dispose();

    [LoggerMessage(EventId = LogEventIds.StorageMigrated, Level = LogLevel.Information, Message = "Schema of {Part} migrated to version {Version} in {Database}")]
    private partial void LogMigrated(string part, int version, string database);
}

/// <summary>Registration of the shared PostgreSQL database.</summary>
public static class PostgresDatabaseExtensions
{
    /// <summary>One <see cref="PostgresDatabase"/> per process (each part's DI extension calls this when PostgreSQL is selected).</summary>
    public static IServiceCollection AddPostgresDatabase(this IServiceCollection services)
    {
        services.TryAddSingleton<PostgresDatabase>();
        return services;
    }

    /// <summary>The storage options as configured now (the parts choose their store implementation at registration).</summary>
    public static StorageOptions StorageOptionsFrom(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new StorageOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(StorageOptions.SectionName), options);
        return options;
    }
}
