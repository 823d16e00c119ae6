using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.Interoperability;

/// <summary>
/// The <c>{urn:riv:interoperability:headers:1}ProcessingStatus</c> header an aggregating service
/// answers with: one record per source system (logical address) it asked.
/// </summary>
[XmlType(TypeName = "ProcessingStatusType", Namespace = HeaderNamespaces.InteroperabilityHeaders)]
[XmlRoot(HeaderNamespaces.ProcessingStatusElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
public sealed class ProcessingStatusType
{
    /// <summary><c>ProcessingStatusList</c> (repeated element, capitalised as in the schema).</summary>
    [XmlElement("ProcessingStatusList", Order = 0)]
    public List<ProcessingStatusRecordType> ProcessingStatusList { get; set; } = [];

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>One source system's status in a <see cref="ProcessingStatusType"/>.</summary>
[XmlType(TypeName = "ProcessingStatusRecordType", Namespace = HeaderNamespaces.InteroperabilityHeaders)]
public sealed class ProcessingStatusRecordType
{
    /// <summary>Logical address of the source system of this record.</summary>
    [XmlElement("logicalAddress", Order = 0)]
    public string LogicalAddress { get; set; } = "";

    [XmlElement("statusCode", Order = 1)]
    public StatusCodeEnum StatusCode { get; set; }

    [XmlElement("isResponseFromCache", Order = 2)]
    public bool IsResponseFromCache { get; set; }

    [XmlElement("isResponseInSynch", Order = 3)]
    public bool IsResponseInSynch { get; set; }

    /// <summary>Required by the schema, but an <c>xs:string</c> that is empty when there never was a successful call.</summary>
    [XmlElement("lastSuccessfulSynch", Order = 4)]
    public string LastSuccessfulSynch { get; set; } = "";

    /// <summary>Only when <see cref="IsResponseInSynch"/> is false.</summary>
    [XmlElement("lastUnsuccessfulSynch", Order = 5)]
    public string? LastUnsuccessfulSynch { get; set; }

    /// <summary>Only when <see cref="IsResponseInSynch"/> is false.</summary>
    [XmlElement("lastUnsuccessfulSynchError", Order = 6)]
    public LastUnsuccessfulSynchErrorType? LastUnsuccessfulSynchError { get; set; }
}

/// <summary>Why the call to a source system failed.</summary>
[XmlType(TypeName = "LastUnsuccessfulSynchErrorType", Namespace = HeaderNamespaces.InteroperabilityHeaders)]
public sealed class LastUnsuccessfulSynchErrorType
{
    [XmlElement("causingAgent", Order = 0)]
    public CausingAgentEnum CausingAgent { get; set; }

    [XmlElement("code", Order = 1)]
    public string Code { get; set; } = "";

    [XmlElement("text", Order = 2)]
    public string Text { get; set; } = "";

    /// <summary><c>xs:any namespace="##other"</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>The four status codes of a processing-status record.</summary>
[XmlType(Namespace = HeaderNamespaces.InteroperabilityHeaders)]
public enum StatusCodeEnum
{
    /// <summary>Nothing cached; up-to-date data fetched from the source system.</summary>
    DataFromSource,

    /// <summary>Up-to-date data from the cache; the source system was not called.</summary>
    DataFromCache,

    /// <summary>The source system call failed; possibly stale data from the cache.</summary>
    DataFromCacheSynchFailed,

    /// <summary>The source system call failed and nothing was cached.</summary>
    NoDataSynchFailed,
}

/// <summary>The component that failed, in a <see cref="LastUnsuccessfulSynchErrorType"/>.</summary>
[XmlType(Namespace = HeaderNamespaces.InteroperabilityHeaders)]
public enum CausingAgentEnum
{
    [XmlEnum("service_catalog")]
    ServiceCatalog,

    [XmlEnum("virtualization_platform")]
    VirtualizationPlatform,

    [XmlEnum("service_producer")]
    ServiceProducer,

    [XmlEnum("engagement_index")]
    EngagementIndex,

    [XmlEnum("other")]
    Other,
}
