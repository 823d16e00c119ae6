using TjanstePlattform.Contracts.MedicalSupply;
using TjanstePlattform.Contracts.Scheduling;
using SubjectOfCareType = TjanstePlattform.Contracts.Scheduling.SubjectOfCareType;
using TjanstePlattform.SourceSystems.Engagements;

namespace TjanstePlattform.SourceSystems.Storage;

/// <summary>
/// The source systems' state that users change (bookings, prescription items, orders) and the outbox of
/// engagement-index reports. Every write runs in one transaction with the reports it causes, so a booking is never
/// stored without its Update to EI (or the other way round). A PostgreSQL implementation can take this shape.
/// </summary>
internal interface ISourceSystemStore
{
    /// <summary>Creates the schema (idempotent).</summary>
    void Initialize();

    StoredBooking? FindBooking(string systemId, string bookingId);

    /// <summary>Active (not cancelled) bookings of a system, optionally of one patient, ordered by start time.</summary>
    IReadOnlyList<StoredBooking> ActiveBookings(string systemId, string? patientId = null);

    IReadOnlyList<StoredSupplyItem> SupplyItems(string systemId, string patientId);

    /// <summary>A patient's orders in a region, newest first.</summary>
    IReadOnlyList<StoredOrder> SupplyOrders(string systemId, string patientId);

    /// <summary>Runs <paramref name="work"/> as the only writer, in one transaction (committed unless it throws).</summary>
    Task<T> WriteAsync<T>(Func<IStoreWriter, T> work, CancellationToken cancellationToken = default);

    /// <summary>Reports not yet delivered and due by <paramref name="now"/>, oldest first.</summary>
    IReadOnlyList<OutboxEntry> DueReports(DateTimeOffset now, int max);

    /// <summary>The earliest time a pending report is due, or null when none is pending.</summary>
    DateTimeOffset? NextReportDue();

    Task ReportDeliveredAsync(long id, CancellationToken cancellationToken = default);

    Task ReportFailedAsync(long id, string error, DateTimeOffset nextAttempt, bool dead, CancellationToken cancellationToken = default);
}

/// <summary>What a write may do inside its transaction.</summary>
internal interface IStoreWriter
{
    string? GetSetting(string key);

    void SetSetting(string key, string value);

    StoredBooking? FindBooking(string systemId, string bookingId);

    /// <summary>The active booking holding a slot (system, start, resource), if any.</summary>
    StoredBooking? BookingAt(string systemId, string start, string resourceKey);

    IReadOnlyList<StoredBooking> ActiveBookings(string systemId);

    void InsertBooking(StoredBooking booking);

    void UpdateBooking(StoredBooking booking);

    /// <summary>The next number of a named sequence, starting at <paramref name="first"/>.</summary>
    long NextNumber(string sequence, long first);

    StoredSupplyItem? FindSupplyItem(string systemId, string prescriptionItemId);

    IReadOnlyList<StoredSupplyItem> AllSupplyItems(string systemId);

    void SaveSupplyItem(StoredSupplyItem item);

    void InsertOrder(StoredOrder order);

    /// <summary>Queues an Update to EI, sent as <paramref name="sender"/> (x-vp-sender-id); returns the outbox id.</summary>
    long EnqueueReport(string sender, IReadOnlyList<EngagementReport> engagements, DateTimeOffset now);

    /// <summary>Removes every booking, prescription item, order and sequence (a reset of the demo world).</summary>
    void ClearState();
}

/// <summary>A booking (bokning) as stored: the indexed parts and the timeslot as the contract describes it.</summary>
internal sealed record StoredBooking(
    string SystemId,
    string BookingId,
    string PatientId,
    string Start,
    string End,
    string ResourceKey,
    BookingStatus Status,
    TimeslotType Timeslot,
    SubjectOfCareType? Contact,
    string? Notification,
    string? Message,
    string Updated);

internal enum BookingStatus
{
    Active,
    Cancelled,
}

/// <summary>A prescription item with its current number of remaining orders.</summary>
internal sealed record StoredSupplyItem(string SystemId, string PatientId, PrescriptionItemType Item);

/// <summary>An order item in a patient's order history.</summary>
internal sealed record StoredOrder(string SystemId, string PatientId, OrderItemType Item);

/// <summary>One queued Update to EI.</summary>
internal sealed record OutboxEntry(long Id, string Sender, IReadOnlyList<EngagementReport> Engagements, int Attempts);
