using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.Scheduling;

/// <summary>
/// <c>TimeslotType</c>: one time slot (tid), booked or free. Timestamps are <c>YYYYMMDDhhmmss</c> text
/// (the schema's <c>TS</c> pattern), kept as strings so that what a source system sends is what it gets back.
/// </summary>
/// <remarks>The schema gives this type NO trailing <c>xs:any</c>: extra elements here are invalid.</remarks>
[XmlType("TimeslotType", Namespace = SchedulingNamespaces.Core)]
public sealed class TimeslotType
{
    [XmlElement("startTimeInclusive", Order = 0)]
    public string? StartTimeInclusive { get; set; }

    [XmlElement("endTimeExclusive", Order = 1)]
    public string? EndTimeExclusive { get; set; }

    /// <summary>HSA-id of the healthcare facility (vårdenhet). Mandatory.</summary>
    [XmlElement("healthcare_facility", Order = 2)]
    public string HealthcareFacility { get; set; } = "";

    /// <summary>HSA-id of the performer (vårdgivare/behandlare).</summary>
    [XmlElement("performer", Order = 3)]
    public string? Performer { get; set; }

    [XmlElement("bookingId", Order = 4)]
    public string? BookingId { get; set; }

    /// <summary>Personal identity number, 12 characters.</summary>
    [XmlElement("subject_of_care", Order = 5)]
    public string? SubjectOfCare { get; set; }

    [XmlElement("purpose", Order = 6)]
    public string? Purpose { get; set; }

    [XmlElement("reason", Order = 7)]
    public string? Reason { get; set; }

    [XmlElement("resourceName", Order = 8)]
    public string? ResourceName { get; set; }

    [XmlElement("healthcare_facility_name", Order = 9)]
    public string? HealthcareFacilityName { get; set; }

    [XmlElement("performerName", Order = 10)]
    public string? PerformerName { get; set; }

    [XmlElement("resourceID", Order = 11)]
    public string? ResourceId { get; set; }

    [XmlElement("timeTypeName", Order = 12)]
    public string? TimeTypeName { get; set; }

    [XmlElement("timeTypeID", Order = 13)]
    public string? TimeTypeId { get; set; }

    [XmlElement("careTypeName", Order = 14)]
    public string? CareTypeName { get; set; }

    [XmlElement("careTypeID", Order = 15)]
    public string? CareTypeId { get; set; }

    [XmlElement("cancel_booking_allowed", Order = 16)]
    public bool? CancelBookingAllowed { get; set; }

    [XmlElement("rebooking_allowed", Order = 17)]
    public bool? RebookingAllowed { get; set; }

    [XmlElement("message_allowed", Order = 18)]
    public bool? MessageAllowed { get; set; }

    /// <summary><c>{urn:riv:crm:scheduling:1.1}isInvitation</c> (kallelse), added in 1.1.</summary>
    [XmlElement("isInvitation", Namespace = SchedulingNamespaces.CoreExtension, Order = 19)]
    public bool? IsInvitation { get; set; }

    // Optional booleans: XmlSerializer would write xsi:nil for null, which the schema does not allow.
    public bool ShouldSerializeCancelBookingAllowed() => CancelBookingAllowed.HasValue;

    public bool ShouldSerializeRebookingAllowed() => RebookingAllowed.HasValue;

    public bool ShouldSerializeMessageAllowed() => MessageAllowed.HasValue;

    public bool ShouldSerializeIsInvitation() => IsInvitation.HasValue;
}

/// <summary>
/// <c>SubjectOfCareType</c>: contact details of the patient (vårdtagare) in MakeBooking/UpdateBooking.
/// firstName, middleName and lastName were added in 1.1, in the 1.1 namespace.
/// </summary>
[XmlType("SubjectOfCareType", Namespace = SchedulingNamespaces.Core)]
public sealed class SubjectOfCareType
{
    [XmlElement("phone", Order = 0)]
    public string? Phone { get; set; }

    [XmlElement("email", Order = 1)]
    public string? Email { get; set; }

    [XmlElement("address", Order = 2)]
    public string? Address { get; set; }

    [XmlElement("coaddress", Order = 3)]
    public string? CoAddress { get; set; }

    /// <summary><c>{urn:riv:crm:scheduling:1.1}firstName</c>, mandatory.</summary>
    [XmlElement("firstName", Namespace = SchedulingNamespaces.CoreExtension, Order = 4)]
    public string FirstName { get; set; } = "";

    [XmlElement("middleName", Namespace = SchedulingNamespaces.CoreExtension, Order = 5)]
    public string? MiddleName { get; set; }

    /// <summary><c>{urn:riv:crm:scheduling:1.1}lastName</c>, mandatory.</summary>
    [XmlElement("lastName", Namespace = SchedulingNamespaces.CoreExtension, Order = 6)]
    public string LastName { get; set; } = "";

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 7)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>The logical result of a scheduling call (HTTP 200 with resultCode; technical errors are SOAP faults).</summary>
[XmlType("ResultCodeEnum", Namespace = SchedulingNamespaces.Core)]
public enum ResultCodeEnum
{
    [XmlEnum("OK")]
    Ok,

    [XmlEnum("ERROR")]
    Error,

    [XmlEnum("INFO")]
    Info,
}
