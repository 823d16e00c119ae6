using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.Scheduling;

/// <summary>GetBookingDetails 1: one booking (bokning) by its id.</summary>
[ServiceContract(Name = "GetBookingDetailsResponderInterface", Namespace = SchedulingNamespaces.GetBookingDetailsResponder)]
[XmlSerializerFormat]
public interface IGetBookingDetailsResponder
{
    [OperationContract(Name = "GetBookingDetails", Action = SchedulingNamespaces.Actions.GetBookingDetails)]
    [XmlSerializerFormat]
    Task<GetBookingDetailsResponse> GetBookingDetailsAsync(GetBookingDetailsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetBookingDetailsRequest
{
    /// <summary>Receiver (logisk adressat): the booking system.</summary>
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageHeader(Name = HeaderNamespaces.ActorElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
    public ActorType? Actor { get; set; }

    [MessageBodyMember(Name = "GetBookingDetails", Namespace = SchedulingNamespaces.GetBookingDetailsResponder, Order = 0)]
    public GetBookingDetailsType Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetBookingDetailsResponse
{
    [MessageBodyMember(Name = "GetBookingDetailsResponse", Namespace = SchedulingNamespaces.GetBookingDetailsResponder, Order = 0)]
    public GetBookingDetailsResponseType Body { get; set; } = new();
}

[XmlType("GetBookingDetailsType", Namespace = SchedulingNamespaces.GetBookingDetailsResponder)]
[XmlRoot("GetBookingDetails", Namespace = SchedulingNamespaces.GetBookingDetailsResponder)]
public sealed class GetBookingDetailsType
{
    [XmlElement("healthcare_facility", Order = 0)]
    public string HealthcareFacility { get; set; } = "";

    [XmlElement("bookingId", Order = 1)]
    public string BookingId { get; set; } = "";

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType("GetBookingDetailsResponseType", Namespace = SchedulingNamespaces.GetBookingDetailsResponder)]
[XmlRoot("GetBookingDetailsResponse", Namespace = SchedulingNamespaces.GetBookingDetailsResponder)]
public sealed class GetBookingDetailsResponseType
{
    /// <summary>Mandatory (1..1): the contract has no result code, an unknown booking is a SOAP fault.</summary>
    [XmlElement("timeslotDetail", Order = 0)]
    public TimeslotType TimeslotDetail { get; set; } = new();

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}
