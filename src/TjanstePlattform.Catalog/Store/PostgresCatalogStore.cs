using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Catalog.Store;

/// <summary>
/// The catalog in PostgreSQL, shared by several platform instances: the same tables as <see cref="SqliteCatalogStore"/>
/// (prefixed <c>catalog_</c>), the revision row locked (<c>FOR UPDATE</c>) for the compare-and-write, and a
/// <c>NOTIFY tjp_catalog</c> sent with every commit so the other instances reload their routing snapshot at once
/// (<see cref="WaitForChangeAsync"/>; the caller's periodic revision check covers a lost listener connection).
/// </summary>
internal sealed partial class PostgresCatalogStore : ICatalogStore, IDisposable
{
    internal const string Channel = "tjp_catalog";
    private const string RevisionKey = "revision";
    private const string NextIdKey = "next_id";

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE catalog_settings (key text PRIMARY KEY, value text NOT NULL);
        INSERT INTO catalog_settings (key, value) VALUES ('revision', '0');
        CREATE TABLE catalog_components (id bigint PRIMARY KEY, hsa_id text NOT NULL, description text);
        CREATE TABLE catalog_service_contracts (id bigint PRIMARY KEY, namespace text NOT NULL, major integer NOT NULL, minor integer NOT NULL, description text);
        CREATE TABLE catalog_logical_addresses (id bigint PRIMARY KEY, hsa_id text NOT NULL, description text);
        CREATE TABLE catalog_service_productions (
            id bigint PRIMARY KEY, service_producer text NOT NULL, logical_address text NOT NULL, service_contract text NOT NULL,
            physical_address text NOT NULL, rivta_profile text NOT NULL, valid_from date NOT NULL, valid_to date NOT NULL);
        CREATE TABLE catalog_cooperations (
            id bigint PRIMARY KEY, service_consumer text NOT NULL, logical_address text NOT NULL, service_contract text NOT NULL,
            valid_from date NOT NULL, valid_to date NOT NULL, integration_agreement text, filters text NOT NULL);
        CREATE TABLE catalog_versions (
            number bigint PRIMARY KEY, published_at text NOT NULL, published_by text NOT NULL, comment text, document bytea NOT NULL);
        """,
    ];

    private readonly PostgresDatabase _database;
    private readonly ILogger<PostgresCatalogStore> _logger;
    private readonly Lock _listenerLock = new();
    private readonly CancellationTokenSource _disposing = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _listener;
    private int _migrated;

    public PostgresCatalogStore(PostgresDatabase database, ILogger<PostgresCatalogStore> logger)
    {
        _database = database;
        _logger = logger;
    }

    public Task<CatalogStoreState> LoadAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for settings and entities: REPEATABLE READ, read-only.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        await ReadAsync(connection, transaction, "SELECT key, value FROM catalog_settings", r => settings[r.GetString(0)] = r.GetString(1), cancellationToken).ConfigureAwait(false);
        var components = new List<ServiceComponent>();
        await ReadAsync(connection, transaction, "SELECT id, hsa_id, description FROM catalog_components ORDER BY id",
            r => components.Add(new ServiceComponent(r.GetInt64(0), r.GetString(1), NullableString(r, 2))), cancellationToken).ConfigureAwait(false);
        var contracts = new List<ServiceContractDefinition>();
        await ReadAsync(connection, transaction, "SELECT id, namespace, major, minor, description FROM catalog_service_contracts ORDER BY id",
            r => contracts.Add(new ServiceContractDefinition(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), NullableString(r, 4))), cancellationToken).ConfigureAwait(false);
        var addresses = new List<LogicalAddressDefinition>();
        await ReadAsync(connection, transaction, "SELECT id, hsa_id, description FROM catalog_logical_addresses ORDER BY id",
            r => addresses.Add(new LogicalAddressDefinition(r.GetInt64(0), r.GetString(1), NullableString(r, 2))), cancellationToken).ConfigureAwait(false);
        var productions = new List<ServiceProduction>();
        await ReadAsync(connection, transaction,
            "SELECT id, service_producer, logical_address, service_contract, physical_address, rivta_profile, valid_from, valid_to FROM catalog_service_productions ORDER BY id",
            r => productions.Add(new ServiceProduction(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                new Validity(r.GetFieldValue<DateOnly>(6), r.GetFieldValue<DateOnly>(7)))), cancellationToken).ConfigureAwait(false);
        var cooperations = new List<Cooperation>();
        await ReadAsync(connection, transaction,
            "SELECT id, service_consumer, logical_address, service_contract, valid_from, valid_to, integration_agreement, filters FROM catalog_cooperations ORDER BY id",
            r => cooperations.Add(new Cooperation(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                new Validity(r.GetFieldValue<DateOnly>(4), r.GetFieldValue<DateOnly>(5)), SqliteCatalogStore.ParseFilters(r.GetString(7)))
            {
                IntegrationAgreement = NullableString(r, 6),
            }), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var working = new CatalogDocument(components, contracts, addresses, productions, cooperations);
        var revision = settings.TryGetValue(RevisionKey, out var rev) ? long.Parse(rev, CultureInfo.InvariantCulture) : 0;
        var nextId = settings.TryGetValue(NextIdKey, out var n) ? long.Parse(n, CultureInfo.InvariantCulture) : 1;
        nextId = Math.Max(nextId, working.MaxId() + 1);
        var others = settings.Where(kv => kv.Key is not RevisionKey and not NextIdKey).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new CatalogStoreState(working, nextId, revision, others);
    });

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadRevisionAsync(connection, null, forUpdate: false, cancellationToken).ConfigureAwait(false);
    });

    public Task<long> SaveAsync(CatalogSave save, long expectedRevision, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The revision row locked FOR UPDATE: a second instance saving at the same time waits here, then sees the new revision.
        var revision = await ReadRevisionAsync(connection, transaction, forUpdate: true, cancellationToken).ConfigureAwait(false);
        if (revision != expectedRevision)
        {
            throw new CatalogConcurrencyException($"The catalog store was changed by another writer (revision {revision}, expected {expectedRevision}).");
        }

        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            AddDiff(batch, save.Before, save.After);
            if (save.Publish is { } version)
            {
                Add(batch, "INSERT INTO catalog_versions (number, published_at, published_by, comment, document) VALUES ($1, $2, $3, $4, $5)",
                    version.Number, version.PublishedAt.ToString("O", CultureInfo.InvariantCulture), version.PublishedBy,
                    (object?)version.Comment ?? DBNull.Value, SqliteCatalogStore.Compress(version.Document));
            }

            var settings = new Dictionary<string, string>(save.Settings ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                [RevisionKey] = (revision + 1).ToString(CultureInfo.InvariantCulture),
                [NextIdKey] = save.NextId.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (key, value) in settings)
            {
                Add(batch, "INSERT INTO catalog_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
            }

            // Delivered to the listeners only when (and if) the transaction commits.
            Add(batch, $"SELECT pg_notify('{Channel}', $1)", (revision + 1).ToString(CultureInfo.InvariantCulture));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return revision + 1;
    });

    public Task<CatalogVersion?> GetLatestVersionAsync(CancellationToken cancellationToken) =>
        ReadVersionAsync("SELECT number, published_at, published_by, comment, document FROM catalog_versions ORDER BY number DESC LIMIT 1", null, cancellationToken);

    public Task<CatalogVersion?> GetVersionAsync(long number, CancellationToken cancellationToken) =>
        ReadVersionAsync("SELECT number, published_at, published_by, comment, document FROM catalog_versions WHERE number = $1", number, cancellationToken);

    public Task<IReadOnlyList<CatalogVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken) => Guard<IReadOnlyList<CatalogVersionInfo>>(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<CatalogVersionInfo>();
        await ReadAsync(connection, null, "SELECT number, published_at, published_by, comment, document FROM catalog_versions ORDER BY number DESC",
            r => list.Add(ReadVersion(r).Info), cancellationToken).ConfigureAwait(false);
        return list;
    });

    /// <summary>Returns when another instance committed a change (NOTIFY) or after <paramref name="timeout"/>.</summary>
    public async Task WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        EnsureListening();
        var changed = Volatile.Read(ref _changed);
        try
        {
            await changed.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        Interlocked.CompareExchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), changed);
    }

    public void Dispose()
    {
        _disposing.Cancel();
        try
        {
            _listener?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _disposing.Dispose();
    }

    private void EnsureListening()
    {
        if (_listener is not null)
        {
            return;
        }

        lock (_listenerLock)
        {
            _listener ??= Task.Run(() => ListenAsync(_disposing.Token));
        }
    }

    /// <summary>One dedicated connection holding <c>LISTEN</c>; reconnects after a failure (the periodic check covers the gap).</summary>
    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _database.DataSource.OpenConnectionAsync(stopping).ConfigureAwait(false);
                connection.Notification += (_, _) => Volatile.Read(ref _changed).TrySetResult();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
                }

                // Changes committed while the listener was down are found by the caller's check after this wake-up.
                Volatile.Read(ref _changed).TrySetResult();
                while (!stopping.IsCancellationRequested)
                {
                    await connection.WaitAsync(stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
            {
                LogListenerFailed(_database.DisplayName, ex.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private Task<CatalogVersion?> ReadVersionAsync(string sql, long? number, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        if (number is not null)
        {
            command.Parameters.AddWithValue(number.Value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadVersion(reader) : null;
    });

    private static CatalogVersion ReadVersion(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        reader.GetString(2),
        NullableString(reader, 3),
        SqliteCatalogStore.Decompress(reader.GetFieldValue<byte[]>(4)));

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _migrated) == 0)
        {
            _database.Migrate("catalog", Migrations);
            Volatile.Write(ref _migrated, 1);
        }

        return await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> ReadRevisionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT value FROM catalog_settings WHERE key = '{RevisionKey}'" + (forUpdate ? " FOR UPDATE" : ""), connection, transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is string s ? long.Parse(s, CultureInfo.InvariantCulture) : 0;
    }

    private static async Task ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Action<NpgsqlDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            row(reader);
        }
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void AddDiff(NpgsqlBatch batch, CatalogDocument before, CatalogDocument after)
    {
        AddKind(batch, "catalog_components", before.Components, after.Components, c => c.Id,
            "INSERT INTO catalog_components (id, hsa_id, description) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET hsa_id = excluded.hsa_id, description = excluded.description",
            c => [c.HsaId, (object?)c.Description ?? DBNull.Value]);
        AddKind(batch, "catalog_service_contracts", before.ServiceContracts, after.ServiceContracts, c => c.Id,
            "INSERT INTO catalog_service_contracts (id, namespace, major, minor, description) VALUES ($1, $2, $3, $4, $5) " +
            "ON CONFLICT (id) DO UPDATE SET namespace = excluded.namespace, major = excluded.major, minor = excluded.minor, description = excluded.description",
            c => [c.Namespace, c.Major, c.Minor, (object?)c.Description ?? DBNull.Value]);
        AddKind(batch, "catalog_logical_addresses", before.LogicalAddresses, after.LogicalAddresses, a => a.Id,
            "INSERT INTO catalog_logical_addresses (id, hsa_id, description) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET hsa_id = excluded.hsa_id, description = excluded.description",
            a => [a.HsaId, (object?)a.Description ?? DBNull.Value]);
        AddKind(batch, "catalog_service_productions", before.ServiceProductions, after.ServiceProductions, s => s.Id,
            "INSERT INTO catalog_service_productions (id, service_producer, logical_address, service_contract, physical_address, rivta_profile, valid_from, valid_to) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO UPDATE SET service_producer = excluded.service_producer, " +
            "logical_address = excluded.logical_address, service_contract = excluded.service_contract, physical_address = excluded.physical_address, " +
            "rivta_profile = excluded.rivta_profile, valid_from = excluded.valid_from, valid_to = excluded.valid_to",
            s => [s.ServiceProducer, s.LogicalAddress, s.ServiceContract, s.PhysicalAddress, s.RivtaProfile, s.Validity.From, s.Validity.To]);
        AddKind(batch, "catalog_cooperations", before.Cooperations, after.Cooperations, c => c.Id,
            "INSERT INTO catalog_cooperations (id, service_consumer, logical_address, service_contract, valid_from, valid_to, integration_agreement, filters) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO UPDATE SET service_consumer = excluded.service_consumer, " +
            "logical_address = excluded.logical_address, service_contract = excluded.service_contract, valid_from = excluded.valid_from, " +
            "valid_to = excluded.valid_to, integration_agreement = excluded.integration_agreement, filters = excluded.filters",
            c => [c.ServiceConsumer, c.LogicalAddress, c.ServiceContract, c.Validity.From, c.Validity.To,
                (object?)c.IntegrationAgreement ?? DBNull.Value, SqliteCatalogStore.FormatFilters(c.Filters)]);
    }

    /// <summary>Upserts the new or changed rows (by id, reference inequality as in the SQLite store) and deletes the ones gone.</summary>
    private static void AddKind<T>(NpgsqlBatch batch, string table, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, long> id, string upsertSql, Func<T, object[]> values)
        where T : class
    {
        var old = new Dictionary<long, T>(before.Count);
        foreach (var entity in before)
        {
            old[id(entity)] = entity;
        }

        foreach (var entity in after)
        {
            var key = id(entity);
            if (old.Remove(key, out var previous) && ReferenceEquals(previous, entity))
            {
                continue;
            }

            Add(batch, upsertSql, [key, .. values(entity)]);
        }

        if (old.Count > 0)
        {
            Add(batch, $"DELETE FROM {table} WHERE id = ANY($1)", old.Keys.ToArray());
        }
    }

    private static void Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        batch.BatchCommands.Add(command);
    }

    /// <summary>Turns every storage failure into a <see cref="CatalogStoreException"/> naming the database.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (CatalogStoreException)
        {
            throw;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or FormatException or JsonException or InvalidDataException or IOException or TimeoutException)
        {
            throw new CatalogStoreException($"The catalog store ({_database.DisplayName}) cannot be used: {ex.Message}", ex);
        }
    }

    [LoggerMessage(EventId = LogEventIds.StorageCatalogChangeFeedFailed, Level = LogLevel.Warning, Message = "Listening for catalog changes in {Database} failed, retrying (the periodic check goes on): {Reason}")]
    private partial void LogListenerFailed(string database, string reason);
}
