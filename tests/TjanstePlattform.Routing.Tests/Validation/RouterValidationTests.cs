using Microsoft.AspNetCore.Http;
using TjanstePlattform.Testing;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Routing.Tests.Validation;

/// <summary>Validation:Mode on the router: Reject answers VP015 with the reason, Log forwards untouched.</summary>
public class RouterValidationTests
{
    private int _forwarded;

    private async Task<(TestPlatform Platform, TestProducer Producer)> StartAsync(string mode)
    {
        var producer = await TestProducer.StartAsync(async ctx =>
        {
            Interlocked.Increment(ref _forwarded);
            ctx.Response.ContentType = "text/xml; charset=UTF-8";
            await ctx.Response.WriteAsync(GetMedicationHistoryResponse("<unexpected/>"));
        });
        var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Validation:Mode"] = mode });
        await new CatalogApi(platform.Http).ConnectAsync("C1", "SE-VALID", GetMedicationHistoryNamespace, producer.Address.ToString());
        return (platform, producer);
    }

    private static string InvalidRequest => GetMedicationHistory("SE-VALID").Replace("<urn2:type>1.2.752.129.2.1.3.1</urn2:type>", "");

    [Test]
    public async Task Reject_answers_VP015_naming_the_schema_error_and_forwards_nothing()
    {
        var (platform, producer) = await StartAsync("Reject");
        await using var _ = platform;
        await using var __ = producer;
        _forwarded = 0;

        using var response = await platform.Http.SendAsync(Post(platform.Router(), InvalidRequest, "C1"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP015", "Client", RouterAssert.VP015);
        Assert.That(detail, Does.Contain("does not validate"));
        Assert.That(detail, Does.Contain("Line 5").And.Contain("patientId"));
        Assert.That(_forwarded, Is.EqualTo(0));

        using var valid = await platform.Http.SendAsync(Post(platform.Router(), GetMedicationHistory("SE-VALID"), "C1"));
        Assert.That((int)valid.StatusCode, Is.EqualTo(200), "a valid request passes, and an invalid producer answer is only logged");
    }

    [Test]
    public async Task Log_forwards_an_invalid_request_unchanged()
    {
        var (platform, producer) = await StartAsync("Log");
        await using var _ = platform;
        await using var __ = producer;
        _forwarded = 0;
        using var response = await platform.Http.SendAsync(Post(platform.Router(), InvalidRequest, "C1"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(_forwarded, Is.EqualTo(1));
    }
}
