using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;

[XmlType(TypeName = "RelationType", Namespace = ActOutcomeNamespaces.Core21)]
public sealed class RelationType
{
    [XmlElement("code", Order = 0)]
    public CVType Code { get; set; } = new();

    [XmlElement("referredInformation", Order = 1)]
    public List<RelationReferredInformationType> ReferredInformation { get; set; } = [];

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "ReferredInformationType", Namespace = ActOutcomeNamespaces.Core21)]
public sealed class RelationReferredInformationType
{
    [XmlElement("id", Order = 0)]
    public IIType Id { get; set; } = new();

    [XmlElement("type", Order = 1)]
    public CVType Type { get; set; } = new();

    [XmlElement("informationOwner", Order = 2)]
    public InformationOwnerType InformationOwner { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}
