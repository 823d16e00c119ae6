using System.Net;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Api;

/// <summary>Components, contracts and logical addresses: uniqueness, derived versions, and deletion only when unused.</summary>
public class ReferenceDataApiTests
{
    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _platform = await TestPlatform.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task Component_hsa_ids_are_unique_case_insensitively()
    {
        var hsaId = Unique("SE-COMP");
        var created = await _platform.Http.PostJsonAsync("/api/v1/components", new { hsaId, description = "Journal" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = (long)(await created.JsonAsync())["id"]!;

        var twin = await _platform.Http.PostJsonAsync("/api/v1/components", new { hsaId = hsaId.ToLowerInvariant() });
        var problem = await twin.AssertProblemAsync(HttpStatusCode.Conflict, CatalogProblems.Duplicate, $"id {id}");
        Assert.That((long?)problem["conflictingId"], Is.EqualTo(id));
    }

    [TestCase("urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1", 1, 0)]
    [TestCase("urn:riv:example:GetThingsResponder:2.1", 2, 1)]
    [TestCase("urn:skl:tp:vagvalsinfo:v2", 2, 0)]
    public async Task Contract_major_and_minor_come_from_the_namespace(string ns, int major, int minor)
    {
        var response = await _platform.Http.PostJsonAsync("/api/v1/serviceContracts", new { @namespace = ns.Replace("GetThings", Unique("GetThings"), StringComparison.Ordinal) });
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            // The platform registers some of these itself; the duplicate rule then answers instead.
            await response.AssertProblemAsync(HttpStatusCode.Conflict, CatalogProblems.Duplicate);
            var existing = (await (await _platform.Http.GetAsync("/api/v1/serviceContracts")).JsonAsync()).AsArray()
                .Single(c => string.Equals((string?)c!["namespace"], ns, StringComparison.OrdinalIgnoreCase))!;
            Assert.That(((int)existing["major"]!, (int)existing["minor"]!), Is.EqualTo((major, minor)));
            return;
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.That(((int)body["major"]!, (int)body["minor"]!), Is.EqualTo((major, minor)));
    }

    [Test]
    public async Task A_major_version_contradicting_the_namespace_is_refused()
    {
        await (await _platform.Http.PostJsonAsync("/api/v1/serviceContracts", new { @namespace = $"urn:riv:example:{Unique("X")}Responder:3", major = 2 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidField, "namespace, which says major version 3");
    }

    [Test]
    public async Task A_routing_creates_its_component_contract_and_logical_address_which_then_cannot_be_deleted()
    {
        var address = Unique("SE-LA");
        var contract = $"urn:riv:example:{Unique("Thing")}Responder:1";
        var producer = Unique("SE-PROD");
        var production = await (await _platform.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: address, contract: contract, producer: producer))).JsonAsync();

        var component = (await (await _platform.Http.GetAsync("/api/v1/components")).JsonAsync()).AsArray().Single(c => (string?)c!["hsaId"] == producer)!;
        var la = (await (await _platform.Http.GetAsync("/api/v1/logicalAddresses")).JsonAsync()).AsArray().Single(c => (string?)c!["hsaId"] == address)!;
        var serviceContract = (await (await _platform.Http.GetAsync("/api/v1/serviceContracts")).JsonAsync()).AsArray().Single(c => (string?)c!["namespace"] == contract)!;

        var productionId = (long)production["id"]!;
        await (await _platform.Http.DeleteAsync($"/api/v1/components/{component["id"]}")).AssertProblemAsync(HttpStatusCode.Conflict, CatalogProblems.InUse, $"service production {productionId}");
        await (await _platform.Http.DeleteAsync($"/api/v1/logicalAddresses/{la["id"]}")).AssertProblemAsync(HttpStatusCode.Conflict, CatalogProblems.InUse, $"service production {productionId}");
        await (await _platform.Http.DeleteAsync($"/api/v1/serviceContracts/{serviceContract["id"]}")).AssertProblemAsync(HttpStatusCode.Conflict, CatalogProblems.InUse, $"service production {productionId}");

        Assert.That((await _platform.Http.DeleteAsync($"/api/v1/serviceProductions/{productionId}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _platform.Http.DeleteAsync($"/api/v1/components/{component["id"]}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _platform.Http.DeleteAsync($"/api/v1/logicalAddresses/{la["id"]}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _platform.Http.DeleteAsync($"/api/v1/serviceContracts/{serviceContract["id"]}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(_platform.Snapshot().ServiceContracts.Any(c => c.Namespace == contract), Is.False);
    }

    [Test]
    public async Task Logical_address_star_is_allowed_but_not_inside_a_name()
    {
        await (await _platform.Http.PostJsonAsync("/api/v1/logicalAddresses", new { hsaId = "SE*1" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidField, "may be '*'");
    }

    [Test]
    public async Task Rivta_profiles_are_listed()
    {
        var profiles = await (await _platform.Http.GetAsync("/api/v1/rivtaProfiles")).JsonAsync();
        Assert.That(profiles.AsArray().Select(p => (string?)p), Is.EquivalentTo(new[] { "RIVTABP21", "RIVTABP20" }));
    }
}
