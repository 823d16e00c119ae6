using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.EngagementIndex;

/// <summary>
/// ProcessNotification (<c>urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1</c>): an index
/// tells a subscriber (another index, an aggregating service) which engagements changed.
/// </summary>
[ServiceContract(Namespace = EngagementIndexNamespaces.ProcessNotificationResponder, Name = "ProcessNotificationResponderInterface")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface IProcessNotificationResponder
{
    [OperationContract(Name = "ProcessNotification", Action = EngagementIndexNamespaces.ProcessNotificationAction, ReplyAction = "*")]
    Task<ProcessNotificationResponse> ProcessNotificationAsync(ProcessNotificationRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class ProcessNotificationRequest
{
    [MessageHeader(Name = "LogicalAddress", Namespace = EngagementIndexNamespaces.Registry)]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Name = EngagementIndexNamespaces.ProcessNotificationElement, Namespace = EngagementIndexNamespaces.ProcessNotificationResponder, Order = 0)]
    public ProcessNotificationType ProcessNotification { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class ProcessNotificationResponse
{
    [MessageBodyMember(Name = EngagementIndexNamespaces.ProcessNotificationResponseElement, Namespace = EngagementIndexNamespaces.ProcessNotificationResponder, Order = 0)]
    public ProcessNotificationResponseType ProcessNotificationResponseBody { get; set; } = new();
}

[XmlType(TypeName = "ProcessNotificationType", Namespace = EngagementIndexNamespaces.ProcessNotificationResponder)]
[XmlRoot(EngagementIndexNamespaces.ProcessNotificationElement, Namespace = EngagementIndexNamespaces.ProcessNotificationResponder)]
public sealed class ProcessNotificationType
{
    [XmlElement("engagementTransaction", Order = 0)]
    public List<EngagementTransactionType> EngagementTransaction { get; set; } = [];

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "ProcessNotificationResponseType", Namespace = EngagementIndexNamespaces.ProcessNotificationResponder)]
[XmlRoot(EngagementIndexNamespaces.ProcessNotificationResponseElement, Namespace = EngagementIndexNamespaces.ProcessNotificationResponder)]
public sealed class ProcessNotificationResponseType
{
    [XmlElement("ResultCode", Order = 0)]
    public ResultCodeEnum ResultCode { get; set; }

    [XmlElement("comment", Order = 1)]
    public string? Comment { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}
