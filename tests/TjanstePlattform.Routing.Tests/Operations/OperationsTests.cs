using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Routing.Tests.Operations;

/// <summary>/status, /resetcache and the health endpoints.</summary>
public class OperationsTests
{
    [Test]
    public async Task Status_names_the_platform_and_counts_the_catalog()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Platform:Name"] = "TJP-TEST" });
        var status = await platform.Http.GetFromJsonAsync<JsonElement>("/status");
        Assert.That(status.GetProperty("name").GetString(), Is.EqualTo("TJP-TEST"));
        Assert.That(status.GetProperty("ready").GetBoolean(), Is.True);
        Assert.That(status.GetProperty("catalog").GetProperty("routings").GetInt32(), Is.GreaterThanOrEqualTo(1), "the built-in producers");
        Assert.That(status.GetProperty("uptime").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task Resetcache_reloads_and_reports()
    {
        await using var platform = await TestPlatform.StartAsync();
        using var response = await platform.Http.PostAsync("/resetcache", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        Assert.That(text, Does.Contain("succeeded"));
        Assert.That(text, Does.Contain("Routings (vägval):"));
    }

    [Test]
    public async Task Health_live_and_ready()
    {
        await using var platform = await TestPlatform.StartAsync();
        Assert.That((int)(await platform.Http.GetAsync("/health/live")).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await platform.Http.GetAsync("/health/ready")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Readiness_is_down_without_a_catalog()
    {
        await using var platform = await TestPlatform.StartWithCatalogAsync(new FixedCatalog(null));
        var status = await platform.Http.GetFromJsonAsync<JsonElement>("/status");
        Assert.That(status.GetProperty("catalog").GetProperty("state").GetString(), Is.EqualTo("UNAVAILABLE"));
    }
}
