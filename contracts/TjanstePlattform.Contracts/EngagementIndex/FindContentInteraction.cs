using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.EngagementIndex;

/// <summary>
/// FindContent (<c>urn:riv:itintegration:engagementindex:FindContentResponder:1</c>): which source systems hold
/// information of a service domain about a resident. Resident and service domain are mandatory; every other
/// given field is a filter.
/// </summary>
[ServiceContract(Namespace = EngagementIndexNamespaces.FindContentResponder, Name = "FindContentResponderInterface")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface IFindContentResponder
{
    [OperationContract(Name = "FindContent", Action = EngagementIndexNamespaces.FindContentAction, ReplyAction = "*")]
    Task<FindContentResponse> FindContentAsync(FindContentRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class FindContentRequest
{
    [MessageHeader(Name = "LogicalAddress", Namespace = EngagementIndexNamespaces.Registry)]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Name = EngagementIndexNamespaces.FindContentElement, Namespace = EngagementIndexNamespaces.FindContentResponder, Order = 0)]
    public FindContentType FindContent { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class FindContentResponse
{
    [MessageBodyMember(Name = EngagementIndexNamespaces.FindContentResponseElement, Namespace = EngagementIndexNamespaces.FindContentResponder, Order = 0)]
    public FindContentResponseType FindContentResponseBody { get; set; } = new();
}

[XmlType(TypeName = "FindContentType", Namespace = EngagementIndexNamespaces.FindContentResponder)]
[XmlRoot(EngagementIndexNamespaces.FindContentElement, Namespace = EngagementIndexNamespaces.FindContentResponder)]
public sealed class FindContentType
{
    [XmlElement("registeredResidentIdentification", Order = 0)]
    public string? RegisteredResidentIdentification { get; set; }

    [XmlElement("serviceDomain", Order = 1)]
    public string? ServiceDomain { get; set; }

    [XmlElement("categorization", Order = 2)]
    public string? Categorization { get; set; }

    [XmlElement("logicalAddress", Order = 3)]
    public string? LogicalAddress { get; set; }

    [XmlElement("businessObjectInstanceIdentifier", Order = 4)]
    public string? BusinessObjectInstanceIdentifier { get; set; }

    [XmlElement("clinicalProcessInterestId", Order = 5)]
    public string? ClinicalProcessInterestId { get; set; }

    /// <summary>A lower bound: engagements with mostRecentContent at or after this (<c>yyyyMMddHHmmss</c>).</summary>
    [XmlElement("mostRecentContent", Order = 6)]
    public string? MostRecentContent { get; set; }

    [XmlElement("sourceSystem", Order = 7)]
    public string? SourceSystem { get; set; }

    [XmlElement("dataController", Order = 8)]
    public string? DataController { get; set; }

    [XmlElement("owner", Order = 9)]
    public string? Owner { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 10)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "FindContentResponseType", Namespace = EngagementIndexNamespaces.FindContentResponder)]
[XmlRoot(EngagementIndexNamespaces.FindContentResponseElement, Namespace = EngagementIndexNamespaces.FindContentResponder)]
public sealed class FindContentResponseType
{
    [XmlElement("engagement", Order = 0)]
    public List<EngagementType> Engagement { get; set; } = [];

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}
