using TjanstePlattform.Contracts.Scheduling;

namespace TjanstePlattform.Conformance.Tests.Scheduling;

/// <summary>The six crm:scheduling 1.1 contracts in scope, and where their schemas and samples are.</summary>
public static class SchedulingContracts
{
    /// <summary>The official release (with example instances <c>*Responder_1.1.xml</c>) below ../shared/rivta/schemas.</summary>
    public const string OfficialTree = "crm_scheduling_1.1.1";

    /// <summary>The project's own tree below wsdl/.</summary>
    public const string ProjectTree = "crm_scheduling";

    public static readonly ContractUnderTest GetSubjectOfCareSchedule = new(
        "GetSubjectOfCareSchedule", SchedulingNamespaces.GetSubjectOfCareScheduleResponder, typeof(IGetSubjectOfCareScheduleResponder),
        typeof(GetSubjectOfCareScheduleRequest), typeof(GetSubjectOfCareScheduleResponse), SchedulingNamespaces.Actions.GetSubjectOfCareSchedule, HasActor: true, WsdlVersion: "1.1");

    public static readonly ContractUnderTest GetBookingDetails = new(
        "GetBookingDetails", SchedulingNamespaces.GetBookingDetailsResponder, typeof(IGetBookingDetailsResponder),
        typeof(GetBookingDetailsRequest), typeof(GetBookingDetailsResponse), SchedulingNamespaces.Actions.GetBookingDetails, HasActor: true, WsdlVersion: "1.1");

    public static readonly ContractUnderTest MakeBooking = new(
        "MakeBooking", SchedulingNamespaces.MakeBookingResponder, typeof(IMakeBookingResponder),
        typeof(MakeBookingRequest), typeof(MakeBookingResponse), SchedulingNamespaces.Actions.MakeBooking, HasActor: true, WsdlVersion: "1.1");

    public static readonly ContractUnderTest UpdateBooking = new(
        "UpdateBooking", SchedulingNamespaces.UpdateBookingResponder, typeof(IUpdateBookingResponder),
        typeof(UpdateBookingRequest), typeof(UpdateBookingResponse), SchedulingNamespaces.Actions.UpdateBooking, HasActor: true, WsdlVersion: "1.1");

    public static readonly ContractUnderTest CancelBooking = new(
        "CancelBooking", SchedulingNamespaces.CancelBookingResponder, typeof(ICancelBookingResponder),
        typeof(CancelBookingRequest), typeof(CancelBookingResponse), SchedulingNamespaces.Actions.CancelBooking, HasActor: true, WsdlVersion: "1.1");

    public static readonly ContractUnderTest GetAvailableTimeslots = new(
        "GetAvailableTimeslots", SchedulingNamespaces.GetAvailableTimeslotsResponder, typeof(IGetAvailableTimeslotsResponder),
        typeof(GetAvailableTimeslotsRequest), typeof(GetAvailableTimeslotsResponse), SchedulingNamespaces.Actions.GetAvailableTimeslots, HasActor: true, WsdlVersion: "1.1");

    public static readonly IReadOnlyList<ContractUnderTest> All =
        [GetSubjectOfCareSchedule, GetBookingDetails, MakeBooking, UpdateBooking, CancelBooking, GetAvailableTimeslots];

    public static IEnumerable<TestCaseData> Cases() => All.Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));
}
