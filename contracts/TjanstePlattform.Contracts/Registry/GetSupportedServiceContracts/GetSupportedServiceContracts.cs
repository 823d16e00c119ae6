using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.Registry.GetSupportedServiceContracts;

/// <summary>The namespaces of GetSupportedServiceContracts 2 (RIVTA BP 2.1).</summary>
public static class GetSupportedServiceContractsNamespaces
{
    public const string Responder = "urn:riv:infrastructure:itintegration:registry:GetSupportedServiceContractsResponder:2";
    public const string Rivtabp21 = "urn:riv:infrastructure:itintegration:registry:GetSupportedServiceContracts:2:rivtabp21";
    public const string SoapAction = Responder + ":GetSupportedServiceContracts";
}

/// <summary>GetSupportedServiceContracts 2: the contracts that can be called at a logical address (optionally by one consumer).</summary>
[ServiceContract(Namespace = GetSupportedServiceContractsNamespaces.Rivtabp21, Name = "GetSupportedServiceContractsResponderInterface")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface IGetSupportedServiceContractsResponderInterface
{
    [OperationContract(Action = GetSupportedServiceContractsNamespaces.SoapAction, ReplyAction = "*")]
    [XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal, SupportFaults = true)]
    Task<GetSupportedServiceContractsResponse> GetSupportedServiceContractsAsync(GetSupportedServiceContractsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetSupportedServiceContractsRequest
{
    public GetSupportedServiceContractsRequest()
    {
    }

    public GetSupportedServiceContractsRequest(string logicalAddress, GetSupportedServiceContractsType body)
    {
        LogicalAddress = logicalAddress;
        GetSupportedServiceContracts = body;
    }

    [MessageHeader(Namespace = RegistryNamespaces.ItIntegrationRegistry1, Name = "LogicalAddress")]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Namespace = GetSupportedServiceContractsNamespaces.Responder, Name = "GetSupportedServiceContracts", Order = 0)]
    public GetSupportedServiceContractsType? GetSupportedServiceContracts { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetSupportedServiceContractsResponse
{
    public GetSupportedServiceContractsResponse()
    {
    }

    public GetSupportedServiceContractsResponse(GetSupportedServiceContractsResponseType body) => Body = body;

    [MessageBodyMember(Namespace = GetSupportedServiceContractsNamespaces.Responder, Name = "GetSupportedServiceContractsResponse", Order = 0)]
    public GetSupportedServiceContractsResponseType? Body { get; set; }
}

[XmlType(Namespace = GetSupportedServiceContractsNamespaces.Responder, TypeName = "GetSupportedServiceContractsType")]
[XmlRoot("GetSupportedServiceContracts", Namespace = GetSupportedServiceContractsNamespaces.Responder)]
public sealed class GetSupportedServiceContractsType
{
    /// <summary>Optional: only contracts this consumer is authorized for.</summary>
    [XmlElement("serviceConsumerHsaId", Order = 0)]
    public string? ServiceConsumerHsaId { get; set; }

    /// <summary>The logical address asked about. The contract spells the element <c>logicalAdress</c> (one d): keep it.</summary>
    [XmlElement("logicalAdress", Order = 1)]
    public string LogicalAdress { get; set; } = string.Empty;

    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(Namespace = GetSupportedServiceContractsNamespaces.Responder, TypeName = "GetSupportedServiceContractsResponseType")]
[XmlRoot("GetSupportedServiceContractsResponse", Namespace = GetSupportedServiceContractsNamespaces.Responder)]
public sealed class GetSupportedServiceContractsResponseType
{
    [XmlElement("serviceContractNamespace", Order = 0)]
    public List<ServiceContractNamespaceType> ServiceContractNamespace { get; set; } = [];

    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}
