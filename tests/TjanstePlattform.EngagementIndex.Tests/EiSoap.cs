using System.Net;
using System.Security;
using System.Text;
using System.Xml.Linq;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.Testing;

namespace TjanstePlattform.EngagementIndex.Tests;

/// <summary>One engagement for a hand-written request; null fields are left out of the XML.</summary>
public sealed record E(
    string? Resident = "191212121212",
    string? ServiceDomain = "riv:clinicalprocess:activityprescription:actoutcome",
    string? Categorization = "caa-gmh",
    string? LogicalAddress = "SE2321000016-TEST",
    string? BusinessObjectInstanceIdentifier = "NA",
    string? ClinicalProcessInterestId = "NA",
    string? MostRecentContent = "20240101120000",
    string? SourceSystem = "SE2321000016-SRC",
    string? DataController = "SE2321000016-DC",
    string? Owner = null,
    string? CreationTime = null,
    string? UpdateTime = null)
{
    public string Xml(string prefix = "core")
    {
        var text = new StringBuilder();
        text.Append($"<{prefix}:engagement>");
        Field(text, prefix, "registeredResidentIdentification", Resident);
        Field(text, prefix, "serviceDomain", ServiceDomain);
        Field(text, prefix, "categorization", Categorization);
        Field(text, prefix, "logicalAddress", LogicalAddress);
        Field(text, prefix, "businessObjectInstanceIdentifier", BusinessObjectInstanceIdentifier);
        Field(text, prefix, "clinicalProcessInterestId", ClinicalProcessInterestId);
        Field(text, prefix, "mostRecentContent", MostRecentContent);
        Field(text, prefix, "sourceSystem", SourceSystem);
        Field(text, prefix, "creationTime", CreationTime);
        Field(text, prefix, "updateTime", UpdateTime);
        Field(text, prefix, "dataController", DataController);
        Field(text, prefix, "owner", Owner);
        text.Append($"</{prefix}:engagement>");
        return text.ToString();
    }

    private static void Field(StringBuilder text, string prefix, string name, string? value)
    {
        if (value is not null)
        {
            text.Append($"<{prefix}:{name}>{SecurityElement.Escape(value)}</{prefix}:{name}>");
        }
    }
}

/// <summary>Settings for a test platform whose index holds only what the test puts there.</summary>
public static class EiSettings
{
    /// <summary>The demo world's source systems report their engagements at start: not in these tests.</summary>
    public static Dictionary<string, string?> Isolated(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["SourceSystems:EngagementIndex:Enabled"] = "false" };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}

/// <summary>Builds engagement index requests and reads the answers, on the wire as a consumer sees them.</summary>
public static class EiSoap
{
    public const string Owner = "5565594230";
    public const string UpdatePath = "/platform/engagementindex/Update/1/rivtabp21";
    public const string ProcessNotificationPath = "/platform/engagementindex/ProcessNotification/1/rivtabp21";
    public const string FindContentPath = "/platform/engagementindex/FindContent/1/rivtabp21";
    public const string GetUpdatesPath = "/platform/engagementindex/GetUpdates/1/rivtabp21";

    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Core = EngagementIndexNamespaces.Core;

    public static string Transaction(E engagement, bool delete = false) =>
        $"<ur:engagementTransaction><core:deleteFlag>{(delete ? "true" : "false")}</core:deleteFlag>{engagement.Xml()}</ur:engagementTransaction>";

    public static string Update(string? logicalAddress, params E[] engagements) =>
        UpdateOf(logicalAddress, engagements.Select(e => Transaction(e)).ToArray());

    public static string UpdateOf(string? logicalAddress, params string[] transactions) =>
        Envelope(logicalAddress, EngagementIndexNamespaces.UpdateResponder, $"<ur:Update>{string.Concat(transactions)}</ur:Update>");

    public static string ProcessNotificationOf(string? logicalAddress, params string[] transactions) =>
        Envelope(logicalAddress, EngagementIndexNamespaces.ProcessNotificationResponder, $"<ur:ProcessNotification>{string.Concat(transactions)}</ur:ProcessNotification>");

    public static string FindContent(string? resident = "191212121212", string? serviceDomain = "riv:clinicalprocess:activityprescription:actoutcome", string filters = "", string? logicalAddress = Owner) =>
        Envelope(logicalAddress, EngagementIndexNamespaces.FindContentResponder,
            "<ur:FindContent>" +
            (resident is null ? "" : $"<ur:registeredResidentIdentification>{resident}</ur:registeredResidentIdentification>") +
            (serviceDomain is null ? "" : $"<ur:serviceDomain>{serviceDomain}</ur:serviceDomain>") +
            filters + "</ur:FindContent>");

    public static string GetUpdates(string serviceDomain, string timeStamp, string? lastFetched = null) =>
        Envelope(Owner, EngagementIndexNamespaces.GetUpdatesResponder,
            $"<ur:GetUpdates><ur:serviceDomain>{serviceDomain}</ur:serviceDomain><ur:timeStamp>{timeStamp}</ur:timeStamp>" +
            (lastFetched is null ? "" : $"<ur:registeredResidentLastFetched>{lastFetched}</ur:registeredResidentLastFetched>") +
            "</ur:GetUpdates>");

    public static string Envelope(string? logicalAddress, string responderNamespace, string body) =>
        $"<soapenv:Envelope xmlns:soapenv=\"{Soap.NamespaceName}\" xmlns:reg=\"urn:riv:itintegration:registry:1\" xmlns:ur=\"{responderNamespace}\" xmlns:core=\"{Core.NamespaceName}\">" +
        $"<soapenv:Header>{(logicalAddress is null ? "" : $"<reg:LogicalAddress>{SecurityElement.Escape(logicalAddress)}</reg:LogicalAddress>")}</soapenv:Header>" +
        $"<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";

    /// <summary>Posts an envelope; returns status, content type and the parsed answer.</summary>
    public static async Task<SoapAnswer> PostAsync(HttpClient http, string path, string envelope, string? sender = "TEST-CONSUMER")
    {
        using var request = SoapMessages.Post(new Uri(http.BaseAddress!, path), envelope, sender);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new SoapAnswer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), text);
    }

    public static async Task<SoapAnswer> UpdateOkAsync(HttpClient http, params E[] engagements)
    {
        var answer = await PostAsync(http, UpdatePath, Update(Owner, engagements));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(answer.ResultCode, Is.EqualTo("OK"));
        return answer;
    }

    public static async Task<IReadOnlyList<XElement>> FindAsync(HttpClient http, string resident = "191212121212", string serviceDomain = "riv:clinicalprocess:activityprescription:actoutcome", string filters = "")
    {
        var answer = await PostAsync(http, FindContentPath, FindContent(resident, serviceDomain, filters));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        return answer.Body.Elements().Where(e => e.Name.LocalName == "engagement").ToList();
    }

    public static string? Field(this XElement engagement, string name) => engagement.Element(Core + name)?.Value;
}

public sealed record SoapAnswer(HttpStatusCode Status, string? ContentType, string Text)
{
    public XDocument Document => XDocument.Parse(Text);

    /// <summary>The first child of soap:Body.</summary>
    public XElement Body => Document.Root!.Element(EiSoap.Soap + "Body")!.Elements().First();

    public string? FaultString => Body.Name == EiSoap.Soap + "Fault" ? Body.Element("faultstring")?.Value : null;

    public string? FaultCode => Body.Name == EiSoap.Soap + "Fault" ? Body.Element("faultcode")?.Value : null;

    public string? ResultCode => Body.Elements().FirstOrDefault(e => e.Name.LocalName == "ResultCode")?.Value;
}
