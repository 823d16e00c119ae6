using System.Net;
using System.Net.Http.Json;
using System.ServiceModel;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Contracts.Interoperability;
using TjanstePlattform.SourceSystems.FaultInjection;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;

namespace TjanstePlattform.SourceSystems.Tests.FaultInjection;

/// <summary>
/// Faults set at run time through <c>/api/v1/sourceSystems/{hsaId}/faults</c>, seen by a consumer through the router (the
/// VP code, or the producer's own fault passed through) and by the aggregating service (a ProcessingStatus record).
/// The probability source is scripted, so "50 %" is deterministic here.
/// </summary>
public class FaultInjectionTests : DemoWorldFixture
{
    private readonly ScriptedProbability _dice = new();

    private Calls Calls => new(Platform);

    /// <summary>A short router timeout so added latency shows as a timeout without a long wait.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Routing:Timeouts:Default"] = "00:00:02" };

    protected override void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IProbabilitySource>(_dice);

    [TearDown]
    public async Task ResetFaultsAsync()
    {
        foreach (var system in new[] { Jrn1, Jrn2, Jrn3 })
        {
            using var reset = await Platform.Http.DeleteAsync($"/api/v1/sourceSystems/{system}/faults");
            reset.EnsureSuccessStatusCode();
        }
    }

    private async Task<HttpResponseMessage> PutAsync(string system, string json) =>
        await Platform.Http.PutAsync($"/api/v1/sourceSystems/{system}/faults", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task SetAsync(string system, string json)
    {
        using var response = await PutAsync(system, json);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<string> FaultStringAsync(string system)
    {
        var fault = await Assert.ThrowsAsync<FaultException>(() => Calls.MedicationHistoryAsync(system, Tolvan));
        return fault!.Reason.GetMatchingTranslation().Text;
    }

    [Test]
    public async Task The_API_lists_the_systems_with_their_contracts_and_the_slow_systems_baseline()
    {
        var systems = (await Platform.Http.GetFromJsonAsync<JsonArray>("/api/v1/sourceSystems"))!;
        var jrn3 = (await Platform.Http.GetFromJsonAsync<JsonObject>($"/api/v1/sourceSystems/{Jrn3}/faults"))!;

        Assert.That(systems.Select(s => s!["hsaId"]!.GetValue<string>()), Is.SupersetOf(new[] { Jrn1, Jrn2, Jrn3, Jrn4, Bok1, Bok2, Msup, "112233" }));
        var bok1 = systems.Single(s => s!["hsaId"]!.GetValue<string>() == Bok1)!;
        Assert.That(bok1["contracts"]!.AsArray(), Has.Count.EqualTo(6));
        Assert.That(bok1["contracts"]![0]!["path"]!.GetValue<string>(), Does.StartWith($"/sourcesystems/{Bok1}/"));
        Assert.That(jrn3["latency"]!["milliseconds"]!.GetValue<int>(), Is.EqualTo(3000));
    }

    [TestCase("""{"latency": {"milliseconds": 10, "probability": 1.5}}""", "latency.probability")]
    [TestCase("""{"httpError": {"statusCode": 200}}""", "httpError.statusCode")]
    [TestCase("""{"soapFault": {"faultCode": "Receiver"}}""", "soapFault.faultCode")]
    [TestCase("""{"latency": {"milliseconds": -1}}""", "latency.milliseconds")]
    public async Task Settings_out_of_range_are_a_validation_problem(string json, string field)
    {
        using var response = await PutAsync(Jrn1, json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(problem["type"]!.GetValue<string>(), Is.EqualTo("urn:tjp:problem:invalid-fault-settings"));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [TestCase("""{"persons": {"19121212121X": {"soapFault": {}}}}""", "persons.19121212121X")]
    [TestCase("""{"persons": {"191212121212": {"latency": {"milliseconds": -1}}}}""", "persons.191212121212.latency.milliseconds")]
    [TestCase("""{"persons": {"191212121212": {"persons": {"194404029813": {}}}}}""", "persons.191212121212")]
    public async Task Person_faults_are_validated_by_person(string json, string field)
    {
        using var response = await PutAsync(Jrn2, json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task More_persons_than_the_limit_is_a_validation_problem()
    {
        var persons = string.Join(",", Enumerable.Range(0, FaultSettings.MaxPersons + 1).Select(i => $"\"19500101{i:D4}\": {{}}"));

        using var response = await PutAsync(Jrn2, "{\"persons\": {" + persons + "}}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain("persons"));
    }

    [Test]
    public async Task A_person_fault_strikes_only_calls_about_that_person()
    {
        await SetAsync(Jrn2, """{"persons": {"194404029813": {"soapFault": {"faultString": "Siv kan inte visas"}}}}""");

        var fault = await Assert.ThrowsAsync<FaultException>(() => Calls.MedicationHistoryAsync(Jrn2, Siv));
        var tolvan = await Calls.MedicationHistoryAsync(Jrn2, Tolvan);
        var aggregated = await Calls.MedicationHistoryAsync(National, Siv);
        var settings = (await Platform.Http.GetFromJsonAsync<JsonObject>($"/api/v1/sourceSystems/{Jrn2}/faults"))!;

        Assert.That(fault!.Reason.GetMatchingTranslation().Text, Is.EqualTo("Siv kan inte visas"));
        Assert.That(tolvan.GetMedicationHistoryResponseValue.MedicationMedicalRecord, Is.Not.Empty, "the system-wide settings are empty: other persons are answered");
        Assert.That(aggregated.ProcessingStatus!.ProcessingStatusList.Single(s => s.LogicalAddress == Jrn2).StatusCode, Is.EqualTo(StatusCodeEnum.NoDataSynchFailed));
        Assert.That(settings["persons"]![Siv]!["soapFault"]!["faultString"]!.GetValue<string>(), Is.EqualTo("Siv kan inte visas"));
    }

    [TestCase("""{"latencyMs": 10}""")]
    [TestCase("not json")]
    [TestCase("")]
    public async Task A_body_that_is_not_fault_settings_is_a_problem(string body)
    {
        using var response = await PutAsync(Jrn1, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task An_unknown_system_is_a_404_problem()
    {
        using var response = await PutAsync("SE-NOSUCH", "{}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["type"]!.GetValue<string>(), Is.EqualTo("urn:tjp:problem:source-system-not-found"));
    }

    [Test]
    public async Task A_closed_connection_and_an_HTTP_error_are_VP009_through_the_router()
    {
        await SetAsync(Jrn1, """{"closeConnection": {"probability": 1}}""");
        await SetAsync(Jrn2, """{"httpError": {"statusCode": 503, "probability": 1}}""");

        Assert.That(await FaultStringAsync(Jrn1), Does.StartWith("VP009 [TJP]"));
        Assert.That(await FaultStringAsync(Jrn2), Does.StartWith("VP009 [TJP]"));
    }

    [Test]
    public async Task Added_latency_beyond_the_routers_timeout_is_VP009()
    {
        await SetAsync(Jrn1, """{"latency": {"milliseconds": 30000, "probability": 1}}""");

        Assert.That(await FaultStringAsync(Jrn1), Does.StartWith("VP009 [TJP]"));
    }

    [Test]
    public async Task The_producers_own_SOAP_fault_passes_through_the_router_unchanged()
    {
        await SetAsync(Jrn1, """{"soapFault": {"probability": 1, "faultCode": "Server", "faultString": "Journalen är stängd för underhåll"}}""");

        Assert.That(await FaultStringAsync(Jrn1), Is.EqualTo("Journalen är stängd för underhåll"));
    }

    [Test]
    public async Task Malformed_XML_reaches_the_consumer_as_an_HTTP_200_it_cannot_read()
    {
        await SetAsync(Jrn1, """{"malformedXml": {"probability": 1}}""");
        using var request = SoapMessages.Post(Platform.Router(Calls.GmhPath), SoapMessages.GetMedicationHistory(Jrn1), Consumer);

        using var response = await Platform.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(() => System.Xml.Linq.XDocument.Parse(response.Content.ReadAsStringAsync().Result), Throws.InstanceOf<System.Xml.XmlException>());
    }

    [Test]
    public async Task A_probability_strikes_when_the_dice_say_so()
    {
        await SetAsync(Jrn1, """{"soapFault": {"probability": 0.5, "faultString": "Ibland"}}""");
        _dice.Next(0.3, 0.7);

        Assert.That(await FaultStringAsync(Jrn1), Is.EqualTo("Ibland"));
        Assert.That((await Calls.MedicationHistoryAsync(Jrn1, Tolvan)).GetMedicationHistoryResponseValue.MedicationMedicalRecord, Is.Not.Empty);
    }

    [Test]
    public async Task A_failing_producer_is_a_NoDataSynchFailed_record_in_the_aggregated_answer_and_the_others_still_answer()
    {
        await SetAsync(Jrn1, """{"soapFault": {"probability": 1}}""");

        var response = await Calls.MedicationHistoryAsync(National, Tolvan);

        var records = response.ProcessingStatus!.ProcessingStatusList;
        var jrn1 = records.Single(r => r.LogicalAddress == Jrn1);
        Assert.That(jrn1.StatusCode, Is.EqualTo(StatusCodeEnum.NoDataSynchFailed));
        Assert.That(jrn1.IsResponseInSynch, Is.False);
        Assert.That(jrn1.LastUnsuccessfulSynchError!.CausingAgent, Is.EqualTo(CausingAgentEnum.ServiceProducer));
        Assert.That(records.Single(r => r.LogicalAddress == Jrn2).StatusCode, Is.EqualTo(StatusCodeEnum.DataFromSource));
        Assert.That(response.GetMedicationHistoryResponseValue.MedicationMedicalRecord.Select(r => r.MedicationMedicalRecordHeader.SourceSystemHSAId), Is.All.EqualTo(Jrn2).And.Not.Empty);
    }

    [Test]
    public async Task Reset_returns_a_system_to_its_data_file_baseline()
    {
        await SetAsync(Jrn3, "{}");
        var cleared = (await Platform.Http.GetFromJsonAsync<JsonObject>($"/api/v1/sourceSystems/{Jrn3}/faults"))!;
        using var reset = await Platform.Http.DeleteAsync($"/api/v1/sourceSystems/{Jrn3}/faults");
        var restored = (await reset.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.That(cleared.Count, Is.Zero);
        Assert.That(restored["latency"]!["milliseconds"]!.GetValue<int>(), Is.EqualTo(3000));
    }

    /// <summary>Answers the queued numbers, then 0.99 (nothing with a probability below 1 strikes).</summary>
    private sealed class ScriptedProbability : IProbabilitySource
    {
        private readonly Queue<double> _next = new();

        public void Next(params double[] values)
        {
            lock (_next)
            {
                foreach (var value in values)
                {
                    _next.Enqueue(value);
                }
            }
        }

        public double NextDouble()
        {
            lock (_next)
            {
                return _next.TryDequeue(out var value) ? value : 0.99;
            }
        }
    }
}

/// <summary>With <c>Admin:Token</c> set, the fault API wants the bearer token, like every administrative API.</summary>
public class FaultInjectionAccessTests : DemoWorldFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Admin:Token"] = "sekret-token-123" };

    [Test]
    public async Task Without_the_token_the_API_answers_401_and_with_it_200()
    {
        using var without = await Platform.Http.GetAsync($"/api/v1/sourceSystems/{Jrn1}/faults");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sourceSystems/{Jrn1}/faults");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sekret-token-123");
        using var with = await Platform.Http.SendAsync(request);

        Assert.That(without.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(without.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(with.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
