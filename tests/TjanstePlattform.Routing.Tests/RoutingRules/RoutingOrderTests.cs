using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Testing;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Routing.Tests.RoutingRules;

/// <summary>Routing and authorization order: exact, HSA parents, <c>*</c>, and old-style <c>A#B</c> receivers.</summary>
public class RoutingOrderTests
{
    private TestProducer _producer = null!;
    private string _hsaFile = null!;
    private readonly List<string> _hits = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _producer = await TestProducer.StartAsync(async ctx =>
        {
            lock (_hits)
            {
                _hits.Add(ctx.Request.Path.Value!);
            }

            ctx.Response.ContentType = "text/xml";
            await ctx.Response.WriteAsync(GetMedicationHistoryResponse());
        });

        // SE ← REGION ← HOSPITAL ← WARD (by DN) and CLINIC (by explicit parent).
        _hsaFile = Path.Combine(Path.GetTempPath(), $"hsa-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(_hsaFile, """
            <hsaUnits>
              <hsaUnit><hsaIdentity>REGION</hsaIdentity><DN>o=Region,l=Land,c=SE</DN></hsaUnit>
              <hsaUnit><hsaIdentity>HOSPITAL</hsaIdentity><DN>ou=Sjukhus,o=Region,l=Land,c=SE</DN></hsaUnit>
              <hsaUnit><hsaIdentity>WARD</hsaIdentity><DN>ou=Avdelning 1,ou=Sjukhus,o=Region,l=Land,c=SE</DN></hsaUnit>
              <hsaUnit><hsaIdentity>CLINIC</hsaIdentity><parent>REGION</parent></hsaUnit>
            </hsaUnits>
            """);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _producer.DisposeAsync();
        File.Delete(_hsaFile);
    }

    private ServiceProduction Routing(long id, string receiver, string path) =>
        new(id, "P", receiver, GetMedicationHistoryNamespace, new Uri(_producer.Address, path).ToString(), RivtaProfiles.Bp21, FixedCatalog.Always);

    private static Cooperation Authorization(string consumer, string receiver) =>
        new(1, consumer, receiver, GetMedicationHistoryNamespace, FixedCatalog.Always, []);

    private Task<TestPlatform> StartAsync(CatalogSnapshot snapshot, Dictionary<string, string?>? settings = null) =>
        TestPlatform.StartWithCatalogAsync(new FixedCatalog(snapshot), settings);

    private async Task<string?> CallAsync(TestPlatform platform, string receiver, string sender = "C1")
    {
        lock (_hits)
        {
            _hits.Clear();
        }

        using var response = await platform.Http.SendAsync(Post(platform.Router(), GetMedicationHistory(receiver), sender));
        if ((int)response.StatusCode != 200)
        {
            var body = await response.Content.ReadAsStringAsync();
            return body.Contains("VP0") ? body[(body.IndexOf("VP0", StringComparison.Ordinal))..][..5] : $"HTTP {(int)response.StatusCode}";
        }

        lock (_hits)
        {
            return _hits.Single();
        }
    }

    [Test]
    public async Task The_HSA_tree_is_climbed_for_routing_and_authorization()
    {
        var snapshot = new CatalogSnapshot(1, DateTimeOffset.UtcNow,
            [Routing(1, "HOSPITAL", "hospital"), Routing(2, "SE", "root"), Routing(3, "*", "star")],
            [Authorization("C1", "REGION")]);
        await using var platform = await StartAsync(snapshot, new() { ["Routing:HsaFile"] = _hsaFile });

        Assert.That(await CallAsync(platform, "WARD"), Is.EqualTo("/hospital"), "nearest parent with a routing");
        Assert.That(await CallAsync(platform, "HOSPITAL"), Is.EqualTo("/hospital"), "exact first");
        Assert.That(await CallAsync(platform, "CLINIC"), Is.EqualTo("/root"), "explicit parent, up to SE");
        Assert.That(await CallAsync(platform, "UNKNOWN-UNIT"), Is.EqualTo("VP007"), "routed by *, but not authorized: no parents");
        Assert.That(await CallAsync(platform, "WARD", sender: "C2"), Is.EqualTo("VP007"));
    }

    [Test]
    public async Task The_HSA_tree_can_be_switched_off_per_contract()
    {
        var snapshot = new CatalogSnapshot(1, DateTimeOffset.UtcNow, [Routing(1, "HOSPITAL", "hospital")], [Authorization("C1", "WARD")]);
        await using var platform = await StartAsync(snapshot, new()
        {
            ["Routing:HsaFile"] = _hsaFile,
            ["Routing:HsaDisabledContractPrefixes:0"] = "urn:riv:clinicalprocess:",
        });
        Assert.That(await CallAsync(platform, "WARD"), Is.EqualTo("VP004"));
    }

    [Test]
    public async Task Routing_and_authorization_have_separate_HSA_exception_lists()
    {
        // WARD has no routing and no authorization of its own: both need the tree (HOSPITAL routes, REGION authorizes).
        var snapshot = new CatalogSnapshot(1, DateTimeOffset.UtcNow, [Routing(1, "HOSPITAL", "hospital")], [Authorization("C1", "REGION")]);
        await using (var routingOff = await StartAsync(snapshot, new()
        {
            ["Routing:HsaFile"] = _hsaFile,
            ["Routing:HsaRoutingDisabledContractPrefixes:0"] = "urn:riv:clinicalprocess:",
        }))
        {
            Assert.That(await CallAsync(routingOff, "WARD"), Is.EqualTo("VP004"), "routing may not climb");
            Assert.That(await CallAsync(routingOff, "HOSPITAL"), Is.EqualTo("/hospital"), "authorization still climbs to REGION");
        }

        await using var authorizationOff = await StartAsync(snapshot, new()
        {
            ["Routing:HsaFile"] = _hsaFile,
            ["Routing:HsaAuthorizationDisabledContractPrefixes:0"] = "urn:riv:clinicalprocess:",
        });
        Assert.That(await CallAsync(authorizationOff, "WARD"), Is.EqualTo("VP007"), "routed through HOSPITAL, but authorization may not climb");
    }

    [Test]
    public async Task Without_HSA_the_default_receiver_follows_the_exact_one()
    {
        var snapshot = new CatalogSnapshot(1, DateTimeOffset.UtcNow,
            [Routing(1, "HOSPITAL", "hospital"), Routing(2, "*", "star")],
            [Authorization("C1", "*")]);
        await using var platform = await StartAsync(snapshot);
        Assert.That(await CallAsync(platform, "WARD"), Is.EqualTo("/star"));
        Assert.That(await CallAsync(platform, "hospital"), Is.EqualTo("/hospital"));
    }

    [Test]
    public async Task Old_style_A_hash_B_receivers_try_B_then_A_for_allowed_senders_only()
    {
        var snapshot = new CatalogSnapshot(1, DateTimeOffset.UtcNow,
            [Routing(1, "UNIT-B", "b"), Routing(2, "UNIT-A", "a")],
            [Authorization("OLD", "UNIT-A"), Authorization("C1", "UNIT-A")]);
        await using var platform = await StartAsync(snapshot, new()
        {
            ["Routing:OldStyleReceivers:AllowedSenders:0"] = "OLD",
            ["Routing:OldStyleReceivers:AllowedContracts:0"] = GetMedicationHistoryNamespace,
        });

        Assert.That(await CallAsync(platform, "UNIT-A#UNIT-B", sender: "OLD"), Is.EqualTo("/b"), "B first, authorized through A");
        Assert.That(await CallAsync(platform, "UNIT-A#UNIT-NONE", sender: "OLD"), Is.EqualTo("/a"), "then A");
        Assert.That(await CallAsync(platform, "X#Y#UNIT-A", sender: "OLD"), Is.EqualTo("VP007"), "at most two parts for authorization");
        Assert.That(await CallAsync(platform, "UNIT-A#UNIT-B", sender: "C1"), Is.EqualTo("VP004"), "not an allowed sender: taken literally");
    }
}
