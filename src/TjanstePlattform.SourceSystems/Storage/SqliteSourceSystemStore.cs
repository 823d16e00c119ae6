using System.Globalization;
using Microsoft.Data.Sqlite;
using TjanstePlattform.Contracts.MedicalSupply;
using TjanstePlattform.Contracts.Scheduling;
using SubjectOfCareType = TjanstePlattform.Contracts.Scheduling.SubjectOfCareType;
using TjanstePlattform.SourceSystems.Engagements;

namespace TjanstePlattform.SourceSystems.Storage;

/// <summary>
/// <see cref="ISourceSystemStore"/> in one SQLite file (WAL): one writer connection behind a semaphore, pooled
/// connections for reads. Details of a booking or an order are kept as the contract type in JSON beside the indexed columns.
/// </summary>
internal sealed class SqliteSourceSystemStore : ISourceSystemStore, IDisposable
{
    internal const string Active = "active";
    internal const string Cancelled = "cancelled";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteConnection? _writeConnection;

    public SqliteSourceSystemStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private }.ToString();
    }

    public void Initialize()
    {
        if (_writeConnection is not null)
        {
            return;
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS sequences (name TEXT PRIMARY KEY, next INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS bookings (
                system_id TEXT NOT NULL COLLATE NOCASE,
                booking_id TEXT NOT NULL COLLATE NOCASE,
                patient_id TEXT NOT NULL,
                start_time TEXT NOT NULL,
                end_time TEXT NOT NULL,
                resource_key TEXT NOT NULL COLLATE NOCASE,
                status TEXT NOT NULL,
                data TEXT NOT NULL,
                updated TEXT NOT NULL,
                PRIMARY KEY (system_id, booking_id));
            CREATE UNIQUE INDEX IF NOT EXISTS bookings_slot ON bookings (system_id, start_time, resource_key) WHERE status = 'active';
            CREATE INDEX IF NOT EXISTS bookings_patient ON bookings (system_id, patient_id);
            CREATE TABLE IF NOT EXISTS supply_items (
                system_id TEXT NOT NULL COLLATE NOCASE,
                item_id TEXT NOT NULL,
                patient_id TEXT NOT NULL,
                data TEXT NOT NULL,
                PRIMARY KEY (system_id, item_id));
            CREATE INDEX IF NOT EXISTS supply_items_patient ON supply_items (system_id, patient_id);
            CREATE TABLE IF NOT EXISTS supply_orders (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                system_id TEXT NOT NULL COLLATE NOCASE,
                order_item_id TEXT NOT NULL,
                patient_id TEXT NOT NULL,
                data TEXT NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS supply_orders_id ON supply_orders (system_id, order_item_id);
            CREATE INDEX IF NOT EXISTS supply_orders_patient ON supply_orders (system_id, patient_id);
            CREATE TABLE IF NOT EXISTS ei_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                sender TEXT NOT NULL,
                payload TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt TEXT NOT NULL,
                last_error TEXT,
                dead INTEGER NOT NULL DEFAULT 0,
                created TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ei_outbox_due ON ei_outbox (dead, next_attempt);
            """);
        _writeConnection = connection;
    }

    public StoredBooking? FindBooking(string systemId, string bookingId) =>
        Read(c => QueryBookings(c, null, "system_id = $s AND booking_id = $b", ("$s", systemId), ("$b", bookingId)).FirstOrDefault());

    public IReadOnlyList<StoredBooking> ActiveBookings(string systemId, string? patientId = null) =>
        Read(c => patientId is null
            ? QueryBookings(c, null, "system_id = $s AND status = 'active'", ("$s", systemId))
            : QueryBookings(c, null, "system_id = $s AND status = 'active' AND patient_id = $p", ("$s", systemId), ("$p", patientId)));

    public IReadOnlyList<StoredSupplyItem> SupplyItems(string systemId, string patientId) =>
        Read(c => QueryItems(c, null, "system_id = $s AND patient_id = $p", ("$s", systemId), ("$p", patientId)));

    public IReadOnlyList<StoredOrder> SupplyOrders(string systemId, string patientId) =>
        Read(c =>
        {
            using var command = Command(c, null, "SELECT system_id, patient_id, data FROM supply_orders WHERE system_id = $s AND patient_id = $p ORDER BY seq DESC",
                ("$s", systemId), ("$p", patientId));
            using var reader = command.ExecuteReader();
            var orders = StateRows.All(reader, StateRows.Order);

            return (IReadOnlyList<StoredOrder>)orders;
        });

    public async Task<T> WriteAsync<T>(Func<IStoreWriter, T> work, CancellationToken cancellationToken = default)
    {
        var connection = _writeConnection ?? throw new InvalidOperationException("The source-system store is not initialized.");
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = connection.BeginTransaction();
            var result = work(new Writer(connection, transaction));
            transaction.Commit();
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    public IReadOnlyList<OutboxEntry> DueReports(DateTimeOffset now, int max) =>
        Read(c =>
        {
            using var command = Command(c, null,
                "SELECT id, sender, payload, attempts FROM ei_outbox WHERE dead = 0 AND next_attempt <= $now ORDER BY id LIMIT $max",
                ("$now", Time(now)), ("$max", max));
            using var reader = command.ExecuteReader();
            var entries = StateRows.All(reader, StateRows.Report);

            return (IReadOnlyList<OutboxEntry>)entries;
        });

    public DateTimeOffset? NextReportDue() =>
        Read(c =>
        {
            using var command = Command(c, null, "SELECT MIN(next_attempt) FROM ei_outbox WHERE dead = 0");
            return command.ExecuteScalar() is string text
                ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : (DateTimeOffset?)null;
        });

    public Task ReportDeliveredAsync(long id, CancellationToken cancellationToken = default) =>
        WriteAsync(w => ((Writer)w).Execute("DELETE FROM ei_outbox WHERE id = $id", ("$id", id)), cancellationToken);

    public Task ReportFailedAsync(long id, string error, DateTimeOffset nextAttempt, bool dead, CancellationToken cancellationToken = default) =>
        WriteAsync(w => ((Writer)w).Execute(
            "UPDATE ei_outbox SET attempts = attempts + 1, last_error = $e, next_attempt = $n, dead = $d WHERE id = $id",
            ("$id", id), ("$e", error), ("$n", Time(nextAttempt)), ("$d", dead ? 1 : 0)), cancellationToken);

    public void Dispose()
    {
        _writeConnection?.Dispose();
        _writeConnection = null;
        _writer.Dispose();
    }

    private T Read<T>(Func<SqliteConnection, T> query)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return query(connection);
    }

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static IReadOnlyList<StoredBooking> QueryBookings(SqliteConnection connection, SqliteTransaction? transaction, string where, params (string, object)[] parameters)
    {
        using var command = Command(connection, transaction,
            $"SELECT system_id, booking_id, patient_id, start_time, end_time, resource_key, status, data, updated FROM bookings WHERE {where} ORDER BY start_time, booking_id",
            parameters);
        using var reader = command.ExecuteReader();
        return StateRows.All(reader, StateRows.Booking);
    }

    private static IReadOnlyList<StoredSupplyItem> QueryItems(SqliteConnection connection, SqliteTransaction? transaction, string where, params (string, object)[] parameters)
    {
        using var command = Command(connection, transaction, $"SELECT system_id, patient_id, data FROM supply_items WHERE {where} ORDER BY item_id", parameters);
        using var reader = command.ExecuteReader();
        return StateRows.All(reader, StateRows.SupplyItem);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string, object)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The JSON column of a booking.</summary>
    internal sealed record BookingDocument(TimeslotType Timeslot, SubjectOfCareType? Contact, string? Notification, string? Message);

    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction) : IStoreWriter
    {
        public int Execute(string sql, params (string, object)[] parameters) => SqliteSourceSystemStore.Execute(connection, transaction, sql, parameters);

        public string? GetSetting(string key)
        {
            using var command = Command(connection, transaction, "SELECT value FROM settings WHERE key = $k", ("$k", key));
            return command.ExecuteScalar() as string;
        }

        public void SetSetting(string key, string value) =>
            Execute("INSERT INTO settings (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("$k", key), ("$v", value));

        public StoredBooking? FindBooking(string systemId, string bookingId) =>
            QueryBookings(connection, transaction, "system_id = $s AND booking_id = $b", ("$s", systemId), ("$b", bookingId)).FirstOrDefault();

        public StoredBooking? BookingAt(string systemId, string start, string resourceKey) =>
            QueryBookings(connection, transaction, "system_id = $s AND start_time = $t AND resource_key = $r AND status = 'active'",
                ("$s", systemId), ("$t", start), ("$r", resourceKey)).FirstOrDefault();

        public IReadOnlyList<StoredBooking> ActiveBookings(string systemId) =>
            QueryBookings(connection, transaction, "system_id = $s AND status = 'active'", ("$s", systemId));

        public void InsertBooking(StoredBooking booking) => Execute("""
            INSERT INTO bookings (system_id, booking_id, patient_id, start_time, end_time, resource_key, status, data, updated)
            VALUES ($s, $b, $p, $t, $e, $r, $st, $d, $u)
            """, Parameters(booking));

        public void UpdateBooking(StoredBooking booking) => Execute("""
            UPDATE bookings SET patient_id = $p, start_time = $t, end_time = $e, resource_key = $r, status = $st, data = $d, updated = $u
            WHERE system_id = $s AND booking_id = $b
            """, Parameters(booking));

        public long NextNumber(string sequence, long first)
        {
            using var command = Command(connection, transaction, """
                INSERT INTO sequences (name, next) VALUES ($n, $f + 1) ON CONFLICT (name) DO UPDATE SET next = next + 1;
                SELECT next - 1 FROM sequences WHERE name = $n;
                """, ("$n", sequence), ("$f", first));
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        public StoredSupplyItem? FindSupplyItem(string systemId, string prescriptionItemId) =>
            QueryItems(connection, transaction, "system_id = $s AND item_id = $i", ("$s", systemId), ("$i", prescriptionItemId)).FirstOrDefault();

        public IReadOnlyList<StoredSupplyItem> AllSupplyItems(string systemId) =>
            QueryItems(connection, transaction, "system_id = $s", ("$s", systemId));

        public void SaveSupplyItem(StoredSupplyItem item) => Execute("""
            INSERT INTO supply_items (system_id, item_id, patient_id, data) VALUES ($s, $i, $p, $d)
            ON CONFLICT (system_id, item_id) DO UPDATE SET patient_id = excluded.patient_id, data = excluded.data
            """, ("$s", item.SystemId), ("$i", item.Item.PrescriptionItemId), ("$p", item.PatientId), ("$d", StateJson.Serialize(item.Item)));

        public void InsertOrder(StoredOrder order) => Execute(
            "INSERT INTO supply_orders (system_id, order_item_id, patient_id, data) VALUES ($s, $o, $p, $d)",
            ("$s", order.SystemId), ("$o", order.Item.OrderItemId), ("$p", order.PatientId), ("$d", StateJson.Serialize(order.Item)));

        public long EnqueueReport(string sender, IReadOnlyList<EngagementReport> engagements, DateTimeOffset now)
        {
            using var command = Command(connection, transaction, """
                INSERT INTO ei_outbox (sender, payload, next_attempt, created) VALUES ($s, $p, $n, $n);
                SELECT last_insert_rowid();
                """, ("$s", sender), ("$p", StateJson.Serialize(engagements)), ("$n", Time(now)));
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        public void ClearState() => Execute("DELETE FROM bookings; DELETE FROM supply_items; DELETE FROM supply_orders; DELETE FROM sequences;");

        private static (string, object)[] Parameters(StoredBooking booking) =>
        [
            ("$s", booking.SystemId), ("$b", booking.BookingId), ("$p", booking.PatientId), ("$t", booking.Start), ("$e", booking.End),
            ("$r", booking.ResourceKey), ("$st", booking.Status == BookingStatus.Active ? Active : Cancelled),
            ("$d", StateJson.Serialize(new BookingDocument(booking.Timeslot, booking.Contact, booking.Notification, booking.Message))),
            ("$u", booking.Updated),
        ];
    }
}
