using System.Globalization;
using Npgsql;
using TjanstePlattform.Contracts.MedicalSupply;
using TjanstePlattform.Platform;
using TjanstePlattform.SourceSystems.Engagements;
using static TjanstePlattform.SourceSystems.Storage.SqliteSourceSystemStore;

namespace TjanstePlattform.SourceSystems.Storage;

/// <summary>
/// <see cref="ISourceSystemStore"/> in PostgreSQL, shared by several platform instances: the tables of
/// <see cref="SqliteSourceSystemStore"/> (prefixed <c>ss_</c>). Every write transaction first takes one
/// transaction-scoped advisory lock, so the read-check-write of a booking or an order is serialised across instances
/// exactly as the SQLite writer serialises it within one (no double booking of a slot, no order beyond a
/// prescription's remaining count); the partial unique index on active slots stays as a second guard. Reports to EI
/// are claimed with <c>FOR UPDATE SKIP LOCKED</c> and a lease, so one instance sends each.
/// </summary>
internal sealed class PostgresSourceSystemStore : ISourceSystemStore
{
    private const long WriteLockKey = 0x746A705F7373; // "tjp_ss"
    private static readonly TimeSpan ReportLease = TimeSpan.FromSeconds(60);

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE ss_settings (key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE ss_sequences (name text PRIMARY KEY, next bigint NOT NULL);
        CREATE TABLE ss_bookings (
            system_id text NOT NULL, booking_id text NOT NULL, patient_id text NOT NULL, start_time text NOT NULL, end_time text NOT NULL,
            resource_key text NOT NULL, status text NOT NULL, data text NOT NULL, updated text NOT NULL,
            PRIMARY KEY (system_id, booking_id));
        CREATE UNIQUE INDEX ss_bookings_slot ON ss_bookings (system_id, start_time, resource_key) WHERE status = 'active';
        CREATE INDEX ss_bookings_patient ON ss_bookings (system_id, patient_id);
        CREATE TABLE ss_supply_items (
            system_id text NOT NULL, item_id text NOT NULL, patient_id text NOT NULL, data text NOT NULL, PRIMARY KEY (system_id, item_id));
        CREATE INDEX ss_supply_items_patient ON ss_supply_items (system_id, patient_id);
        CREATE TABLE ss_supply_orders (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, system_id text NOT NULL, order_item_id text NOT NULL,
            patient_id text NOT NULL, data text NOT NULL);
        CREATE UNIQUE INDEX ss_supply_orders_id ON ss_supply_orders (system_id, order_item_id);
        CREATE INDEX ss_supply_orders_patient ON ss_supply_orders (system_id, patient_id);
        CREATE TABLE ss_ei_outbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, sender text NOT NULL, payload text NOT NULL,
            attempts integer NOT NULL DEFAULT 0, next_attempt text NOT NULL, last_error text, dead boolean NOT NULL DEFAULT false,
            created text NOT NULL);
        CREATE INDEX ss_ei_outbox_due ON ss_ei_outbox (dead, next_attempt);
        """,
    ];

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private int _migrated;

    public PostgresSourceSystemStore(PostgresDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public void Initialize()
    {
        if (Volatile.Read(ref _migrated) == 0)
        {
            _database.Migrate("sourcesystems", Migrations);
            Volatile.Write(ref _migrated, 1);
        }
    }

    public StoredBooking? FindBooking(string systemId, string bookingId) =>
        Read(c => QueryBookings(c, null, "system_id = $1 AND booking_id = $2", systemId, bookingId).FirstOrDefault());

    public IReadOnlyList<StoredBooking> ActiveBookings(string systemId, string? patientId = null) =>
        Read(c => patientId is null
            ? QueryBookings(c, null, "system_id = $1 AND status = 'active'", systemId)
            : QueryBookings(c, null, "system_id = $1 AND status = 'active' AND patient_id = $2", systemId, patientId));

    public IReadOnlyList<StoredSupplyItem> SupplyItems(string systemId, string patientId) =>
        Read(c => QueryItems(c, null, "system_id = $1 AND patient_id = $2", systemId, patientId));

    public IReadOnlyList<StoredOrder> SupplyOrders(string systemId, string patientId) =>
        Read(c =>
        {
            using var command = Command(c, null, "SELECT system_id, patient_id, data FROM ss_supply_orders WHERE system_id = $1 AND patient_id = $2 ORDER BY seq DESC",
                systemId, patientId);
            using var reader = command.ExecuteReader();
            var orders = StateRows.All(reader, StateRows.Order);

            return (IReadOnlyList<StoredOrder>)orders;
        });

    public async Task<T> WriteAsync<T>(Func<IStoreWriter, T> work, CancellationToken cancellationToken = default)
    {
        Initialize();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var writeLock = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({WriteLockKey})", connection, transaction))
        {
            await writeLock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var result = work(new Writer(connection, transaction));
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Claims the due reports: their next attempt moves a lease ahead, so another instance does not send them too.</summary>
    public IReadOnlyList<OutboxEntry> DueReports(DateTimeOffset now, int max) =>
        Read(c =>
        {
            using var command = Command(c, null,
                "UPDATE ss_ei_outbox o SET next_attempt = $3 FROM (SELECT id FROM ss_ei_outbox WHERE NOT dead AND next_attempt <= $1 " +
                "ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED) due WHERE o.id = due.id RETURNING o.id, o.sender, o.payload, o.attempts",
                Time(now), max, Time(_time.GetUtcNow() + ReportLease));
            using var reader = command.ExecuteReader();
            var entries = StateRows.All(reader, StateRows.Report);

            return (IReadOnlyList<OutboxEntry>)entries.OrderBy(e => e.Id).ToList();
        });

    public DateTimeOffset? NextReportDue() =>
        Read(c =>
        {
            using var command = Command(c, null, "SELECT MIN(next_attempt) FROM ss_ei_outbox WHERE NOT dead");
            return command.ExecuteScalar() is string text
                ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : (DateTimeOffset?)null;
        });

    public Task ReportDeliveredAsync(long id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM ss_ei_outbox WHERE id = $1", cancellationToken, id);

    public Task ReportFailedAsync(long id, string error, DateTimeOffset nextAttempt, bool dead, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE ss_ei_outbox SET attempts = attempts + 1, last_error = $2, next_attempt = $3, dead = $4 WHERE id = $1",
            cancellationToken, id, error, Time(nextAttempt), dead);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        Initialize();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private T Read<T>(Func<NpgsqlConnection, T> query)
    {
        Initialize();
        using var connection = _database.DataSource.OpenConnection();
        return query(connection);
    }

    private static IReadOnlyList<StoredBooking> QueryBookings(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, params object[] values)
    {
        using var command = Command(connection, transaction,
            $"SELECT system_id, booking_id, patient_id, start_time, end_time, resource_key, status, data, updated FROM ss_bookings WHERE {where} ORDER BY start_time, booking_id",
            values);
        using var reader = command.ExecuteReader();
        return StateRows.All(reader, StateRows.Booking);
    }

    private static IReadOnlyList<StoredSupplyItem> QueryItems(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, params object[] values)
    {
        using var command = Command(connection, transaction, $"SELECT system_id, patient_id, data FROM ss_supply_items WHERE {where} ORDER BY item_id", values);
        using var reader = command.ExecuteReader();
        return StateRows.All(reader, StateRows.SupplyItem);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private sealed class Writer(NpgsqlConnection connection, NpgsqlTransaction transaction) : IStoreWriter
    {
        public string? GetSetting(string key)
        {
            using var command = Command(connection, transaction, "SELECT value FROM ss_settings WHERE key = $1", key);
            return command.ExecuteScalar() as string;
        }

        public void SetSetting(string key, string value) =>
            Execute("INSERT INTO ss_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);

        public StoredBooking? FindBooking(string systemId, string bookingId) =>
            QueryBookings(connection, transaction, "system_id = $1 AND booking_id = $2", systemId, bookingId).FirstOrDefault();

        public StoredBooking? BookingAt(string systemId, string start, string resourceKey) =>
            QueryBookings(connection, transaction, "system_id = $1 AND start_time = $2 AND resource_key = $3 AND status = 'active'",
                systemId, start, resourceKey).FirstOrDefault();

        public IReadOnlyList<StoredBooking> ActiveBookings(string systemId) =>
            QueryBookings(connection, transaction, "system_id = $1 AND status = 'active'", systemId);

        public void InsertBooking(StoredBooking booking) => Execute("""
            INSERT INTO ss_bookings (system_id, booking_id, patient_id, start_time, end_time, resource_key, status, data, updated)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, Values(booking));

        public void UpdateBooking(StoredBooking booking) => Execute("""
            UPDATE ss_bookings SET patient_id = $3, start_time = $4, end_time = $5, resource_key = $6, status = $7, data = $8, updated = $9
            WHERE system_id = $1 AND booking_id = $2
            """, Values(booking));

        public long NextNumber(string sequence, long first)
        {
            using var command = Command(connection, transaction,
                "INSERT INTO ss_sequences (name, next) VALUES ($1, $2 + 1) ON CONFLICT (name) DO UPDATE SET next = ss_sequences.next + 1 RETURNING next - 1",
                sequence, first);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        public StoredSupplyItem? FindSupplyItem(string systemId, string prescriptionItemId) =>
            QueryItems(connection, transaction, "system_id = $1 AND item_id = $2", systemId, prescriptionItemId).FirstOrDefault();

        public IReadOnlyList<StoredSupplyItem> AllSupplyItems(string systemId) =>
            QueryItems(connection, transaction, "system_id = $1", systemId);

        public void SaveSupplyItem(StoredSupplyItem item) => Execute("""
            INSERT INTO ss_supply_items (system_id, item_id, patient_id, data) VALUES ($1, $2, $3, $4)
            ON CONFLICT (system_id, item_id) DO UPDATE SET patient_id = excluded.patient_id, data = excluded.data
            """, item.SystemId, item.Item.PrescriptionItemId, item.PatientId, StateJson.Serialize(item.Item));

        public void InsertOrder(StoredOrder order) => Execute(
            "INSERT INTO ss_supply_orders (system_id, order_item_id, patient_id, data) VALUES ($1, $2, $3, $4)",
            order.SystemId, order.Item.OrderItemId, order.PatientId, StateJson.Serialize(order.Item));

        public long EnqueueReport(string sender, IReadOnlyList<EngagementReport> engagements, DateTimeOffset now)
        {
            using var command = Command(connection, transaction,
                "INSERT INTO ss_ei_outbox (sender, payload, next_attempt, created) VALUES ($1, $2, $3, $3) RETURNING id",
                sender, StateJson.Serialize(engagements), Time(now));
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        public void ClearState() => Execute("DELETE FROM ss_bookings; DELETE FROM ss_supply_items; DELETE FROM ss_supply_orders; DELETE FROM ss_sequences;");

        private void Execute(string sql, params object[] values)
        {
            using var command = Command(connection, transaction, sql, values);
            command.ExecuteNonQuery();
        }

        private static object[] Values(StoredBooking booking) =>
        [
            booking.SystemId, booking.BookingId, booking.PatientId, booking.Start, booking.End, booking.ResourceKey,
            booking.Status == BookingStatus.Active ? Active : Cancelled,
            StateJson.Serialize(new BookingDocument(booking.Timeslot, booking.Contact, booking.Notification, booking.Message)),
            booking.Updated,
        ];
    }
}
