using System.Data.Common;
using TjanstePlattform.Contracts.MedicalSupply;
using TjanstePlattform.SourceSystems.Engagements;

namespace TjanstePlattform.SourceSystems.Storage;

/// <summary>
/// The rows of the source-system state as both stores select them (same columns, same order), read once here for
/// SQLite and PostgreSQL alike.
/// </summary>
internal static class StateRows
{
    /// <summary>Every row of <paramref name="reader"/>, each read by <paramref name="row"/>.</summary>
    public static List<T> All<T>(DbDataReader reader, Func<DbDataReader, T> row)
    {
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    /// <summary><c>system_id, patient_id, data</c>.</summary>
    public static StoredOrder Order(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), StateJson.Deserialize<OrderItemType>(reader.GetString(2)));

    /// <summary><c>system_id, patient_id, data</c>.</summary>
    public static StoredSupplyItem SupplyItem(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), StateJson.Deserialize<PrescriptionItemType>(reader.GetString(2)));

    /// <summary><c>id, sender, payload, attempts</c>.</summary>
    public static OutboxEntry Report(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), StateJson.Deserialize<List<EngagementReport>>(reader.GetString(2)), reader.GetInt32(3));

    /// <summary><c>system_id, booking_id, patient_id, start_time, end_time, resource_key, status, data, updated</c>.</summary>
    public static StoredBooking Booking(DbDataReader reader)
    {
        var data = StateJson.Deserialize<SqliteSourceSystemStore.BookingDocument>(reader.GetString(7));
        return new StoredBooking(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.GetString(6) == SqliteSourceSystemStore.Active ? BookingStatus.Active : BookingStatus.Cancelled,
            data.Timeslot, data.Contact, data.Notification, data.Message, reader.GetString(8));
    }
}
