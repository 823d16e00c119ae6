using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.RequestStatus.GetRequestActivities;

[XmlType(TypeName = "GetRequestActivitiesType", Namespace = RequestStatusNamespaces.GetRequestActivitiesResponder)]
public sealed class GetRequestActivitiesType
{
    [XmlElement("subjectOfCareId", Order = 0)]
    public string SubjectOfCareId { get; set; } = "";

    [XmlElement("careUnitId", Order = 1)]
    public List<string> CareUnitId { get; set; } = [];

    [XmlElement("typeOfRequest", Order = 2)]
    public List<RequestTypeCodeEnum> TypeOfRequest { get; set; } = [];

    [XmlElement("fromDate", Order = 3)]
    public string? FromDate { get; set; }

    [XmlElement("toDate", Order = 4)]
    public string? ToDate { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 5)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "GetRequestActivitiesResponseType", Namespace = RequestStatusNamespaces.GetRequestActivitiesResponder)]
public sealed class GetRequestActivitiesResponseType
{
    [XmlElement("requestActivity", Order = 0)]
    public List<RequestActivityType> RequestActivity { get; set; } = [];

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}
