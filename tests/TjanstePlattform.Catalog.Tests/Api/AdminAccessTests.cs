using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using TjanstePlattform.Platform;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Api;

public class AdminAccessTests
{
    private const string Token = "s3cret-admin-token";

    [Test]
    public async Task With_a_token_configured_the_api_requires_it_as_bearer()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Admin:Token"] = Token });

        var anonymous = await platform.Http.GetAsync("/api/v1/serviceProductions");
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, AdminAccess.UnauthorizedType, "Authorization: Bearer");
        Assert.That(anonymous.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));

        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/serviceProductions") { Content = JsonContent(Production(logicalAddress: Unique("SE-LA"))) };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        await (await platform.Http.SendAsync(wrong)).AssertProblemAsync(HttpStatusCode.Unauthorized, AdminAccess.UnauthorizedType, "does not match");
        Assert.That(platform.Snapshot().ServiceProductions.Where(p => p.LogicalAddress.StartsWith("SE-LA", StringComparison.Ordinal)), Is.Empty, "a refused call changes nothing");

        var right = new HttpRequestMessage(HttpMethod.Post, "/api/v1/serviceProductions") { Content = JsonContent(Production(logicalAddress: Unique("SE-LA"))) };
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var created = await platform.Http.SendAsync(right);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Without_a_token_loopback_callers_need_no_credentials()
    {
        await using var platform = await TestPlatform.StartAsync();
        var response = await platform.Http.GetAsync("/api/v1/cooperations");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("10.1.2.3", StatusCodes.Status403Forbidden)]
    [TestCase("192.168.0.10", StatusCodes.Status403Forbidden)]
    [TestCase("::ffff:127.0.0.1", 0)]
    [TestCase("::1", 0)]
    [TestCase("127.0.0.1", 0)]
    public void Without_a_token_only_loopback_addresses_pass(string remote, int expectedStatus)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        var refusal = AdminAccess.Check(context, new AdminOptions());
        if (expectedStatus == 0)
        {
            Assert.That(refusal, Is.Null);
        }
        else
        {
            Assert.That(refusal, Is.InstanceOf<IStatusCodeHttpResult>());
            Assert.That(((IStatusCodeHttpResult)refusal!).StatusCode, Is.EqualTo(expectedStatus));
        }
    }

    [Test]
    public void With_a_token_a_remote_caller_with_the_right_bearer_passes()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        context.Request.Headers.Authorization = "Bearer " + Token;
        Assert.That(AdminAccess.Check(context, new AdminOptions { Token = Token }), Is.Null);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
