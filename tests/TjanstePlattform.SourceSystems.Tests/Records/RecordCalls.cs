using System.Net;
using System.Xml.Linq;
using TjanstePlattform.Testing;

namespace TjanstePlattform.SourceSystems.Tests.Records;

/// <summary>Raw SOAP calls through the router for the record contracts (their data stays XML, so do the tests).</summary>
internal static class RecordCalls
{
    public static readonly XNamespace SoapEnv = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Headers = "urn:riv:interoperability:headers:1";

    /// <summary>Personnummer.</summary>
    public const string PersonIdRoot = "1.2.752.129.2.1.3.1";

    public static string Envelope(string logicalAddress, XElement body) => $"""
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><LogicalAddress xmlns="urn:riv:itintegration:registry:1">{logicalAddress}</LogicalAddress></soap:Header><soap:Body>{body.ToString(SaveOptions.DisableFormatting)}</soap:Body></soap:Envelope>
        """;

    /// <summary>Posts <paramref name="body"/> to the router as <paramref name="sender"/>; the answer's envelope and status.</summary>
    public static async Task<(HttpStatusCode Status, XElement Envelope)> CallAsync(TestPlatform platform, string logicalAddress, XElement body, string sender = Support.DemoWorldFixture.Consumer)
    {
        var ns = body.Name.Namespace.NamespaceName;
        var parts = ns.Split(':');
        var domain = string.Join('/', parts[2..^2]);
        var interaction = parts[^2].Replace("Responder", "", StringComparison.Ordinal);
        using var request = SoapMessages.Post(platform.Router($"{domain}/{interaction}/{parts[^1]}/rivtabp21"), Envelope(logicalAddress, body), sender);
        using var response = await platform.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, XElement.Parse(text));
    }

    public static XElement BodyChild(XElement envelope) => envelope.Element(SoapEnv + "Body")!.Elements().Single();

    /// <summary>(logicalAddress, statusCode) of every ProcessingStatus record.</summary>
    public static (string Address, string Status)[] ProcessingStatus(XElement envelope) =>
        [.. (envelope.Element(SoapEnv + "Header")?.Element(Headers + "ProcessingStatus")?.Elements(Headers + "ProcessingStatusList") ?? [])
            .Select(r => ((string)r.Element(Headers + "logicalAddress")!, (string)r.Element(Headers + "statusCode")!))
            .OrderBy(r => r.Item1, StringComparer.Ordinal)];

    /// <summary>Asserts that <paramref name="element"/> is valid against the official schema, listing every issue.</summary>
    public static void AssertOfficiallyValid(XElement element, string what, System.Xml.Schema.XmlSchemaSet? schemas = null)
    {
        var issues = OfficialSchemaSets.Issues(element, schemas);
        Assert.That(issues, Is.Empty, $"{what} is not valid against the official schema:{Environment.NewLine}{string.Join(Environment.NewLine, issues)}{Environment.NewLine}{element}");
    }

    /// <summary>A patientId of PersonIdType (id + type).</summary>
    public static XElement PersonId(XNamespace contract, XNamespace core, string patient) =>
        new(contract + "patientId", new XElement(core + "id", patient), new XElement(core + "type", PersonIdRoot));

    /// <summary>A patientId of IIType (root + extension).</summary>
    public static XElement PatientIi(XNamespace contract, XNamespace core, string patient) =>
        new(contract + "patientId", new XElement(core + "root", PersonIdRoot), new XElement(core + "extension", patient));
}
