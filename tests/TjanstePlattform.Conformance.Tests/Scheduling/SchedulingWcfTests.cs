using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Contracts.Interoperability;
using TjanstePlattform.Contracts.Scheduling;

namespace TjanstePlattform.Conformance.Tests.Scheduling;

/// <summary>
/// A System.ServiceModel client (BasicHttpBinding, ChannelFactory) calls a SoapCore endpoint on real Kestrel,
/// both built from the project's crm:scheduling types: the LogicalAddress and Actor headers arrive, the body
/// arrives intact, the answer comes back intact, and both envelopes are valid against the official XSD.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SchedulingWcfTests
{
    private const string Patient = SchedulingProjectSamplesTests.Patient;
    private const string BookingSystem = SchedulingProjectSamplesTests.BookingSystem1;

    private static ActorType Citizen() => new() { ActorId = Patient, Kind = ActorTypeEnum.SubjectOfCare };

    private static TimeslotType Booked(string bookingId) => new()
    {
        StartTimeInclusive = "20351015090000",
        EndTimeExclusive = "20351015093000",
        HealthcareFacility = BookingSystem,
        Performer = "SE2321000016-BOK1-P01",
        BookingId = bookingId,
        SubjectOfCare = Patient,
        Purpose = "Uppföljning",
        HealthcareFacilityName = "Vårdcentralen Åkersberga",
        PerformerName = "Öberg, Åsa",
        TimeTypeName = "Läkarbesök",
        TimeTypeId = "LAKARBESOK",
        CancelBookingAllowed = true,
        RebookingAllowed = false,
        MessageAllowed = true,
        IsInvitation = false,
    };

    private static void AssertHeaders(string? logicalAddress, ActorType? actor)
    {
        Assert.That(logicalAddress, Is.EqualTo(BookingSystem), "LogicalAddress header at the producer");
        Assert.That(actor?.ActorId, Is.EqualTo(Patient), "Actor/actorId at the producer");
        Assert.That(actor?.Kind, Is.EqualTo(ActorTypeEnum.SubjectOfCare), "Actor/actorType at the producer");
    }

    private static void AssertSameTimeslot(TimeslotType actual, TimeslotType expected)
    {
        Assert.That(actual.BookingId, Is.EqualTo(expected.BookingId));
        Assert.That(actual.StartTimeInclusive, Is.EqualTo(expected.StartTimeInclusive));
        Assert.That(actual.HealthcareFacilityName, Is.EqualTo(expected.HealthcareFacilityName), "Swedish text survives");
        Assert.That(actual.PerformerName, Is.EqualTo(expected.PerformerName));
        Assert.That(actual.TimeTypeName, Is.EqualTo(expected.TimeTypeName));
        Assert.That(actual.CancelBookingAllowed, Is.EqualTo(expected.CancelBookingAllowed));
        Assert.That(actual.RebookingAllowed, Is.EqualTo(expected.RebookingAllowed));
        Assert.That(actual.IsInvitation, Is.EqualTo(expected.IsInvitation), "1.1 extension isInvitation survives");
        Assert.That(actual.Reason, Is.Null, "an absent optional element stays absent");
    }

    [Test]
    public async Task GetSubjectOfCareSchedule_headers_body_and_answer_cross_the_wire()
    {
        var service = new Producer();
        var (response, wire) = await WcfRoundTrip.CallAsync<IGetSubjectOfCareScheduleResponder, GetSubjectOfCareScheduleResponse>(service, c => c.GetSubjectOfCareScheduleAsync(new()
        {
            LogicalAddress = BookingSystem,
            Actor = Citizen(),
            Body = new() { HealthcareFacility = BookingSystem, SubjectOfCare = Patient },
        }));

        var received = service.Schedule!;
        AssertHeaders(received.LogicalAddress, received.Actor);
        Assert.That(received.Body.SubjectOfCare, Is.EqualTo(Patient));
        Assert.That(received.Body.HealthcareFacility, Is.EqualTo(BookingSystem));
        Assert.That(response.Body.TimeslotDetail, Has.Count.EqualTo(2));
        AssertSameTimeslot(response.Body.TimeslotDetail[0], Booked("BOK1-1001"));
        Assert.That(response.ProcessingStatus?.ProcessingStatusList.Single().LogicalAddress, Is.EqualTo(BookingSystem), "ProcessingStatus response header arrives");
        Assert.That(response.ProcessingStatus!.ProcessingStatusList.Single().StatusCode, Is.EqualTo(StatusCodeEnum.DataFromSource));
        WcfRoundTrip.AssertWireConforms(wire, SchedulingContracts.GetSubjectOfCareSchedule, SchedulingContracts.OfficialTree);
    }

    [Test]
    public async Task GetBookingDetails_headers_body_and_answer_cross_the_wire()
    {
        var service = new Producer();
        var (response, wire) = await WcfRoundTrip.CallAsync<IGetBookingDetailsResponder, GetBookingDetailsResponse>(service, c => c.GetBookingDetailsAsync(new()
        {
            LogicalAddress = BookingSystem,
            Actor = Citizen(),
            Body = new() { HealthcareFacility = BookingSystem, BookingId = "BOK1-1001" },
        }));

        AssertHeaders(service.Details!.LogicalAddress, service.Details.Actor);
        Assert.That(service.Details.Body.BookingId, Is.EqualTo("BOK1-1001"));
        AssertSameTimeslot(response.Body.TimeslotDetail, Booked("BOK1-1001"));
        WcfRoundTrip.AssertWireConforms(wire, SchedulingContracts.GetBookingDetails, SchedulingContracts.OfficialTree);
    }

    [Test]
    public async Task MakeBooking_headers_body_and_answer_cross_the_wire()
    {
        var service = new Producer();
        var requested = Booked("");
        requested.BookingId = null;
        var (response, wire) = await WcfRoundTrip.CallAsync<IMakeBookingResponder, MakeBookingResponse>(service, c => c.MakeBookingAsync(new()
        {
            LogicalAddress = BookingSystem,
            Actor = Citizen(),
            Body = new()
            {
                HealthcareFacilityMed = BookingSystem,
                RequestedTimeslot = requested,
                SubjectOfCareInfo = new() { Phone = "0701234567", FirstName = "Tolvan", MiddleName = "Åke", LastName = "Tolvansson" },
                Notification = "SMS",
            },
        }));

        var received = service.Make!;
        AssertHeaders(received.LogicalAddress, received.Actor);
        Assert.That(received.Body.SubjectOfCareInfo.FirstName, Is.EqualTo("Tolvan"), "1.1 extension firstName arrives");
        Assert.That(received.Body.SubjectOfCareInfo.MiddleName, Is.EqualTo("Åke"));
        Assert.That(received.Body.SubjectOfCareInfo.LastName, Is.EqualTo("Tolvansson"));
        Assert.That(received.Body.RequestedTimeslot.BookingId, Is.Null);
        Assert.That(received.Body.RequestedTimeslot.TimeTypeName, Is.EqualTo("Läkarbesök"));
        Assert.That(response.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
        Assert.That(response.Body.BookingId, Is.EqualTo("BOK1-1003"));
        WcfRoundTrip.AssertWireConforms(wire, SchedulingContracts.MakeBooking, SchedulingContracts.OfficialTree);
    }

    [Test]
    public async Task UpdateBooking_headers_body_and_answer_cross_the_wire()
    {
        var service = new Producer();
        var (response, wire) = await WcfRoundTrip.CallAsync<IUpdateBookingResponder, UpdateBookingResponse>(service, c => c.UpdateBookingAsync(new()
        {
            LogicalAddress = BookingSystem,
            Actor = Citizen(),
            Body = new() { RequestedTimeslot = Booked("BOK1-1001"), Notification = "SMS" },
        }));

        AssertHeaders(service.Update!.LogicalAddress, service.Update.Actor);
        AssertSameTimeslot(service.Update.Body.RequestedTimeslot, Booked("BOK1-1001"));
        Assert.That(service.Update.Body.SubjectOfCareInfo, Is.Null, "optional subject_of_care_info stays absent");
        Assert.That(response.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Info));
        Assert.That(response.Body.ResultText, Is.EqualTo("Tiden är flyttad."));
        WcfRoundTrip.AssertWireConforms(wire, SchedulingContracts.UpdateBooking, SchedulingContracts.OfficialTree);
    }

    [Test]
    public async Task CancelBooking_headers_body_and_answer_cross_the_wire()
    {
        var service = new Producer();
        var (response, wire) = await WcfRoundTrip.CallAsync<ICancelBookingResponder, CancelBookingResponse>(service, c => c.CancelBookingAsync(new()
        {
            LogicalAddress = BookingSystem,
            Actor = Citizen(),
            Body = new() { HealthcareFacility = BookingSystem, BookingId = "BOK1-1002", Message = "Jag kan inte komma, förlåt." },
        }));

        AssertHeaders(service.Cancel!.LogicalAddress, service.Cancel.Actor);
        Assert.That(service.Cancel.Body.Message, Is.EqualTo("Jag kan inte komma, förlåt."));
        Assert.That(response.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(response.Body.ResultText, Is.EqualTo("Bokningen är redan avbokad."));
        WcfRoundTrip.AssertWireConforms(wire, SchedulingContracts.CancelBooking, SchedulingContracts.OfficialTree);
    }

    [Test]
    public async Task GetAvailableTimeslots_headers_body_and_answer_cross_the_wire()
    {
        var service = new Producer();
        var (response, wire) = await WcfRoundTrip.CallAsync<IGetAvailableTimeslotsResponder, GetAvailableTimeslotsResponse>(service, c => c.GetAvailableTimeslotsAsync(new()
        {
            LogicalAddress = BookingSystem,
            Actor = Citizen(),
            Body = new()
            {
                HealthcareFacility = BookingSystem,
                StartDateInclusive = "20351001",
                EndDateInclusive = "20351031",
                Performer = ["SE2321000016-BOK1-P01", "SE2321000016-BOK1-P02"],
                TimeTypeId = "LAKARBESOK",
                SubjectOfCare = Patient,
            },
        }));

        var received = service.Available!;
        AssertHeaders(received.LogicalAddress, received.Actor);
        Assert.That(received.Body.SubjectOfCare, Is.EqualTo(Patient), "1.1 extension subject_of_care arrives");
        Assert.That(received.Body.Performer, Is.EqualTo(new[] { "SE2321000016-BOK1-P01", "SE2321000016-BOK1-P02" }));
        Assert.That(received.Body.BookingId, Is.Null);
        Assert.That(response.Body.TimeslotDetail, Has.Count.EqualTo(2));
        Assert.That(response.Body.TimeslotDetail.Select(t => t.BookingId), Is.All.Null, "free slots have no booking id");
        WcfRoundTrip.AssertWireConforms(wire, SchedulingContracts.GetAvailableTimeslots, SchedulingContracts.OfficialTree);
    }

    /// <summary>A booking system that records what reached it and answers with fixed data.</summary>
    private sealed class Producer :
        IGetSubjectOfCareScheduleResponder, IGetBookingDetailsResponder, IMakeBookingResponder,
        IUpdateBookingResponder, ICancelBookingResponder, IGetAvailableTimeslotsResponder
    {
        public GetSubjectOfCareScheduleRequest? Schedule { get; private set; }

        public GetBookingDetailsRequest? Details { get; private set; }

        public MakeBookingRequest? Make { get; private set; }

        public UpdateBookingRequest? Update { get; private set; }

        public CancelBookingRequest? Cancel { get; private set; }

        public GetAvailableTimeslotsRequest? Available { get; private set; }

        public Task<GetSubjectOfCareScheduleResponse> GetSubjectOfCareScheduleAsync(GetSubjectOfCareScheduleRequest request)
        {
            Schedule = request;
            return Task.FromResult(new GetSubjectOfCareScheduleResponse
            {
                // As the aggregating service answers: one processing-status record per booking system.
                ProcessingStatus = new()
                {
                    ProcessingStatusList =
                    [
                        new() { LogicalAddress = BookingSystem, StatusCode = StatusCodeEnum.DataFromSource, IsResponseInSynch = true, LastSuccessfulSynch = "20351001120000" },
                    ],
                },
                Body = new() { TimeslotDetail = [Booked("BOK1-1001"), Booked("BOK1-1002")] },
            });
        }

        public Task<GetBookingDetailsResponse> GetBookingDetailsAsync(GetBookingDetailsRequest request)
        {
            Details = request;
            return Task.FromResult(new GetBookingDetailsResponse { Body = new() { TimeslotDetail = Booked(request.Body.BookingId) } });
        }

        public Task<MakeBookingResponse> MakeBookingAsync(MakeBookingRequest request)
        {
            Make = request;
            return Task.FromResult(new MakeBookingResponse { Body = new() { BookingId = "BOK1-1003", ResultCode = ResultCodeEnum.Ok } });
        }

        public Task<UpdateBookingResponse> UpdateBookingAsync(UpdateBookingRequest request)
        {
            Update = request;
            return Task.FromResult(new UpdateBookingResponse { Body = new() { ResultCode = ResultCodeEnum.Info, ResultText = "Tiden är flyttad." } });
        }

        public Task<CancelBookingResponse> CancelBookingAsync(CancelBookingRequest request)
        {
            Cancel = request;
            return Task.FromResult(new CancelBookingResponse { Body = new() { ResultCode = ResultCodeEnum.Error, ResultText = "Bokningen är redan avbokad." } });
        }

        public Task<GetAvailableTimeslotsResponse> GetAvailableTimeslotsAsync(GetAvailableTimeslotsRequest request)
        {
            Available = request;
            var free = Booked("");
            free.BookingId = null;
            free.SubjectOfCare = null;
            var later = Booked("");
            later.BookingId = null;
            later.SubjectOfCare = null;
            later.StartTimeInclusive = "20351015093000";
            later.EndTimeExclusive = "20351015100000";
            return Task.FromResult(new GetAvailableTimeslotsResponse { Body = new() { TimeslotDetail = [free, later] } });
        }
    }
}
