using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using TjanstePlattform.Testing;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Routing.Tests.Forwarding;

/// <summary>What passes through the router: headers both ways, bodies as streams, producer failures as VP009.</summary>
public class ForwardingTests
{
    private const string Consumer = "TEST-CONSUMER";
    private TestPlatform _platform = null!;
    private CatalogApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _platform = await TestPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Routing:Timeouts:Contracts:" + GetMedicationHistoryNamespace] = "00:00:00.300",
        });
        _api = new CatalogApi(_platform.Http);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    private async Task<string> RegisterAsync(Uri address)
    {
        var receiver = "SE-" + Guid.NewGuid().ToString("N")[..10];
        await _api.ConnectAsync(Consumer, receiver, GetMedicationHistoryNamespace, address.ToString());
        return receiver;
    }

    [Test]
    public async Task Headers_are_set_kept_and_stripped_towards_the_producer_and_back()
    {
        IHeaderDictionary? seen = null;
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            seen = new HeaderDictionary(ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
            ctx.Response.ContentType = "text/xml; charset=UTF-8";
            ctx.Response.Headers["x-producer-header"] = "kept";
            ctx.Response.Headers["x-vp-internal"] = "stripped";
            await ctx.Response.WriteAsync(GetMedicationHistoryResponse());
        });
        var receiver = await RegisterAsync(producer.Address);

        var request = Post(_platform.Router(), GetMedicationHistory(receiver), Consumer);
        request.Headers.TryAddWithoutValidation("x-skltp-correlation-id", "corr-123");
        request.Headers.TryAddWithoutValidation("x-custom-consumer", "passes");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "10.1.2.3");
        request.Headers.TryAddWithoutValidation("x-vp-auth-cert", "not-for-producers");
        request.Headers.TryAddWithoutValidation("SOAPAction", "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2:GetMedicationHistory");
        using var response = await _platform.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seen, Is.Not.Null);
        Assert.That(seen!["x-skltp-correlation-id"].ToString(), Is.EqualTo("corr-123"));
        Assert.That(seen["x-rivta-original-serviceconsumer-hsaid"].ToString(), Is.EqualTo(Consumer), "no incoming value: the sender");
        Assert.That(seen["x-vp-sender-id"].ToString(), Is.EqualTo(Consumer));
        Assert.That(seen["x-vp-instance-id"].ToString(), Is.EqualTo("tjp-local"));
        Assert.That(seen["x-rivta-routing-history"].ToString(), Is.EqualTo("tjp-local"), "no history yet: our instance id alone");
        Assert.That(seen["x-custom-consumer"].ToString(), Is.EqualTo("passes"));
        Assert.That(seen["SOAPAction"].ToString(), Does.EndWith("GetMedicationHistory"));
        Assert.That(seen["Content-Type"].ToString(), Is.EqualTo("text/xml; charset=UTF-8"));
        Assert.That(seen["User-Agent"].ToString(), Is.Not.Empty);
        Assert.That(seen.ContainsKey("X-Forwarded-For"), Is.False);
        Assert.That(seen.ContainsKey("x-vp-auth-cert"), Is.False);

        Assert.That(response.Headers.GetValues("x-skltp-correlation-id").Single(), Is.EqualTo("corr-123"));
        Assert.That(long.Parse(response.Headers.GetValues("x-skltp-prt").Single()), Is.GreaterThanOrEqualTo(0));
        Assert.That(response.Headers.GetValues("x-producer-header").Single(), Is.EqualTo("kept"));
        Assert.That(response.Headers.Contains("x-vp-internal"), Is.False);
    }

    [Test]
    public async Task A_new_correlation_id_is_created_and_returned_and_the_original_consumer_kept()
    {
        IHeaderDictionary? seen = null;
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            seen = new HeaderDictionary(ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
            ctx.Response.ContentType = "text/xml";
            await ctx.Response.WriteAsync(GetMedicationHistoryResponse());
        });
        var receiver = await RegisterAsync(producer.Address);
        var request = Post(_platform.Router(), GetMedicationHistory(receiver), Consumer);
        request.Headers.TryAddWithoutValidation("x-rivta-original-serviceconsumer-hsaid", "ORIGINAL-E-SERVICE");
        request.Headers.TryAddWithoutValidation("x-rivta-routing-history", "other-vp");
        using var response = await _platform.Http.SendAsync(request);

        var returned = response.Headers.GetValues("x-skltp-correlation-id").Single();
        Assert.That(Guid.TryParse(returned, out _), Is.True);
        Assert.That(seen!["x-skltp-correlation-id"].ToString(), Is.EqualTo(returned));
        Assert.That(seen["x-rivta-original-serviceconsumer-hsaid"].ToString(), Is.EqualTo("ORIGINAL-E-SERVICE"));
        Assert.That(seen["x-rivta-routing-history"].ToString(), Is.EqualTo("other-vp,tjp-local"), "ours appended after a comma");
    }

    [Test]
    public async Task The_producers_routing_history_is_passed_back_to_the_consumer()
    {
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            // A producer that is itself a platform answers with its own id appended.
            ctx.Response.Headers["x-rivta-routing-history"] = ctx.Request.Headers["x-rivta-routing-history"] + ",next-vp";
            ctx.Response.ContentType = "text/xml";
            await ctx.Response.WriteAsync(GetMedicationHistoryResponse());
        });
        var receiver = await RegisterAsync(producer.Address);
        var request = Post(_platform.Router(), GetMedicationHistory(receiver), Consumer);
        request.Headers.TryAddWithoutValidation("x-rivta-routing-history", "first-vp");
        using var response = await _platform.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("x-rivta-routing-history").Single(), Is.EqualTo("first-vp,tjp-local,next-vp"));
    }

    [Test]
    public async Task A_200_answer_passes_byte_for_byte()
    {
        var answer = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + GetMedicationHistoryResponse("<!-- ÅÄÖ åäö -->  "));
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "text/xml; charset=UTF-8";
            await ctx.Response.Body.WriteAsync(answer);
        });
        var receiver = await RegisterAsync(producer.Address);
        using var response = await _platform.Http.SendAsync(Post(_platform.Router(), GetMedicationHistory(receiver), Consumer));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(answer));
    }

    [Test]
    public async Task A_producer_SOAP_fault_passes_through_with_500()
    {
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            ctx.Response.StatusCode = 500;
            ctx.Response.ContentType = "text/xml; charset=UTF-8";
            await ctx.Response.WriteAsync(ProducerFault);
        });
        var receiver = await RegisterAsync(producer.Address);
        using var response = await _platform.Http.SendAsync(Post(_platform.Router(), GetMedicationHistory(receiver), Consumer));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(ProducerFault));
    }

    [Test]
    public async Task VP009_when_the_connection_is_refused()
    {
        var address = TestProducer.RefusingAddress();
        var receiver = await RegisterAsync(address);
        using var response = await _platform.Http.SendAsync(Post(_platform.Router(), GetMedicationHistory(receiver), Consumer));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP009", "Server", RouterAssert.VP009);
        Assert.That(detail, Does.StartWith($"Error connecting to service producer at address {address}"));
    }

    [Test]
    public async Task VP009_when_the_producer_does_not_answer_in_time()
    {
        using var producer = new SilentProducer();
        var receiver = await RegisterAsync(producer.Address);
        using var response = await _platform.Http.SendAsync(Post(_platform.Router(), GetMedicationHistory(receiver), Consumer));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP009", "Server", RouterAssert.VP009);
        Assert.That(detail, Does.StartWith($"Error connecting to service producer at address {producer.Address}"));
        Assert.That(detail, Does.Contain("Timeout"));
    }

    [TestCase(503, "text/html", "<html>down</html>")]
    [TestCase(500, "text/xml", "")]
    [TestCase(200, "text/xml", "")]
    public async Task VP009_when_the_producer_answers_something_that_is_not_SOAP(int status, string contentType, string body)
    {
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = contentType;
            ctx.Response.ContentLength = Encoding.UTF8.GetByteCount(body);
            await ctx.Response.WriteAsync(body);
        });
        var receiver = await RegisterAsync(producer.Address);
        using var response = await _platform.Http.SendAsync(Post(_platform.Router(), GetMedicationHistory(receiver), Consumer));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP009", "Server", RouterAssert.VP009);
        Assert.That(detail, Does.Contain($"HTTP status {status}"));
    }

    [Test]
    public async Task Twenty_megabytes_stream_through_in_both_directions()
    {
        const int size = 20 * 1024 * 1024;
        long receivedBytes = 0;
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await ctx.Request.Body.ReadAsync(buffer)) > 0)
            {
                receivedBytes += read;
            }

            ctx.Response.ContentType = "text/xml; charset=UTF-8";
            await ctx.Response.WriteAsync("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><r xmlns=\"urn:x\">");
            var chunk = Encoding.ASCII.GetBytes(new string('b', 1024 * 1024));
            for (var i = 0; i < 20; i++)
            {
                await ctx.Response.Body.WriteAsync(chunk);
            }

            await ctx.Response.WriteAsync("</r></soap:Body></soap:Envelope>");
        });
        var receiver = await RegisterAsync(producer.Address);

        var envelope = GetMedicationHistory(receiver, extraBody: "<!--" + new string('a', size) + "-->");
        var request = Post(_platform.Router(), "", Consumer);
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(envelope)));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
        using var response = await _platform.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        long answered = 0;
        await using (var stream = await response.Content.ReadAsStreamAsync())
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                answered += read;
            }
        }

        Assert.That(receivedBytes, Is.EqualTo(Encoding.UTF8.GetByteCount(envelope)));
        Assert.That(answered, Is.GreaterThan(size));
    }
}
