using System.Net;
using System.Text;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Api;

public class ServiceProductionApiTests
{
    private const string Path = "/api/v1/serviceProductions";
    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _platform = await TestPlatform.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task Created_routing_is_returned_with_id_and_default_validity_and_is_routable_before_the_answer()
    {
        var address = Unique("SE-LA");
        var response = await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: address, profile: "rivtabp21"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var id = (long)body["id"]!;
        Assert.That(id, Is.GreaterThan(0));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Path}/{id}"));
        Assert.That((string?)body["validFrom"], Is.EqualTo(Date(Today)));
        Assert.That((string?)body["validTo"], Is.EqualTo(Date(Today.AddYears(100))));
        Assert.That((string?)body["rivtaProfile"], Is.EqualTo("RIVTABP21"), "the profile is stored in the catalog's spelling");

        // Case-insensitive lookup in the snapshot the router reads, right after the POST returned.
        var routings = _platform.Snapshot().RoutingsFor(address.ToLowerInvariant(), "URN:RIV:CLINICALPROCESS:ACTIVITYPRESCRIPTION:ACTOUTCOME:GETMEDICATIONHISTORYRESPONDER:2");
        Assert.That(routings.Select(r => r.Id), Is.EqualTo(new[] { id }));
        Assert.That(routings[0].PhysicalAddress, Is.EqualTo("http://127.0.0.1:9/producer"));
    }

    [Test]
    public async Task Get_list_get_by_id_and_delete_round_trip()
    {
        var address = Unique("SE-LA");
        var created = await (await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: address))).JsonAsync();
        var id = (long)created["id"]!;

        var list = await (await _platform.Http.GetAsync($"{Path}?logicalAddress={address}")).JsonAsync();
        Assert.That(list.AsArray().Select(n => (long)n!["id"]!), Is.EqualTo(new[] { id }));

        var single = await _platform.Http.GetAsync($"{Path}/{id}");
        Assert.That(single.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)(await single.JsonAsync())["logicalAddress"], Is.EqualTo(address));

        var deleted = await _platform.Http.DeleteAsync($"{Path}/{id}");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(_platform.Snapshot().RoutingsFor(address, "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2"), Is.Empty);

        await (await _platform.Http.GetAsync($"{Path}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, CatalogProblems.NotFound, $"id {id}");
        await (await _platform.Http.DeleteAsync($"{Path}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, CatalogProblems.NotFound);
    }

    [Test]
    public async Task Overlapping_routing_for_the_same_address_and_contract_is_refused_naming_the_conflicting_id()
    {
        var address = Unique("SE-LA");
        var first = await (await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: address, validFrom: "2030-01-01", validTo: "2030-12-31"))).JsonAsync();

        var overlapping = await _platform.Http.PostJsonAsync(Path, Production(
            logicalAddress: address.ToLowerInvariant(), contract: "URN:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2",
            address: "https://other.example/x", validFrom: "2030-12-31", validTo: "2031-06-30"));
        var problem = await overlapping.AssertProblemAsync(HttpStatusCode.Conflict, CatalogProblems.OverlappingRouting, $"service production {first["id"]}");
        Assert.That((long?)problem["conflictingId"], Is.EqualTo((long)first["id"]!));

        // Adjacent periods do not overlap; another contract at the same address does not either.
        var adjacent = await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: address, validFrom: "2031-01-01", validTo: "2031-12-31"));
        Assert.That(adjacent.StatusCode, Is.EqualTo(HttpStatusCode.Created), await adjacent.Content.ReadAsStringAsync());
        var otherContract = await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: address, contract: "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1", validFrom: "2030-01-01", validTo: "2030-12-31"));
        Assert.That(otherContract.StatusCode, Is.EqualTo(HttpStatusCode.Created), await otherContract.Content.ReadAsStringAsync());
    }

    [TestCase("serviceProducer")]
    [TestCase("logicalAddress")]
    [TestCase("serviceContract")]
    [TestCase("physicalAddress")]
    [TestCase("rivtaProfile")]
    public async Task Missing_or_blank_field_is_a_problem_naming_the_field(string field)
    {
        var body = (Dictionary<string, object?>)Production(logicalAddress: Unique("SE-LA"));
        body.Remove(field);
        var problem = await (await _platform.Http.PostJsonAsync(Path, body)).AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.MissingField, $"'{field}' is required");
        Assert.That((string?)problem["field"], Is.EqualTo(field));

        body[field] = "   ";
        await (await _platform.Http.PostJsonAsync(Path, body)).AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.MissingField, $"'{field}' is required");
    }

    [TestCase("ftp://producer.example/x")]
    [TestCase("/relative/path")]
    [TestCase("http://")]
    [TestCase("http://exa mple.com/x")]
    [TestCase("https://user:secret@producer.example/x")]
    [TestCase("not a url")]
    public async Task Non_http_or_malformed_physical_address_is_refused(string address)
    {
        await (await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: Unique("SE-LA"), address: address)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidAddress, "absolute http or https URL");
    }

    [Test]
    public async Task Unknown_profile_is_refused()
    {
        await (await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: Unique("SE-LA"), profile: "RIVTABP30")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.UnknownProfile, "RIVTABP21 or RIVTABP20: 'RIVTABP30'");
    }

    [Test]
    public async Task ValidTo_before_validFrom_is_refused()
    {
        await (await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: Unique("SE-LA"), validFrom: "2030-02-01", validTo: "2030-01-31")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidValidity, "validTo (2030-01-31) is before validFrom (2030-02-01)");
    }

    [TestCase("validFrom", "2030-13-01")]
    [TestCase("validFrom", "20300101")]
    [TestCase("validTo", "2030-01-01T00:00:00")]
    public async Task Malformed_date_is_refused(string field, string value)
    {
        var body = (Dictionary<string, object?>)Production(logicalAddress: Unique("SE-LA"));
        body[field] = value;
        var problem = await (await _platform.Http.PostJsonAsync(Path, body)).AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidDate, "yyyy-MM-dd");
        Assert.That((string?)problem["field"], Is.EqualTo(field));
    }

    [Test]
    public async Task A_given_validFrom_without_validTo_is_valid_for_100_years_from_that_day()
    {
        var body = await (await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: Unique("SE-LA"), validFrom: "2031-05-06"))).JsonAsync();
        Assert.That((string?)body["validTo"], Is.EqualTo("2131-05-06"));
    }

    [TestCase(" SE-LEADING")]
    [TestCase("SE-TRAILING ")]
    public async Task Logical_address_with_surrounding_whitespace_is_refused(string address)
    {
        await (await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: address)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidField, "leading or trailing whitespace");
    }

    [Test]
    public async Task Service_contract_that_is_not_a_namespace_is_refused()
    {
        await (await _platform.Http.PostJsonAsync(Path, Production(logicalAddress: Unique("SE-LA"), contract: "GetMedicationHistory")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.InvalidContract, "namespace URI");
    }

    [TestCase("{\"serviceProducer\": \"x\",", "not valid JSON")]
    [TestCase("[1,2,3]", "not valid JSON")]
    [TestCase("null", "null")]
    [TestCase("{\"serviceProducer\": 42}", "not valid JSON")]
    [TestCase("{\"logicalAdress\": \"typo\"}", "logicalAdress")]
    public async Task Malformed_json_is_a_400_problem_never_a_500(string json, string detail)
    {
        await (await _platform.Http.PostRawAsync(Path, json)).AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.MalformedJson, detail);
    }

    [Test]
    public async Task Empty_body_is_a_400_problem()
    {
        await (await _platform.Http.PostRawAsync(Path, string.Empty)).AssertProblemAsync(HttpStatusCode.BadRequest, CatalogProblems.MalformedJson, "empty");
    }

    [Test]
    public async Task Non_json_media_type_is_a_415_problem()
    {
        await (await _platform.Http.PostRawAsync(Path, "<x/>", "text/xml")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, CatalogProblems.UnsupportedMediaType);
    }

    [Test]
    public async Task Body_over_the_limit_is_a_413_problem_also_when_chunked()
    {
        var huge = "{\"serviceProducer\": \"" + new string('x', 1024 * 1024 + 10) + "\"}";
        await (await _platform.Http.PostRawAsync(Path, huge)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, CatalogProblems.PayloadTooLarge);

        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await (await _platform.Http.SendAsync(request)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, CatalogProblems.PayloadTooLarge);
    }
}
