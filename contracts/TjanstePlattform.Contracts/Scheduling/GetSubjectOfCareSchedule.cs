using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.Scheduling;

/// <summary>
/// GetSubjectOfCareSchedule 1: a patient's booked times (bokade tider) at a healthcare facility.
/// Aggregated nationally (logical address 5565594230) by fanning out per engagement logicalAddress.
/// </summary>
[ServiceContract(Name = "GetSubjectOfCareScheduleResponderInterface", Namespace = SchedulingNamespaces.GetSubjectOfCareScheduleResponder)]
[XmlSerializerFormat]
public interface IGetSubjectOfCareScheduleResponder
{
    [OperationContract(Name = "GetSubjectOfCareSchedule", Action = SchedulingNamespaces.Actions.GetSubjectOfCareSchedule)]
    [XmlSerializerFormat]
    Task<GetSubjectOfCareScheduleResponse> GetSubjectOfCareScheduleAsync(GetSubjectOfCareScheduleRequest request);
}

/// <summary>The request message: LogicalAddress and Actor headers, the GetSubjectOfCareSchedule body.</summary>
[MessageContract(IsWrapped = false)]
public sealed class GetSubjectOfCareScheduleRequest
{
    /// <summary>Receiver (logisk adressat): the booking system, or 5565594230 for the aggregating service.</summary>
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageHeader(Name = HeaderNamespaces.ActorElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
    public ActorType? Actor { get; set; }

    [MessageBodyMember(Name = "GetSubjectOfCareSchedule", Namespace = SchedulingNamespaces.GetSubjectOfCareScheduleResponder, Order = 0)]
    public GetSubjectOfCareScheduleType Body { get; set; } = new();
}

/// <summary>
/// The response message. <see cref="ProcessingStatus"/> is not part of the contract's WSDL: the aggregating
/// service adds it (one record per source system) and a direct producer leaves it out.
/// </summary>
[MessageContract(IsWrapped = false)]
public sealed class GetSubjectOfCareScheduleResponse
{
    [MessageHeader(Name = HeaderNamespaces.ProcessingStatusElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
    public ProcessingStatusType? ProcessingStatus { get; set; }

    [MessageBodyMember(Name = "GetSubjectOfCareScheduleResponse", Namespace = SchedulingNamespaces.GetSubjectOfCareScheduleResponder, Order = 0)]
    public GetSubjectOfCareScheduleResponseType Body { get; set; } = new();
}

[XmlType("GetSubjectOfCareScheduleType", Namespace = SchedulingNamespaces.GetSubjectOfCareScheduleResponder)]
[XmlRoot("GetSubjectOfCareSchedule", Namespace = SchedulingNamespaces.GetSubjectOfCareScheduleResponder)]
public sealed class GetSubjectOfCareScheduleType
{
    /// <summary>HSA-id of the facility whose schedule is asked for (the aggregator rewrites it per source).</summary>
    [XmlElement("healthcare_facility", Order = 0)]
    public string HealthcareFacility { get; set; } = "";

    [XmlElement("subject_of_care", Order = 1)]
    public string SubjectOfCare { get; set; } = "";

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType("GetSubjectOfCareScheduleResponseType", Namespace = SchedulingNamespaces.GetSubjectOfCareScheduleResponder)]
[XmlRoot("GetSubjectOfCareScheduleResponse", Namespace = SchedulingNamespaces.GetSubjectOfCareScheduleResponder)]
public sealed class GetSubjectOfCareScheduleResponseType
{
    [XmlElement("timeslotDetail", Order = 0)]
    public List<TimeslotType> TimeslotDetail { get; set; } = [];

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}
