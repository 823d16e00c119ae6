using System.Net;
using System.Text;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Orders;

/// <summary>Whole-catalog export and import: moving a configuration from one platform to another, in the version format.</summary>
public class TransferTests
{
    private const string Contract = "urn:riv:clinicalprocess:activity:actions:GetActivitiesResponder:2";

    [Test]
    public async Task A_json_bestallning_exported_from_one_platform_imports_into_another_unchanged()
    {
        string exported;
        await using (var source = await TestPlatform.StartAsync())
        {
            await source.Http.PostJsonAsync("/api/v1/orders", OrderApiTests.Order(Date(Today), address: "https://moved.example/x"));
            await source.Http.PostJsonAsync("/api/v1/cooperations", Cooperation(consumer: "KONS-002", logicalAddress: "*", contract: Contract,
                filters: new[] { new { serviceDomain = "riv:clinicalprocess:activity:actions", categorizations = new[] { "a", "b" } } }));
            var export = await source.Http.GetAsync("/api/v1/catalog/export");
            Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            exported = await export.Content.ReadAsStringAsync();
        }

        await using var target = await TestPlatform.StartAsync();
        var before = target.Snapshot().Version;

        var dry = await (await target.Http.PostRawAsync("/api/v1/catalog/import?dryRun=true", exported)).JsonAsync();
        Assert.That((bool)dry["dryRun"]!, Is.True);
        Assert.That(dry["changes"]!.AsArray().Select(c => (string?)c!["description"]), Has.Some.Contains("TEST-001 / " + Contract));
        Assert.That(target.Snapshot().Version, Is.EqualTo(before));

        var imported = await target.Http.PostRawAsync("/api/v1/catalog/import", exported);
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());
        var snapshot = target.Snapshot();
        Assert.That(snapshot.Version, Is.EqualTo(before + 1));
        Assert.That(snapshot.RoutingsFor("TEST-001", Contract).Single().PhysicalAddress, Is.EqualTo("https://moved.example/x"));
        Assert.That(snapshot.AuthorizationsFor("KONS-001", "TEST-001", Contract), Has.Count.EqualTo(1));
        Assert.That(snapshot.AuthorizationsFor("KONS-002", "*", Contract).Single().Filters.Single().Categorizations, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(snapshot.Components.Single(c => c.HsaId == "PROD-001").Description, Is.EqualTo("Producent"));
    }

    [Test]
    public async Task An_invalid_document_is_refused_with_the_entry_at_fault()
    {
        await using var platform = await TestPlatform.StartAsync();
        var overlapping = """
            {"format":"tjp-catalog/1","serviceProductions":[
              {"id":1,"serviceProducer":"P","logicalAddress":"LA","serviceContract":"urn:x:y:1","physicalAddress":"http://a/x","rivtaProfile":"RIVTABP21","validFrom":"2020-01-01","validTo":"2030-01-01"},
              {"id":2,"serviceProducer":"P","logicalAddress":"la","serviceContract":"urn:x:y:1","physicalAddress":"http://b/x","rivtaProfile":"RIVTABP21","validFrom":"2029-01-01","validTo":"2040-01-01"}]}
            """;
        await (await platform.Http.PostRawAsync("/api/v1/catalog/import", overlapping))
            .AssertProblemAsync(HttpStatusCode.Conflict, CatalogProblems.OverlappingRouting, "serviceProductions[1]");

        await (await platform.Http.PostRawAsync("/api/v1/catalog/import", """{"format":"something-else"}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidDocument, "tjp-catalog/1");
        await (await platform.Http.PostRawAsync("/api/v1/catalog/import", """{"format":"tjp-catalog/1","cooperations":[null]}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidDocument, "null entry");
        await (await platform.Http.PostRawAsync("/api/v1/catalog/import", """{"format":"tjp-catalog/1","serviceProductions":[{"id":1}]}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.MissingField, "serviceProductions[0].serviceProducer");
    }

    [Test]
    public async Task The_openapi_document_describes_the_api_with_examples()
    {
        await using var platform = await TestPlatform.StartAsync();
        var response = await platform.Http.GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var post = document["paths"]!["/api/v1/serviceProductions"]!["post"]!;
        var body = post["requestBody"]!["content"]!["application/json"]!;
        Assert.That((string?)body["example"]!["rivtaProfile"], Is.EqualTo("RIVTABP21"));
        Assert.That(body["schema"], Is.Not.Null);
        Assert.That(post["responses"]!["201"]!["content"]!["application/json"]!["example"]!["id"], Is.Not.Null);
        Assert.That((string?)post["responses"]!["409"]!["content"]!["application/problem+json"]!["example"]!["type"], Is.EqualTo(CatalogProblems.OverlappingRouting));
        Assert.That(document["paths"]!["/api/v1/orders"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!["inkludera"], Is.Not.Null);
        foreach (var path in new[] { "/api/v1/cooperations", "/api/v1/versions", "/api/v1/versions/{number}/rollback", "/api/v1/catalog/export", "/api/v1/catalog/import" })
        {
            Assert.That(document["paths"]![path], Is.Not.Null, path);
        }

        Assert.That(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()), Does.Not.Contain("/platform/registry"), "the SOAP endpoints are not REST operations");
    }
}
