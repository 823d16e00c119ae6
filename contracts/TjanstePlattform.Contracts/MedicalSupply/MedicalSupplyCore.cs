using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.MedicalSupply;

// Core types of crm:selfservice:medicalsupply 1.0. Element names are PascalCase on the wire.
// Optional value types (bool?, DateTime?) are left out when null: XmlSerializer would otherwise write
// xsi:nil, which the schema allows only on the two nillable elements (DeliveryChoice/DeliveryNotificationMethod,
// OrderItem/DeliveredDate); those two keep the three states absent / nil / value through a *Specified flag.

/// <summary><c>AddressType</c>: a delivery or invoice address.</summary>
[XmlType("AddressType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class AddressType
{
    [XmlElement("Receiver", Order = 0)]
    public string Receiver { get; set; } = "";

    [XmlElement("CareOfAddress", Order = 1)]
    public string? CareOfAddress { get; set; }

    [XmlElement("Street", Order = 2)]
    public string Street { get; set; } = "";

    [XmlElement("PostalCode", Order = 3)]
    public string PostalCode { get; set; } = "";

    [XmlElement("City", Order = 4)]
    public string City { get; set; } = "";

    [XmlElement("DoorCode", Order = 5)]
    public string? DoorCode { get; set; }

    [XmlElement("Phone", Order = 6)]
    public string Phone { get; set; } = "";

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 7)]
    public XmlElement[]? Any { get; set; }
}

/// <summary><c>ArticleType</c>: a product (artikel).</summary>
[XmlType("ArticleType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class ArticleType
{
    [XmlElement("ArticleNo", Order = 0)]
    public string ArticleNo { get; set; } = "";

    [XmlElement("ArticleName", Order = 1)]
    public string ArticleName { get; set; } = "";

    [XmlElement("PackageSize", Order = 2)]
    public int PackageSize { get; set; }

    [XmlElement("PackageSizeUnit", Order = 3)]
    public string? PackageSizeUnit { get; set; }

    [XmlElement("ProductArea", Order = 4)]
    public ProductAreaEnum ProductArea { get; set; }

    [XmlElement("IsOrderable", Order = 5)]
    public bool IsOrderable { get; set; }

    [XmlElement("Variety", Order = 6)]
    public string? Variety { get; set; }

    [XmlElement("ArticleImage", Order = 7)]
    public ImageType? ArticleImage { get; set; }

    /// <summary>Free text, e.g. <c>101,92 kr</c>.</summary>
    [XmlElement("GrossPrice", Order = 8)]
    public string? GrossPrice { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 9)]
    public XmlElement[]? Any { get; set; }
}

/// <summary><c>ImageType</c>: https URLs of an article image. No <c>xs:any</c> in the schema.</summary>
[XmlType("ImageType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class ImageType
{
    /// <summary>
    /// An https URI (the schema's <c>HttpsURI</c>, pattern <c>https://.+</c>). Plain text on purpose: with
    /// DataType anyURI XmlSerializer trims the value, and real messages carry whitespace around it.
    /// </summary>
    [XmlElement("Original", Order = 0)]
    public string Original { get; set; } = "";

    [XmlElement("Thumbnail", Order = 1)]
    public string Thumbnail { get; set; } = "";
}

/// <summary>
/// <c>DeliveryAlternativeType</c>: a way a prescription item may be delivered.
/// The element <c>AllowChioceOfDeliveryPoints</c> is misspelled in the normative schema and stays so on the wire.
/// </summary>
/// <remarks>The schema gives this type NO trailing <c>xs:any</c>: extra elements here are invalid.</remarks>
[XmlType("DeliveryAlternativeType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class DeliveryAlternativeType
{
    [XmlElement("DeliveryMethodId", Order = 0)]
    public string DeliveryMethodId { get; set; } = "";

    [XmlElement("DeliveryMethodName", Order = 1)]
    public string DeliveryMethodName { get; set; } = "";

    [XmlElement("DeliveryMethod", Order = 2)]
    public DeliveryMethodEnum DeliveryMethod { get; set; }

    [XmlElement("ServicePointProvider", Order = 3)]
    public ServicePointProviderEnum ServicePointProvider { get; set; }

    /// <summary>Wire name <c>AllowChioceOfDeliveryPoints</c> (sic, normative spelling).</summary>
    [XmlElement("AllowChioceOfDeliveryPoints", Order = 4)]
    public bool AllowChoiceOfDeliveryPoints { get; set; }

    [XmlElement("DeliveryNotificationMethod", Order = 5)]
    public List<DeliveryNotificationMethodEnum> DeliveryNotificationMethod { get; set; } = [];

    [XmlElement("AllowDeliveryComment", Order = 6)]
    public bool? AllowDeliveryComment { get; set; }

    [XmlElement("AllowContactPerson", Order = 7)]
    public bool? AllowContactPerson { get; set; }

    public bool ShouldSerializeAllowDeliveryComment() => AllowDeliveryComment.HasValue;

    public bool ShouldSerializeAllowContactPerson() => AllowContactPerson.HasValue;
}

/// <summary><c>DeliveryChoiceType</c>: the delivery the citizen chose for an order row.</summary>
/// <remarks>The schema gives this type NO trailing <c>xs:any</c>: extra elements here are invalid.</remarks>
[XmlType("DeliveryChoiceType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class DeliveryChoiceType
{
    private bool? deliveryNotificationMethodSpecified;

    [XmlElement("DeliveryMethodId", Order = 0)]
    public string DeliveryMethodId { get; set; } = "";

    [XmlElement("DeliveryMethod", Order = 1)]
    public DeliveryMethodEnum DeliveryMethod { get; set; }

    [XmlElement("HomeDeliveryAddress", Order = 2)]
    public AddressType? HomeDeliveryAddress { get; set; }

    [XmlElement("DeliveryPoint", Order = 3)]
    public DeliveryPointType? DeliveryPoint { get; set; }

    /// <summary>Nillable: null with <see cref="DeliveryNotificationMethodSpecified"/> true is written as <c>xsi:nil</c>.</summary>
    [XmlElement("DeliveryNotificationMethod", IsNullable = true, Order = 4)]
    public DeliveryNotificationMethodEnum? DeliveryNotificationMethod { get; set; }

    /// <summary>Whether the element is present (value or nil); defaults to "a value is set".</summary>
    [XmlIgnore]
    public bool DeliveryNotificationMethodSpecified
    {
        get => deliveryNotificationMethodSpecified ?? DeliveryNotificationMethod.HasValue;
        set => deliveryNotificationMethodSpecified = value;
    }

    [XmlElement("DeliveryNotificationReceiver", Order = 5)]
    public string? DeliveryNotificationReceiver { get; set; }

    [XmlElement("DeliveryComment", Order = 6)]
    public string? DeliveryComment { get; set; }

    [XmlElement("InvoiceAddress", Order = 7)]
    public AddressType? InvoiceAddress { get; set; }

    [XmlElement("ContactPerson", Order = 8)]
    public string? ContactPerson { get; set; }
}

/// <summary><c>DeliveryPointType</c>: a pick-up point (utlämningsställe / ombud).</summary>
[XmlType("DeliveryPointType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class DeliveryPointType
{
    [XmlElement("DeliveryPointId", Order = 0)]
    public string DeliveryPointId { get; set; } = "";

    [XmlElement("DeliveryPointName", Order = 1)]
    public string DeliveryPointName { get; set; } = "";

    [XmlElement("DeliveryPointAddress", Order = 2)]
    public string DeliveryPointAddress { get; set; } = "";

    [XmlElement("DeliveryPointPostalCode", Order = 3)]
    public string DeliveryPointPostalCode { get; set; } = "";

    [XmlElement("DeliveryPointCity", Order = 4)]
    public string DeliveryPointCity { get; set; } = "";

    [XmlElement("CountryCode", Order = 5)]
    public CountryCodeEnum CountryCode { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 6)]
    public XmlElement[]? Any { get; set; }
}

/// <summary><c>OrderItemType</c>: an order that has been placed (uttag), as answered by the producer.</summary>
[XmlType("OrderItemType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class OrderItemType
{
    private bool? deliveredDateSpecified;

    [XmlElement("OrderItemId", Order = 0)]
    public string OrderItemId { get; set; } = "";

    [XmlElement("PrescriptionItemId", Order = 1)]
    public string PrescriptionItemId { get; set; } = "";

    [XmlElement("DeliveryChoice", Order = 2)]
    public DeliveryChoiceType DeliveryChoice { get; set; } = new();

    [XmlElement("Article", Order = 3)]
    public ArticleType Article { get; set; } = new();

    [XmlElement("NoOfPcs", Order = 4)]
    public int NoOfPcs { get; set; }

    /// <summary><c>xs:date</c>.</summary>
    [XmlElement("OrderDate", DataType = "date", Order = 5)]
    public DateTime OrderDate { get; set; }

    /// <summary>Nillable <c>xs:date</c>: null with <see cref="DeliveredDateSpecified"/> true is written as <c>xsi:nil</c>.</summary>
    [XmlElement("DeliveredDate", DataType = "date", IsNullable = true, Order = 6)]
    public DateTime? DeliveredDate { get; set; }

    /// <summary>Whether the element is present (value or nil); defaults to "a value is set".</summary>
    [XmlIgnore]
    public bool DeliveredDateSpecified
    {
        get => deliveredDateSpecified ?? DeliveredDate.HasValue;
        set => deliveredDateSpecified = value;
    }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 7)]
    public XmlElement[]? Any { get; set; }
}

/// <summary><c>OrderRowType</c>: one row of an order the citizen places.</summary>
[XmlType("OrderRowType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class OrderRowType
{
    [XmlElement("PrescriptionId", Order = 0)]
    public string PrescriptionId { get; set; } = "";

    [XmlElement("PrescriptionItemId", Order = 1)]
    public string PrescriptionItemId { get; set; } = "";

    [XmlElement("DeliveryChoice", Order = 2)]
    public DeliveryChoiceType DeliveryChoice { get; set; } = new();

    [XmlElement("Article", Order = 3)]
    public ArticleType Article { get; set; } = new();

    [XmlElement("NoOfPackages", Order = 4)]
    public int NoOfPackages { get; set; }

    [XmlElement("NoOfPcs", Order = 5)]
    public int NoOfPcs { get; set; }

    /// <summary>The system the prescription comes from (e.g. <c>BP</c>).</summary>
    [XmlElement("Source", Order = 6)]
    public string Source { get; set; } = "";

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 7)]
    public XmlElement[]? Any { get; set; }
}

/// <summary><c>OrderType</c>: an order (beställning) with its rows.</summary>
[XmlType("OrderType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class OrderType
{
    [XmlElement("SubjectOfCareId", Order = 0)]
    public string SubjectOfCareId { get; set; } = "";

    /// <summary>Name of the person placing the order.</summary>
    [XmlElement("Orderer", Order = 1)]
    public string Orderer { get; set; } = "";

    /// <summary>True when an agent (ombud) orders for the citizen. Mandatory on the wire (schema default false).</summary>
    [XmlElement("OrderByDelegate", Order = 2)]
    public bool OrderByDelegate { get; set; }

    /// <summary>One or more rows.</summary>
    [XmlElement("OrderRow", Order = 3)]
    public List<OrderRowType> OrderRow { get; set; } = [];

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 4)]
    public XmlElement[]? Any { get; set; }
}

/// <summary><c>PrescriberType</c>: who prescribed (förskrivare).</summary>
[XmlType("PrescriberType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class PrescriberType
{
    [XmlElement("PrescriberId", Order = 0)]
    public string PrescriberId { get; set; } = "";

    [XmlElement("PrescriberName", Order = 1)]
    public string PrescriberName { get; set; } = "";

    [XmlElement("PrescriberTitle", Order = 2)]
    public string? PrescriberTitle { get; set; }

    [XmlElement("PrescriberCode", Order = 3)]
    public string? PrescriberCode { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 4)]
    public XmlElement[]? Any { get; set; }
}

/// <summary><c>PrescribingOrganizationType</c>: the prescribing care unit.</summary>
[XmlType("PrescribingOrganizationType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class PrescribingOrganizationType
{
    [XmlElement("PrescribingOrganizationId", Order = 0)]
    public string PrescribingOrganizationId { get; set; } = "";

    [XmlElement("PrescribingOrganizationName", Order = 1)]
    public string PrescribingOrganizationName { get; set; } = "";

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

/// <summary><c>PrescriptionItemType</c>: one prescribed product (förskrivningspost) the citizen can order from.</summary>
/// <remarks>The schema gives this type NO trailing <c>xs:any</c> (1.0 replaced it with GrossPrice and AllowOtherInvoiceAddress).</remarks>
[XmlType("PrescriptionItemType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class PrescriptionItemType
{
    [XmlElement("PrescriptionItemId", Order = 0)]
    public string PrescriptionItemId { get; set; } = "";

    [XmlElement("Article", Order = 1)]
    public ArticleType Article { get; set; } = new();

    [XmlElement("NoOfOrders", Order = 2)]
    public int NoOfOrders { get; set; }

    [XmlElement("NoOfRemainingOrders", Order = 3)]
    public int NoOfRemainingOrders { get; set; }

    [XmlElement("NoOfArticlesPerOrder", Order = 4)]
    public int NoOfArticlesPerOrder { get; set; }

    [XmlElement("NoOfPackagesPerOrder", Order = 5)]
    public int NoOfPackagesPerOrder { get; set; }

    [XmlElement("SubArticle", Order = 6)]
    public List<ArticleType> SubArticle { get; set; } = [];

    /// <summary>One or more.</summary>
    [XmlElement("DeliveryAlternative", Order = 7)]
    public List<DeliveryAlternativeType> DeliveryAlternative { get; set; } = [];

    /// <summary>Optional <c>xs:date</c>.</summary>
    [XmlElement("NextEarliestOrderDate", DataType = "date", Order = 8)]
    public DateTime? NextEarliestOrderDate { get; set; }

    [XmlElement("PrescriptionId", Order = 9)]
    public string PrescriptionId { get; set; } = "";

    [XmlElement("Source", Order = 10)]
    public string Source { get; set; } = "";

    [XmlElement("Prescriber", Order = 11)]
    public PrescriberType Prescriber { get; set; } = new();

    [XmlElement("PrescribingOrganization", Order = 12)]
    public PrescribingOrganizationType PrescribingOrganization { get; set; } = new();

    /// <summary><c>xs:date</c>.</summary>
    [XmlElement("LastValidDate", DataType = "date", Order = 13)]
    public DateTime LastValidDate { get; set; }

    [XmlElement("Status", Order = 14)]
    public StatusEnum Status { get; set; }

    [XmlElement("GrossPrice", Order = 15)]
    public string? GrossPrice { get; set; }

    [XmlElement("AllowOtherInvoiceAddress", Order = 16)]
    public bool? AllowOtherInvoiceAddress { get; set; }

    public bool ShouldSerializeNextEarliestOrderDate() => NextEarliestOrderDate.HasValue;

    public bool ShouldSerializeAllowOtherInvoiceAddress() => AllowOtherInvoiceAddress.HasValue;
}

/// <summary><c>SubjectOfCareType</c>: a citizen's prescription items and recent orders.</summary>
[XmlType("SubjectOfCareType", Namespace = MedicalSupplyNamespaces.Core)]
public sealed class SubjectOfCareType
{
    [XmlElement("SubjectOfCareId", Order = 0)]
    public string SubjectOfCareId { get; set; } = "";

    [XmlElement("PrescriptionItem", Order = 1)]
    public List<PrescriptionItemType> PrescriptionItem { get; set; } = [];

    [XmlElement("OrderItem", Order = 2)]
    public List<OrderItemType> OrderItem { get; set; } = [];

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}
