using TjanstePlattform.Soap.Service;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TjanstePlattform.Contracts.Scheduling;
using TjanstePlattform.SourceSystems.DemoWorld;
using TjanstePlattform.SourceSystems.Engagements;
using TjanstePlattform.SourceSystems.Soap;
using TjanstePlattform.SourceSystems.Storage;

namespace TjanstePlattform.SourceSystems.Scheduling;

/// <summary>
/// Booking systems (tidbokning, crm:scheduling 1.1) with real state: a booked time leaves the free list, a cancelled
/// one returns to it, a time someone else took meanwhile answers resultCode ERROR with a text a citizen can read.
/// Every booking made, moved or cancelled is reported to EI (one engagement per booking) before the answer, so an
/// aggregated schedule shows it at once. Actor problems and unreadable requests are SOAP faults; everything a citizen
/// can cause by choosing is a resultCode ERROR.
/// </summary>
internal sealed class SchedulingService(DemoWorldSource world, ISourceSystemStore store, SourceSystemClock clock, EngagementReporter reporter)
{
    public const string TimeTaken = "Tiden är tyvärr inte längre ledig. Välj en annan tid.";
    public const string NoSuchTime = "Det finns ingen bokningsbar tid som stämmer med den valda tiden. Välj en av de lediga tiderna.";
    public const string TimePassed = "Tiden har redan passerat. Välj en annan tid.";
    public const string BookingNotFound = "Bokningen kunde inte hittas. Den kan redan vara avbokad.";
    public const string CancelNotAllowed = "Den här bokningen går inte att avboka här. Kontakta mottagningen.";
    public const string RebookingNotAllowed = "Den här bokningen går inte att omboka här. Kontakta mottagningen.";

    private static readonly string[] Core = [SchedulingNamespaces.Core, SchedulingNamespaces.CoreExtension];

    public IReadOnlyList<SourceSystemOperation> Operations(SchedulingSystemData system) =>
    [
        SourceSystemOperation.Create<GetSubjectOfCareScheduleType, GetSubjectOfCareScheduleResponseType>(
            "GetSubjectOfCareSchedule", "1", SchedulingNamespaces.GetSubjectOfCareScheduleResponder, Core, (call, request) => Task.FromResult(Schedule(system, call, request))),
        SourceSystemOperation.Create<GetBookingDetailsType, GetBookingDetailsResponseType>(
            "GetBookingDetails", "1", SchedulingNamespaces.GetBookingDetailsResponder, Core, (call, request) => Task.FromResult(Details(system, call, request))),
        SourceSystemOperation.Create<GetAvailableTimeslotsType, GetAvailableTimeslotsResponseType>(
            "GetAvailableTimeslots", "1", SchedulingNamespaces.GetAvailableTimeslotsResponder, Core, (call, request) => Task.FromResult(Available(system, call, request))),
        SourceSystemOperation.Create<MakeBookingType, MakeBookingResponseType>(
            "MakeBooking", "1", SchedulingNamespaces.MakeBookingResponder, Core, (call, request) => MakeAsync(system, call, request)),
        SourceSystemOperation.Create<UpdateBookingType, UpdateBookingResponseType>(
            "UpdateBooking", "1", SchedulingNamespaces.UpdateBookingResponder, Core, (call, request) => UpdateAsync(system, call, request)),
        SourceSystemOperation.Create<CancelBookingType, CancelBookingResponseType>(
            "CancelBooking", "1", SchedulingNamespaces.CancelBookingResponder, Core, (call, request) => CancelAsync(system, call, request)),
    ];

    /// <summary>The bookings the system starts with, as stored rows.</summary>
    public static IEnumerable<StoredBooking> InitialBookings(SchedulingSystemData system, string now)
    {
        var performers = system.Performers.ToDictionary(p => p.HsaId, StringComparer.OrdinalIgnoreCase);
        var timeTypes = system.TimeTypes.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var booking in system.Bookings)
        {
            var timeslot = new Slot(booking.Start, booking.End, performers[booking.Performer], timeTypes[booking.TimeType]).ToTimeslot(system);
            timeslot.BookingId = booking.BookingId;
            timeslot.SubjectOfCare = booking.PatientId;
            timeslot.Reason = booking.Reason;
            timeslot.Purpose = booking.Purpose;
            timeslot.CancelBookingAllowed = booking.CancelAllowed;
            timeslot.RebookingAllowed = booking.RebookingAllowed;
            timeslot.MessageAllowed = booking.MessageAllowed;
            timeslot.IsInvitation = booking.IsInvitation;
            yield return new StoredBooking(system.HsaId, booking.BookingId, booking.PatientId, booking.Start, booking.End,
                performers[booking.Performer].HsaId, BookingStatus.Active, timeslot, null, null, null, now);
        }
    }

    /// <summary>The engagement of one booking: businessObjectInstanceIdentifier is the booking id.</summary>
    public static EngagementReport Engagement(SchedulingSystemData system, StoredBooking booking, string mostRecentContent) =>
        new(booking.PatientId, EngagementDomains.Scheduling, EngagementReport.NotApplicable, system.EngagementLogicalAddress, booking.BookingId,
            system.EngagementLogicalAddress, system.DataController, mostRecentContent);

    private GetSubjectOfCareScheduleResponseType Schedule(SchedulingSystemData system, SoapCall call, GetSubjectOfCareScheduleType request)
    {
        var actor = ActorCheck.Require(call, system);
        var patient = RequirePatient(request.SubjectOfCare);
        ActorCheck.MayActFor(actor, patient, world.Data.Persons);
        var response = new GetSubjectOfCareScheduleResponseType();
        if (IsFacility(system, request.HealthcareFacility))
        {
            response.TimeslotDetail = [.. store.ActiveBookings(system.HsaId, patient).Select(b => b.Timeslot)];
        }

        return response;
    }

    private GetBookingDetailsResponseType Details(SchedulingSystemData system, SoapCall call, GetBookingDetailsType request)
    {
        var actor = ActorCheck.Require(call, system);
        var booking = IsFacility(system, request.HealthcareFacility) ? store.FindBooking(system.HsaId, request.BookingId.Trim()) : null;
        if (booking is not { Status: BookingStatus.Active })
        {
            // The contract has no result code: an unknown booking can only be a fault.
            throw SoapFaultException.Client(BookingNotFound, $"No active booking '{request.BookingId}' at healthcare facility '{request.HealthcareFacility}'.");
        }

        ActorCheck.MayActFor(actor, booking.PatientId, world.Data.Persons);
        return new GetBookingDetailsResponseType { TimeslotDetail = booking.Timeslot };
    }

    private GetAvailableTimeslotsResponseType Available(SchedulingSystemData system, SoapCall call, GetAvailableTimeslotsType request)
    {
        var actor = ActorCheck.Require(call, system);
        ActorCheck.MayActFor(actor, RequirePatient(request.SubjectOfCare), world.Data.Persons);
        if (!IsFacility(system, request.HealthcareFacility))
        {
            return new GetAvailableTimeslotsResponseType();
        }

        var from = ParseDate(request.StartDateInclusive, "startDateInclusive");
        var to = ParseDate(request.EndDateInclusive, "endDateInclusive");
        var timeType = request.TimeTypeId?.Trim();
        if (!string.IsNullOrWhiteSpace(request.BookingId) && store.FindBooking(system.HsaId, request.BookingId.Trim()) is { } rebooking)
        {
            // Rebooking: times of the same kind as the booking being moved.
            timeType ??= rebooking.Timeslot.TimeTypeId;
        }

        var now = clock.Timestamp;
        var taken = store.ActiveBookings(system.HsaId).Select(b => (b.Start, b.ResourceKey.ToUpperInvariant())).ToHashSet();
        var slots = SlotCalendar.Slots(system, from, to, clock.Today)
            .Where(s => string.CompareOrdinal(s.Start, now) > 0)
            .Where(s => !taken.Contains((s.Start, s.ResourceKey.ToUpperInvariant())))
            .Where(s => string.IsNullOrWhiteSpace(timeType) || s.TimeType.Id == timeType)
            .Where(s => string.IsNullOrWhiteSpace(request.TimeTypeName) || string.Equals(s.TimeType.Name, request.TimeTypeName.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(s => string.IsNullOrWhiteSpace(request.CareTypeId) || s.TimeType.CareTypeId == request.CareTypeId.Trim())
            .Where(s => string.IsNullOrWhiteSpace(request.CareTypeName) || string.Equals(s.TimeType.CareTypeName, request.CareTypeName.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(s => request.Performer.Count == 0 || request.Performer.Contains(s.Performer.HsaId, StringComparer.OrdinalIgnoreCase))
            .OrderBy(s => s.Start, StringComparer.Ordinal).ThenBy(s => s.Performer.HsaId, StringComparer.Ordinal)
            .Select(s => s.ToTimeslot(system));
        return new GetAvailableTimeslotsResponseType { TimeslotDetail = [.. slots] };
    }

    private async Task<MakeBookingResponseType> MakeAsync(SchedulingSystemData system, SoapCall call, MakeBookingType request)
    {
        var actor = ActorCheck.Require(call, system);
        var requested = request.RequestedTimeslot;
        var patient = RequirePatient(requested.SubjectOfCare);
        ActorCheck.MayActFor(actor, patient, world.Data.Persons);
        if (!IsFacility(system, requested.HealthcareFacility))
        {
            return MakeError(NotThisFacility(system, requested.HealthcareFacility));
        }

        if (Candidates(system, requested) is { } problem)
        {
            return MakeError(problem);
        }

        var now = clock.Timestamp;
        var outcome = await WriteAsync(writer =>
        {
            Slot? free = null;
            foreach (var slot in Matching(system, requested))
            {
                var holder = writer.BookingAt(system.HsaId, slot.Start, slot.ResourceKey);
                if (holder is null)
                {
                    free ??= slot;
                }
                else if (holder.PatientId == patient)
                {
                    // The same patient sends the same booking again: it is already theirs.
                    return (new MakeBookingResponseType { ResultCode = ResultCodeEnum.Ok, BookingId = holder.BookingId }, Task.FromResult(true));
                }
            }

            if (free is null)
            {
                return (MakeError(TimeTaken), Task.FromResult(true));
            }

            var number = writer.NextNumber("booking:" + system.HsaId, system.FirstBookingNumber);
            var bookingId = system.BookingIdPrefix + number.ToString(CultureInfo.InvariantCulture);
            var timeslot = free.ToTimeslot(system);
            timeslot.BookingId = bookingId;
            timeslot.SubjectOfCare = patient;
            timeslot.Reason = requested.Reason;
            timeslot.Purpose = requested.Purpose;
            timeslot.CancelBookingAllowed = true;
            timeslot.RebookingAllowed = true;
            timeslot.MessageAllowed = true;
            timeslot.IsInvitation = false;
            var booking = new StoredBooking(system.HsaId, bookingId, patient, free.Start, free.End, free.ResourceKey, BookingStatus.Active,
                timeslot, request.SubjectOfCareInfo, request.Notification, null, now);
            writer.InsertBooking(booking);
            var delivered = reporter.Queue(writer, system.HsaId, [Engagement(system, booking, now)]);
            return (new MakeBookingResponseType { ResultCode = ResultCodeEnum.Ok, BookingId = bookingId }, delivered);
        }, call.Aborted).ConfigureAwait(false);
        if (outcome is null)
        {
            return MakeError(TimeTaken);
        }

        await reporter.AwaitAsync(outcome.Value.Delivered, call.Aborted).ConfigureAwait(false);
        return outcome.Value.Response;
    }

    private async Task<UpdateBookingResponseType> UpdateAsync(SchedulingSystemData system, SoapCall call, UpdateBookingType request)
    {
        var actor = ActorCheck.Require(call, system);
        var requested = request.RequestedTimeslot;
        if (string.IsNullOrWhiteSpace(requested.BookingId))
        {
            throw SoapFaultException.Client("requestedTimeslot/bookingId saknas: ange vilken bokning som ska flyttas.", "UpdateBooking without requestedTimeslot/bookingId.");
        }

        var existing = store.FindBooking(system.HsaId, requested.BookingId.Trim());
        if (existing is not { Status: BookingStatus.Active } || !IsFacility(system, requested.HealthcareFacility))
        {
            return UpdateError(BookingNotFound);
        }

        ActorCheck.MayActFor(actor, existing.PatientId, world.Data.Persons);
        if (!string.IsNullOrWhiteSpace(requested.SubjectOfCare) && requested.SubjectOfCare.Trim() != existing.PatientId)
        {
            throw SoapFaultException.Client("requestedTimeslot/subject_of_care är inte bokningens patient.", $"Booking {existing.BookingId} belongs to another subject of care.");
        }

        if (existing.Timeslot.RebookingAllowed == false)
        {
            return UpdateError(RebookingNotAllowed);
        }

        if (existing.Start == requested.StartTimeInclusive && existing.End == requested.EndTimeExclusive
            && (string.IsNullOrWhiteSpace(requested.Performer) || string.Equals(existing.ResourceKey, requested.Performer.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            // Already at the requested time: moving it there again changes nothing.
            return new UpdateBookingResponseType { ResultCode = ResultCodeEnum.Ok };
        }

        if (Candidates(system, requested) is { } problem)
        {
            return UpdateError(problem);
        }

        var now = clock.Timestamp;
        var outcome = await WriteAsync(writer =>
        {
            var booking = writer.FindBooking(system.HsaId, existing.BookingId);
            if (booking is not { Status: BookingStatus.Active })
            {
                return (UpdateError(BookingNotFound), Task.FromResult(true));
            }

            var free = Matching(system, requested).FirstOrDefault(s => writer.BookingAt(system.HsaId, s.Start, s.ResourceKey) is null);
            if (free is null)
            {
                return (UpdateError(TimeTaken), Task.FromResult(true));
            }

            var timeslot = free.ToTimeslot(system);
            timeslot.BookingId = booking.BookingId;
            timeslot.SubjectOfCare = booking.PatientId;
            timeslot.Reason = requested.Reason ?? booking.Timeslot.Reason;
            timeslot.Purpose = requested.Purpose ?? booking.Timeslot.Purpose;
            timeslot.CancelBookingAllowed = booking.Timeslot.CancelBookingAllowed;
            timeslot.RebookingAllowed = booking.Timeslot.RebookingAllowed;
            timeslot.MessageAllowed = booking.Timeslot.MessageAllowed;
            timeslot.IsInvitation = booking.Timeslot.IsInvitation;
            var moved = booking with
            {
                Start = free.Start,
                End = free.End,
                ResourceKey = free.ResourceKey,
                Timeslot = timeslot,
                Contact = request.SubjectOfCareInfo ?? booking.Contact,
                Notification = request.Notification ?? booking.Notification,
                Updated = now,
            };
            writer.UpdateBooking(moved);
            var delivered = reporter.Queue(writer, system.HsaId, [Engagement(system, moved, now)]);
            return (new UpdateBookingResponseType { ResultCode = ResultCodeEnum.Ok }, delivered);
        }, call.Aborted).ConfigureAwait(false);
        if (outcome is null)
        {
            return UpdateError(TimeTaken);
        }

        await reporter.AwaitAsync(outcome.Value.Delivered, call.Aborted).ConfigureAwait(false);
        return outcome.Value.Response;
    }

    private async Task<CancelBookingResponseType> CancelAsync(SchedulingSystemData system, SoapCall call, CancelBookingType request)
    {
        var actor = ActorCheck.Require(call, system);
        var existing = store.FindBooking(system.HsaId, request.BookingId.Trim());
        if (existing is not { Status: BookingStatus.Active } || !IsFacility(system, request.HealthcareFacility))
        {
            return CancelError(BookingNotFound);
        }

        ActorCheck.MayActFor(actor, existing.PatientId, world.Data.Persons);
        if (existing.Timeslot.CancelBookingAllowed == false)
        {
            return CancelError(CancelNotAllowed);
        }

        var now = clock.Timestamp;
        var outcome = await WriteAsync(writer =>
        {
            var booking = writer.FindBooking(system.HsaId, existing.BookingId);
            if (booking is not { Status: BookingStatus.Active })
            {
                return (CancelError(BookingNotFound), Task.FromResult(true));
            }

            writer.UpdateBooking(booking with { Status = BookingStatus.Cancelled, Message = request.Message, Updated = now });
            var delivered = reporter.Queue(writer, system.HsaId, [Engagement(system, booking, now).AsDelete()]);
            return (new CancelBookingResponseType { ResultCode = ResultCodeEnum.Ok }, delivered);
        }, call.Aborted).ConfigureAwait(false);
        if (outcome is null)
        {
            return CancelError(BookingNotFound);
        }

        await reporter.AwaitAsync(outcome.Value.Delivered, call.Aborted).ConfigureAwait(false);
        return outcome.Value.Response;
    }

    /// <summary>A write; null when two writers raced for one slot and the store's unique index refused the second.</summary>
    private async Task<(T Response, Task<bool> Delivered)?> WriteAsync<T>(Func<IStoreWriter, (T, Task<bool>)> work, CancellationToken cancellationToken)
    {
        try
        {
            return await store.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            return null;
        }
    }

    /// <summary>Null when the requested time can be booked in principle, else why not (for the citizen).</summary>
    private string? Candidates(SchedulingSystemData system, TimeslotType requested)
    {
        if (!RivtaTime.IsTimestamp(requested.StartTimeInclusive) || !RivtaTime.IsTimestamp(requested.EndTimeExclusive))
        {
            return NoSuchTime;
        }

        if (string.CompareOrdinal(requested.StartTimeInclusive, clock.Timestamp) <= 0)
        {
            return TimePassed;
        }

        return Matching(system, requested).Any() ? null : NoSuchTime;
    }

    /// <summary>The slots the requested timeslot names: same start and end, and the performer and time type when given.</summary>
    private IEnumerable<Slot> Matching(SchedulingSystemData system, TimeslotType requested) =>
        SlotCalendar.At(system, requested.StartTimeInclusive!, requested.EndTimeExclusive!, clock.Today)
            .Where(s => string.IsNullOrWhiteSpace(requested.Performer) || string.Equals(s.Performer.HsaId, requested.Performer.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(s => string.IsNullOrWhiteSpace(requested.TimeTypeId) || s.TimeType.Id == requested.TimeTypeId.Trim());

    private static bool IsFacility(SchedulingSystemData system, string? facility) =>
        facility is not null && system.AllLogicalAddresses().Contains(facility.Trim(), StringComparer.OrdinalIgnoreCase);

    private static string NotThisFacility(SchedulingSystemData system, string? facility) =>
        $"Mottagningen {facility} finns inte i det här bokningssystemet ({system.FacilityName}).";

    private static string RequirePatient(string? patient) =>
        string.IsNullOrWhiteSpace(patient)
            ? throw SoapFaultException.Client("subject_of_care saknas: ange vilken patient anropet gäller.", "The request names no subject_of_care.")
            : patient.Trim();

    private static DateOnly ParseDate(string value, string name) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw SoapFaultException.Client($"{name} '{value}' är inte ett datum (ÅÅÅÅMMDD).", $"{name} '{value}' is not YYYYMMDD.");

    private static MakeBookingResponseType MakeError(string text) => new() { ResultCode = ResultCodeEnum.Error, ResultText = text };

    private static UpdateBookingResponseType UpdateError(string text) => new() { ResultCode = ResultCodeEnum.Error, ResultText = text };

    private static CancelBookingResponseType CancelError(string text) => new() { ResultCode = ResultCodeEnum.Error, ResultText = text };
}
