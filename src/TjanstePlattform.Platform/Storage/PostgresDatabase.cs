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
    /// Applies the migrations of <paramref name="part"/> not applied yet, in order, each in its own transaction with
    /// its version recorded (table <c>schema_version</c>). Migration <c>i</c> is version <c>i + 1</c>; never edit
    /// a released one, append a new one.
    /// </summary>
    public void Migrate(string part, IReadOnlyList<string> migrations)
    {
        using var connection = DataSource.OpenConnection();
        using (var create = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS schema_version (part text NOT NULL, version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (part, version))",
            connection))
        {
            try
            {
                create.ExecuteNonQuery();
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Another instance created it in the same instant: fine.
            }
        }

        for (var i = 0; i < migrations.Count; i++)
        {
            using var transaction = connection.BeginTransaction();
            using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MigrationLockKey})", connection, transaction))
            {
                lockCommand.ExecuteNonQuery();
            }

            using (var applied = new NpgsqlCommand("SELECT 1 FROM schema_version WHERE part = $1 AND version = $2", connection, transaction))
            {
                applied.Parameters.AddWithValue(part);
                applied.Parameters.AddWithValue(i + 1);
                if (applied.ExecuteScalar() is not null)
                {
                    transaction.Commit();
                    continue;
                }
            }

            using (var migrate = new NpgsqlCommand(migrations[i], connection, transaction))
            {
                migrate.ExecuteNonQuery();
            }

            using (var record = new NpgsqlCommand("INSERT INTO schema_version (part, version) VALUES ($1, $2)", connection, transaction))
            {
                record.Parameters.AddWithValue(part);
                record.Parameters.AddWithValue(i + 1);
                record.ExecuteNonQuery();
            }

            transaction.Commit();
            LogMigrated(part, i + 1, DisplayName);
        }
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
