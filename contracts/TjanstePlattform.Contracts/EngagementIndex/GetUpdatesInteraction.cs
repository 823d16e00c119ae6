using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.EngagementIndex;

/// <summary>
/// GetUpdates (<c>urn:riv:itintegration:engagementindex:GetUpdatesResponder:1</c>): the engagements of a service
/// domain changed since a time stamp, grouped per resident and paged with <c>registeredResidentLastFetched</c>.
/// </summary>
[ServiceContract(Namespace = EngagementIndexNamespaces.GetUpdatesResponder, Name = "GetUpdatesResponderInterface")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface IGetUpdatesResponder
{
    [OperationContract(Name = "GetUpdates", Action = EngagementIndexNamespaces.GetUpdatesAction, ReplyAction = "*")]
    Task<GetUpdatesResponse> GetUpdatesAsync(GetUpdatesRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetUpdatesRequest
{
    [MessageHeader(Name = "LogicalAddress", Namespace = EngagementIndexNamespaces.Registry)]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Name = EngagementIndexNamespaces.GetUpdatesElement, Namespace = EngagementIndexNamespaces.GetUpdatesResponder, Order = 0)]
    public GetUpdatesType GetUpdates { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetUpdatesResponse
{
    [MessageBodyMember(Name = EngagementIndexNamespaces.GetUpdatesResponseElement, Namespace = EngagementIndexNamespaces.GetUpdatesResponder, Order = 0)]
    public GetUpdatesResponseType GetUpdatesResponseBody { get; set; } = new();
}

[XmlType(TypeName = "GetUpdatesType", Namespace = EngagementIndexNamespaces.GetUpdatesResponder)]
[XmlRoot(EngagementIndexNamespaces.GetUpdatesElement, Namespace = EngagementIndexNamespaces.GetUpdatesResponder)]
public sealed class GetUpdatesType
{
    [XmlElement("serviceDomain", Order = 0)]
    public string? ServiceDomain { get; set; }

    /// <summary>Changes at or after this time (<c>yyyyMMddHHmmss</c>).</summary>
    [XmlElement("timeStamp", Order = 1)]
    public string? TimeStamp { get; set; }

    /// <summary>Paging: the last resident of the previous page; this page starts after it.</summary>
    [XmlElement("registeredResidentLastFetched", Order = 2)]
    public string? RegisteredResidentLastFetched { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point (at most one).</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "GetUpdatesResponseType", Namespace = EngagementIndexNamespaces.GetUpdatesResponder)]
[XmlRoot(EngagementIndexNamespaces.GetUpdatesResponseElement, Namespace = EngagementIndexNamespaces.GetUpdatesResponder)]
public sealed class GetUpdatesResponseType
{
    /// <summary>False: more residents follow; ask again with the last resident of this page.</summary>
    [XmlElement("responseIsComplete", Order = 0)]
    public bool ResponseIsComplete { get; set; }

    [XmlElement("registeredResidentEngagement", Order = 1)]
    public List<RegisteredResidentEngagementType> RegisteredResidentEngagement { get; set; } = [];

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>The changed engagements of one resident.</summary>
[XmlType(TypeName = "RegisteredResidentEngagementType", Namespace = EngagementIndexNamespaces.GetUpdatesResponder)]
public sealed class RegisteredResidentEngagementType
{
    [XmlElement("registeredResidentIdentification", Order = 0)]
    public string? RegisteredResidentIdentification { get; set; }

    [XmlElement("engagement", Order = 1)]
    public List<EngagementType> Engagement { get; set; } = [];

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}
