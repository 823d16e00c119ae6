using System.Globalization;
using TjanstePlattform.Contracts.Scheduling;
using TjanstePlattform.SourceSystems.DemoWorld;

namespace TjanstePlattform.SourceSystems.Scheduling;

/// <summary>A bookable time (tid) of one performer. Its identity is (start, performer): the resource key of a booking.</summary>
internal sealed record Slot(string Start, string End, PerformerData Performer, TimeTypeData TimeType)
{
    public string ResourceKey => Performer.HsaId;

    public TimeslotType ToTimeslot(SchedulingSystemData system) => new()
    {
        StartTimeInclusive = Start,
        EndTimeExclusive = End,
        HealthcareFacility = system.HsaId,
        Performer = Performer.HsaId,
        ResourceName = Performer.ResourceName,
        HealthcareFacilityName = system.FacilityName,
        PerformerName = Performer.Name,
        ResourceId = Performer.HsaId,
        TimeTypeName = TimeType.Name,
        TimeTypeId = TimeType.Id,
        CareTypeName = TimeType.CareTypeName,
        CareTypeId = TimeType.CareTypeId,
    };
}

/// <summary>
/// The bookable times of a booking system: the fixed slots of its data file and the recurring ones counted from today.
/// Nothing here is stored: a time is free when no active booking holds its (start, performer).
/// </summary>
internal static class SlotCalendar
{
    public static IEnumerable<Slot> Slots(SchedulingSystemData system, DateOnly from, DateOnly to, DateOnly today)
    {
        var performers = system.Performers.ToDictionary(p => p.HsaId, StringComparer.OrdinalIgnoreCase);
        var timeTypes = system.TimeTypes.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var first = Stamp(from, TimeOnly.MinValue);
        var last = Stamp(to, new TimeOnly(23, 59, 59));
        var seen = new HashSet<(string, string)>();
        foreach (var slot in system.Slots)
        {
            if (string.CompareOrdinal(slot.Start, first) >= 0 && string.CompareOrdinal(slot.Start, last) <= 0
                && seen.Add((slot.Start, slot.Performer.ToUpperInvariant())))
            {
                yield return new Slot(slot.Start, slot.End, performers[slot.Performer], timeTypes[slot.TimeType]);
            }
        }

        foreach (var recurring in system.RecurringSlots)
        {
            var weekdays = recurring.Weekdays.Count == 0
                ? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]
                : recurring.Weekdays.Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true)).ToHashSet();
            for (var day = 1; day <= recurring.Days; day++)
            {
                var date = today.AddDays(day);
                if (date < from || date > to || !weekdays.Contains(date.DayOfWeek))
                {
                    continue;
                }

                foreach (var time in recurring.Times.Select(t => TimeOnly.ParseExact(t, "HH:mm", CultureInfo.InvariantCulture)))
                {
                    var start = Stamp(date, time);
                    var end = RivtaTime.Format(date.ToDateTime(time).AddMinutes(recurring.Minutes));
                    if (seen.Add((start, recurring.Performer.ToUpperInvariant())))
                    {
                        yield return new Slot(start, end, performers[recurring.Performer], timeTypes[recurring.TimeType]);
                    }
                }
            }
        }
    }

    /// <summary>The slots at exactly this start and end (any performer and time type), on that day.</summary>
    public static IEnumerable<Slot> At(SchedulingSystemData system, string start, string end, DateOnly today)
    {
        var date = DateOnly.FromDateTime(RivtaTime.ParseTimestamp(start));
        return Slots(system, date, date, today).Where(s => s.Start == start && s.End == end);
    }

    private static string Stamp(DateOnly date, TimeOnly time) => RivtaTime.Format(date.ToDateTime(time));
}
