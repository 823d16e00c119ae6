using System.Net;
using System.Security;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using TjanstePlattform.Testing;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TjanstePlattform.Aggregation.Tests.Support;

/// <summary>
/// The whole platform (real router, real catalog, real engagement index) with WireMock producers registered through
/// the REST API, engagements indexed with an EI Update through the router, and a consumer calling the national
/// logical address through the router. Every test gets its own patient and its own producer addresses.
/// </summary>
internal sealed class AggregationWorld : IAsyncDisposable
{
    public const string Consumer = "SE-E-SERVICE-1177";
    public const string EiWriter = "SE-EI-WRITER";
    public const string UpdateNamespace = "urn:riv:itintegration:engagementindex:UpdateResponder:1";
    public const string EiCore = "urn:riv:itintegration:engagementindex:1";
    private static int _patients;

    private AggregationWorld(TestPlatform platform, WireMockServer producers)
    {
        Platform = platform;
        Producers = producers;
        Api = new CatalogApi(platform.Http);
    }

    public TestPlatform Platform { get; }

    public CatalogApi Api { get; }

    /// <summary>One WireMock server; each source system is a path of its own on it.</summary>
    public WireMockServer Producers { get; }

    public static async Task<AggregationWorld> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        // The demo world's source systems index their own patients (Tolvan among them): not part of these cases.
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["SourceSystems:Enabled"] = "false" };
        var platform = await TestPlatform.StartAsync(all, configure: configure);
        var world = new AggregationWorld(platform, WireMockServer.Start());
        await world.Api.AddCooperationAsync(EiWriter, Payloads.National, UpdateNamespace);
        foreach (var contract in new[] { Payloads.Gmh, Payloads.Schedule, Payloads.Requests })
        {
            await world.Api.AddCooperationAsync(Consumer, Payloads.National, contract);
        }

        return world;
    }

    /// <summary>A patient id no other test uses (valid for every contract's person-id pattern).</summary>
    public static string NewPatient() => $"1990{Interlocked.Increment(ref _patients):D8}";

    /// <summary>A unique HSA-id-like address.</summary>
    public static string NewAddress(string what) => $"SE-{what}-{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant();

    /// <summary>A source system answering <paramref name="body"/>; registered (routing, and authorization unless told not to) at a new address.</summary>
    public async Task<string> ProducerAsync(string contract, string body, int status = 200, bool authorize = true, string contentType = "text/xml; charset=UTF-8", string? address = null)
    {
        address ??= NewAddress("SYS");
        Producers.Given(Request.Create().WithPath("/" + address).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
        await RegisterAsync(contract, address, new Uri(Producers.Urls[0] + "/" + address), authorize);
        return address;
    }

    /// <summary>Registers a routing to <paramref name="physicalAddress"/> and (unless told not to) the consumer's authorization.</summary>
    public async Task RegisterAsync(string contract, string logicalAddress, Uri physicalAddress, bool authorize = true)
    {
        await Api.AddServiceProductionAsync(logicalAddress, contract, physicalAddress.ToString(), serviceProducer: logicalAddress);
        if (authorize)
        {
            await Api.AddCooperationAsync(Consumer, logicalAddress, contract);
        }
    }

    /// <summary>The calls a WireMock source system received.</summary>
    public IReadOnlyList<ILogEntry> CallsTo(string address) =>
        Producers.LogEntries.Where(e => e.RequestMessage?.Path == "/" + address).ToList();

    /// <summary>Indexes engagements with an EI Update through the router, as a source system would.</summary>
    public async Task IndexAsync(params IndexedEngagement[] engagements)
    {
        var transactions = string.Concat(engagements.Select(e =>
            $"<ur:engagementTransaction><core:deleteFlag>false</core:deleteFlag>{e.Xml()}</ur:engagementTransaction>"));
        var envelope = Payloads.Envelope(Payloads.National,
            $"<ur:Update xmlns:ur=\"{UpdateNamespace}\" xmlns:core=\"{EiCore}\">{transactions}</ur:Update>");
        using var request = Payloads.Post(Platform.Router("itintegration/engagementindex/Update/1/rivtabp21"), envelope, EiWriter);
        using var response = await Platform.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(text, Does.Contain(">OK<"), text);
    }

    /// <summary>The consumer's call to the national logical address through the router.</summary>
    public async Task<SoapAnswer> CallAsync(string routerPath, string envelope, string? correlationId = null, string? originalConsumer = null, string sender = Consumer)
    {
        using var request = Payloads.Post(Platform.Router(routerPath), envelope, sender, correlationId, originalConsumer);
        using var response = await Platform.Http.SendAsync(request);
        return await SoapAnswer.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Producers.Stop();
        Producers.Dispose();
        await Platform.DisposeAsync();
    }
}

/// <summary>One engagement to index.</summary>
internal sealed record IndexedEngagement(string Resident, string ServiceDomain, string Categorization, string LogicalAddress, string SourceSystem)
{
    public static IndexedEngagement Medication(string resident, string system, string? logicalAddress = null) =>
        new(resident, "riv:clinicalprocess:activityprescription:actoutcome", "caa-gmh", logicalAddress ?? system, system);

    public static IndexedEngagement Booking(string resident, string unit, string system) =>
        new(resident, "riv:crm:scheduling", "NA", unit, system);

    public static IndexedEngagement Referral(string resident, string system, string typeOfRequest) =>
        new(resident, "riv:crm:requeststatus", typeOfRequest, system, system);

    public string Xml() =>
        "<core:engagement>" +
        Field("registeredResidentIdentification", Resident) + Field("serviceDomain", ServiceDomain) + Field("categorization", Categorization) +
        Field("logicalAddress", LogicalAddress) + Field("businessObjectInstanceIdentifier", "NA") + Field("clinicalProcessInterestId", "NA") +
        Field("mostRecentContent", "20250101120000") + Field("sourceSystem", SourceSystem) + Field("dataController", "SE-DATA-CONTROLLER") +
        "</core:engagement>";

    private static string Field(string name, string value) => $"<core:{name}>{SecurityElement.Escape(value)}</core:{name}>";
}

internal static class LogEntryExtensions
{
    public static string? Header(this ILogEntry entry, string name) =>
        entry.RequestMessage?.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public static XDocument BodyXml(this ILogEntry entry) => XDocument.Parse(entry.RequestMessage!.Body!);
}
