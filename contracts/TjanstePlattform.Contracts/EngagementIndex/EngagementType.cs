using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.EngagementIndex;

/// <summary>
/// One engagement (engagemangspost) of <c>urn:riv:itintegration:engagementindex:1</c>: which source system
/// (<see cref="SourceSystem"/>, reached at <see cref="LogicalAddress"/>) holds information of a
/// <see cref="ServiceDomain"/> about a resident. Elements in schema order.
/// </summary>
[XmlType(TypeName = "EngagementType", Namespace = EngagementIndexNamespaces.Core)]
public sealed class EngagementType
{
    /// <summary>The person id (personnummer/samordningsnummer), 12 characters.</summary>
    [XmlElement("registeredResidentIdentification", Order = 0)]
    public string? RegisteredResidentIdentification { get; set; }

    /// <summary>The service domain, e.g. <c>riv:clinicalprocess:activityprescription:actoutcome</c>.</summary>
    [XmlElement("serviceDomain", Order = 1)]
    public string? ServiceDomain { get; set; }

    /// <summary>Categorization within the domain (e.g. <c>caa-gmh</c>); <c>NA</c> when not used.</summary>
    [XmlElement("categorization", Order = 2)]
    public string? Categorization { get; set; }

    /// <summary>Where the source system is reached (the LogicalAddress its consumers call).</summary>
    [XmlElement("logicalAddress", Order = 3)]
    public string? LogicalAddress { get; set; }

    /// <summary>Business object id; <c>NA</c> when not used.</summary>
    [XmlElement("businessObjectInstanceIdentifier", Order = 4)]
    public string? BusinessObjectInstanceIdentifier { get; set; }

    /// <summary>Clinical process interest id; <c>NA</c> when not used.</summary>
    [XmlElement("clinicalProcessInterestId", Order = 5)]
    public string? ClinicalProcessInterestId { get; set; }

    /// <summary>When the source system last got content (<c>yyyyMMddHHmmss</c>), optional.</summary>
    [XmlElement("mostRecentContent", Order = 6)]
    public string? MostRecentContent { get; set; }

    /// <summary>The HSA-id of the source system (källsystem).</summary>
    [XmlElement("sourceSystem", Order = 7)]
    public string? SourceSystem { get; set; }

    /// <summary>Set by the index (<c>yyyyMMddHHmmss</c>).</summary>
    [XmlElement("creationTime", Order = 8)]
    public string? CreationTime { get; set; }

    /// <summary>Set by the index (<c>yyyyMMddHHmmss</c>).</summary>
    [XmlElement("updateTime", Order = 9)]
    public string? UpdateTime { get; set; }

    /// <summary>The organisation number of the data controller (personuppgiftsansvarig).</summary>
    [XmlElement("dataController", Order = 10)]
    public string? DataController { get; set; }

    /// <summary>The HSA-id of the index that owns the engagement; forced by the receiving index on Update.</summary>
    [XmlElement("owner", Order = 11)]
    public string? Owner { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 12)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>One change of the index: add or update (<see cref="DeleteFlag"/> false) or remove an engagement.</summary>
[XmlType(TypeName = "EngagementTransactionType", Namespace = EngagementIndexNamespaces.Core)]
public sealed class EngagementTransactionType
{
    [XmlElement("deleteFlag", Order = 0)]
    public bool DeleteFlag { get; set; }

    [XmlElement("engagement", Order = 1)]
    public EngagementType? Engagement { get; set; }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

/// <summary><c>ResultCodeEnum</c> of the engagement index contracts (capitalised element <c>ResultCode</c>).</summary>
[XmlType(Namespace = EngagementIndexNamespaces.Core)]
public enum ResultCodeEnum
{
    OK,
    ERROR,
    INFO,
}
