using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.MedicalSupply;

/// <summary>GetMedicalSupplyPrescriptions 1: a citizen's prescription items (förskrivningar) and recent orders.</summary>
[ServiceContract(Name = "GetMedicalSupplyPrescriptionsResponderInterface", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyPrescriptionsResponder)]
[XmlSerializerFormat]
public interface IGetMedicalSupplyPrescriptionsResponder
{
    [OperationContract(Name = "GetMedicalSupplyPrescriptions", Action = MedicalSupplyNamespaces.Actions.GetMedicalSupplyPrescriptions)]
    [XmlSerializerFormat]
    Task<GetMedicalSupplyPrescriptionsResponse> GetMedicalSupplyPrescriptionsAsync(GetMedicalSupplyPrescriptionsRequest request);
}

/// <summary>The request message: LogicalAddress header (the region's ordering system), no Actor header in this contract.</summary>
[MessageContract(IsWrapped = false)]
public sealed class GetMedicalSupplyPrescriptionsRequest
{
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Name = "GetMedicalSupplyPrescriptions", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyPrescriptionsResponder, Order = 0)]
    public GetMedicalSupplyPrescriptionsType Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetMedicalSupplyPrescriptionsResponse
{
    [MessageBodyMember(Name = "GetMedicalSupplyPrescriptionsResponse", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyPrescriptionsResponder, Order = 0)]
    public GetMedicalSupplyPrescriptionsResponseType Body { get; set; } = new();
}

[XmlType("GetMedicalSupplyPrescriptionsType", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyPrescriptionsResponder)]
[XmlRoot("GetMedicalSupplyPrescriptions", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyPrescriptionsResponder)]
public sealed class GetMedicalSupplyPrescriptionsType
{
    [XmlElement("SubjectOfCareId", Order = 0)]
    public string SubjectOfCareId { get; set; } = "";

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

[XmlType("GetMedicalSupplyPrescriptionsResponseType", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyPrescriptionsResponder)]
[XmlRoot("GetMedicalSupplyPrescriptionsResponse", Namespace = MedicalSupplyNamespaces.GetMedicalSupplyPrescriptionsResponder)]
public sealed class GetMedicalSupplyPrescriptionsResponseType
{
    /// <summary>The element is literally named <c>SubjectOfCareType</c> in the contract.</summary>
    [XmlElement("SubjectOfCareType", Order = 0)]
    public SubjectOfCareType? SubjectOfCare { get; set; }

    [XmlElement("ResultCode", Order = 1)]
    public ResultCodeEnum ResultCode { get; set; }

    /// <summary>Lower-case <c>comment</c>, as in the contract.</summary>
    [XmlElement("comment", Order = 2)]
    public string? Comment { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}
