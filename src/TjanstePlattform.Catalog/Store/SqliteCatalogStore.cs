using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Serialization;

namespace TjanstePlattform.Catalog.Store;

/// <summary>
/// The catalog in one SQLite file (<c>catalog.db</c>, WAL): one table per entity kind, published versions as
/// gzipped JSON documents (as TAK keeps its PubVersion blobs), and a settings table holding the revision counter.
/// Every write is one transaction; readers never block the writer.
/// </summary>
internal sealed class SqliteCatalogStore : ICatalogStore
{
    private const string RevisionKey = "revision";
    private const string NextIdKey = "next_id";
    private const int SchemaVersion = 1;

    private readonly string _connectionString;
    private int _initialized;

    public SqliteCatalogStore(string databasePath)
    {
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
    }

    public string DatabasePath { get; }

    public Task<CatalogStoreState> LoadAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var settings = await ReadSettingsAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var working = await ReadWorkingAsync(connection, cancellationToken).ConfigureAwait(false);
        var revision = settings.TryGetValue(RevisionKey, out var r) ? long.Parse(r, CultureInfo.InvariantCulture) : 0;
        var nextId = settings.TryGetValue(NextIdKey, out var n) ? long.Parse(n, CultureInfo.InvariantCulture) : 1;
        nextId = Math.Max(nextId, working.MaxId() + 1);
        var others = settings.Where(kv => kv.Key is not RevisionKey and not NextIdKey).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new CatalogStoreState(working, nextId, revision, others);
    });

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadRevisionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    });

    public Task<long> SaveAsync(CatalogSave save, long expectedRevision, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Not deferred (BEGIN IMMEDIATE): take the write lock before reading the revision, so check and write are atomic.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var revision = await ReadRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (revision != expectedRevision)
        {
            throw new CatalogConcurrencyException($"The catalog store was changed by another writer (revision {revision}, expected {expectedRevision}).");
        }

        await WriteDiffAsync(connection, transaction, save.Before, save.After, cancellationToken).ConfigureAwait(false);
        if (save.Publish is { } version)
        {
            await using var insert = Command(connection, transaction,
                "INSERT INTO versions(number, published_at, published_by, comment, document) VALUES ($n, $at, $by, $comment, $doc)");
            insert.Parameters.AddWithValue("$n", version.Number);
            insert.Parameters.AddWithValue("$at", version.PublishedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$by", version.PublishedBy);
            insert.Parameters.AddWithValue("$comment", (object?)version.Comment ?? DBNull.Value);
            insert.Parameters.AddWithValue("$doc", Compress(version.Document));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var settings = new Dictionary<string, string>(save.Settings ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [RevisionKey] = (revision + 1).ToString(CultureInfo.InvariantCulture),
            [NextIdKey] = save.NextId.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings)
        {
            await using var upsert = Command(connection, transaction,
                "INSERT INTO settings(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            upsert.Parameters.AddWithValue("$k", key);
            upsert.Parameters.AddWithValue("$v", value);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return revision + 1;
    });

    public Task<CatalogVersion?> GetLatestVersionAsync(CancellationToken cancellationToken) =>
        ReadVersionAsync("SELECT number, published_at, published_by, comment, document FROM versions ORDER BY number DESC LIMIT 1", null, cancellationToken);

    public Task<CatalogVersion?> GetVersionAsync(long number, CancellationToken cancellationToken) =>
        ReadVersionAsync("SELECT number, published_at, published_by, comment, document FROM versions WHERE number = $n", number, cancellationToken);

    public Task<IReadOnlyList<CatalogVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken) => Guard<IReadOnlyList<CatalogVersionInfo>>(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT number, published_at, published_by, comment, document FROM versions ORDER BY number DESC");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<CatalogVersionInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadVersion(reader).Info);
        }

        return list;
    });

    private Task<CatalogVersion?> ReadVersionAsync(string sql, long? number, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql);
        if (number is not null)
        {
            command.Parameters.AddWithValue("$n", number.Value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadVersion(reader) : null;
    });

    private static CatalogVersion ReadVersion(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        Decompress((byte[])reader.GetValue(4)));

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (Volatile.Read(ref _initialized) == 0)
            {
                await InitializeAsync(connection, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _initialized, 1);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task InitializeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS components (
                id INTEGER PRIMARY KEY, hsa_id TEXT NOT NULL COLLATE NOCASE, description TEXT);
            CREATE TABLE IF NOT EXISTS service_contracts (
                id INTEGER PRIMARY KEY, namespace TEXT NOT NULL COLLATE NOCASE, major INTEGER NOT NULL, minor INTEGER NOT NULL, description TEXT);
            CREATE TABLE IF NOT EXISTS logical_addresses (
                id INTEGER PRIMARY KEY, hsa_id TEXT NOT NULL COLLATE NOCASE, description TEXT);
            CREATE TABLE IF NOT EXISTS service_productions (
                id INTEGER PRIMARY KEY, service_producer TEXT NOT NULL, logical_address TEXT NOT NULL COLLATE NOCASE,
                service_contract TEXT NOT NULL COLLATE NOCASE, physical_address TEXT NOT NULL, rivta_profile TEXT NOT NULL,
                valid_from TEXT NOT NULL, valid_to TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_service_productions_key ON service_productions (logical_address, service_contract);
            CREATE TABLE IF NOT EXISTS cooperations (
                id INTEGER PRIMARY KEY, service_consumer TEXT NOT NULL COLLATE NOCASE, logical_address TEXT NOT NULL COLLATE NOCASE,
                service_contract TEXT NOT NULL COLLATE NOCASE, valid_from TEXT NOT NULL, valid_to TEXT NOT NULL,
                integration_agreement TEXT, filters TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_cooperations_key ON cooperations (service_consumer, logical_address, service_contract);
            CREATE TABLE IF NOT EXISTS versions (
                number INTEGER PRIMARY KEY, published_at TEXT NOT NULL, published_by TEXT NOT NULL, comment TEXT, document BLOB NOT NULL);
            INSERT OR IGNORE INTO settings(key, value) VALUES ('schema', '{SchemaVersion}');
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, string>> ReadSettingsAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT key, value FROM settings");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            settings[reader.GetString(0)] = reader.GetString(1);
        }

        return settings;
    }

    private static async Task<long> ReadRevisionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT value FROM settings WHERE key = '{RevisionKey}'");
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is string s ? long.Parse(s, CultureInfo.InvariantCulture) : 0;
    }

    private static async Task<CatalogDocument> ReadWorkingAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var components = await ReadAllAsync(connection, "SELECT id, hsa_id, description FROM components ORDER BY id",
            r => new ServiceComponent(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)), cancellationToken).ConfigureAwait(false);
        var contracts = await ReadAllAsync(connection, "SELECT id, namespace, major, minor, description FROM service_contracts ORDER BY id",
            r => new ServiceContractDefinition(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4)), cancellationToken).ConfigureAwait(false);
        var addresses = await ReadAllAsync(connection, "SELECT id, hsa_id, description FROM logical_addresses ORDER BY id",
            r => new LogicalAddressDefinition(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)), cancellationToken).ConfigureAwait(false);
        var productions = await ReadAllAsync(connection,
            "SELECT id, service_producer, logical_address, service_contract, physical_address, rivta_profile, valid_from, valid_to FROM service_productions ORDER BY id",
            r => new ServiceProduction(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                new Validity(ParseDate(r.GetString(6)), ParseDate(r.GetString(7)))), cancellationToken).ConfigureAwait(false);
        var cooperations = await ReadAllAsync(connection,
            "SELECT id, service_consumer, logical_address, service_contract, valid_from, valid_to, integration_agreement, filters FROM cooperations ORDER BY id",
            r => new Cooperation(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                new Validity(ParseDate(r.GetString(4)), ParseDate(r.GetString(5))), ParseFilters(r.GetString(7)))
            {
                IntegrationAgreement = r.IsDBNull(6) ? null : r.GetString(6),
            }, cancellationToken).ConfigureAwait(false);
        return new CatalogDocument(components, contracts, addresses, productions, cooperations);
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(map(reader));
        }

        return list;
    }

    private static async Task WriteDiffAsync(SqliteConnection connection, SqliteTransaction transaction, CatalogDocument before, CatalogDocument after, CancellationToken cancellationToken)
    {
        await WriteKindAsync(connection, transaction, "components", before.Components, after.Components, c => c.Id,
            "INSERT OR REPLACE INTO components(id, hsa_id, description) VALUES ($id, $a, $b)",
            (p, c) => { p.AddWithValue("$a", c.HsaId); p.AddWithValue("$b", (object?)c.Description ?? DBNull.Value); }, cancellationToken).ConfigureAwait(false);
        await WriteKindAsync(connection, transaction, "service_contracts", before.ServiceContracts, after.ServiceContracts, c => c.Id,
            "INSERT OR REPLACE INTO service_contracts(id, namespace, major, minor, description) VALUES ($id, $a, $b, $c, $d)",
            (p, c) =>
            {
                p.AddWithValue("$a", c.Namespace);
                p.AddWithValue("$b", c.Major);
                p.AddWithValue("$c", c.Minor);
                p.AddWithValue("$d", (object?)c.Description ?? DBNull.Value);
            }, cancellationToken).ConfigureAwait(false);
        await WriteKindAsync(connection, transaction, "logical_addresses", before.LogicalAddresses, after.LogicalAddresses, a => a.Id,
            "INSERT OR REPLACE INTO logical_addresses(id, hsa_id, description) VALUES ($id, $a, $b)",
            (p, a) => { p.AddWithValue("$a", a.HsaId); p.AddWithValue("$b", (object?)a.Description ?? DBNull.Value); }, cancellationToken).ConfigureAwait(false);
        await WriteKindAsync(connection, transaction, "service_productions", before.ServiceProductions, after.ServiceProductions, s => s.Id,
            "INSERT OR REPLACE INTO service_productions(id, service_producer, logical_address, service_contract, physical_address, rivta_profile, valid_from, valid_to) VALUES ($id, $a, $b, $c, $d, $e, $f, $g)",
            (p, s) =>
            {
                p.AddWithValue("$a", s.ServiceProducer);
                p.AddWithValue("$b", s.LogicalAddress);
                p.AddWithValue("$c", s.ServiceContract);
                p.AddWithValue("$d", s.PhysicalAddress);
                p.AddWithValue("$e", s.RivtaProfile);
                p.AddWithValue("$f", FormatDate(s.Validity.From));
                p.AddWithValue("$g", FormatDate(s.Validity.To));
            }, cancellationToken).ConfigureAwait(false);
        await WriteKindAsync(connection, transaction, "cooperations", before.Cooperations, after.Cooperations, c => c.Id,
            "INSERT OR REPLACE INTO cooperations(id, service_consumer, logical_address, service_contract, valid_from, valid_to, integration_agreement, filters) VALUES ($id, $a, $b, $c, $d, $e, $f, $g)",
            (p, c) =>
            {
                p.AddWithValue("$a", c.ServiceConsumer);
                p.AddWithValue("$b", c.LogicalAddress);
                p.AddWithValue("$c", c.ServiceContract);
                p.AddWithValue("$d", FormatDate(c.Validity.From));
                p.AddWithValue("$e", FormatDate(c.Validity.To));
                p.AddWithValue("$f", (object?)c.IntegrationAgreement ?? DBNull.Value);
                p.AddWithValue("$g", FormatFilters(c.Filters));
            }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the rows gone from <paramref name="after"/> and writes the new or changed ones (by id).</summary>
    private static async Task WriteKindAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, string table,
        IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, long> id, string upsertSql,
        Action<SqliteParameterCollection, T> bind, CancellationToken cancellationToken)
        where T : class
    {
        var old = new Dictionary<long, T>(before.Count);
        foreach (var entity in before)
        {
            old[id(entity)] = entity;
        }

        SqliteCommand? upsert = null;
        try
        {
            foreach (var entity in after)
            {
                var key = id(entity);
                if (old.Remove(key, out var previous) && ReferenceEquals(previous, entity))
                {
                    continue;
                }

                upsert ??= Command(connection, transaction, upsertSql);
                upsert.Parameters.Clear();
                upsert.Parameters.AddWithValue("$id", key);
                bind(upsert.Parameters, entity);
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (upsert is not null)
            {
                await upsert.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (old.Count > 0)
        {
            await using var delete = Command(connection, transaction, $"DELETE FROM {table} WHERE id = $id");
            var parameter = delete.Parameters.Add("$id", SqliteType.Integer);
            foreach (var key in old.Keys)
            {
                parameter.Value = key;
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    internal static byte[] Compress(CatalogDocument document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, CatalogJson.ToJson(document), CatalogJson.Options);
        }

        return buffer.ToArray();
    }

    internal static CatalogDocument Decompress(byte[] blob)
    {
        using var gzip = new GZipStream(new MemoryStream(blob), CompressionMode.Decompress);
        var json = JsonSerializer.Deserialize<CatalogDocumentJson>(gzip, CatalogJson.Options)
            ?? throw new CatalogStoreException("A published version holds no document.");
        return CatalogJson.FromJson(json);
    }

    internal static string FormatFilters(IReadOnlyList<CooperationFilter> filters) =>
        JsonSerializer.Serialize(filters.Select(f => new CooperationFilterJson(f.ServiceDomain, [.. f.Categorizations])).ToArray(), CatalogJson.Options);

    internal static IReadOnlyList<CooperationFilter> ParseFilters(string json) =>
        (JsonSerializer.Deserialize<CooperationFilterJson[]>(json, CatalogJson.Options) ?? [])
            .Select(f => new CooperationFilter(f.ServiceDomain, f.Categorizations ?? [])).ToArray();

    internal static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Turns every storage failure into a <see cref="CatalogStoreException"/> naming the file.</summary>
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
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or FormatException or JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CatalogStoreException($"The catalog store {DatabasePath} cannot be used: {ex.Message}", ex);
        }
    }
}
