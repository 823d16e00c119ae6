using System.Security;
using System.Text;
using System.Xml.Linq;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Aggregation.Tests.Support;

/// <summary>Hand-written RIVTA envelopes (and official samples) for the three aggregated contracts.</summary>
internal static class Payloads
{
    public const string National = "5565594230";
    public const string Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Registry = "urn:riv:itintegration:registry:1";
    public const string Headers = "urn:riv:interoperability:headers:1";
    public const string Gmh = BuiltInContracts.GetMedicationHistoryNamespace;
    public const string GmhCore = "urn:riv:clinicalprocess:activityprescription:actoutcome:2";
    public const string Schedule = BuiltInContracts.GetSubjectOfCareScheduleNamespace;
    public const string ScheduleCore = "urn:riv:crm:scheduling:1";
    public const string Requests = BuiltInContracts.GetRequestActivitiesNamespace;
    public const string RequestsCore = "urn:riv:crm:requeststatus:1";

    /// <summary>An element in a namespace no contract knows: extensions must pass through untouched.</summary>
    public const string ExtensionNamespace = "urn:example:extension:1";

    public const string GmhRouterPath = "clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21";
    public const string ScheduleRouterPath = "crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21";
    public const string RequestsRouterPath = "crm/requeststatus/GetRequestActivities/1/rivtabp21";

    public static string Envelope(string? logicalAddress, string body, string extraHeaders = "") =>
        $"<soapenv:Envelope xmlns:soapenv=\"{Soap}\" xmlns:reg=\"{Registry}\"><soapenv:Header>{extraHeaders}" +
        (logicalAddress is null ? "" : $"<reg:LogicalAddress>{SecurityElement.Escape(logicalAddress)}</reg:LogicalAddress>") +
        $"</soapenv:Header><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";

    public static string GmhRequest(string patient, string? sourceSystem = null, string logicalAddress = National) => Envelope(logicalAddress,
        $"<urn1:GetMedicationHistory xmlns:urn1=\"{Gmh}\" xmlns:urn2=\"{GmhCore}\">" +
        $"<urn1:patientId><urn2:id>{patient}</urn2:id><urn2:type>1.2.752.129.2.1.3.1</urn2:type></urn1:patientId>" +
        (sourceSystem is null ? "" : $"<urn1:sourceSystemHSAId>{sourceSystem}</urn1:sourceSystemHSAId>") +
        $"<x:consumerNote xmlns:x=\"{ExtensionNamespace}\">kept</x:consumerNote>" +
        "</urn1:GetMedicationHistory>");

    /// <summary>
    /// An official GetMedicationHistory answer (one medicationMedicalRecord) with its documentId set to
    /// <paramref name="documentId"/>, so that records can be told apart after the merge.
    /// </summary>
    public static string GmhAnswer(string documentId)
    {
        var text = OfficialGmhAnswer.Value.Replace("<urn1:documentId>774411</urn1:documentId>", $"<urn1:documentId>{documentId}</urn1:documentId>", StringComparison.Ordinal);
        Assert.That(text, Does.Contain(documentId), "the official sample changed shape");
        return text;
    }

    /// <summary>An answer without records (official sample 07).</summary>
    public static string GmhEmptyAnswer() => File.ReadAllText(RivtaOracle.PathOf("samples", "GetMedicationHistory", "07_response_Empty_Response.xml"));

    /// <summary>The producer's own SOAP fault (official sample 03).</summary>
    public static string OfficialSoapFault() => File.ReadAllText(RivtaOracle.PathOf("samples", "GetMedicationHistory", "03_response_SoapFault.xml"));

    private static readonly Lazy<string> OfficialGmhAnswer = new(() =>
        File.ReadAllText(RivtaOracle.PathOf("samples", "GetMedicationHistory", "09_response_Only_PatientId.xml")));

    public static string ScheduleRequest(string patient, string facility = National) => Envelope(National,
        $"<urn2:GetSubjectOfCareSchedule xmlns:urn2=\"{Schedule}\"><urn2:healthcare_facility>{facility}</urn2:healthcare_facility>" +
        $"<urn2:subject_of_care>{patient}</urn2:subject_of_care></urn2:GetSubjectOfCareSchedule>",
        $"<urn:Actor xmlns:urn=\"{Headers}\"><urn:actorId>{patient}</urn:actorId><urn:actorType>subject_of_care</urn:actorType></urn:Actor>");

    /// <summary>A schedule answer: one timeslot per booking id, and a response-level extension in another namespace.</summary>
    public static string ScheduleAnswer(string facility, string patient, params string[] bookingIds) =>
        $"<soap:Envelope xmlns:soap=\"{Soap}\"><soap:Body><ns2:GetSubjectOfCareScheduleResponse xmlns:ns2=\"{Schedule}\" xmlns:ns3=\"{ScheduleCore}\" xmlns:ns4=\"urn:riv:crm:scheduling:1.1\">" +
        string.Concat(bookingIds.Select(id =>
            "<ns2:timeslotDetail><ns3:startTimeInclusive>20250924160000</ns3:startTimeInclusive><ns3:endTimeExclusive>20250924170000</ns3:endTimeExclusive>" +
            $"<ns3:healthcare_facility>{facility}</ns3:healthcare_facility><ns3:bookingId>{id}</ns3:bookingId><ns3:subject_of_care>{patient}</ns3:subject_of_care>" +
            "<ns3:purpose><![CDATA[<p>Länk & info</p>]]></ns3:purpose><ns3:cancel_booking_allowed>true</ns3:cancel_booking_allowed><ns4:isInvitation>false</ns4:isInvitation></ns2:timeslotDetail>")) +
        $"<ext:sourceNote xmlns:ext=\"{ExtensionNamespace}\" ext:from=\"{facility}\">from {facility}</ext:sourceNote>" +
        "</ns2:GetSubjectOfCareScheduleResponse></soap:Body></soap:Envelope>";

    public static string RequestsRequest(string patient, params string[] typesOfRequest) => Envelope(National,
        $"<urn1:GetRequestActivities xmlns:urn1=\"{Requests}\"><urn1:subjectOfCareId>{patient}</urn1:subjectOfCareId>" +
        string.Concat(typesOfRequest.Select(t => $"<urn1:typeOfRequest>{t}</urn1:typeOfRequest>")) +
        "</urn1:GetRequestActivities>");

    public static string RequestsAnswer(string patient, string system, string typeOfRequest, string senderRequestId) =>
        $"<soap:Envelope xmlns:soap=\"{Soap}\"><soap:Body><GetRequestActivitiesResponse xmlns=\"{Requests}\">" +
        $"<requestActivity><subjectOfCareId xmlns=\"{RequestsCore}\">{patient}</subjectOfCareId><senderRequestId xmlns=\"{RequestsCore}\">{senderRequestId}</senderRequestId>" +
        $"<typeOfRequest xmlns=\"{RequestsCore}\">{typeOfRequest}</typeOfRequest><logicalSystemId xmlns=\"{RequestsCore}\">{system}</logicalSystemId>" +
        $"<statusCode xmlns=\"{RequestsCore}\">10</statusCode><eventTime xmlns=\"{RequestsCore}\">20250101120000</eventTime></requestActivity>" +
        "</GetRequestActivitiesResponse></soap:Body></soap:Envelope>";

    /// <summary>Posts an envelope with the platform's consumer headers.</summary>
    public static HttpRequestMessage Post(Uri uri, string envelope, string? sender, string? correlationId = null, string? originalConsumer = null)
    {
        var request = SoapMessages.Post(uri, envelope, sender);
        if (correlationId is not null)
        {
            request.Headers.TryAddWithoutValidation("x-skltp-correlation-id", correlationId);
        }

        if (originalConsumer is not null)
        {
            request.Headers.TryAddWithoutValidation("x-rivta-original-serviceconsumer-hsaid", originalConsumer);
        }

        return request;
    }
}

/// <summary>An answer as a consumer sees it.</summary>
internal sealed record SoapAnswer(System.Net.HttpStatusCode Status, string Text, IReadOnlyDictionary<string, string> Headers)
{
    private XDocument? _document;

    public XDocument Document => _document ??= XDocument.Parse(Text);

    public XElement Body => Document.Root!.Element(XName.Get("Body", Payloads.Soap))!.Elements().First();

    public XElement? ProcessingStatus => Document.Root!.Element(XName.Get("Header", Payloads.Soap))?.Element(XName.Get("ProcessingStatus", Payloads.Headers));

    /// <summary>The ProcessingStatus records, by logical address.</summary>
    public IReadOnlyList<StatusRecord> Statuses => ProcessingStatus?.Elements(XName.Get("ProcessingStatusList", Payloads.Headers)).Select(StatusRecord.From).ToList() ?? [];

    public string? FaultString => Body.Name == XName.Get("Fault", Payloads.Soap) ? Body.Element("faultstring")?.Value : null;

    public static async Task<SoapAnswer> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new SoapAnswer(response.StatusCode, text, headers);
    }
}

/// <summary>One ProcessingStatusList record.</summary>
internal sealed record StatusRecord(string LogicalAddress, string StatusCode, string? LastSuccessfulSynch, string? CausingAgent, string? Code, string? Text)
{
    public static StatusRecord From(XElement record)
    {
        XNamespace ns = Payloads.Headers;
        var error = record.Element(ns + "lastUnsuccessfulSynchError");
        return new StatusRecord(
            record.Element(ns + "logicalAddress")!.Value,
            record.Element(ns + "statusCode")!.Value,
            record.Element(ns + "lastSuccessfulSynch")?.Value,
            error?.Element(ns + "causingAgent")?.Value,
            error?.Element(ns + "code")?.Value,
            error?.Element(ns + "text")?.Value);
    }
}

internal static class Utf8
{
    public static byte[] Bytes(string text) => new UTF8Encoding(false).GetBytes(text);
}
