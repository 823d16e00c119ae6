using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.Scheduling;

/// <summary>CancelBooking 1: cancel a booking (avboka).</summary>
[ServiceContract(Name = "CancelBookingResponderInterface", Namespace = SchedulingNamespaces.CancelBookingResponder)]
[XmlSerializerFormat]
public interface ICancelBookingResponder
{
    [OperationContract(Name = "CancelBooking", Action = SchedulingNamespaces.Actions.CancelBooking)]
    [XmlSerializerFormat]
    Task<CancelBookingResponse> CancelBookingAsync(CancelBookingRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class CancelBookingRequest
{
    /// <summary>Receiver (logisk adressat): the booking system.</summary>
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageHeader(Name = HeaderNamespaces.ActorElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
    public ActorType? Actor { get; set; }

    [MessageBodyMember(Name = "CancelBooking", Namespace = SchedulingNamespaces.CancelBookingResponder, Order = 0)]
    public CancelBookingType Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class CancelBookingResponse
{
    [MessageBodyMember(Name = "CancelBookingResponse", Namespace = SchedulingNamespaces.CancelBookingResponder, Order = 0)]
    public CancelBookingResponseType Body { get; set; } = new();
}

[XmlType("CancelBookingType", Namespace = SchedulingNamespaces.CancelBookingResponder)]
[XmlRoot("CancelBooking", Namespace = SchedulingNamespaces.CancelBookingResponder)]
public sealed class CancelBookingType
{
    [XmlElement("healthcare_facility", Order = 0)]
    public string HealthcareFacility { get; set; } = "";

    [XmlElement("bookingId", Order = 1)]
    public string BookingId { get; set; } = "";

    /// <summary>Free-text message to the facility (meddelande).</summary>
    [XmlElement("message", Order = 2)]
    public string? Message { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

[XmlType("CancelBookingResponseType", Namespace = SchedulingNamespaces.CancelBookingResponder)]
[XmlRoot("CancelBookingResponse", Namespace = SchedulingNamespaces.CancelBookingResponder)]
public sealed class CancelBookingResponseType
{
    [XmlElement("resultCode", Order = 0)]
    public ResultCodeEnum ResultCode { get; set; }

    [XmlElement("resultText", Order = 1)]
    public string? ResultText { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}
