namespace TjanstePlattform.Contracts.Scheduling;

/// <summary>
/// Namespace URIs and SOAP actions of crm:scheduling 1.1 (tidbokning), basic profile 2.1.
/// The responder namespace of an interaction is also its service-contract key in the catalog.
/// </summary>
public static class SchedulingNamespaces
{
    /// <summary>Domain core types (TimeslotType, SubjectOfCareType, …).</summary>
    public const string Core = "urn:riv:crm:scheduling:1";

    /// <summary>Minor-version 1.1 additions to the core types (firstName, middleName, lastName, isInvitation).</summary>
    public const string CoreExtension = "urn:riv:crm:scheduling:1.1";

    /// <summary>The service domain as the engagement index and the aggregating services name it.</summary>
    public const string ServiceDomain = "riv:crm:scheduling";

    public const string GetSubjectOfCareScheduleResponder = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";
    public const string GetBookingDetailsResponder = "urn:riv:crm:scheduling:GetBookingDetailsResponder:1";
    public const string MakeBookingResponder = "urn:riv:crm:scheduling:MakeBookingResponder:1";
    public const string UpdateBookingResponder = "urn:riv:crm:scheduling:UpdateBookingResponder:1";
    public const string CancelBookingResponder = "urn:riv:crm:scheduling:CancelBookingResponder:1";
    public const string GetAvailableTimeslotsResponder = "urn:riv:crm:scheduling:GetAvailableTimeslotsResponder:1";

    /// <summary>Minor-version 1.1 addition to the GetAvailableTimeslots request (subject_of_care).</summary>
    public const string GetAvailableTimeslotsResponderExtension = "urn:riv:crm:scheduling:GetAvailableTimeslotsResponder:1.1";

    /// <summary>SOAP actions exactly as the 1.1 WSDLs declare them (the router never routes on them).</summary>
    public static class Actions
    {
        public const string GetSubjectOfCareSchedule = GetSubjectOfCareScheduleResponder + ":GetSubjectOfCareSchedule";
        public const string GetBookingDetails = GetBookingDetailsResponder + ":GetBookingDetails";
        public const string MakeBooking = MakeBookingResponder + ":MakeBooking";
        public const string UpdateBooking = UpdateBookingResponder + ":UpdateBooking";
        public const string CancelBooking = CancelBookingResponder + ":CancelBooking";
        public const string GetAvailableTimeslots = GetAvailableTimeslotsResponder + ":GetAvailableTimeslots";
    }
}
