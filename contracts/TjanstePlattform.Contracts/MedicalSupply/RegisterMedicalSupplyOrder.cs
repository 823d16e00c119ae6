using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.MedicalSupply;

/// <summary>RegisterMedicalSupplyOrder 1: place an order (beställning) for prescribed products.</summary>
[ServiceContract(Name = "RegisterMedicalSupplyOrderResponderInterface", Namespace = MedicalSupplyNamespaces.RegisterMedicalSupplyOrderResponder)]
[XmlSerializerFormat]
public interface IRegisterMedicalSupplyOrderResponder
{
    [OperationContract(Name = "RegisterMedicalSupplyOrder", Action = MedicalSupplyNamespaces.Actions.RegisterMedicalSupplyOrder)]
    [XmlSerializerFormat]
    Task<RegisterMedicalSupplyOrderResponse> RegisterMedicalSupplyOrderAsync(RegisterMedicalSupplyOrderRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class RegisterMedicalSupplyOrderRequest
{
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Name = "RegisterMedicalSupplyOrder", Namespace = MedicalSupplyNamespaces.RegisterMedicalSupplyOrderResponder, Order = 0)]
    public RegisterMedicalSupplyOrderType Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class RegisterMedicalSupplyOrderResponse
{
    [MessageBodyMember(Name = "RegisterMedicalSupplyOrderResponse", Namespace = MedicalSupplyNamespaces.RegisterMedicalSupplyOrderResponder, Order = 0)]
    public RegisterMedicalSupplyOrderResponseType Body { get; set; } = new();
}

[XmlType("RegisterMedicalSupplyOrderType", Namespace = MedicalSupplyNamespaces.RegisterMedicalSupplyOrderResponder)]
[XmlRoot("RegisterMedicalSupplyOrder", Namespace = MedicalSupplyNamespaces.RegisterMedicalSupplyOrderResponder)]
public sealed class RegisterMedicalSupplyOrderType
{
    [XmlElement("Order", Order = 0)]
    public OrderType Order { get; set; } = new();

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

[XmlType("RegisterMedicalSupplyOrderResponseType", Namespace = MedicalSupplyNamespaces.RegisterMedicalSupplyOrderResponder)]
[XmlRoot("RegisterMedicalSupplyOrderResponse", Namespace = MedicalSupplyNamespaces.RegisterMedicalSupplyOrderResponder)]
public sealed class RegisterMedicalSupplyOrderResponseType
{
    /// <summary>The registered order items (element <c>Order</c>, type <c>OrderItemType</c>), zero or more.</summary>
    [XmlElement("Order", Order = 0)]
    public List<OrderItemType> Order { get; set; } = [];

    [XmlElement("ResultCode", Order = 1)]
    public ResultCodeEnum ResultCode { get; set; }

    [XmlElement("comment", Order = 2)]
    public string? Comment { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}
