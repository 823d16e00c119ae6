using System.Net;
using System.Text.Json.Nodes;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Orders;

/// <summary>TAK's JSON-beställning: dry run, execution on genomforandeTidpunkt, idempotence, changes, exclusions, errors.</summary>
public class OrderApiTests
{
    private const string Contract = "urn:riv:clinicalprocess:activity:actions:GetActivitiesResponder:2";

    [Test]
    public async Task An_order_is_reported_in_a_dry_run_then_carried_out_then_a_second_time_changes_nothing()
    {
        await using var platform = await TestPlatform.StartAsync();
        var start = platform.Snapshot().Version;
        var from = Today.AddDays(1);
        var order = Order(Date(from), address: "https://test.example/actions");

        var dry = await platform.Http.PostJsonAsync("/api/v1/orders?dryRun=true", order);
        Assert.That(dry.StatusCode, Is.EqualTo(HttpStatusCode.OK), await dry.Content.ReadAsStringAsync());
        var dryReport = await dry.JsonAsync();
        Assert.That((bool)dryReport["dryRun"]!, Is.True);
        Assert.That(dryReport["publishedVersion"], Is.Null);
        var planned = dryReport["changes"]!.AsArray().Select(c => $"{c!["action"]} {c["kind"]}").ToList();
        Assert.That(planned, Does.Contain("created serviceProduction").And.Contain("created cooperation").And.Contain("created component").And.Contain("created serviceContract"));
        Assert.That(platform.Snapshot().Version, Is.EqualTo(start), "a dry run stores nothing");

        var done = await platform.Http.PostJsonAsync("/api/v1/orders", order);
        var report = await done.JsonAsync();
        Assert.That((long?)report["publishedVersion"], Is.EqualTo(start + 1));
        Assert.That((string?)report["effectiveFrom"], Is.EqualTo(Date(from)));
        var routing = platform.Snapshot().RoutingsFor("TEST-001", Contract).Single();
        Assert.That(routing.Validity.From, Is.EqualTo(from));
        Assert.That(routing.PhysicalAddress, Is.EqualTo("https://test.example/actions"));
        Assert.That(routing.ServiceProducer, Is.EqualTo("PROD-001"));
        Assert.That(platform.Snapshot().AuthorizationsFor("KONS-001", "TEST-001", Contract).Single().Validity.From, Is.EqualTo(from));
        Assert.That(platform.Snapshot().Components.Single(c => c.HsaId == "PROD-001").Description, Is.EqualTo("Producent"));
        Assert.That(platform.Snapshot().ServiceContracts.Single(c => c.Namespace == Contract).Description, Is.EqualTo("Returnerar aktiviteter."));

        var again = await (await platform.Http.PostJsonAsync("/api/v1/orders", order)).JsonAsync();
        Assert.That(again["changes"]!.AsArray(), Is.Empty);
        Assert.That(again["publishedVersion"], Is.Null);
        Assert.That(again["messages"]!.AsArray().Select(m => (string?)m), Has.Some.Contains("already exists; unchanged"));
        Assert.That(platform.Snapshot().Version, Is.EqualTo(start + 1));
    }

    [Test]
    public async Task A_new_address_ends_the_current_routing_the_day_before_and_an_exclusion_ends_an_authorization()
    {
        await using var platform = await TestPlatform.StartAsync();
        var first = Today.AddDays(-10);
        await platform.Http.PostJsonAsync("/api/v1/orders", Order(Date(first), address: "https://old.example/x"));
        var old = platform.Snapshot().RoutingsFor("TEST-001", Contract).Single();

        var change = Today.AddDays(5);
        var report = await (await platform.Http.PostJsonAsync("/api/v1/orders", Order(Date(change) + "T12:00:00+0100", address: "https://new.example/x"))).JsonAsync();
        Assert.That(report["changes"]!.AsArray().Select(c => (string?)c!["action"]), Does.Contain("updated").And.Contain("created"));

        var routings = platform.Snapshot().RoutingsFor("TEST-001", Contract).OrderBy(r => r.Validity.From).ToList();
        Assert.That(routings, Has.Count.EqualTo(2));
        Assert.That(routings[0].Id, Is.EqualTo(old.Id));
        Assert.That(routings[0].Validity.To, Is.EqualTo(change.AddDays(-1)));
        Assert.That(routings[1].Validity.From, Is.EqualTo(change));
        Assert.That(routings[1].PhysicalAddress, Is.EqualTo("https://new.example/x"));

        var exclusion = new JsonObject
        {
            ["plattform"] = "NTJP-TEST",
            ["genomforandeTidpunkt"] = Date(Today.AddDays(3)),
            ["inkludera"] = Section(),
            ["exkludera"] = Section(authorizations: [Authorization()]),
        };
        await platform.Http.PostJsonAsync("/api/v1/orders", exclusion);
        Assert.That(platform.Snapshot().AuthorizationsFor("KONS-001", "TEST-001", Contract).Single().Validity.To, Is.EqualTo(Today.AddDays(2)));
    }

    [Test]
    public async Task References_neither_in_the_catalog_nor_in_the_order_are_refused_and_nothing_is_stored()
    {
        await using var platform = await TestPlatform.StartAsync();
        var start = platform.Snapshot().Version;
        var order = new JsonObject
        {
            ["genomforandeTidpunkt"] = Date(Today),
            ["inkludera"] = Section(routings: [Routing("https://x.example/y")]),
        };
        var problem = await (await platform.Http.PostJsonAsync("/api/v1/orders", order))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidOrder, "inkludera.vagval[0]: the component 'PROD-001' is neither in the catalog nor in inkludera.tjanstekomponenter");
        Assert.That((string?)problem["field"], Is.EqualTo("inkludera.vagval[0]"));
        Assert.That(platform.Snapshot().Version, Is.EqualTo(start));
    }

    [Test]
    public async Task Duplicates_bad_addresses_profiles_and_dates_are_refused()
    {
        await using var platform = await TestPlatform.StartAsync();
        var twice = Order(Date(Today), address: "https://a.example/x");
        twice["inkludera"]!["vagval"]!.AsArray().Add(Routing("https://b.example/x"));
        await (await platform.Http.PostJsonAsync("/api/v1/orders", twice)).AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidOrder, "ordered twice");

        await (await platform.Http.PostJsonAsync("/api/v1/orders", Order(Date(Today), address: "ftp://a.example/x")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidOrder, "inkludera.vagval[0].adress");

        var profile = Order(Date(Today), address: "https://a.example/x");
        profile["inkludera"]!["vagval"]![0]!["rivtaprofil"] = "SOAP11";
        await (await platform.Http.PostJsonAsync("/api/v1/orders", profile)).AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidOrder, "RIVTABP21 or RIVTABP20");

        await (await platform.Http.PostJsonAsync("/api/v1/orders", Order("next tuesday", address: "https://a.example/x")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidOrder, "genomforandeTidpunkt");
    }

    [Test]
    public async Task An_order_for_another_platform_is_refused_when_the_platform_name_is_configured()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Catalog:OrderPlatform"] = "NTJP-QA" });
        await (await platform.Http.PostJsonAsync("/api/v1/orders", Order(Date(Today), address: "https://a.example/x")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidOrder, "'NTJP-TEST', this catalog is 'NTJP-QA'");
    }

    internal static JsonObject Order(string genomforande, string address) => new()
    {
        ["plattform"] = "NTJP-TEST",
        ["formatVersion"] = 1.0,
        ["version"] = 1,
        ["bestallningsTidpunkt"] = "2022-05-22T12:00:01+0000",
        ["genomforandeTidpunkt"] = genomforande,
        ["utforare"] = "test",
        ["kommentar"] = null,
        ["inkludera"] = new JsonObject
        {
            ["tjanstekontrakt"] = new JsonArray(new JsonObject { ["namnrymd"] = Contract, ["beskrivning"] = "Returnerar aktiviteter.", ["majorVersion"] = 2 }),
            ["logiskadresser"] = new JsonArray(new JsonObject { ["hsaId"] = "TEST-001", ["beskrivning"] = "Logisk adress 1" }),
            ["tjanstekomponenter"] = new JsonArray(
                new JsonObject { ["hsaId"] = "PROD-001", ["beskrivning"] = "Producent" },
                new JsonObject { ["hsaId"] = "KONS-001", ["beskrivning"] = "Konsument" }),
            ["anropsbehorigheter"] = new JsonArray(Authorization()),
            ["vagval"] = new JsonArray(Routing(address)),
        },
        ["exkludera"] = Section(),
    };

    private static JsonObject Authorization() => new() { ["logiskAdress"] = "TEST-001", ["tjanstekontrakt"] = Contract, ["tjanstekonsument"] = "KONS-001" };

    private static JsonObject Routing(string address) => new()
    {
        ["adress"] = address,
        ["logiskAdress"] = "TEST-001",
        ["tjanstekontrakt"] = Contract,
        ["rivtaprofil"] = "RIVTABP21",
        ["tjanstekomponent"] = "PROD-001",
    };

    private static JsonObject Section(JsonObject[]? authorizations = null, JsonObject[]? routings = null) => new()
    {
        ["tjanstekontrakt"] = new JsonArray(),
        ["logiskadresser"] = new JsonArray(),
        ["tjanstekomponenter"] = new JsonArray(),
        ["anropsbehorigheter"] = new JsonArray([.. (authorizations ?? []).Cast<JsonNode>()]),
        ["vagval"] = new JsonArray([.. (routings ?? []).Cast<JsonNode>()]),
    };
}
