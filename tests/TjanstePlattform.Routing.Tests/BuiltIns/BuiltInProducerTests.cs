using System.Net;
using System.Text;
using System.Xml.Linq;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Routing.Tests.BuiltIns;

/// <summary>
/// The built-in producers behind the router (issue 13): every hostile shape gets a precise SOAP fault through the router
/// (VP015) and on every built-in path (the service's own client fault), the process lives and the next call answers;
/// their own paths refuse anyone but the platform unless an operator opens them, and then the router's whitelist applies.
/// </summary>
[NonParallelizable]
public class BuiltInProducerTests
{
    private const string Consumer = "TJP-DEMO-CONSUMER";
    private const string National = "5565594230";
    private const string Jrn1 = "SE2321000016-JRN1";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    private TestPlatform _platform = null!;
    private TestPlatform _open = null!;

    /// <summary>A built-in target: its router path, receiver, the Body's element (start tag without '&gt;') and its own direct path.</summary>
    public sealed record Target(string Name, string RouterPath, string LogicalAddress, string Element, string Namespace, string DirectPath)
    {
        public override string ToString() => Name;
    }

    public static readonly Target[] Targets =
    [
        new("source system JRN1", "clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21", Jrn1,
            "GetMedicationHistory", "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2",
            "/sourcesystems/SE2321000016-JRN1/GetMedicationHistory/2/rivtabp21"),
        new("aggregating service", "clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21", National,
            "GetMedicationHistory", "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2",
            "/platform/aggregation/GetMedicationHistory/2/rivtabp21"),
        new("EI FindContent", "itintegration/engagementindex/FindContent/1/rivtabp21", National,
            "FindContent", "urn:riv:itintegration:engagementindex:FindContentResponder:1", "/platform/engagementindex/FindContent/1/rivtabp21"),
        new("PingForConfiguration", "itintegration/monitoring/PingForConfiguration/1/rivtabp21", National,
            "PingForConfiguration", "urn:riv:itintegration:monitoring:PingForConfigurationResponder:1", "/platform/monitoring/PingForConfiguration/1/rivtabp21"),
    ];

    /// <summary>Every built-in path there is, for the direct-access rules.</summary>
    public static readonly string[] DirectPaths =
    [
        "/sourcesystems/SE2321000016-JRN1/GetMedicationHistory/2/rivtabp21",
        "/sourcesystems/SE2321000024-JRN4/GetMedicationHistory/2/rivtabp21",
        "/sourcesystems/SE2321000016-BOK1/MakeBooking/1/rivtabp21",
        "/platform/engagementindex/Update/1/rivtabp21",
        "/platform/engagementindex/FindContent/1/rivtabp21",
        "/platform/engagementindex/ProcessNotification/1/rivtabp21",
        "/platform/engagementindex/GetUpdates/1/rivtabp21",
        "/platform/aggregation/GetMedicationHistory/2/rivtabp21",
        "/platform/monitoring/PingForConfiguration/1/rivtabp21",
        "/platform/registry/GetLogicalAddresseesByServiceContract/2/rivtabp21",
        "/platform/registry/GetSupportedServiceContracts/2/rivtabp21",
        "/platform/vagvalsinfo/SokVagvalsInfo/v2",
    ];

    /// <summary>A hostile shape: what goes inside the Body's element, what follows the Body, and the word its refusal names.</summary>
    public sealed record Shape(string Name, Func<string> Inside, Func<string> AfterBody, string Reason, bool RouterPeekFails = false)
    {
        public override string ToString() => Name;
    }

    private static string Nested(string tag, int depth) =>
        new StringBuilder(depth * (2 * tag.Length + 5)).Insert(0, $"<{tag}>", depth).Insert(depth * (tag.Length + 2), $"</{tag}>", depth).ToString();

    public static readonly Shape[] Shapes =
    [
        new("a second Header after the Body, LogicalAddress nested 300,000 deep", () => "",
            () => $"<soapenv:Header><urn:LogicalAddress>{Nested("a", 300_000)}</urn:LogicalAddress></soapenv:Header>", "MaxDepth"),
        new("100,000 levels of nesting in the Body", () => Nested("a", 100_000), () => "", "MaxDepth"),
        new("100,000 attributes on one element", () => "<a" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $" a{i}=\"\"")) + "/>", () => "", "MaxAttributesPerElement"),
        new("an invalid character in the Body", () => "<a>x\u0001y</a>", () => "", "invalid character"),
        new("a truncated envelope", () => "<a>unfinished", () => "", "not well-formed"),
    ];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Platform:BuiltInDirectAccess"] = "false" });
        _open = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Platform:BuiltInDirectAccess"] = "true" });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _platform.DisposeAsync();
        await _open.DisposeAsync();
    }

    private static string Envelope(Target target, string inside, string afterBody, bool truncated = false)
    {
        var xml = $"""<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:riv:itintegration:registry:1"><soapenv:Header><urn:LogicalAddress>{target.LogicalAddress}</urn:LogicalAddress></soapenv:Header><soapenv:Body><t:{target.Element} xmlns:t="{target.Namespace}">{inside}</t:{target.Element}></soapenv:Body>{afterBody}</soapenv:Envelope>""";
        return truncated ? xml[..xml.IndexOf("</t:", StringComparison.Ordinal)] : xml;
    }

    private static async Task<(HttpStatusCode Status, string Code, string Text)> PostAsync(TestPlatform platform, Uri uri, string envelope, string? sender = Consumer)
    {
        using var request = SoapMessages.Post(uri, envelope, sender);
        using var response = await platform.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var fault = XDocument.Parse(body).Descendants(Soap + "Fault").SingleOrDefault();
        return fault is null
            ? (response.StatusCode, "", body)
            : (response.StatusCode, fault.Element("faultcode")!.Value, fault.Element("faultstring")!.Value + " | " + fault.Element("detail")?.Value);
    }

    private async Task TheNextCallAnswersAsync(TestPlatform platform)
    {
        var (status, code, text) = await PostAsync(platform, platform.Router(), SoapMessages.GetMedicationHistory(Jrn1));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(code, Is.Empty);
        Assert.That(text, Does.Contain("medicationMedicalRecord"));
    }

    [Test]
    public async Task A_hostile_shape_through_the_router_is_VP015_and_the_platform_goes_on(
        [ValueSource(nameof(Shapes))] Shape shape, [ValueSource(nameof(Targets))] Target target)
    {
        var envelope = Envelope(target, shape.Inside(), shape.AfterBody(), truncated: shape.Name.Contains("truncated"));

        var (status, code, text) = await PostAsync(_platform, _platform.Router(target.RouterPath), envelope);

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError), text);
        Assert.That(code, Is.EqualTo("soap:Client"), text);
        Assert.That(text, Does.StartWith("VP015 [TJP] "), text);
        Assert.That(text, Does.Contain(shape.Reason).IgnoreCase.Or.Contain("limit of"), "the refusal names the limit, the fault or the service's size limit");
        await TheNextCallAnswersAsync(_platform);
    }

    [Test]
    public async Task A_hostile_shape_on_a_built_in_path_is_the_services_own_client_fault(
        [ValueSource(nameof(Shapes))] Shape shape, [ValueSource(nameof(Targets))] Target target)
    {
        var envelope = Envelope(target, shape.Inside(), shape.AfterBody(), truncated: shape.Name.Contains("truncated"));

        var (status, code, text) = await PostAsync(_open, new Uri(_open.BaseAddress, target.DirectPath), envelope);

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError), text);
        Assert.That(code, Is.EqualTo("soap:Client"), text);
        Assert.That(text, Does.Not.StartWith("VP0"), "a direct caller gets the service's own fault, not the router's");
        Assert.That(text, Does.Contain(shape.Reason).IgnoreCase.Or.Contain("limit of"), "the refusal names the limit, the fault or the size limit");
        await TheNextCallAnswersAsync(_open);
    }

    [Test]
    public async Task A_million_attributes_on_one_element_are_refused_by_the_limit([ValueSource(nameof(Targets))] Target target)
    {
        var million = "<a" + string.Concat(Enumerable.Range(0, 1_000_000).Select(i => $" a{i}=\"\"")) + "/>";

        var (status, code, text) = await PostAsync(_platform, _platform.Router(target.RouterPath), Envelope(target, million, ""));

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError), text);
        Assert.That(code, Is.EqualTo("soap:Client"));
        Assert.That(text, Does.StartWith("VP015 [TJP] "));
        Assert.That(text, Does.Contain("MaxAttributesPerElement").Or.Contain("limit of"), text);
        await TheNextCallAnswersAsync(_platform);
    }

    [Test]
    public async Task An_invalid_character_in_the_Header_is_VP015_not_VP012()
    {
        var envelope = SoapMessages.GetMedicationHistory(Jrn1 + "\u0001");

        var (status, code, text) = await PostAsync(_platform, _platform.Router(), envelope);

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(code, Is.EqualTo("soap:Client"));
        Assert.That(text, Does.StartWith("VP015 [TJP] "), text);
        await TheNextCallAnswersAsync(_platform);
    }

    [Test]
    public async Task Direct_calls_to_every_built_in_path_are_refused_by_default([ValueSource(nameof(DirectPaths))] string path)
    {
        // Even a well-formed call for Karin's JRN4 data, or an EI Update, from a caller the router would admit.
        var (status, code, text) = await PostAsync(_platform, new Uri(_platform.BaseAddress, path), SoapMessages.GetMedicationHistory("SE2321000024-JRN4", "196308219838"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError), text);
        Assert.That(code, Is.EqualTo("soap:Client"));
        Assert.That(text, Does.StartWith("Den inbyggda tjänsteproducenten nås bara genom tjänsteplattformen."));
        Assert.That(text, Does.Contain("Platform:BuiltInDirectAccess"));
    }

    [Test]
    public void Direct_access_is_off_unless_an_operator_turns_it_on() =>
        Assert.That(new Platform.PlatformOptions().BuiltInDirectAccess, Is.False);

    [Test]
    public async Task With_direct_access_on_a_caller_off_the_whitelist_is_refused_as_the_router_would()
    {
        // Without the demo world: its systems report to EI through the router, which this whitelist shuts out too.
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:BuiltInDirectAccess"] = "true",
            ["Routing:IpWhitelist:0"] = "10.99.",
            ["SourceSystems:Enabled"] = "false",
        });

        foreach (var path in DirectPaths.Where(p => p.StartsWith("/platform/", StringComparison.Ordinal)))
        {
            var (status, code, text) = await PostAsync(platform, new Uri(platform.BaseAddress, path), SoapMessages.GetMedicationHistory(Jrn1));
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError), path);
            Assert.That(code, Is.EqualTo("soap:Client"), path);
            Assert.That(text, Does.StartWith("VP011 [TJP] "), path);
        }
    }

    [Test]
    public async Task With_direct_access_on_a_whitelisted_caller_needs_a_sender()
    {
        var path = new Uri(_open.BaseAddress, "/sourcesystems/SE2321000016-JRN1/GetMedicationHistory/2/rivtabp21");

        var anonymous = await PostAsync(_open, path, SoapMessages.GetMedicationHistory(Jrn1), sender: null);
        var known = await PostAsync(_open, path, SoapMessages.GetMedicationHistory(Jrn1));

        Assert.That(anonymous.Text, Does.StartWith("VP002 [TJP] "));
        Assert.That(known.Status, Is.EqualTo(HttpStatusCode.OK), known.Text);
        Assert.That(known.Text, Does.Contain("medicationMedicalRecord"));
    }
}
