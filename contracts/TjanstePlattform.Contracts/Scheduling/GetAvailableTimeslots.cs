using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.Scheduling;

/// <summary>GetAvailableTimeslots 1: free time slots (lediga tider) at a facility between two dates.</summary>
[ServiceContract(Name = "GetAvailableTimeslotsResponderInterface", Namespace = SchedulingNamespaces.GetAvailableTimeslotsResponder)]
[XmlSerializerFormat]
public interface IGetAvailableTimeslotsResponder
{
    [OperationContract(Name = "GetAvailableTimeslots", Action = SchedulingNamespaces.Actions.GetAvailableTimeslots)]
    [XmlSerializerFormat]
    Task<GetAvailableTimeslotsResponse> GetAvailableTimeslotsAsync(GetAvailableTimeslotsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetAvailableTimeslotsRequest
{
    /// <summary>Receiver (logisk adressat): the booking system.</summary>
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageHeader(Name = HeaderNamespaces.ActorElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
    public ActorType? Actor { get; set; }

    [MessageBodyMember(Name = "GetAvailableTimeslots", Namespace = SchedulingNamespaces.GetAvailableTimeslotsResponder, Order = 0)]
    public GetAvailableTimeslotsType Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetAvailableTimeslotsResponse
{
    [MessageBodyMember(Name = "GetAvailableTimeslotsResponse", Namespace = SchedulingNamespaces.GetAvailableTimeslotsResponder, Order = 0)]
    public GetAvailableTimeslotsResponseType Body { get; set; } = new();
}

[XmlType("GetAvailableTimeslotsType", Namespace = SchedulingNamespaces.GetAvailableTimeslotsResponder)]
[XmlRoot("GetAvailableTimeslots", Namespace = SchedulingNamespaces.GetAvailableTimeslotsResponder)]
public sealed class GetAvailableTimeslotsType
{
    [XmlElement("healthcare_facility", Order = 0)]
    public string HealthcareFacility { get; set; } = "";

    /// <summary>When rebooking: the booking to find a new time for.</summary>
    [XmlElement("bookingId", Order = 1)]
    public string? BookingId { get; set; }

    /// <summary>Date <c>YYYYMMDD</c>.</summary>
    [XmlElement("startDateInclusive", Order = 2)]
    public string StartDateInclusive { get; set; } = "";

    /// <summary>Date <c>YYYYMMDD</c>.</summary>
    [XmlElement("endDateInclusive", Order = 3)]
    public string EndDateInclusive { get; set; } = "";

    [XmlElement("performer", Order = 4)]
    public List<string> Performer { get; set; } = [];

    [XmlElement("timeTypeName", Order = 5)]
    public string? TimeTypeName { get; set; }

    [XmlElement("timeTypeID", Order = 6)]
    public string? TimeTypeId { get; set; }

    [XmlElement("careTypeName", Order = 7)]
    public string? CareTypeName { get; set; }

    [XmlElement("careTypeID", Order = 8)]
    public string? CareTypeId { get; set; }

    /// <summary>
    /// <c>{urn:riv:crm:scheduling:GetAvailableTimeslotsResponder:1.1}subject_of_care</c>: mandatory since 1.1,
    /// in the minor-version namespace.
    /// </summary>
    [XmlElement("subject_of_care", Namespace = SchedulingNamespaces.GetAvailableTimeslotsResponderExtension, Order = 9)]
    public string SubjectOfCare { get; set; } = "";

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 10)]
    public XmlElement[]? Any { get; set; }
}

[XmlType("GetAvailableTimeslotsResponseType", Namespace = SchedulingNamespaces.GetAvailableTimeslotsResponder)]
[XmlRoot("GetAvailableTimeslotsResponse", Namespace = SchedulingNamespaces.GetAvailableTimeslotsResponder)]
public sealed class GetAvailableTimeslotsResponseType
{
    [XmlElement("timeslotDetail", Order = 0)]
    public List<TimeslotType> TimeslotDetail { get; set; } = [];

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}
