using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.RequestStatus;

/// <summary>
/// One event in the life of a request (remiss, vårdbegäran …) as a source system reports it.
/// Timestamps (<c>eventTime</c>) are <c>YYYYMMDDhhmmss</c>; <c>subjectOfCareId</c> is a 12-digit person id.
/// </summary>
[XmlType(TypeName = "RequestActivityType", Namespace = RequestStatusNamespaces.Core)]
public sealed class RequestActivityType
{
    [XmlElement("subjectOfCareId", Order = 0)]
    public string SubjectOfCareId { get; set; } = "";

    [XmlElement("senderRequestId", Order = 1)]
    public string? SenderRequestId { get; set; }

    [XmlElement("receiverRequestId", Order = 2)]
    public string? ReceiverRequestId { get; set; }

    [XmlElement("typeOfRequest", Order = 3)]
    public RequestTypeCodeEnum TypeOfRequest { get; set; }

    [XmlElement("requestMedium", Order = 4)]
    public SubmissionMediumCodeEnum? RequestMedium { get; set; }

    public bool ShouldSerializeRequestMedium() => RequestMedium.HasValue;

    [XmlElement("requestIssuedByPersonName", Order = 5)]
    public string? RequestIssuedByPersonName { get; set; }

    [XmlElement("requestIssuedByOrganizationalUnitId", Order = 6)]
    public string? RequestIssuedByOrganizationalUnitId { get; set; }

    [XmlElement("requestIssuedByOrganizationalUnitDescription", Order = 7)]
    public string? RequestIssuedByOrganizationalUnitDescription { get; set; }

    [XmlElement("receivingPersonName", Order = 8)]
    public string? ReceivingPersonName { get; set; }

    [XmlElement("receivingOrganizationalUnitId", Order = 9)]
    public string? ReceivingOrganizationalUnitId { get; set; }

    [XmlElement("receivingOrganizationalUnitDescription", Order = 10)]
    public string? ReceivingOrganizationalUnitDescription { get; set; }

    [XmlElement("careUnit", Order = 11)]
    public string? CareUnit { get; set; }

    [XmlElement("logicalSystemId", Order = 12)]
    public string LogicalSystemId { get; set; } = "";

    [XmlElement("statusCode", Order = 13)]
    public StatusCodeEnum StatusCode { get; set; }

    [XmlElement("eventTime", Order = 14)]
    public string EventTime { get; set; } = "";

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 15)]
    public XmlElement[]? Any { get; set; }
}

/// <summary><c>RequestTypeCodeEnum</c>: the kind of request, codes 1–10.</summary>
[XmlType(Namespace = RequestStatusNamespaces.Core)]
public enum RequestTypeCodeEnum
{
    [XmlEnum("1")] Type1 = 1,
    [XmlEnum("2")] Type2 = 2,
    [XmlEnum("3")] Type3 = 3,
    [XmlEnum("4")] Type4 = 4,
    [XmlEnum("5")] Type5 = 5,
    [XmlEnum("6")] Type6 = 6,
    [XmlEnum("7")] Type7 = 7,
    [XmlEnum("8")] Type8 = 8,
    [XmlEnum("9")] Type9 = 9,
    [XmlEnum("10")] Type10 = 10,
}

/// <summary><c>SubmissionMediumCodeEnum</c>: how the request was submitted, codes 1–10.</summary>
[XmlType(Namespace = RequestStatusNamespaces.Core)]
public enum SubmissionMediumCodeEnum
{
    [XmlEnum("1")] Medium1 = 1,
    [XmlEnum("2")] Medium2 = 2,
    [XmlEnum("3")] Medium3 = 3,
    [XmlEnum("4")] Medium4 = 4,
    [XmlEnum("5")] Medium5 = 5,
    [XmlEnum("6")] Medium6 = 6,
    [XmlEnum("7")] Medium7 = 7,
    [XmlEnum("8")] Medium8 = 8,
    [XmlEnum("9")] Medium9 = 9,
    [XmlEnum("10")] Medium10 = 10,
}

/// <summary>
/// <c>StatusCodeEnum</c> of crm:requeststatus: the request's status; the numeric value is the wire code.
/// Same name as the interoperability headers' <c>StatusCodeEnum</c> (as in the schemas): alias one of
/// them where both namespaces are imported.
/// </summary>
[XmlType(Namespace = RequestStatusNamespaces.Core)]
public enum StatusCodeEnum
{
    [XmlEnum("10")] Status10 = 10,
    [XmlEnum("20")] Status20 = 20,
    [XmlEnum("30")] Status30 = 30,
    [XmlEnum("40")] Status40 = 40,
    [XmlEnum("50")] Status50 = 50,
    [XmlEnum("60")] Status60 = 60,
    [XmlEnum("70")] Status70 = 70,
    [XmlEnum("80")] Status80 = 80,
    [XmlEnum("90")] Status90 = 90,
    [XmlEnum("100")] Status100 = 100,
    [XmlEnum("110")] Status110 = 110,
    [XmlEnum("120")] Status120 = 120,
    [XmlEnum("126")] Status126 = 126,
    [XmlEnum("130")] Status130 = 130,
    [XmlEnum("136")] Status136 = 136,
    [XmlEnum("140")] Status140 = 140,
    [XmlEnum("150")] Status150 = 150,
    [XmlEnum("160")] Status160 = 160,
    [XmlEnum("170")] Status170 = 170,
}

// The schema also declares a ResultCodeEnum (OK/ERROR/INFO) that no GetRequestActivities message uses;
// it is deliberately not mapped, so it cannot clash with the ResultCodeEnum of other domains.
