using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.EngagementIndex;

/// <summary>
/// Update (engagemangsindex, <c>urn:riv:itintegration:engagementindex:UpdateResponder:1</c>): a source system
/// adds, changes or removes up to 1000 engagements at the index that owns them.
/// </summary>
[ServiceContract(Namespace = EngagementIndexNamespaces.UpdateResponder, Name = "UpdateResponderInterface")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface IUpdateResponder
{
    [OperationContract(Name = "Update", Action = EngagementIndexNamespaces.UpdateAction, ReplyAction = "*")]
    Task<UpdateResponse> UpdateAsync(UpdateRequest request);
}

/// <summary>The Update request: the <c>LogicalAddress</c> header (the index's own HSA-id) and the body.</summary>
[MessageContract(IsWrapped = false)]
public sealed class UpdateRequest
{
    [MessageHeader(Name = "LogicalAddress", Namespace = EngagementIndexNamespaces.Registry)]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Name = EngagementIndexNamespaces.UpdateElement, Namespace = EngagementIndexNamespaces.UpdateResponder, Order = 0)]
    public UpdateType Update { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class UpdateResponse
{
    [MessageBodyMember(Name = EngagementIndexNamespaces.UpdateResponseElement, Namespace = EngagementIndexNamespaces.UpdateResponder, Order = 0)]
    public UpdateResponseType UpdateResponseBody { get; set; } = new();
}

[XmlType(TypeName = "UpdateType", Namespace = EngagementIndexNamespaces.UpdateResponder)]
[XmlRoot(EngagementIndexNamespaces.UpdateElement, Namespace = EngagementIndexNamespaces.UpdateResponder)]
public sealed class UpdateType
{
    [XmlElement("engagementTransaction", Order = 0)]
    public List<EngagementTransactionType> EngagementTransaction { get; set; } = [];

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "UpdateResponseType", Namespace = EngagementIndexNamespaces.UpdateResponder)]
[XmlRoot(EngagementIndexNamespaces.UpdateResponseElement, Namespace = EngagementIndexNamespaces.UpdateResponder)]
public sealed class UpdateResponseType
{
    [XmlElement("ResultCode", Order = 0)]
    public ResultCodeEnum ResultCode { get; set; }

    [XmlElement("comment", Order = 1)]
    public string? Comment { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}
