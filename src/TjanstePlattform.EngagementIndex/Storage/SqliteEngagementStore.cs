using TjanstePlattform.Platform;
using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TjanstePlattform.EngagementIndex.Engagements;

namespace TjanstePlattform.EngagementIndex.Storage;

/// <summary>
/// The engagement index in one SQLite file (WAL): one writer connection that applies each batch in a single
/// IMMEDIATE transaction with <c>synchronous=FULL</c> (a committed Update survives a power cut), and a pool of
/// reader connections with prepared statements for the FindContent hot path. One unique index on
/// (resident, serviceDomain, categorization, <see cref="EngagementKey"/>) serves both the key rule and FindContent, and
/// keeps a batch's writes close together on disk (a unique index on the hash alone scatters them: 3× slower commits);
/// a second index on (serviceDomain, changed time) serves GetUpdates.
/// </summary>
internal sealed partial class SqliteEngagementStore : IEngagementStore, INotificationOutbox, IDisposable
{
    /// <summary>How soon FindContent sees a commit another process made to the file.</summary>
    internal static readonly TimeSpan ForeignCommitCheckInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>FindContent keys kept in memory (a few hundred bytes each).</summary>
    private const int MaxCachedKeys = 100_000;

    private const string EngagementColumns =
        "resident, service_domain, categorization, logical_address, business_object_id, clinical_process_interest_id, " +
        "most_recent_content, source_system, data_controller, owner, creation_time, update_time";

    private readonly string _connectionString;
    private readonly int _maxReaders;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteEngagementStore> _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentBag<ReadSession> _readers = [];
    private readonly Lock _initLock = new();
    private readonly EngagementReadCache _cache = new(MaxCachedKeys);
    private readonly long _foreignCheckTicks;
    private long _nextForeignCheck;
    private Writer? _writer;
    private bool _disposed;

    public SqliteEngagementStore(string path, int maxReaders, TimeProvider time, ILogger<SqliteEngagementStore> logger)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        _maxReaders = Math.Max(1, maxReaders);
        _time = time;
        _logger = logger;
        _foreignCheckTicks = (long)(ForeignCommitCheckInterval.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens the file and creates the schema (idempotent; also done on first use).</summary>
    public void Initialize() => _ = WriterConnection;

    private Writer WriterConnection
    {
        get
        {
            if (_writer is not null)
            {
                return _writer;
            }

            lock (_initLock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_writer is null)
                {
                    _writer = Writer.Open(_connectionString);
                    LogOpened(Path);
                }

                return _writer;
            }
        }
    }

    public async Task<EngagementWriteResult> ApplyAsync(
        IReadOnlyList<EngagementWrite> writes,
        string now,
        Func<IReadOnlyList<EngagementChange>, IReadOnlyList<OutboxEntry>>? planNotifications,
        CancellationToken cancellationToken = default)
    {
        var writer = WriterConnection;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var changes = new List<EngagementChange>();
            using var transaction = writer.Connection.BeginTransaction(deferred: false);
            writer.Enlist(transaction);
            foreach (var write in writes)
            {
                if (write.AlsoRemove is { } twin && writer.Delete(twin, write.Engagement, out var removedTwin))
                {
                    changes.Add(new EngagementChange(EngagementChangeKind.Deleted, removedTwin));
                }

                if (write.Delete)
                {
                    if (writer.Delete(write.Key, write.Engagement, out var removed))
                    {
                        changes.Add(new EngagementChange(EngagementChangeKind.Deleted, removed));
                    }
                }
                else if (writer.Upsert(write.Key, write.Engagement, now, out var stored, out var created))
                {
                    changes.Add(new EngagementChange(created ? EngagementChangeKind.Created : EngagementChangeKind.ContentChanged, stored));
                }
            }

            var subscribers = new List<string>();
            if (changes.Count > 0 && planNotifications is not null)
            {
                var createdAt = _time.GetUtcNow().ToUnixTimeMilliseconds();
                foreach (var entry in planNotifications(changes))
                {
                    writer.InsertOutbox(entry, createdAt);
                    if (!subscribers.Contains(entry.Subscriber, StringComparer.OrdinalIgnoreCase))
                    {
                        subscribers.Add(entry.Subscriber);
                    }
                }
            }

            transaction.Commit();
            _cache.Clear();
            return new EngagementWriteResult(changes, subscribers);
        }
        finally
        {
            writer.Enlist(null);
            _writeLock.Release();
        }
    }

    public IReadOnlyList<Engagement> Find(EngagementQuery query)
    {
        var session = RentReader();
        try
        {
            // Our own writes empty the cache when they commit. A commit by another process to the same file (not a
            // supported way to share the index: several instances share PostgreSQL) is seen within
            // ForeignCommitCheckInterval, as the SQLite catalog sees one: asking SQLite on every FindContent costs a
            // read transaction, more than the rest of the look-up.
            var generation = _cache.Generation;
            var now = _time.GetTimestamp();
            var due = Interlocked.Read(ref _nextForeignCheck);
            if (now >= due && Interlocked.CompareExchange(ref _nextForeignCheck, now + _foreignCheckTicks, due) == due && session.SeesChange())
            {
                _cache.Clear();
                generation = _cache.Generation;
            }

            if (!_cache.TryGet(query, out var rows))
            {
                rows = Read(session, query);
                _cache.Keep(query, rows, generation);
            }

            var found = new List<Engagement>(rows.Length);
            foreach (var engagement in rows)
            {
                if (Matches(engagement, query))
                {
                    found.Add(engagement);
                }
            }

            return found;
        }
        finally
        {
            ReturnReader(session);
        }
    }

    /// <summary>Every row of the query's resident, service domain and categorization (the other filters are applied after).</summary>
    private static Engagement[] Read(ReadSession session, EngagementQuery query)
    {
        var command = query.Categorization is null ? session.Find : session.FindByCategorization;
        command.Parameters[0].Value = query.RegisteredResidentIdentification;
        command.Parameters[1].Value = query.ServiceDomain;
        if (query.Categorization is not null)
        {
            command.Parameters[2].Value = query.Categorization;
        }

        var rows = new List<Engagement>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(ReadEngagement(reader));
        }

        return [.. rows];
    }

    public UpdatesPage GetUpdates(string serviceDomain, string since, string? afterResident, int pageSize)
    {
        pageSize = Math.Max(1, pageSize);
        var session = RentReader();
        try
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText =
                $"SELECT {EngagementColumns} FROM engagement WHERE service_domain = $d AND changed_time >= $t AND resident > $r " +
                "ORDER BY resident, creation_time LIMIT $n";
            command.Parameters.AddWithValue("$d", serviceDomain);
            command.Parameters.AddWithValue("$t", since);
            command.Parameters.AddWithValue("$r", afterResident ?? "");
            command.Parameters.AddWithValue("$n", pageSize + 1);
            var rows = ReadAll(command);
            var complete = rows.Count <= pageSize;
            if (!complete)
            {
                // Never split a resident over two pages: drop the resident the extra row belongs to…
                var cut = rows[pageSize].RegisteredResidentIdentification;
                rows.RemoveAll(e => e.RegisteredResidentIdentification == cut);
                if (rows.Count == 0)
                {
                    // …unless it is the only one: then this page is that resident, whole.
                    command.CommandText =
                        $"SELECT {EngagementColumns} FROM engagement WHERE service_domain = $d AND changed_time >= $t AND resident = $r ORDER BY creation_time";
                    command.Parameters["$r"].Value = cut;
                    rows = ReadAll(command);
                    complete = !HasResidentAfter(session, serviceDomain, since, cut);
                }
            }

            var residents = rows
                .GroupBy(e => e.RegisteredResidentIdentification, StringComparer.Ordinal)
                .Select(g => (g.Key, (IReadOnlyList<Engagement>)g.ToList()))
                .ToList();
            return new UpdatesPage(residents, complete);
        }
        finally
        {
            ReturnReader(session);
        }
    }

    public long Count()
    {
        var session = RentReader();
        try
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM engagement";
            return (long)command.ExecuteScalar()!;
        }
        finally
        {
            ReturnReader(session);
        }
    }

    public Task<OutboxMessage?> PeekAsync(string subscriber, CancellationToken cancellationToken = default)
    {
        var session = RentReader();
        try
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText =
                "SELECT id, subscriber, payload, engagement_count, created_at, attempts, last_error FROM notification_outbox " +
                "WHERE subscriber = $s ORDER BY id LIMIT 1";
            command.Parameters.AddWithValue("$s", subscriber);
            using var reader = command.ExecuteReader();
            return Task.FromResult(reader.Read() ? ReadOutbox(reader) : null);
        }
        finally
        {
            ReturnReader(session);
        }
    }

    public Task<IReadOnlyList<PendingQueue>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var session = RentReader();
        try
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "SELECT subscriber, COUNT(*) FROM notification_outbox GROUP BY subscriber ORDER BY subscriber";
            using var reader = command.ExecuteReader();
            var pending = new List<PendingQueue>();
            while (reader.Read())
            {
                pending.Add(new PendingQueue(reader.GetString(0), reader.GetInt32(1)));
            }

            return Task.FromResult<IReadOnlyList<PendingQueue>>(pending);
        }
        finally
        {
            ReturnReader(session);
        }
    }

    public Task<int> RecordFailedAttemptAsync(long id, string error, CancellationToken cancellationToken = default) =>
        WriteAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE notification_outbox SET attempts = attempts + 1, last_error = $e WHERE id = $id RETURNING attempts";
            command.Parameters.AddWithValue("$e", Truncate(error, 2000));
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteScalar() is long attempts ? (int)attempts : 0;
        }, cancellationToken);

    public Task CompleteAsync(long id, CancellationToken cancellationToken = default) =>
        WriteAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM notification_outbox WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task DeadLetterAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                "INSERT INTO notification_dead_letter(subscriber, payload, engagement_count, created_at, dead_at, attempts, last_error) " +
                "SELECT subscriber, payload, engagement_count, created_at, $at, attempts, last_error FROM notification_outbox WHERE id = $id; " +
                "DELETE FROM notification_outbox WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
            transaction.Commit();
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken = default)
    {
        var session = RentReader();
        try
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText =
                "SELECT id, subscriber, engagement_count, created_at, dead_at, attempts, last_error, payload FROM notification_dead_letter ORDER BY id";
            using var reader = command.ExecuteReader();
            var letters = new List<DeadLetter>();
            while (reader.Read())
            {
                letters.Add(ReadDeadLetter(reader));
            }

            return Task.FromResult<IReadOnlyList<DeadLetter>>(letters);
        }
        finally
        {
            ReturnReader(session);
        }
    }

    public Task<DeadLetter?> FindDeadLetterAsync(long id, CancellationToken cancellationToken = default)
    {
        var session = RentReader();
        try
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText =
                "SELECT id, subscriber, engagement_count, created_at, dead_at, attempts, last_error, payload FROM notification_dead_letter WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            return Task.FromResult(reader.Read() ? ReadDeadLetter(reader) : null);
        }
        finally
        {
            ReturnReader(session);
        }
    }

    public Task<OutboxMessage?> ReplayAsync(long deadLetterId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                "INSERT INTO notification_outbox(subscriber, payload, engagement_count, created_at, attempts, last_error) " +
                "SELECT subscriber, payload, engagement_count, $at, 0, NULL FROM notification_dead_letter WHERE id = $id " +
                "RETURNING id, subscriber, payload, engagement_count, created_at, attempts, last_error";
            command.Parameters.AddWithValue("$id", deadLetterId);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            OutboxMessage? message = null;
            using (var reader = command.ExecuteReader())
            {
                if (reader.Read())
                {
                    message = ReadOutbox(reader);
                }
            }

            if (message is not null)
            {
                command.CommandText = "DELETE FROM notification_dead_letter WHERE id = $id";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            return message;
        }, cancellationToken);

    public Task<bool> DiscardAsync(long deadLetterId, CancellationToken cancellationToken = default) =>
        WriteAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM notification_dead_letter WHERE id = $id";
            command.Parameters.AddWithValue("$id", deadLetterId);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);

    public void Dispose()
    {
        lock (_initLock)
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }

        while (_readers.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        var writer = WriterConnection;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work(writer.Connection);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    internal static bool Matches(Engagement e, EngagementQuery q) =>
        (q.LogicalAddress is null || e.LogicalAddress == q.LogicalAddress)
        && (q.BusinessObjectInstanceIdentifier is null || e.BusinessObjectInstanceIdentifier == q.BusinessObjectInstanceIdentifier)
        && (q.ClinicalProcessInterestId is null || e.ClinicalProcessInterestId == q.ClinicalProcessInterestId)
        && (q.SourceSystem is null || e.SourceSystem == q.SourceSystem)
        && (q.DataController is null || e.DataController == q.DataController)
        && (q.Owner is null || e.Owner == q.Owner)
        // Timestamps are fixed-width yyyyMMddHHmmss: ordinal order is time order.
        && (q.MostRecentContentFrom is null
            || (e.MostRecentContent is not null && string.CompareOrdinal(e.MostRecentContent, q.MostRecentContentFrom) >= 0));

    private static Engagement ReadEngagement(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.GetString(7),
        r.GetString(8),
        r.GetString(9),
        r.GetString(10),
        r.IsDBNull(11) ? null : r.GetString(11));

    private static List<Engagement> ReadAll(SqliteCommand command)
    {
        var rows = new List<Engagement>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(ReadEngagement(reader));
        }

        return rows;
    }

    private static bool HasResidentAfter(ReadSession session, string serviceDomain, string since, string resident)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM engagement WHERE service_domain = $d AND changed_time >= $t AND resident > $r LIMIT 1";
        command.Parameters.AddWithValue("$d", serviceDomain);
        command.Parameters.AddWithValue("$t", since);
        command.Parameters.AddWithValue("$r", resident);
        return command.ExecuteScalar() is not null;
    }

    private static OutboxMessage ReadOutbox(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        r.GetInt32(3),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
        r.GetInt32(5),
        r.IsDBNull(6) ? null : r.GetString(6));

    private static DeadLetter ReadDeadLetter(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetInt32(2),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
        r.GetInt32(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.GetString(7));

    [LoggerMessage(EventId = LogEventIds.EngagementIndexOpened, Level = LogLevel.Information, Message = "Engagement index store opened at {Path}")]
    private partial void LogOpened(string path);

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private ReadSession RentReader()
    {
        _ = WriterConnection; // the schema exists before anyone reads
        return _readers.TryTake(out var session) ? session : ReadSession.Open(_connectionString);
    }

    private void ReturnReader(ReadSession session)
    {
        if (_disposed || _readers.Count >= _maxReaders)
        {
            session.Dispose();
            return;
        }

        _readers.Add(session);
    }

    /// <summary>The single writer connection and its prepared statements.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteCommand _upsert;
        private readonly SqliteCommand _delete;
        private readonly SqliteCommand _outbox;

        private Writer(SqliteConnection connection)
        {
            Connection = connection;
            _upsert = connection.CreateCommand();
            _upsert.CommandText =
                "INSERT INTO engagement(ekey, resident, service_domain, categorization, logical_address, business_object_id, " +
                "clinical_process_interest_id, most_recent_content, source_system, data_controller, owner, creation_time, update_time, changed_time) " +
                "VALUES($k, $p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $now, NULL, $now) " +
                "ON CONFLICT(resident, service_domain, categorization, ekey) DO UPDATE SET most_recent_content = excluded.most_recent_content, update_time = $now, changed_time = $now " +
                "WHERE most_recent_content IS NOT excluded.most_recent_content " +
                "RETURNING creation_time, update_time";
            AddParameters(_upsert, "$k", "$p0", "$p1", "$p2", "$p3", "$p4", "$p5", "$p6", "$p7", "$p8", "$p9", "$now");
            _upsert.Prepare();

            _delete = connection.CreateCommand();
            _delete.CommandText =
                "DELETE FROM engagement WHERE resident = $r AND service_domain = $d AND categorization = $c AND ekey = $k " +
                "RETURNING owner, most_recent_content, creation_time, update_time";
            AddParameters(_delete, "$k", "$r", "$d", "$c");
            _delete.Prepare();

            _outbox = connection.CreateCommand();
            _outbox.CommandText =
                "INSERT INTO notification_outbox(subscriber, payload, engagement_count, created_at, attempts) VALUES($s, $p, $c, $t, 0)";
            AddParameters(_outbox, "$s", "$p", "$c", "$t");
            _outbox.Prepare();
        }

        public SqliteConnection Connection { get; }

        public static Writer Open(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            MigrateClusteredLayout(connection);
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                PRAGMA cache_size = -65536;
                PRAGMA temp_store = MEMORY;
                CREATE TABLE IF NOT EXISTS engagement(
                    id INTEGER PRIMARY KEY,
                    ekey BLOB NOT NULL,
                    resident TEXT NOT NULL,
                    service_domain TEXT NOT NULL,
                    categorization TEXT NOT NULL,
                    logical_address TEXT NOT NULL,
                    business_object_id TEXT NOT NULL,
                    clinical_process_interest_id TEXT NOT NULL,
                    most_recent_content TEXT,
                    source_system TEXT NOT NULL,
                    data_controller TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    creation_time TEXT NOT NULL,
                    update_time TEXT,
                    changed_time TEXT NOT NULL
                );
                CREATE UNIQUE INDEX IF NOT EXISTS ux_engagement_key ON engagement(resident, service_domain, categorization, ekey);
                CREATE INDEX IF NOT EXISTS ix_engagement_changed ON engagement(service_domain, changed_time);
                CREATE TABLE IF NOT EXISTS notification_outbox(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    subscriber TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    engagement_count INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT
                );
                CREATE INDEX IF NOT EXISTS ix_outbox_subscriber ON notification_outbox(subscriber, id);
                CREATE TABLE IF NOT EXISTS notification_dead_letter(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    subscriber TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    engagement_count INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    dead_at INTEGER NOT NULL,
                    attempts INTEGER NOT NULL,
                    last_error TEXT
                );
                """);
            return new Writer(connection);
        }

        /// <summary>
        /// The first layout (before any release) clustered the table on the key hash (WITHOUT ROWID): every insert
        /// landed on a random page, which made commits write most of the cache. Copied into the current layout once.
        /// </summary>
        private static void MigrateClusteredLayout(SqliteConnection connection)
        {
            using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('engagement') WHERE name = 'id'";
            var hasId = (long)probe.ExecuteScalar()! > 0;
            probe.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'engagement'";
            if (hasId || (long)probe.ExecuteScalar()! == 0)
            {
                return;
            }

            Execute(connection, """
                BEGIN IMMEDIATE;
                DROP INDEX IF EXISTS ix_engagement_find;
                DROP INDEX IF EXISTS ix_engagement_changed;
                ALTER TABLE engagement RENAME TO engagement_clustered;
                CREATE TABLE engagement(
                    id INTEGER PRIMARY KEY, ekey BLOB NOT NULL, resident TEXT NOT NULL, service_domain TEXT NOT NULL,
                    categorization TEXT NOT NULL, logical_address TEXT NOT NULL, business_object_id TEXT NOT NULL,
                    clinical_process_interest_id TEXT NOT NULL, most_recent_content TEXT, source_system TEXT NOT NULL,
                    data_controller TEXT NOT NULL, owner TEXT NOT NULL, creation_time TEXT NOT NULL, update_time TEXT,
                    changed_time TEXT NOT NULL);
                INSERT INTO engagement(ekey, resident, service_domain, categorization, logical_address, business_object_id,
                    clinical_process_interest_id, most_recent_content, source_system, data_controller, owner, creation_time, update_time, changed_time)
                SELECT ekey, resident, service_domain, categorization, logical_address, business_object_id,
                    clinical_process_interest_id, most_recent_content, source_system, data_controller, owner, creation_time, update_time, changed_time
                FROM engagement_clustered ORDER BY resident;
                DROP TABLE engagement_clustered;
                COMMIT;
                """);
        }

        public void Enlist(SqliteTransaction? transaction)
        {
            _upsert.Transaction = transaction;
            _delete.Transaction = transaction;
            _outbox.Transaction = transaction;
        }

        /// <summary>Inserts, or overwrites mostRecentContent when it differs. False: identical re-send, nothing changed.</summary>
        public bool Upsert(EngagementKey key, Engagement e, string now, out Engagement stored, out bool created)
        {
            var p = _upsert.Parameters;
            p[0].Value = key.ToArray();
            p[1].Value = e.RegisteredResidentIdentification;
            p[2].Value = e.ServiceDomain;
            p[3].Value = e.Categorization;
            p[4].Value = e.LogicalAddress;
            p[5].Value = e.BusinessObjectInstanceIdentifier;
            p[6].Value = e.ClinicalProcessInterestId;
            p[7].Value = (object?)e.MostRecentContent ?? DBNull.Value;
            p[8].Value = e.SourceSystem;
            p[9].Value = e.DataController;
            p[10].Value = e.Owner;
            p[11].Value = now;
            using var reader = _upsert.ExecuteReader();
            if (!reader.Read())
            {
                stored = e;
                created = false;
                return false;
            }

            var updateTime = reader.IsDBNull(1) ? null : reader.GetString(1);
            created = updateTime is null;
            stored = e with { CreationTime = reader.GetString(0), UpdateTime = updateTime };
            return true;
        }

        /// <summary>Deletes by key; <paramref name="removed"/> is the stored row (key fields from <paramref name="like"/>).</summary>
        public bool Delete(EngagementKey key, Engagement like, out Engagement removed)
        {
            // The key hash covers resident, domain and categorization too; they lead the unique index.
            _delete.Parameters[0].Value = key.ToArray();
            _delete.Parameters[1].Value = like.RegisteredResidentIdentification;
            _delete.Parameters[2].Value = like.ServiceDomain;
            _delete.Parameters[3].Value = like.Categorization;
            using var reader = _delete.ExecuteReader();
            if (!reader.Read())
            {
                removed = like;
                return false;
            }

            removed = like with
            {
                Owner = reader.GetString(0),
                MostRecentContent = reader.IsDBNull(1) ? null : reader.GetString(1),
                CreationTime = reader.GetString(2),
                UpdateTime = reader.IsDBNull(3) ? null : reader.GetString(3),
            };
            return true;
        }

        public void InsertOutbox(OutboxEntry entry, long createdAt)
        {
            var p = _outbox.Parameters;
            p[0].Value = entry.Subscriber;
            p[1].Value = entry.Payload;
            p[2].Value = entry.EngagementCount;
            p[3].Value = createdAt;
            _outbox.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _upsert.Dispose();
            _delete.Dispose();
            _outbox.Dispose();
            Connection.Dispose();
        }

        private static void AddParameters(SqliteCommand command, params string[] names)
        {
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
        }

        private static void Execute(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>A pooled reader connection with the FindContent statements prepared.</summary>
    private sealed class ReadSession : IDisposable
    {
        private ReadSession(SqliteConnection connection)
        {
            Connection = connection;
            Find = connection.CreateCommand();
            Find.CommandText = $"SELECT {EngagementColumns} FROM engagement WHERE resident = $r AND service_domain = $d";
            Find.Parameters.Add(new SqliteParameter { ParameterName = "$r" });
            Find.Parameters.Add(new SqliteParameter { ParameterName = "$d" });
            Find.Prepare();
            FindByCategorization = connection.CreateCommand();
            FindByCategorization.CommandText =
                $"SELECT {EngagementColumns} FROM engagement WHERE resident = $r AND service_domain = $d AND categorization = $c";
            FindByCategorization.Parameters.Add(new SqliteParameter { ParameterName = "$r" });
            FindByCategorization.Parameters.Add(new SqliteParameter { ParameterName = "$d" });
            FindByCategorization.Parameters.Add(new SqliteParameter { ParameterName = "$c" });
            FindByCategorization.Prepare();
            var prepared = SQLitePCL.raw.sqlite3_prepare_v2(connection.Handle, "PRAGMA data_version", out _dataVersionStatement);
            if (prepared != SQLitePCL.raw.SQLITE_OK)
            {
                throw new SqliteException($"PRAGMA data_version could not be prepared: {SQLitePCL.raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}", prepared);
            }
        }

        public SqliteConnection Connection { get; }

        public SqliteCommand Find { get; }

        public SqliteCommand FindByCategorization { get; }

        // Stepped through SQLitePCL directly: a command and its reader cost more than the pragma itself.
        private readonly SQLitePCL.sqlite3_stmt _dataVersionStatement;
        private long _dataVersion = -1;

        /// <summary>
        /// True when a commit reached the file since this connection last asked (PRAGMA data_version changes for every
        /// commit by another connection: this process's writer or another process).
        /// </summary>
        public bool SeesChange()
        {
            if (SQLitePCL.raw.sqlite3_step(_dataVersionStatement) != SQLitePCL.raw.SQLITE_ROW)
            {
                SQLitePCL.raw.sqlite3_reset(_dataVersionStatement);
                return true; // Unknown: treat as changed, the cache only gets emptied.
            }

            var now = SQLitePCL.raw.sqlite3_column_int64(_dataVersionStatement, 0);
            SQLitePCL.raw.sqlite3_reset(_dataVersionStatement);
            var changed = now != _dataVersion;
            _dataVersion = now;
            return changed;
        }

        public static ReadSession Open(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA query_only = ON; PRAGMA cache_size = -16384;";
                command.ExecuteNonQuery();
            }

            return new ReadSession(connection);
        }

        public void Dispose()
        {
            Find.Dispose();
            FindByCategorization.Dispose();
            _dataVersionStatement.Dispose();
            Connection.Dispose();
        }
    }
}
