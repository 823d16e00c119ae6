using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.Registry.GetLogicalAddresseesByServiceContract;

/// <summary>The namespaces of GetLogicalAddresseesByServiceContract 2 (RIVTA BP 2.1).</summary>
public static class GetLogicalAddresseesByServiceContractNamespaces
{
    public const string Responder = "urn:riv:infrastructure:itintegration:registry:GetLogicalAddresseesByServiceContractResponder:2";
    public const string Rivtabp21 = "urn:riv:infrastructure:itintegration:registry:GetLogicalAddresseesByServiceContract:2:rivtabp21";
    public const string SoapAction = Responder + ":GetLogicalAddresseesByServiceContract";
}

/// <summary>
/// GetLogicalAddresseesByServiceContract 2: for a consumer and a contract, every logical address the consumer is
/// authorized to call (with the authorization's filters). EI uses it to find its notification subscribers.
/// </summary>
[ServiceContract(Namespace = GetLogicalAddresseesByServiceContractNamespaces.Rivtabp21, Name = "GetLogicalAddresseesByServiceContractResponderInterface")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface IGetLogicalAddresseesByServiceContractResponderInterface
{
    [OperationContract(Action = GetLogicalAddresseesByServiceContractNamespaces.SoapAction, ReplyAction = "*")]
    [XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal, SupportFaults = true)]
    Task<GetLogicalAddresseesByServiceContractResponse> GetLogicalAddresseesByServiceContractAsync(GetLogicalAddresseesByServiceContractRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetLogicalAddresseesByServiceContractRequest
{
    public GetLogicalAddresseesByServiceContractRequest()
    {
    }

    public GetLogicalAddresseesByServiceContractRequest(string logicalAddress, GetLogicalAddresseesByServiceContractType body)
    {
        LogicalAddress = logicalAddress;
        GetLogicalAddresseesByServiceContract = body;
    }

    /// <summary>The HSA-id of the organisation owning the registry (the platform).</summary>
    [MessageHeader(Namespace = RegistryNamespaces.ItIntegrationRegistry1, Name = "LogicalAddress")]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Namespace = GetLogicalAddresseesByServiceContractNamespaces.Responder, Name = "GetLogicalAddresseesByServiceContract", Order = 0)]
    public GetLogicalAddresseesByServiceContractType? GetLogicalAddresseesByServiceContract { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetLogicalAddresseesByServiceContractResponse
{
    public GetLogicalAddresseesByServiceContractResponse()
    {
    }

    public GetLogicalAddresseesByServiceContractResponse(GetLogicalAddresseesByServiceContractResponseType body) => Body = body;

    [MessageBodyMember(Namespace = GetLogicalAddresseesByServiceContractNamespaces.Responder, Name = "GetLogicalAddresseesByServiceContractResponse", Order = 0)]
    public GetLogicalAddresseesByServiceContractResponseType? Body { get; set; }
}

[XmlType(Namespace = GetLogicalAddresseesByServiceContractNamespaces.Responder, TypeName = "GetLogicalAddresseesByServiceContractType")]
[XmlRoot("GetLogicalAddresseesByServiceContract", Namespace = GetLogicalAddresseesByServiceContractNamespaces.Responder)]
public sealed class GetLogicalAddresseesByServiceContractType
{
    [XmlElement("serviceConsumerHsaId", Order = 0)]
    public string ServiceConsumerHsaId { get; set; } = string.Empty;

    [XmlElement("serviceContractNameSpace", Order = 1)]
    public ServiceContractNamespaceType ServiceContractNameSpace { get; set; } = new();

    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(Namespace = GetLogicalAddresseesByServiceContractNamespaces.Responder, TypeName = "GetLogicalAddresseesByServiceContractResponseType")]
[XmlRoot("GetLogicalAddresseesByServiceContractResponse", Namespace = GetLogicalAddresseesByServiceContractNamespaces.Responder)]
public sealed class GetLogicalAddresseesByServiceContractResponseType
{
    [XmlElement("logicalAddressRecord", Order = 0)]
    public List<LogicalAddresseeRecordType> LogicalAddressRecord { get; set; } = [];

    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>One authorized logical address and the filters of its authorization.</summary>
[XmlType(Namespace = GetLogicalAddresseesByServiceContractNamespaces.Responder, TypeName = "LogicalAddresseeRecordType")]
public sealed class LogicalAddresseeRecordType
{
    [XmlElement("logicalAddress", Order = 0)]
    public string LogicalAddress { get; set; } = string.Empty;

    [XmlElement("filter", Order = 1)]
    public List<FilterType> Filter { get; set; } = [];

    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>A service domain and its categorizations (EI subscription filter).</summary>
[XmlType(Namespace = GetLogicalAddresseesByServiceContractNamespaces.Responder, TypeName = "FilterType")]
public sealed class FilterType
{
    [XmlElement("serviceDomain", DataType = "anyURI", Order = 0)]
    public string ServiceDomain { get; set; } = string.Empty;

    [XmlElement("categorization", Order = 1)]
    public List<string> Categorization { get; set; } = [];

    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}
