using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.MedicalSupply;

/// <summary>GetMedicalSupplyDeliveryPoints 1: pick-up points (utlämningsställen) near a postal code.</summary>
[ServiceContract(Name = "GetMedicalSupplyDeliveryPointsResponderInterface", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyDeliveryPointsResponder)]
[XmlSerializerFormat]
public interface IGetMedicalSupplyDeliveryPointsResponder
{
    [OperationContract(Name = "GetMedicalSupplyDeliveryPoints", Action = MedicalSupplyNamespaces.Actions.GetMedicalSupplyDeliveryPoints)]
    [XmlSerializerFormat]
    Task<GetMedicalSupplyDeliveryPointsResponse> GetMedicalSupplyDeliveryPointsAsync(GetMedicalSupplyDeliveryPointsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetMedicalSupplyDeliveryPointsRequest
{
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Name = "GetMedicalSupplyDeliveryPoints", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyDeliveryPointsResponder, Order = 0)]
    public GetMedicalSupplyDeliveryPointsType Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetMedicalSupplyDeliveryPointsResponse
{
    [MessageBodyMember(Name = "GetMedicalSupplyDeliveryPointsResponse", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyDeliveryPointsResponder, Order = 0)]
    public GetMedicalSupplyDeliveryPointsResponseType Body { get; set; } = new();
}

[XmlType("GetMedicalSupplyDeliveryPointsType", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyDeliveryPointsResponder)]
[XmlRoot("GetMedicalSupplyDeliveryPoints", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyDeliveryPointsResponder)]
public sealed class GetMedicalSupplyDeliveryPointsType
{
    [XmlElement("PostalCode", Order = 0)]
    public string PostalCode { get; set; } = "";

    [XmlElement("ServicePointProvider", Order = 1)]
    public ServicePointProviderEnum ServicePointProvider { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType("GetMedicalSupplyDeliveryPointsResponseType", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyDeliveryPointsResponder)]
[XmlRoot("GetMedicalSupplyDeliveryPointsResponse", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyDeliveryPointsResponder)]
public sealed class GetMedicalSupplyDeliveryPointsResponseType
{
    /// <summary>At most 10 (schema maxOccurs).</summary>
    [XmlElement("DeliveryPoint", Order = 0)]
    public List<DeliveryPointType> DeliveryPoint { get; set; } = [];

    [XmlElement("ResultCode", Order = 1)]
    public ResultCodeEnum ResultCode { get; set; }

    [XmlElement("comment", Order = 2)]
    public string? Comment { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}
