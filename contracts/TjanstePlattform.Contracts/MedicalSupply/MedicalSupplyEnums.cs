using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.MedicalSupply;

// The wire values are Swedish and several carry Å/Ä/Ö: they are written and read as UTF-8 exactly as
// the schema spells them, so every member names its wire value with [XmlEnum].

/// <summary><c>CountryCodeEnum</c>: only <c>SE</c>.</summary>
[XmlType("CountryCodeEnum", Namespace = MedicalSupplyNamespaces.Core)]
public enum CountryCodeEnum
{
    [XmlEnum("SE")]
    Se,
}

/// <summary><c>DeliveryMethodEnum</c> (leveranssätt).</summary>
[XmlType("DeliveryMethodEnum", Namespace = MedicalSupplyNamespaces.Core)]
public enum DeliveryMethodEnum
{
    /// <summary>Pick-up point (utlämningsställe).</summary>
    [XmlEnum("UTLÄMNINGSSTÄLLE")]
    Utlamningsstalle,

    /// <summary>Home delivery (hemleverans).</summary>
    [XmlEnum("HEMLEVERANS")]
    Hemleverans,
}

/// <summary><c>DeliveryNotificationMethodEnum</c> (aviseringssätt).</summary>
[XmlType("DeliveryNotificationMethodEnum", Namespace = MedicalSupplyNamespaces.Core)]
public enum DeliveryNotificationMethodEnum
{
    [XmlEnum("E-POST")]
    EPost,

    [XmlEnum("BREV")]
    Brev,

    [XmlEnum("TELEFON")]
    Telefon,

    [XmlEnum("SMS")]
    Sms,
}

/// <summary><c>ProductAreaEnum</c> (produktområde).</summary>
[XmlType("ProductAreaEnum", Namespace = MedicalSupplyNamespaces.Core)]
public enum ProductAreaEnum
{
    [XmlEnum("STOMI")]
    Stomi,

    [XmlEnum("DIABETES")]
    Diabetes,

    [XmlEnum("INKONTINENS")]
    Inkontinens,

    /// <summary>Wound care (särnär).</summary>
    [XmlEnum("SÄRNÄR")]
    Sarnar,

    /// <summary>Added in 1.0 (not in 0.1).</summary>
    [XmlEnum("NUTRITION")]
    Nutrition,
}

/// <summary><c>ResultCodeEnum</c> (the contract's <c>ResultCode</c> element, PascalCase generation).</summary>
[XmlType("ResultCodeEnum", Namespace = MedicalSupplyNamespaces.Core)]
public enum ResultCodeEnum
{
    [XmlEnum("OK")]
    Ok,

    [XmlEnum("ERROR")]
    Error,

    [XmlEnum("INFO")]
    Info,
}

/// <summary><c>ServicePointProviderEnum</c> (ombudsleverantör).</summary>
[XmlType("ServicePointProviderEnum", Namespace = MedicalSupplyNamespaces.Core)]
public enum ServicePointProviderEnum
{
    [XmlEnum("INGEN")]
    Ingen,

    [XmlEnum("DHL")]
    Dhl,

    [XmlEnum("POSTNORD")]
    Postnord,

    [XmlEnum("SCHENKER")]
    Schenker,
}

/// <summary><c>StatusEnum</c> of a prescription item (förskrivningsstatus).</summary>
[XmlType("StatusEnum", Namespace = MedicalSupplyNamespaces.Core)]
public enum StatusEnum
{
    [XmlEnum("AKTIV")]
    Aktiv,

    [XmlEnum("MAKULERAD")]
    Makulerad,

    [XmlEnum("LEVERERAD")]
    Levererad,

    /// <summary>Expired (utgått).</summary>
    [XmlEnum("UTGÅTT")]
    Utgatt,
}
