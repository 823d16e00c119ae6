using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.Scheduling;

/// <summary>UpdateBooking 1: move a booking to another time slot (omboka); the booking id is in requestedTimeslot.</summary>
[ServiceContract(Name = "UpdateBookingResponderInterface", Namespace = SchedulingNamespaces.UpdateBookingResponder)]
[XmlSerializerFormat]
public interface IUpdateBookingResponder
{
    [OperationContract(Name = "UpdateBooking", Action = SchedulingNamespaces.Actions.UpdateBooking)]
    [XmlSerializerFormat]
    Task<UpdateBookingResponse> UpdateBookingAsync(UpdateBookingRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class UpdateBookingRequest
{
    /// <summary>Receiver (logisk adressat): the booking system.</summary>
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageHeader(Name = HeaderNamespaces.ActorElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
    public ActorType? Actor { get; set; }

    [MessageBodyMember(Name = "UpdateBooking", Namespace = SchedulingNamespaces.UpdateBookingResponder, Order = 0)]
    public UpdateBookingType Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class UpdateBookingResponse
{
    [MessageBodyMember(Name = "UpdateBookingResponse", Namespace = SchedulingNamespaces.UpdateBookingResponder, Order = 0)]
    public UpdateBookingResponseType Body { get; set; } = new();
}

[XmlType("UpdateBookingType", Namespace = SchedulingNamespaces.UpdateBookingResponder)]
[XmlRoot("UpdateBooking", Namespace = SchedulingNamespaces.UpdateBookingResponder)]
public sealed class UpdateBookingType
{
    [XmlElement("requestedTimeslot", Order = 0)]
    public TimeslotType RequestedTimeslot { get; set; } = new();

    [XmlElement("subject_of_care_info", Order = 1)]
    public SubjectOfCareType? SubjectOfCareInfo { get; set; }

    [XmlElement("notification", Order = 2)]
    public string? Notification { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

[XmlType("UpdateBookingResponseType", Namespace = SchedulingNamespaces.UpdateBookingResponder)]
[XmlRoot("UpdateBookingResponse", Namespace = SchedulingNamespaces.UpdateBookingResponder)]
public sealed class UpdateBookingResponseType
{
    [XmlElement("resultCode", Order = 0)]
    public ResultCodeEnum ResultCode { get; set; }

    [XmlElement("resultText", Order = 1)]
    public string? ResultText { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}
