using System.Net;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Api;

public class CooperationApiTests
{
    private const string Path = "/api/v1/cooperations";
    private const string Contract = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";
    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _platform = await TestPlatform.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task Authorization_for_every_address_with_filters_is_created_and_visible_at_once()
    {
        var consumer = Unique("SE-CONS");
        var response = await _platform.Http.PostJsonAsync(Path, Cooperation(consumer: consumer, logicalAddress: "*",
            filters: new[] { new { serviceDomain = "riv:clinicalprocess:activityprescription:actoutcome", categorizations = new[] { "caa-gmh", "caa-gmh" } } }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var id = (long)body["id"]!;
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Path}/{id}"));
        Assert.That((string?)body["validFrom"], Is.EqualTo(Date(Today)));
        Assert.That((string?)body["validTo"], Is.EqualTo(Date(Today.AddYears(100))));
        Assert.That(body["filters"]![0]!["categorizations"]!.AsArray().Select(n => (string?)n), Is.EqualTo(new[] { "caa-gmh" }), "duplicates are dropped");

        var found = _platform.Snapshot().AuthorizationsFor(consumer.ToUpperInvariant(), "*", Contract.ToUpperInvariant());
        Assert.That(found.Select(c => c.Id), Is.EqualTo(new[] { id }));
        Assert.That(found[0].Filters.Single().ServiceDomain, Is.EqualTo("riv:clinicalprocess:activityprescription:actoutcome"));

        Assert.That((await _platform.Http.DeleteAsync($"{Path}/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(_platform.Snapshot().AuthorizationsFor(consumer, "*", Contract), Is.Empty);
    }

    [Test]
    public async Task Overlapping_equivalent_authorization_is_refused_and_others_are_not()
    {
        var consumer = Unique("SE-CONS");
        var first = await (await _platform.Http.PostJsonAsync(Path, Cooperation(consumer: consumer, logicalAddress: "SE-LA-1"))).JsonAsync();

        var twin = await _platform.Http.PostJsonAsync(Path, Cooperation(consumer: consumer.ToLowerInvariant(), logicalAddress: "se-la-1", validFrom: "2040-01-01"));
        var problem = await twin.AssertProblemAsync(HttpStatusCode.Conflict, CatalogProblems.OverlappingAuthorization, $"cooperation {first["id"]}");
        Assert.That((long?)problem["conflictingId"], Is.EqualTo((long)first["id"]!));

        Assert.That((await _platform.Http.PostJsonAsync(Path, Cooperation(consumer: consumer, logicalAddress: "SE-LA-2"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await _platform.Http.PostJsonAsync(Path, Cooperation(consumer: consumer, logicalAddress: "*"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("serviceConsumer")]
    [TestCase("logicalAddress")]
    [TestCase("serviceContract")]
    public async Task Missing_field_is_refused(string field)
    {
        var body = (Dictionary<string, object?>)Cooperation(consumer: Unique("SE-CONS"));
        body.Remove(field);
        await (await _platform.Http.PostJsonAsync(Path, body)).AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.MissingField, field);
    }

    [Test]
    public async Task Filter_without_service_domain_is_refused()
    {
        await (await _platform.Http.PostJsonAsync(Path, Cooperation(consumer: Unique("SE-CONS"), filters: new[] { new { categorizations = new[] { "x" } } })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.MissingField, "filters[0].serviceDomain");
    }

    [Test]
    public async Task Consumer_named_star_is_refused()
    {
        await (await _platform.Http.PostJsonAsync(Path, Cooperation(consumer: "*")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidField, "'*' is only allowed as a logical address");
    }

    [Test]
    public async Task Invalid_validity_is_refused()
    {
        await (await _platform.Http.PostJsonAsync(Path, Cooperation(consumer: Unique("SE-CONS"), validFrom: "2030-01-02", validTo: "2030-01-01")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidValidity);
    }

    [Test]
    public async Task Unknown_id_is_a_404_problem()
    {
        await (await _platform.Http.GetAsync($"{Path}/987654321")).AssertProblemAsync(HttpStatusCode.NotFound, CatalogProblems.NotFound, "987654321");
        await (await _platform.Http.DeleteAsync($"{Path}/987654321")).AssertProblemAsync(HttpStatusCode.NotFound, CatalogProblems.NotFound);
    }
}
