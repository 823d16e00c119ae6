using Microsoft.Extensions.Logging;
using Npgsql;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.Platform;

namespace TjanstePlattform.EngagementIndex.Storage;

/// <summary>
/// The engagement index in PostgreSQL, shared by several platform instances. The same layout as
/// <see cref="SqliteEngagementStore"/> (tables prefixed <c>ei_</c>): one unique index on
/// (resident, serviceDomain, categorization, key) for the key rule and FindContent, one on (serviceDomain, changed time)
/// for GetUpdates. A batch is one transaction sent as one round trip (<see cref="NpgsqlBatch"/>); concurrent batches
/// from other instances meet in <c>ON CONFLICT</c>, and a deadlock between two of them is retried.
/// Notifications are claimed before delivery (<c>FOR UPDATE SKIP LOCKED</c> on the head of a subscriber's queue and a
/// lease), so each is delivered by one instance only, in order; a crashed instance's lease runs out and another takes over.
/// </summary>
internal sealed partial class PostgresEngagementStore : IEngagementStore, INotificationOutbox
{
    private const string EngagementColumns =
        "resident, service_domain, categorization, logical_address, business_object_id, clinical_process_interest_id, " +
        "most_recent_content, source_system, data_controller, owner, creation_time, update_time";

    private const string OutboxColumns = "id, subscriber, payload, engagement_count, created_at, attempts, last_error";
    private const string DeadLetterColumns = "id, subscriber, engagement_count, created_at, dead_at, attempts, last_error, payload";
    private const int MaxRetries = 5;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE ei_engagement (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            ekey bytea NOT NULL,
            resident text COLLATE "C" NOT NULL,
            service_domain text NOT NULL,
            categorization text NOT NULL,
            logical_address text NOT NULL,
            business_object_id text NOT NULL,
            clinical_process_interest_id text NOT NULL,
            most_recent_content text,
            source_system text NOT NULL,
            data_controller text NOT NULL,
            owner text NOT NULL,
            creation_time text NOT NULL,
            update_time text,
            changed_time text NOT NULL);
        CREATE UNIQUE INDEX ux_ei_engagement_key ON ei_engagement (resident, service_domain, categorization, ekey);
        CREATE INDEX ix_ei_engagement_changed ON ei_engagement (service_domain, changed_time);
        CREATE TABLE ei_notification_outbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            subscriber text NOT NULL,
            payload text NOT NULL,
            engagement_count integer NOT NULL,
            created_at bigint NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            last_error text,
            claimed_by text,
            claimed_until timestamptz);
        CREATE INDEX ix_ei_outbox_subscriber ON ei_notification_outbox (subscriber, id);
        CREATE TABLE ei_notification_dead_letter (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            subscriber text NOT NULL,
            payload text NOT NULL,
            engagement_count integer NOT NULL,
            created_at bigint NOT NULL,
            dead_at bigint NOT NULL,
            attempts integer NOT NULL,
            last_error text);
        """,
    ];

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresEngagementStore> _logger;
    private readonly TimeSpan _lease;
    private int _migrated;

    public PostgresEngagementStore(PostgresDatabase database, TimeProvider time, ILogger<PostgresEngagementStore> logger, TimeSpan? lease = null)
    {
        _database = database;
        _time = time;
        _logger = logger;
        _lease = lease ?? TimeSpan.FromMinutes(2);
    }

    /// <summary>Who holds a claimed notification: unique per store instance (per process).</summary>
    public string ClaimOwner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Creates or migrates the schema (idempotent; also done on first use).</summary>
    public void Initialize()
    {
        if (Volatile.Read(ref _migrated) == 0)
        {
            _database.Migrate("engagementindex", Migrations);
            Volatile.Write(ref _migrated, 1);
            LogOpened(_database.DisplayName);
        }
    }

    public async Task<EngagementWriteResult> ApplyAsync(
        IReadOnlyList<EngagementWrite> writes,
        string now,
        Func<IReadOnlyList<EngagementChange>, IReadOnlyList<OutboxEntry>>? planNotifications,
        CancellationToken cancellationToken = default)
    {
        Initialize();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(writes, now, planNotifications, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (attempt < MaxRetries && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // Two instances wrote the same engagements in different orders: the loser's transaction was rolled back whole.
            }
        }
    }

    private async Task<EngagementWriteResult> ApplyOnceAsync(
        IReadOnlyList<EngagementWrite> writes,
        string now,
        Func<IReadOnlyList<EngagementChange>, IReadOnlyList<OutboxEntry>>? planNotifications,
        CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<EngagementChange>();
        if (writes.Count > 0)
        {
            // Every statement of the batch in one round trip; each returns the affected row or none, in order.
            var steps = new List<(bool Delete, Engagement Like)>();
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var write in writes)
            {
                if (write.AlsoRemove is { } twin)
                {
                    batch.BatchCommands.Add(DeleteCommand(twin, write.Engagement));
                    steps.Add((true, write.Engagement));
                }

                if (write.Delete)
                {
                    batch.BatchCommands.Add(DeleteCommand(write.Key, write.Engagement));
                    steps.Add((true, write.Engagement));
                }
                else
                {
                    batch.BatchCommands.Add(UpsertCommand(write.Key, write.Engagement, now));
                    steps.Add((false, write.Engagement));
                }
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (delete, like) in steps)
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (delete)
                    {
                        changes.Add(new EngagementChange(EngagementChangeKind.Deleted, like with
                        {
                            Owner = reader.GetString(0),
                            MostRecentContent = reader.IsDBNull(1) ? null : reader.GetString(1),
                            CreationTime = reader.GetString(2),
                            UpdateTime = reader.IsDBNull(3) ? null : reader.GetString(3),
                        }));
                    }
                    else
                    {
                        var updateTime = reader.IsDBNull(1) ? null : reader.GetString(1);
                        changes.Add(new EngagementChange(
                            updateTime is null ? EngagementChangeKind.Created : EngagementChangeKind.ContentChanged,
                            like with { CreationTime = reader.GetString(0), UpdateTime = updateTime }));
                    }
                }

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var subscribers = new List<string>();
        if (changes.Count > 0 && planNotifications is not null)
        {
            var createdAt = _time.GetUtcNow().ToUnixTimeMilliseconds();
            await using var outbox = new NpgsqlBatch(connection, transaction);
            foreach (var entry in planNotifications(changes))
            {
                outbox.BatchCommands.Add(Command(
                    "INSERT INTO ei_notification_outbox (subscriber, payload, engagement_count, created_at, attempts) VALUES ($1, $2, $3, $4, 0)",
                    entry.Subscriber, entry.Payload, entry.EngagementCount, createdAt));
                if (!subscribers.Contains(entry.Subscriber, StringComparer.OrdinalIgnoreCase))
                {
                    subscribers.Add(entry.Subscriber);
                }
            }

            if (outbox.BatchCommands.Count > 0)
            {
                await outbox.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new EngagementWriteResult(changes, subscribers);
    }

    public IReadOnlyList<Engagement> Find(EngagementQuery query)
    {
        Initialize();
        using var connection = _database.DataSource.OpenConnection();
        using var command = query.Categorization is null
            ? new NpgsqlCommand($"SELECT {EngagementColumns} FROM ei_engagement WHERE resident = $1 AND service_domain = $2", connection)
            : new NpgsqlCommand($"SELECT {EngagementColumns} FROM ei_engagement WHERE resident = $1 AND service_domain = $2 AND categorization = $3", connection);
        command.Parameters.AddWithValue(query.RegisteredResidentIdentification);
        command.Parameters.AddWithValue(query.ServiceDomain);
        if (query.Categorization is not null)
        {
            command.Parameters.AddWithValue(query.Categorization);
        }

        return ReadAll(command).Where(e => SqliteEngagementStore.Matches(e, query)).ToList();
    }

    public UpdatesPage GetUpdates(string serviceDomain, string since, string? afterResident, int pageSize)
    {
        Initialize();
        pageSize = Math.Max(1, pageSize);
        using var connection = _database.DataSource.OpenConnection();
        using var command = new NpgsqlCommand(
            $"SELECT {EngagementColumns} FROM ei_engagement WHERE service_domain = $1 AND changed_time >= $2 AND resident > $3 " +
            "ORDER BY resident, creation_time LIMIT $4", connection);
        command.Parameters.AddWithValue(serviceDomain);
        command.Parameters.AddWithValue(since);
        command.Parameters.AddWithValue(afterResident ?? "");
        command.Parameters.AddWithValue(pageSize + 1);
        var rows = ReadAll(command);
        var complete = rows.Count <= pageSize;
        if (!complete)
        {
            // Never split a resident over two pages (as the SQLite store): drop the cut resident, unless it is the only one.
            var cut = rows[pageSize].RegisteredResidentIdentification;
            rows.RemoveAll(e => e.RegisteredResidentIdentification == cut);
            if (rows.Count == 0)
            {
                using var whole = new NpgsqlCommand(
                    $"SELECT {EngagementColumns} FROM ei_engagement WHERE service_domain = $1 AND changed_time >= $2 AND resident = $3 ORDER BY creation_time", connection);
                whole.Parameters.AddWithValue(serviceDomain);
                whole.Parameters.AddWithValue(since);
                whole.Parameters.AddWithValue(cut);
                rows = ReadAll(whole);
                using var after = new NpgsqlCommand("SELECT 1 FROM ei_engagement WHERE service_domain = $1 AND changed_time >= $2 AND resident > $3 LIMIT 1", connection);
                after.Parameters.AddWithValue(serviceDomain);
                after.Parameters.AddWithValue(since);
                after.Parameters.AddWithValue(cut);
                complete = after.ExecuteScalar() is null;
            }
        }

        var residents = rows
            .GroupBy(e => e.RegisteredResidentIdentification, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Engagement>)g.ToList()))
            .ToList();
        return new UpdatesPage(residents, complete);
    }

    public long Count()
    {
        Initialize();
        using var connection = _database.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT COUNT(*) FROM ei_engagement", connection);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Claims the head of the subscriber's queue for <see cref="ClaimOwner"/>: null when the queue is empty or its head
    /// is being delivered by another instance (locked right now, or leased and the lease not run out).
    /// </summary>
    public async Task<OutboxMessage?> PeekAsync(string subscriber, CancellationToken cancellationToken = default)
    {
        Initialize();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "WITH head AS (SELECT id FROM ei_notification_outbox " +
            "  WHERE id = (SELECT min(id) FROM ei_notification_outbox WHERE subscriber = $1) " +
            "    AND (claimed_by IS NULL OR claimed_by = $2 OR claimed_until < now()) " +
            "  FOR UPDATE SKIP LOCKED) " +
            "UPDATE ei_notification_outbox o SET claimed_by = $2, claimed_until = now() + $3 FROM head WHERE o.id = head.id " +
            $"RETURNING o.{OutboxColumns.Replace(", ", ", o.", StringComparison.Ordinal)}", connection);
        command.Parameters.AddWithValue(subscriber);
        command.Parameters.AddWithValue(ClaimOwner);
        command.Parameters.AddWithValue(_lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadOutbox(reader) : null;
    }

    public async Task<IReadOnlyList<PendingQueue>> PendingAsync(CancellationToken cancellationToken = default)
    {
        Initialize();
        var pending = new List<PendingQueue>();
        await QueryAsync("SELECT subscriber, COUNT(*) FROM ei_notification_outbox GROUP BY subscriber ORDER BY subscriber",
            r => pending.Add(new PendingQueue(r.GetString(0), (int)r.GetInt64(1))), cancellationToken).ConfigureAwait(false);
        return pending;
    }

    public async Task<int> RecordFailedAttemptAsync(long id, string error, CancellationToken cancellationToken = default)
    {
        // A failed try renews the lease: the claimer goes on retrying it.
        var attempts = await ScalarAsync(
            "UPDATE ei_notification_outbox SET attempts = attempts + 1, last_error = $2, claimed_until = now() + $3 WHERE id = $1 RETURNING attempts",
            cancellationToken, id, SqliteEngagementStore.Truncate(error, 2000), _lease).ConfigureAwait(false);
        return attempts is int n ? n : 0;
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken = default) =>
        ScalarAsync("DELETE FROM ei_notification_outbox WHERE id = $1", cancellationToken, id);

    public Task DeadLetterAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ScalarAsync(
            "WITH moved AS (DELETE FROM ei_notification_outbox WHERE id = $1 RETURNING subscriber, payload, engagement_count, created_at, attempts, last_error) " +
            "INSERT INTO ei_notification_dead_letter (subscriber, payload, engagement_count, created_at, dead_at, attempts, last_error) " +
            "SELECT subscriber, payload, engagement_count, created_at, $2, attempts, last_error FROM moved",
            cancellationToken, id, at.ToUnixTimeMilliseconds());

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken = default)
    {
        Initialize();
        var letters = new List<DeadLetter>();
        await QueryAsync($"SELECT {DeadLetterColumns} FROM ei_notification_dead_letter ORDER BY id", r => letters.Add(ReadDeadLetter(r)), cancellationToken).ConfigureAwait(false);
        return letters;
    }

    public async Task<DeadLetter?> FindDeadLetterAsync(long id, CancellationToken cancellationToken = default)
    {
        Initialize();
        DeadLetter? letter = null;
        await QueryAsync($"SELECT {DeadLetterColumns} FROM ei_notification_dead_letter WHERE id = $1", r => letter = ReadDeadLetter(r), cancellationToken, id).ConfigureAwait(false);
        return letter;
    }

    public async Task<OutboxMessage?> ReplayAsync(long deadLetterId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Initialize();
        OutboxMessage? message = null;
        await QueryAsync(
            "WITH moved AS (DELETE FROM ei_notification_dead_letter WHERE id = $1 RETURNING subscriber, payload, engagement_count) " +
            "INSERT INTO ei_notification_outbox (subscriber, payload, engagement_count, created_at, attempts, last_error) " +
            $"SELECT subscriber, payload, engagement_count, $2, 0, NULL FROM moved RETURNING {OutboxColumns}",
            r => message = ReadOutbox(r), cancellationToken, deadLetterId, at.ToUnixTimeMilliseconds()).ConfigureAwait(false);
        return message;
    }

    public async Task<bool> DiscardAsync(long deadLetterId, CancellationToken cancellationToken = default)
    {
        Initialize();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("DELETE FROM ei_notification_dead_letter WHERE id = $1", connection);
        command.Parameters.AddWithValue(deadLetterId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static NpgsqlBatchCommand UpsertCommand(EngagementKey key, Engagement e, string now) => Command(
        "INSERT INTO ei_engagement (ekey, resident, service_domain, categorization, logical_address, business_object_id, " +
        "clinical_process_interest_id, most_recent_content, source_system, data_controller, owner, creation_time, update_time, changed_time) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL, $12) " +
        "ON CONFLICT (resident, service_domain, categorization, ekey) DO UPDATE SET most_recent_content = excluded.most_recent_content, " +
        "update_time = $12, changed_time = $12 WHERE ei_engagement.most_recent_content IS DISTINCT FROM excluded.most_recent_content " +
        "RETURNING creation_time, update_time",
        key.ToArray(), e.RegisteredResidentIdentification, e.ServiceDomain, e.Categorization, e.LogicalAddress, e.BusinessObjectInstanceIdentifier,
        e.ClinicalProcessInterestId, (object?)e.MostRecentContent ?? DBNull.Value, e.SourceSystem, e.DataController, e.Owner, now);

    private static NpgsqlBatchCommand DeleteCommand(EngagementKey key, Engagement like) => Command(
        "DELETE FROM ei_engagement WHERE resident = $1 AND service_domain = $2 AND categorization = $3 AND ekey = $4 " +
        "RETURNING owner, most_recent_content, creation_time, update_time",
        like.RegisteredResidentIdentification, like.ServiceDomain, like.Categorization, key.ToArray());

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        Initialize();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task QueryAsync(string sql, Action<NpgsqlDataReader> row, CancellationToken cancellationToken, params object[] values)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            row(reader);
        }
    }

    private static List<Engagement> ReadAll(NpgsqlCommand command)
    {
        var rows = new List<Engagement>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new Engagement(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return rows;
    }

    private static OutboxMessage ReadOutbox(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
        r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6));

    private static DeadLetter ReadDeadLetter(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt32(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7));

    [LoggerMessage(EventId = LogEventIds.EngagementIndexOpened, Level = LogLevel.Information, Message = "Engagement index store opened in {Path}")]
    private partial void LogOpened(string path);
}
