using System.Globalization;
using TjanstePlattform.SourceSystems.Engagements;
using TjanstePlattform.SourceSystems.FaultInjection;
using TjanstePlattform.SourceSystems.Journal;
using TjanstePlattform.SourceSystems.MedicalSupply;
using TjanstePlattform.SourceSystems.Scheduling;
using TjanstePlattform.SourceSystems.Storage;

namespace TjanstePlattform.SourceSystems.DemoWorld;

/// <summary>
/// Brings the data files into the store: once, at the first start (bookings, prescription items, order history),
/// together with every engagement the demo world has, queued for EI; and again on a reset, which also tells EI to
/// forget the engagements that no longer exist (bookings made since, say).
/// </summary>
internal sealed class DemoWorldState(DemoWorldSource world, ISourceSystemStore store, SourceSystemClock clock, EngagementReporter reporter, FaultInjector faults, Records.RecordService records)
{
    public const string ImportedSetting = "demoWorld.imported";

    /// <summary>Imports the data files into an empty store; null when the store was imported before.</summary>
    /// <returns>A task completing when the seeded engagements reached EI (true) or were given up (false).</returns>
    public Task<Task<bool>?> ImportIfNewAsync(CancellationToken cancellationToken) =>
        store.WriteAsync(writer =>
        {
            if (writer.GetSetting(ImportedSetting) is not null)
            {
                return null;
            }

            Import(writer);
            return Queue(writer, Engagements(writer));
        }, cancellationToken);

    /// <summary>Back to the data files: state re-imported, faults back to their baseline, EI brought in line.</summary>
    public async Task<bool> ResetAsync(CancellationToken cancellationToken)
    {
        var delivered = await store.WriteAsync(writer =>
        {
            var before = Engagements(writer);
            writer.ClearState();
            Import(writer);
            var after = Engagements(writer);
            var keep = after.Select(e => e.Report.Key).ToHashSet();
            var gone = before.Where(e => !keep.Contains(e.Report.Key)).Select(e => (e.Sender, e.Report.AsDelete())).ToList();
            return Queue(writer, [.. gone, .. after]);
        }, cancellationToken).ConfigureAwait(false);
        foreach (var system in world.Data.AllSystems)
        {
            faults.Reset(system.HsaId);
        }

        return await reporter.AwaitAsync(delivered, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every engagement the demo world has now, with the system that reports it.</summary>
    public IReadOnlyList<(string Sender, EngagementReport Report)> Engagements(IStoreWriter writer)
    {
        var data = world.Data;
        var now = clock.Timestamp;
        var engagements = new List<(string, EngagementReport)>();
        foreach (var journal in data.Journals.Where(j => j.ReportsEngagements))
        {
            engagements.AddRange(journal.MedicationRecords.GroupBy(r => r.PatientId).Select(g => (journal.HsaId, new EngagementReport(
                g.Key, EngagementDomains.Medication, EngagementDomains.MedicationCategorization, journal.EngagementLogicalAddress, EngagementReport.NotApplicable,
                journal.EngagementLogicalAddress, journal.DataController, g.Select(r => r.AuthorTime).Max(StringComparer.Ordinal)))));
            engagements.AddRange((journal.RequestActivities ?? []).GroupBy(a => (a.SubjectOfCareId, a.TypeOfRequest)).Select(g => (journal.HsaId, new EngagementReport(
                g.Key.SubjectOfCareId, EngagementDomains.RequestStatus, g.Key.TypeOfRequest.ToString(CultureInfo.InvariantCulture), journal.EngagementLogicalAddress,
                EngagementReport.NotApplicable, journal.EngagementLogicalAddress, journal.DataController, g.Select(a => a.EventTime).Max(StringComparer.Ordinal)))));
        }

        foreach (var scheduling in data.Scheduling.Where(s => s.ReportsEngagements))
        {
            engagements.AddRange(writer.ActiveBookings(scheduling.HsaId).Select(b => (scheduling.HsaId, SchedulingService.Engagement(scheduling, b, b.Updated))));
        }

        foreach (var supply in data.MedicalSupply.Where(s => s.ReportsEngagements))
        {
            engagements.AddRange(writer.AllSupplyItems(supply.HsaId).Select(i => i.PatientId).Distinct(StringComparer.Ordinal)
                .Select(patient => (supply.HsaId, MedicalSupplyService.Engagement(supply, patient, now))));
        }

        var systems = data.AllSystems.ToDictionary(s => s.HsaId, StringComparer.OrdinalIgnoreCase);
        engagements.AddRange(records.Engagements(id => systems.GetValueOrDefault(id)));
        return engagements;
    }

    private void Import(IStoreWriter writer)
    {
        var data = world.Data;
        var now = clock.Timestamp;
        foreach (var booking in data.Scheduling.SelectMany(s => SchedulingService.InitialBookings(s, now)))
        {
            writer.InsertBooking(booking);
        }

        foreach (var supply in data.MedicalSupply)
        {
            foreach (var item in MedicalSupplyService.InitialItems(supply))
            {
                writer.SaveSupplyItem(item);
            }

            foreach (var order in MedicalSupplyService.InitialOrders(supply))
            {
                writer.InsertOrder(order);
            }
        }

        writer.SetSetting(ImportedSetting, now);
    }

    /// <summary>One Update per system (in chunks of 1000), in the given order; the task of the last one.</summary>
    private Task<bool> Queue(IStoreWriter writer, IReadOnlyList<(string Sender, EngagementReport Report)> engagements)
    {
        var delivered = new List<Task<bool>>();
        foreach (var group in engagements.GroupBy(e => e.Sender, StringComparer.OrdinalIgnoreCase))
        {
            delivered.Add(reporter.Queue(writer, group.Key, [.. group.Select(e => e.Report)]));
        }

        // Every system's report, not the last queued: a report that had to be retried reaches EI after later ones.
        return EngagementReporter.AllDelivered(delivered);
    }
}
