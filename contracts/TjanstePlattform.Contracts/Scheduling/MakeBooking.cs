using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.Scheduling;

/// <summary>MakeBooking 1: book a free time slot (boka tid).</summary>
[ServiceContract(Name = "MakeBookingResponderInterface", Namespace = SchedulingNamespaces.MakeBookingResponder)]
[XmlSerializerFormat]
public interface IMakeBookingResponder
{
    [OperationContract(Name = "MakeBooking", Action = SchedulingNamespaces.Actions.MakeBooking)]
    [XmlSerializerFormat]
    Task<MakeBookingResponse> MakeBookingAsync(MakeBookingRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class MakeBookingRequest
{
    /// <summary>Receiver (logisk adressat): the booking system.</summary>
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageHeader(Name = HeaderNamespaces.ActorElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
    public ActorType? Actor { get; set; }

    [MessageBodyMember(Name = "MakeBooking", Namespace = SchedulingNamespaces.MakeBookingResponder, Order = 0)]
    public MakeBookingType Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class MakeBookingResponse
{
    [MessageBodyMember(Name = "MakeBookingResponse", Namespace = SchedulingNamespaces.MakeBookingResponder, Order = 0)]
    public MakeBookingResponseType Body { get; set; } = new();
}

[XmlType("MakeBookingType", Namespace = SchedulingNamespaces.MakeBookingResponder)]
[XmlRoot("MakeBooking", Namespace = SchedulingNamespaces.MakeBookingResponder)]
public sealed class MakeBookingType
{
    /// <summary>HSA-id of the facility that keeps the medical record for the booking (journalförande enhet).</summary>
    [XmlElement("healthcare_facility_med", Order = 0)]
    public string HealthcareFacilityMed { get; set; } = "";

    [XmlElement("requestedTimeslot", Order = 1)]
    public TimeslotType RequestedTimeslot { get; set; } = new();

    /// <summary>Mandatory since 1.1, with firstName and lastName.</summary>
    [XmlElement("subject_of_care_info", Order = 2)]
    public SubjectOfCareType SubjectOfCareInfo { get; set; } = new();

    [XmlElement("notification", Order = 3)]
    public string? Notification { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 4)]
    public XmlElement[]? Any { get; set; }
}

[XmlType("MakeBookingResponseType", Namespace = SchedulingNamespaces.MakeBookingResponder)]
[XmlRoot("MakeBookingResponse", Namespace = SchedulingNamespaces.MakeBookingResponder)]
public sealed class MakeBookingResponseType
{
    [XmlElement("bookingId", Order = 0)]
    public string? BookingId { get; set; }

    [XmlElement("resultCode", Order = 1)]
    public ResultCodeEnum ResultCode { get; set; }

    [XmlElement("resultText", Order = 2)]
    public string? ResultText { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}
