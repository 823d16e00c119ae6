using System.Net;
using System.Xml.Linq;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Routing.Tests.BuiltIns;

/// <summary>
/// The router hands calls for built-in producers over in-process with exactly what an HTTP hop gives: the same answer
/// bytes, headers, faults; the HTTP hop (Routing:BuiltInsOverHttp) stays available. The aggregating services' fan-out
/// goes through the same router in-process and authorizes by sender or original consumer with the one rule.
/// </summary>
public class InProcessDispatchTests
{
    private const string Consumer = "TJP-DEMO-CONSUMER";
    private const string Contract = SoapMessages.GetMedicationHistoryNamespace;
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    private static async Task<(HttpResponseMessage Response, string Body)> CallAsync(TestPlatform platform, string envelope, string sender = Consumer, string? correlationId = null, string? originalConsumer = null)
    {
        using var request = SoapMessages.Post(platform.Router(), envelope, sender);
        if (correlationId is not null)
        {
            request.Headers.TryAddWithoutValidation("x-skltp-correlation-id", correlationId);
        }

        if (originalConsumer is not null)
        {
            request.Headers.TryAddWithoutValidation("x-rivta-original-serviceconsumer-hsaid", originalConsumer);
        }

        var response = await platform.Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task In_process_and_over_HTTP_a_built_in_gives_the_same_answer_and_headers()
    {
        await using var inProcess = await TestPlatform.StartAsync();
        await using var overHttp = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Routing:BuiltInsOverHttp"] = "true" });
        var envelope = SoapMessages.GetMedicationHistory("SE2321000016-JRN1");

        var (direct, directBody) = await CallAsync(inProcess, envelope, correlationId: "corr-same-1");
        var (hop, hopBody) = await CallAsync(overHttp, envelope, correlationId: "corr-same-1");

        Assert.That(direct.StatusCode, Is.EqualTo(HttpStatusCode.OK), directBody);
        Assert.That(hop.StatusCode, Is.EqualTo(HttpStatusCode.OK), hopBody);
        Assert.That(directBody, Is.EqualTo(hopBody), "the same bytes: the producer saw the same headers (its logId is the correlation id)");
        Assert.That(directBody, Does.Contain("<ns3:logId>corr-same-1</ns3:logId>").Or.Contain("logId>corr-same-1<"));
        foreach (var response in new[] { direct, hop })
        {
            Assert.That(response.Headers.GetValues("x-skltp-correlation-id"), Is.EqualTo(new[] { "corr-same-1" }));
            Assert.That(long.Parse(response.Headers.GetValues("x-skltp-prt").Single()), Is.GreaterThanOrEqualTo(0));
            Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/xml; charset=UTF-8"));
        }
    }

    [Test]
    public async Task Over_HTTP_an_unreadable_request_is_still_VP015_because_the_platform_token_marks_the_router()
    {
        await using var overHttp = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Routing:BuiltInsOverHttp"] = "true" });
        var envelope = SoapMessages.GetMedicationHistory("SE2321000016-JRN1", extraBody: "<a>\u0001</a>");

        var (response, body) = await CallAsync(overHttp, envelope);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(XDocument.Parse(body).Descendants("faultstring").Single().Value, Does.StartWith("VP015 [TJP] "));
    }

    [Test]
    public async Task The_fan_out_sets_the_original_consumer_by_right_even_when_unapproved_senders_are_rejected()
    {
        // Before, the platform's own fan-out set x-rivta-original-serviceconsumer-hsaid without being on the allow list:
        // with VP013 switched on every branch failed.
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Routing:RejectUnapprovedOriginalConsumer"] = "true" });

        var (response, body) = await CallAsync(platform, SoapMessages.GetMedicationHistory("5565594230"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var statuses = XDocument.Parse(body).Descendants().Where(e => e.Name.LocalName == "statusCode").Select(e => e.Value).ToList();
        Assert.That(statuses, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(statuses, Is.All.EqualTo("DataFromSource"), body);
    }

    [Test]
    public async Task The_fan_out_authorizes_through_the_original_consumer_with_the_one_rule()
    {
        // PORTAL may call the national address itself but may read no source system; its original consumer may read JRN1.
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Routing:OriginalConsumerAllowList:0"] = "PORTAL" });
        var catalog = new CatalogApi(platform.Http);
        await catalog.AddCooperationAsync("PORTAL", "5565594230", Contract);
        await catalog.AddCooperationAsync("ORIGINAL-1177", "SE2321000016-JRN1", Contract);

        var (viaOriginal, body) = await CallAsync(platform, SoapMessages.GetMedicationHistory("5565594230"), sender: "PORTAL", originalConsumer: "ORIGINAL-1177");
        var (alone, aloneBody) = await CallAsync(platform, SoapMessages.GetMedicationHistory("5565594230"), sender: "PORTAL");

        Assert.That(viaOriginal.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var addresses = XDocument.Parse(body).Descendants().Where(e => e.Name.LocalName == "logicalAddress").Select(e => e.Value).ToList();
        Assert.That(addresses, Is.EqualTo(new[] { "SE2321000016-JRN1" }), "only the source the original consumer may read is asked, and it answers");
        Assert.That(body, Does.Contain("DataFromSource"));
        Assert.That(XDocument.Parse(aloneBody).Descendants().Where(e => e.Name.LocalName == "logicalAddress"), Is.Empty, "without it, nothing is read");
    }
}
