using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Console.Tests.Calls;

/// <summary>
/// The live-call feed's REST API against the demo world: routed and aggregated calls with their fan-out, filters,
/// person ids masked unless Console:ShowPersonIds, the ring's bound, and the admin rules.
/// </summary>
public class CallsApiTests
{
    private const string Consumer = "TJP-DEMO-CONSUMER";
    private const string Jrn1 = "SE2321000016-JRN1";
    private const string National = "5565594230";
    private const string Tolvan = "191212121212";
    private const string GmhPath = "clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21";

    private const string LongFilter = "a123456789b123456789c123456789d123456789e123456789f123456789g123456789h123456789i123456789j123456789"
        + "a123456789b123456789c123456789d123456789e123456789f123456789g123456789h123456789i123456789j123456789"
        + "a123456789b123456789c123456789d123456789e123456789f123456789g123456789";

    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["CallFeed:Capacity"] = "50" });

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task An_aggregated_call_shows_its_branches_with_ProcessingStatus_and_a_masked_person_id()
    {
        var correlationId = await CallAsync(_platform, National, Tolvan);

        var detail = (await _platform.Http.GetFromJsonAsync<JsonObject>($"/api/v1/calls/{correlationId}"))!;

        var fanOut = detail["fanOuts"]!.AsArray().Single()!;
        var branches = fanOut["branches"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(fanOut["contract"]!.GetValue<string>(), Is.EqualTo("GetMedicationHistory-2"));
            Assert.That(fanOut["patientId"]!.GetValue<string>(), Is.EqualTo("19121212****"));
            Assert.That(branches.Select(b => b!["logicalAddress"]!.GetValue<string>()), Does.Contain(Jrn1));
            Assert.That(branches.Single(b => b!["logicalAddress"]!.GetValue<string>() == Jrn1)!["status"]!.GetValue<string>(), Is.EqualTo("DataFromSource"));
            // The consumer's call to the national address and each branch through the router share the correlation id.
            var calls = detail["calls"]!.AsArray();
            Assert.That(calls.Select(c => c!["receiver"]!.GetValue<string>()), Does.Contain(National).And.Contain(Jrn1));
            Assert.That(detail.ToJsonString(), Does.Not.Contain(Tolvan));
        });
    }

    [Test]
    public async Task A_routed_call_is_listed_with_sender_receiver_contract_result_times_and_headers()
    {
        var correlationId = await CallAsync(_platform, Jrn1, Tolvan);

        var calls = (await _platform.Http.GetFromJsonAsync<JsonArray>($"/api/v1/calls?receiver={Jrn1}&result=OK"))!;

        var call = calls.Single(c => c!["correlationId"]!.GetValue<string>() == correlationId)!;
        Assert.Multiple(() =>
        {
            Assert.That(call["sender"]!.GetValue<string>(), Is.EqualTo(Consumer));
            Assert.That(call["contract"]!.GetValue<string>(), Is.EqualTo(SoapMessages.GetMedicationHistoryNamespace));
            Assert.That(call["httpStatus"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(call["durationMs"]!.GetValue<double>(), Is.GreaterThan(0));
            Assert.That(call["producerMs"], Is.Not.Null);
            Assert.That(call["requestHeaders"]!.AsArray().Select(h => h!["key"]!.GetValue<string>()), Does.Contain("x-vp-sender-id"));
            Assert.That(call["responseHeaders"]!.AsArray().Select(h => h!["key"]!.GetValue<string>()), Does.Contain("x-skltp-correlation-id"));
        });
    }

    [Test]
    public async Task A_person_id_in_a_header_is_masked_in_the_feed()
    {
        using var request = SoapMessages.Post(_platform.Router(GmhPath), SoapMessages.GetMedicationHistory("SE-NOT-ROUTED-MASK"), Consumer);
        request.Headers.TryAddWithoutValidation("x-test-patient", "patient 19121212-1212 and 201803159852");
        using var response = await _platform.Http.SendAsync(request);
        var correlationId = response.Headers.GetValues("x-skltp-correlation-id").Single();

        var detail = (await _platform.Http.GetFromJsonAsync<JsonObject>($"/api/v1/calls/{correlationId}"))!;

        var header = detail["calls"]![0]!["requestHeaders"]!.AsArray().Single(h => h!["key"]!.GetValue<string>() == "x-test-patient")!;
        Assert.That(header["value"]!.GetValue<string>(), Is.EqualTo("patient 19121212-**** and 20180315****"));
    }

    [Test]
    public async Task Filters_select_by_result_and_contract()
    {
        var refused = await CallAsync(_platform, "SE-NOT-ROUTED-FILTER");

        var vp004 = (await _platform.Http.GetFromJsonAsync<JsonArray>("/api/v1/calls?result=VP004"))!;
        var ok = (await _platform.Http.GetFromJsonAsync<JsonArray>("/api/v1/calls?result=OK"))!;
        var otherContract = (await _platform.Http.GetFromJsonAsync<JsonArray>("/api/v1/calls?contract=MakeBooking"))!;

        Assert.That(vp004.Select(c => c!["correlationId"]!.GetValue<string>()), Does.Contain(refused));
        Assert.That(ok.Select(c => c!["correlationId"]!.GetValue<string>()), Does.Not.Contain(refused));
        Assert.That(otherContract.Select(c => c!["correlationId"]!.GetValue<string>()), Does.Not.Contain(refused));
    }

    [Test]
    public async Task The_feed_keeps_only_the_configured_number_of_calls()
    {
        var first = await CallAsync(_platform, "SE-RING-FIRST");
        for (var i = 0; i < 50; i++)
        {
            await CallAsync(_platform, "SE-RING-FILL");
        }

        var all = (await _platform.Http.GetFromJsonAsync<JsonArray>("/api/v1/calls?limit=500"))!;
        using var gone = await _platform.Http.GetAsync($"/api/v1/calls/{first}");

        Assert.That(all, Has.Count.EqualTo(50));
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(gone.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("limit=0")]
    [TestCase("limit=501")]
    [TestCase("contract=" + LongFilter)]
    [TestCase("sender=" + LongFilter)]
    public async Task A_limit_out_of_range_is_a_problem(string query)
    {
        using var response = await _platform.Http.GetAsync($"/api/v1/calls?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["type"]!.GetValue<string>(), Is.EqualTo("urn:tjp:problem:invalid-call-query"));
    }

    [Test]
    public async Task Headers_kept_per_call_are_bounded_in_number_and_length()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["CallFeed:MaxHeaders"] = "3",
            ["CallFeed:MaxHeaderValueLength"] = "16",
            ["SourceSystems:Enabled"] = "false",
        });
        using var request = SoapMessages.Post(platform.Router(GmhPath), SoapMessages.GetMedicationHistory("SE-NOT-ROUTED-BOUND"), Consumer);
        for (var i = 0; i < 10; i++)
        {
            request.Headers.TryAddWithoutValidation($"x-test-{i}", new string('v', 1000));
        }

        using var response = await platform.Http.SendAsync(request);
        var correlationId = response.Headers.GetValues("x-skltp-correlation-id").Single();
        var call = (await platform.Http.GetFromJsonAsync<JsonObject>($"/api/v1/calls/{correlationId}"))!["calls"]![0]!;

        var headers = call["requestHeaders"]!.AsArray();
        Assert.That(headers, Has.Count.EqualTo(3));
        Assert.That(headers.Select(h => h!["value"]!.GetValue<string>().Length), Has.All.LessThanOrEqualTo(17), "16 characters and an ellipsis");
    }

    [Test]
    public async Task Person_ids_are_shown_when_the_operator_turns_masking_off()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Console:ShowPersonIds"] = "true" });
        var correlationId = await CallAsync(platform, National, Tolvan);

        var detail = (await platform.Http.GetFromJsonAsync<JsonObject>($"/api/v1/calls/{correlationId}"))!;

        Assert.That(detail["fanOuts"]![0]!["patientId"]!.GetValue<string>(), Is.EqualTo(Tolvan));
    }

    [Test]
    public async Task With_an_admin_token_the_feed_needs_it()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Admin:Token"] = "console-secret-1",
            ["SourceSystems:Enabled"] = "false",
        });

        using var without = await platform.Http.GetAsync("/api/v1/calls");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/calls");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "console-secret-1");
        using var with = await platform.Http.SendAsync(request);

        Assert.That(without.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(with.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_console_page_and_its_files_are_served_at_the_root()
    {
        using var page = await _platform.Http.GetAsync("/");
        using var script = await _platform.Http.GetAsync("/console/console.js");
        using var missing = await _platform.Http.GetAsync("/console/nothing.js");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("/console/console.js"));
        Assert.That(script.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_API_reference_is_served_from_the_platform_itself()
    {
        var page = await _platform.Http.GetStringAsync("/scalar/");
        var scripts = System.Text.RegularExpressions.Regex.Matches(page, "<script[^>]*src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.That(scripts, Is.Not.Empty);
        Assert.That(scripts, Has.None.StartWith("http"), "no script from another host");
        foreach (var script in scripts)
        {
            using var response = await _platform.Http.GetAsync(new Uri(new Uri(_platform.BaseAddress, "/scalar/"), script));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), script);
        }
    }

    [Test]
    public async Task The_WSDL_list_links_each_contract_to_its_wsdl()
    {
        var wsdls = (await _platform.Http.GetFromJsonAsync<JsonArray>("/api/v1/wsdls"))!;

        var gmh = wsdls.Single(w => w!["path"]!.GetValue<string>() == GmhPath)!;
        using var response = await _platform.Http.GetAsync(gmh["url"]!.GetValue<string>());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("definitions"));
    }

    [Test]
    public async Task The_engagement_look_up_needs_a_person_and_a_service_domain()
    {
        var found = (await _platform.Http.GetFromJsonAsync<JsonArray>($"/api/v1/engagementIndex/engagements?personId={Tolvan}&serviceDomain=riv:clinicalprocess:activityprescription:actoutcome"))!;
        using var bad = await _platform.Http.GetAsync("/api/v1/engagementIndex/engagements?personId=");

        Assert.That(found.Select(e => e!["logicalAddress"]!.GetValue<string>()), Does.Contain(Jrn1));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "personId", "serviceDomain" }));
    }

    /// <summary>One GetMedicationHistory through the router as the demo consumer; returns the call's correlation id.</summary>
    internal static async Task<string> CallAsync(TestPlatform platform, string receiver, string patient = Tolvan)
    {
        using var request = SoapMessages.Post(platform.Router(GmhPath), SoapMessages.GetMedicationHistory(receiver, patient), Consumer);
        using var response = await platform.Http.SendAsync(request);
        await response.Content.ReadAsStringAsync();
        return response.Headers.GetValues("x-skltp-correlation-id").Single();
    }
}
