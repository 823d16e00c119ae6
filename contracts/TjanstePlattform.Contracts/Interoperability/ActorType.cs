using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.Interoperability;

/// <summary>
/// The <c>{urn:riv:interoperability:headers:1}Actor</c> header: who the call is made for
/// (a citizen, or someone acting on a citizen's behalf, e.g. in 1177 e-tjänster).
/// </summary>
[XmlType(TypeName = "ActorType", Namespace = HeaderNamespaces.InteroperabilityHeaders)]
[XmlRoot(HeaderNamespaces.ActorElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
public sealed class ActorType
{
    /// <summary>Wire value <c>subject_of_care</c>.</summary>
    public const string SubjectOfCare = "subject_of_care";

    /// <summary>Wire value <c>subject_of_care_agent</c>.</summary>
    public const string SubjectOfCareAgent = "subject_of_care_agent";

    /// <summary><c>actorId</c>: the actor's identity, typically a personal identity number.</summary>
    [XmlElement("actorId", Order = 0)]
    public string ActorId { get; set; } = "";

    /// <summary>
    /// <c>actorType</c> as sent on the wire. Kept as text because real callers send values outside the
    /// enumeration (the official aggregating-service test request sends the personnummer OID
    /// <c>1.2.752.129.2.1.3.1</c>); the reference (JAXB) reads those as null instead of failing the call,
    /// so a typed enum here would turn a tolerated request into a fault. Use <see cref="Kind"/> for the typed value.
    /// </summary>
    [XmlElement("actorType", Order = 1)]
    public string ActorTypeValue { get; set; } = SubjectOfCare;

    /// <summary>The typed <c>actorType</c>; null when the wire value is not one of the enumeration.</summary>
    [XmlIgnore]
    public ActorTypeEnum? Kind
    {
        get => ActorTypeValue switch
        {
            SubjectOfCare => ActorTypeEnum.SubjectOfCare,
            SubjectOfCareAgent => ActorTypeEnum.SubjectOfCareAgent,
            _ => null,
        };
        set => ActorTypeValue = value switch
        {
            ActorTypeEnum.SubjectOfCare => SubjectOfCare,
            ActorTypeEnum.SubjectOfCareAgent => SubjectOfCareAgent,
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "actorType must be set to a value of the enumeration."),
        };
    }

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>The <c>ActorTypeEnum</c> of the interoperability headers.</summary>
[XmlType(Namespace = HeaderNamespaces.InteroperabilityHeaders)]
public enum ActorTypeEnum
{
    /// <summary>The citizen the information is about (vårdtagare).</summary>
    [XmlEnum("subject_of_care")]
    SubjectOfCare,

    /// <summary>Someone acting on the citizen's behalf (ombud).</summary>
    [XmlEnum("subject_of_care_agent")]
    SubjectOfCareAgent,
}
