using System.ServiceModel;
using TjanstePlattform.Contracts.Interoperability;
using TjanstePlattform.Contracts.Scheduling;
using TjanstePlattform.SourceSystems.Tests.Support;

namespace TjanstePlattform.SourceSystems.Tests.Scheduling;

/// <summary>
/// The booking systems (crm:scheduling 1.1) with real state, through the router with a WCF consumer. Each test uses
/// times of its own in the shared demo world.
/// </summary>
public class BookingTests : DemoWorldFixture
{
    private Calls Calls => new(Platform);

    private static ActorType Self(string id) => Calls.Actor(id);

    private async Task<string[]> FreeStartsAsync(string facility, string day) =>
        [.. (await Calls.AvailableAsync(facility, Tolvan, Self(Tolvan), day, day)).Body.TimeslotDetail.Select(t => t.StartTimeInclusive!)];

    private async Task<string[]> ScheduleAsync(string facility, string patient) =>
        [.. (await Calls.ScheduleAsync(facility, patient, Self(patient))).Body.TimeslotDetail.Select(t => t.BookingId!)];

    [Test]
    public async Task The_schedule_lists_the_patients_bookings_at_the_facility()
    {
        var bok1 = await Calls.ScheduleAsync(Bok1, Tolvan, Self(Tolvan));
        var bok2 = await Calls.ScheduleAsync(Bok2, Tolvan, Self(Tolvan));

        Assert.That(bok1.Body.TimeslotDetail.Select(t => t.BookingId), Is.SupersetOf(new[] { "BOK1-1001", "BOK1-1002" }));
        Assert.That(bok1.Body.TimeslotDetail.Select(t => t.SubjectOfCare), Is.All.EqualTo(Tolvan));
        Assert.That(bok1.Body.TimeslotDetail.Select(t => t.HealthcareFacility), Is.All.EqualTo(Bok1));
        Assert.That(bok2.Body.TimeslotDetail.Select(t => t.BookingId), Does.Contain("BOK2-2001").And.Not.Contain("BOK2-2002"));
        Assert.That(bok1.ProcessingStatus, Is.Null);
    }

    [Test]
    public async Task A_booked_time_leaves_the_free_list_and_shows_in_the_schedule_and_its_details()
    {
        Assert.That(await FreeStartsAsync(Bok1, "20351017"), Does.Contain("20351017090000"));

        var made = await Calls.MakeAsync(Bok1, Tolvan, "20351017090000", "20351017093000", Self(Tolvan), "LAKARBESOK");

        Assert.That(made.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok), made.Body.ResultText);
        Assert.That(made.Body.BookingId, Does.StartWith("BOK1-5"));
        Assert.That(await FreeStartsAsync(Bok1, "20351017"), Does.Not.Contain("20351017090000"));
        Assert.That(await ScheduleAsync(Bok1, Tolvan), Does.Contain(made.Body.BookingId));
        var details = await Calls.BookingDetailsAsync(Bok1, made.Body.BookingId!, Self(Tolvan));
        Assert.That(details.Body.TimeslotDetail.StartTimeInclusive, Is.EqualTo("20351017090000"));
        Assert.That(details.Body.TimeslotDetail.PerformerName, Is.EqualTo("Anna Andersson"));
    }

    [Test]
    public async Task Booking_the_same_time_again_for_the_same_patient_answers_the_same_booking()
    {
        var first = await Calls.MakeAsync(Bok1, Tolvan, "20351017093000", "20351017100000", Self(Tolvan));
        var again = await Calls.MakeAsync(Bok1, Tolvan, "20351017093000", "20351017100000", Self(Tolvan));

        Assert.That(again.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
        Assert.That(again.Body.BookingId, Is.EqualTo(first.Body.BookingId));
    }

    [Test]
    public async Task A_time_someone_else_took_answers_ERROR_with_a_text_a_citizen_can_read()
    {
        var siv = await Calls.MakeAsync(Bok1, Siv, "20351017100000", "20351017103000", Self(Siv));
        var tolvan = await Calls.MakeAsync(Bok1, Tolvan, "20351017100000", "20351017103000", Self(Tolvan));

        Assert.That(siv.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
        Assert.That(tolvan.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(tolvan.Body.ResultText, Is.EqualTo("Tiden är tyvärr inte längre ledig. Välj en annan tid."));
        Assert.That(tolvan.Body.BookingId, Is.Null);
    }

    [Test]
    public async Task Two_patients_racing_for_one_time_get_one_booking_and_one_ERROR()
    {
        var results = await Task.WhenAll(
            Calls.MakeAsync(Bok1, Tolvan, "20351019090000", "20351019093000", Self(Tolvan)),
            Calls.MakeAsync(Bok1, Siv, "20351019090000", "20351019093000", Self(Siv)));

        Assert.That(results.Select(r => r.Body.ResultCode), Is.EquivalentTo(new[] { ResultCodeEnum.Ok, ResultCodeEnum.Error }));
    }

    [Test]
    public async Task A_cancelled_time_returns_to_the_free_list_and_a_second_cancel_answers_ERROR()
    {
        var made = await Calls.MakeAsync(Bok1, Tolvan, "20351018090000", "20351018093000", Self(Tolvan));
        Assert.That(await FreeStartsAsync(Bok1, "20351018"), Does.Not.Contain("20351018090000"));

        var cancelled = await Calls.CancelAsync(Bok1, made.Body.BookingId!, Self(Tolvan));
        var again = await Calls.CancelAsync(Bok1, made.Body.BookingId!, Self(Tolvan));

        Assert.That(cancelled.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
        Assert.That(await FreeStartsAsync(Bok1, "20351018"), Does.Contain("20351018090000"));
        Assert.That(await ScheduleAsync(Bok1, Tolvan), Does.Not.Contain(made.Body.BookingId));
        Assert.That(again.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(again.Body.ResultText, Is.EqualTo("Bokningen kunde inte hittas. Den kan redan vara avbokad."));
        var fault = await Assert.ThrowsAsync<FaultException>(() => Calls.BookingDetailsAsync(Bok1, made.Body.BookingId!, Self(Tolvan)));
        Assert.That(fault!.Code.Name, Is.EqualTo("Client"));
    }

    [Test]
    public async Task Moving_a_booking_frees_the_old_time_and_takes_the_new_one()
    {
        var made = await Calls.MakeAsync(Bok1, Tolvan, "20351018093000", "20351018100000", Self(Tolvan));
        var other = await Calls.MakeAsync(Bok1, Siv, "20351018103000", "20351018110000", Self(Siv));

        var moved = await Calls.UpdateAsync(Bok1, made.Body.BookingId!, "20351018100000", "20351018103000", Self(Tolvan));
        var onto = await Calls.UpdateAsync(Bok1, made.Body.BookingId!, "20351018103000", "20351018110000", Self(Tolvan));
        var same = await Calls.UpdateAsync(Bok1, made.Body.BookingId!, "20351018100000", "20351018103000", Self(Tolvan));

        Assert.That(other.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
        Assert.That(moved.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok), moved.Body.ResultText);
        var free = await FreeStartsAsync(Bok1, "20351018");
        Assert.That(free, Does.Contain("20351018093000"));
        Assert.That(free, Does.Not.Contain("20351018100000"));
        var details = await Calls.BookingDetailsAsync(Bok1, made.Body.BookingId!, Self(Tolvan));
        Assert.That(details.Body.TimeslotDetail.StartTimeInclusive, Is.EqualTo("20351018100000"));
        Assert.That(onto.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(onto.Body.ResultText, Is.EqualTo("Tiden är tyvärr inte längre ledig. Välj en annan tid."));
        Assert.That(same.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok), "moving a booking to where it is changes nothing");
    }

    [TestCase("20351017091500", "20351017094500", "Det finns ingen bokningsbar tid som stämmer med den valda tiden. Välj en av de lediga tiderna.")]
    [TestCase("20200106090000", "20200106093000", "Tiden har redan passerat. Välj en annan tid.")]
    public async Task A_time_that_is_not_offered_answers_ERROR(string start, string end, string text)
    {
        var made = await Calls.MakeAsync(Bok1, Tolvan, start, end, Self(Tolvan));

        Assert.That(made.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(made.Body.ResultText, Is.EqualTo(text));
    }

    [Test]
    public async Task A_booking_the_facility_does_not_allow_to_cancel_answers_ERROR()
    {
        var cancelled = await Calls.CancelAsync(Bok2, "BOK2-2002", Self(Siv));

        Assert.That(cancelled.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(cancelled.Body.ResultText, Is.EqualTo("Den här bokningen går inte att avboka här. Kontakta mottagningen."));
        Assert.That(await ScheduleAsync(Bok2, Siv), Does.Contain("BOK2-2002"));
    }

    [Test]
    public async Task Recurring_times_are_offered_from_tomorrow()
    {
        var today = DateTime.Today;
        var offered = await Calls.AvailableAsync(Bok2, Tolvan, Self(Tolvan), today.ToString("yyyyMMdd"), today.AddDays(14).ToString("yyyyMMdd"), "OGONBESOK");

        Assert.That(offered.Body.TimeslotDetail, Has.Count.GreaterThanOrEqualTo(4), "Monday, Wednesday and Friday at 08:00 and 08:30 for 14 days");
        Assert.That(offered.Body.TimeslotDetail.Select(t => t.StartTimeInclusive![8..]), Is.All.AnyOf("080000", "083000"));
        Assert.That(offered.Body.TimeslotDetail.Select(t => t.BookingId), Is.All.Null);
    }

    public static IEnumerable<TestCaseData> EveryOperation()
    {
        yield return new TestCaseData((Func<Calls, ActorType?, Task>)((c, a) => c.ScheduleAsync(Bok1, Tolvan, a))).SetArgDisplayNames("GetSubjectOfCareSchedule");
        yield return new TestCaseData((Func<Calls, ActorType?, Task>)((c, a) => c.BookingDetailsAsync(Bok1, "BOK1-1001", a))).SetArgDisplayNames("GetBookingDetails");
        yield return new TestCaseData((Func<Calls, ActorType?, Task>)((c, a) => c.AvailableAsync(Bok1, Tolvan, a))).SetArgDisplayNames("GetAvailableTimeslots");
        yield return new TestCaseData((Func<Calls, ActorType?, Task>)((c, a) => c.MakeAsync(Bok1, Tolvan, "20351022090000", "20351022093000", a))).SetArgDisplayNames("MakeBooking");
        yield return new TestCaseData((Func<Calls, ActorType?, Task>)((c, a) => c.UpdateAsync(Bok1, "BOK1-1001", "20351022093000", "20351022100000", a))).SetArgDisplayNames("UpdateBooking");
        yield return new TestCaseData((Func<Calls, ActorType?, Task>)((c, a) => c.CancelAsync(Bok1, "BOK1-1001", a))).SetArgDisplayNames("CancelBooking");
    }

    [TestCaseSource(nameof(EveryOperation))]
    public async Task Every_operation_requires_the_Actor_header(Func<Calls, ActorType?, Task> call)
    {
        var fault = await Assert.ThrowsAsync<FaultException>(() => call(Calls, null));

        Assert.That(fault!.Code.Name, Is.EqualTo("Client"));
        Assert.That(fault.Reason.GetMatchingTranslation().Text, Does.Contain("{urn:riv:interoperability:headers:1}Actor"));
    }

    [TestCaseSource(nameof(EveryOperation))]
    public async Task Every_operation_refuses_an_actor_who_is_not_the_patient(Func<Calls, ActorType?, Task> call)
    {
        var fault = await Assert.ThrowsAsync<FaultException>(() => call(Calls, Self(Siv)));

        Assert.That(fault!.Code.Name, Is.EqualTo("Client"));
        Assert.That(fault.Reason.GetMatchingTranslation().Text, Does.Contain(Siv));
        Assert.That(await ScheduleAsync(Bok1, Tolvan), Does.Contain("BOK1-1001"), "nothing changed");
    }

    [Test]
    public async Task An_agent_may_act_for_the_patient_and_nobody_else_may()
    {
        var byAgent = await Calls.ScheduleAsync(Bok1, Lisa, Calls.Actor(Tolvan, ActorType.SubjectOfCareAgent));
        var notAgent = await Assert.ThrowsAsync<FaultException>(() => Calls.ScheduleAsync(Bok1, Lisa, Calls.Actor(Siv, ActorType.SubjectOfCareAgent)));
        var agentAsSelf = await Assert.ThrowsAsync<FaultException>(() => Calls.ScheduleAsync(Bok1, Lisa, Calls.Actor(Tolvan)));
        var unknownType = await Assert.ThrowsAsync<FaultException>(() => Calls.ScheduleAsync(Bok1, Tolvan, Calls.Actor(Tolvan, "1.2.752.129.2.1.3.1")));

        Assert.That(byAgent.Body.TimeslotDetail.Select(t => t.BookingId), Is.EqualTo(new[] { "BOK1-1003" }));
        Assert.That(notAgent!.Reason.GetMatchingTranslation().Text, Does.Contain("ombud"));
        Assert.That(agentAsSelf!.Code.Name, Is.EqualTo("Client"));
        Assert.That(unknownType!.Reason.GetMatchingTranslation().Text, Does.Contain("subject_of_care_agent"));
    }

    [Test]
    public async Task A_booking_at_another_facility_than_the_system_answers_ERROR()
    {
        var made = await Calls.MakeAsync(Bok2, Tolvan, "20351105130000", "20351105133000", Self(Tolvan));
        var wrong = await Wcf.CallAsync<IMakeBookingResponder, MakeBookingResponse>(Router(string.Format(Calls.SchedulingPath, "MakeBooking")), Consumer,
            c => c.MakeBookingAsync(new MakeBookingRequest
            {
                LogicalAddress = Bok1,
                Actor = Self(Tolvan),
                Body = new MakeBookingType
                {
                    HealthcareFacilityMed = Bok2,
                    RequestedTimeslot = new TimeslotType { StartTimeInclusive = "20351105133000", EndTimeExclusive = "20351105140000", HealthcareFacility = Bok2, SubjectOfCare = Tolvan },
                    SubjectOfCareInfo = new SubjectOfCareType { FirstName = "Tolvan", LastName = "Tolvansson" },
                },
            }));

        Assert.That(made.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
        Assert.That(wrong.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(wrong.Body.ResultText, Does.Contain("finns inte i det här bokningssystemet"));
    }
}
