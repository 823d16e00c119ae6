using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Testing;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Routing.Tests.Pipeline;

/// <summary>VP faults that need a particular configuration or a catalog the REST API would refuse to build.</summary>
public class RouterConfigurationFaultTests
{
    private static async Task<HttpResponseMessage> CallAsync(TestPlatform platform, string envelope, string? sender = "C1", Action<HttpRequestMessage>? adjust = null)
    {
        var request = Post(platform.Router(), envelope, sender);
        adjust?.Invoke(request);
        return await platform.Http.SendAsync(request);
    }

    private static Task<TestPlatform> StartWithCatalogAsync(ICatalogSnapshotSource catalog, Dictionary<string, string?>? settings = null) =>
        TestPlatform.StartWithCatalogAsync(catalog, settings);

    private static ServiceProduction Production(long id, string receiver, string address) =>
        new(id, "P", receiver, GetMedicationHistoryNamespace, address, RivtaProfiles.Bp21, FixedCatalog.Always);

    private static Cooperation Authorization(string consumer, string receiver) =>
        new(1, consumer, receiver, GetMedicationHistoryNamespace, FixedCatalog.Always, []);

    [Test]
    public async Task VP006_when_two_routings_match()
    {
        var catalog = FixedCatalog.With(
            [Production(1, "SE-TWICE", "http://127.0.0.1:9/a"), Production(2, "SE-TWICE", "http://127.0.0.1:9/b")],
            [Authorization("C1", "SE-TWICE")]);
        await using var platform = await StartWithCatalogAsync(catalog);
        using var response = await CallAsync(platform, GetMedicationHistory("SE-TWICE"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP006", "Server", RouterAssert.VP006);
        Assert.That(detail, Does.StartWith("More than one receiverId (logical address) with matching Riv-version found for"));
    }

    [Test]
    public async Task VP008_when_the_catalog_was_never_loaded()
    {
        await using var platform = await StartWithCatalogAsync(new FixedCatalog(null));
        using var response = await CallAsync(platform, GetMedicationHistory("SE-ANY"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP008", "Server", RouterAssert.VP008);
        Assert.That(detail, Is.EqualTo("No contact with TAK at startup, and no local cache to fallback on, not possible to route call"));
    }

    [Test]
    public async Task An_unexpected_error_is_a_SOAP_fault_never_an_error_page()
    {
        await using var platform = await StartWithCatalogAsync(new BrokenCatalog());
        using var response = await CallAsync(platform, GetMedicationHistory("SE-ANY"));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/xml"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP012", "Server", RouterAssert.VP012);
        Assert.That(detail, Does.Contain("Unexpected error in the router"));
        Assert.That(detail, Does.Not.Contain("snapshot store is on fire"), "no exception text or stack trace reaches the consumer");
    }

    [Test]
    public async Task VP010_when_the_physical_address_is_empty()
    {
        var catalog = FixedCatalog.With([Production(1, "SE-NOURL", "")], [Authorization("C1", "SE-NOURL")]);
        await using var platform = await StartWithCatalogAsync(catalog);
        using var response = await CallAsync(platform, GetMedicationHistory("SE-NOURL"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP010", "Server", RouterAssert.VP010);
        Assert.That(detail, Does.StartWith("Physical Address field is empty in Service Producer for"));
    }

    [Test]
    public async Task Default_receiver_star_routes_and_authorizes()
    {
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "text/xml; charset=UTF-8";
            await ctx.Response.WriteAsync(GetMedicationHistoryResponse());
        });
        var catalog = FixedCatalog.With([Production(1, "*", producer.Address.ToString())], [Authorization("C1", "*")]);
        await using var platform = await StartWithCatalogAsync(catalog);
        using var response = await CallAsync(platform, GetMedicationHistory("SE-WHOEVER"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Entries_outside_their_validity_do_not_count()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var expired = new Validity(today.AddYears(-2), today.AddDays(-1));
        var future = new Validity(today.AddDays(1), today.AddYears(1));
        var lastDay = new Validity(today.AddYears(-1), today);
        var catalog = FixedCatalog.With(
            [
                new ServiceProduction(1, "P", "SE-EXPIRED", GetMedicationHistoryNamespace, "http://127.0.0.1:9/x", RivtaProfiles.Bp21, expired),
                new ServiceProduction(2, "P", "SE-FUTURE", GetMedicationHistoryNamespace, "http://127.0.0.1:9/x", RivtaProfiles.Bp21, future),
                new ServiceProduction(3, "P", "SE-LASTDAY", GetMedicationHistoryNamespace, "http://127.0.0.1:9/x", RivtaProfiles.Bp21, lastDay),
            ],
            [new Cooperation(1, "C1", "SE-LASTDAY", GetMedicationHistoryNamespace, expired, [])]);
        await using var platform = await StartWithCatalogAsync(catalog);

        using (var response = await CallAsync(platform, GetMedicationHistory("SE-EXPIRED")))
        {
            await RouterAssert.IsVpFaultAsync(response, "VP004", "Client", RouterAssert.VP004);
        }

        using (var response = await CallAsync(platform, GetMedicationHistory("SE-FUTURE")))
        {
            await RouterAssert.IsVpFaultAsync(response, "VP004", "Client", RouterAssert.VP004);
        }

        // Valid routing through today (inclusive), but the authorization expired yesterday.
        using (var response = await CallAsync(platform, GetMedicationHistory("SE-LASTDAY")))
        {
            await RouterAssert.IsVpFaultAsync(response, "VP007", "Server", RouterAssert.VP007);
        }
    }

    [Test]
    public async Task VP011_when_the_peer_is_not_on_the_whitelist()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Routing:IpWhitelist:0"] = "10.99.", ["SourceSystems:Enabled"] = "false" });
        using var response = await CallAsync(platform, GetMedicationHistory("SE-ANY"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP011", "Client", RouterAssert.VP011);
        Assert.That(detail, Is.EqualTo("Caller was not on the white list of accepted IP-addresses. IP-address: 127.0.0.1"));
    }

    [Test]
    public async Task VP013_when_rejecting_unapproved_original_consumers()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Routing:RejectUnapprovedOriginalConsumer"] = "true" });
        using var response = await CallAsync(platform, GetMedicationHistory("SE-ANY"),
            adjust: r => r.Headers.TryAddWithoutValidation("x-rivta-original-serviceconsumer-hsaid", "SOMEONE"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP013", "Client", RouterAssert.VP013);
        Assert.That(detail, Is.EqualTo("Sender is not approved to set header x-rivta-original-serviceconsumer-hsaid."));
    }

    [Test]
    public async Task VP002_when_instance_id_is_required_and_missing()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Routing:RequireInstanceId"] = "true", ["SourceSystems:Enabled"] = "false" });
        using var response = await CallAsync(platform, GetMedicationHistory("SE-ANY"));
        await RouterAssert.IsVpFaultAsync(response, "VP002", "Client", RouterAssert.VP002);
    }

    [Test]
    public async Task VP015_for_a_body_over_the_limit_nothing_forwarded()
    {
        var received = 0;
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            Interlocked.Increment(ref received);
            await ctx.Request.Body.CopyToAsync(Stream.Null);
            ctx.Response.ContentType = "text/xml";
            await ctx.Response.WriteAsync(GetMedicationHistoryResponse());
        });
        var catalog = FixedCatalog.With([Production(1, "SE-BIG", producer.Address.ToString())], [Authorization("C1", "SE-BIG")]);
        await using var platform = await StartWithCatalogAsync(catalog, new Dictionary<string, string?> { ["Routing:MaxRequestBytes"] = "4096" });

        // Declared too large (Content-Length) …
        using (var response = await CallAsync(platform, GetMedicationHistory("SE-BIG", extraBody: new string(' ', 8000))))
        {
            var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP015", "Client", RouterAssert.VP015);
            Assert.That(detail, Does.Contain("4096"));
        }

        Assert.That(received, Is.EqualTo(0), "a body declared too large is never forwarded");

        // … and too large while streaming (chunked, no Content-Length): cut off as soon as it passes the limit.
        var chunked = Post(platform.Router(), "", "C1");
        chunked.Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(GetMedicationHistory("SE-BIG", extraBody: $"<!-- {new string('x', 8000)} -->"))));
        chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml");
        chunked.Headers.TransferEncodingChunked = true;
        using (var response = await platform.Http.SendAsync(chunked))
        {
            await RouterAssert.IsVpFaultAsync(response, "VP015", "Client", RouterAssert.VP015);
        }
    }

    private sealed class BrokenCatalog : ICatalogSnapshotSource
    {
        public CatalogSnapshot? Current => throw new InvalidOperationException("snapshot store is on fire");

        public event Action<CatalogSnapshot>? Changed
        {
            add { }
            remove { }
        }
    }
}
