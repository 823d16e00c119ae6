using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Host.Tests.Platform;

/// <summary>The REST API's OpenAPI document and its JSON text.</summary>
public class RestApiDocumentTests
{
    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _platform = await TestPlatform.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task Every_operation_has_an_operationId_and_a_summary_and_admin_ones_the_bearer_scheme()
    {
        var document = JsonNode.Parse(await _platform.Http.GetStringAsync("/openapi/v1.json"))!;
        var scheme = document["components"]!["securitySchemes"]!["adminToken"]!;
        Assert.That(((string?)scheme["type"], (string?)scheme["scheme"]), Is.EqualTo(("http", "bearer")));

        var ids = new List<string>();
        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                operations++;
                var name = $"{method.ToUpperInvariant()} {path}";
                Assert.That((string?)operation!["operationId"], Is.Not.Null.And.Not.Empty, name + " has an operationId");
                Assert.That((string?)operation["summary"], Is.Not.Null.And.Not.Empty, name + " has a summary");
                ids.Add((string)operation["operationId"]!);
                if (path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    Assert.That(operation["security"]?.AsArray().Any(s => s!["adminToken"] is not null), Is.True, name + " needs the admin token");
                    foreach (var status in new[] { "401", "403" })
                    {
                        Assert.That(operation["responses"]?[status]?["content"]?["application/problem+json"], Is.Not.Null, $"{name} documents {status} as a problem");
                    }
                }
            }
        }

        Assert.That(operations, Is.GreaterThanOrEqualTo(42));
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public async Task Json_answers_do_not_escape_plus_or_Swedish_letters()
    {
        using var created = await _platform.Http.PostAsJsonAsync("/api/v1/components", new { hsaId = "SE-JSON-PLUS", description = "Vårdcentral + labb" });
        var text = await created.Content.ReadAsStringAsync();
        Assert.That(created.IsSuccessStatusCode, text);
        Assert.That(text, Does.Contain("Vårdcentral + labb"));

        var versions = await _platform.Http.GetStringAsync("/api/v1/versions");
        Assert.That(versions, Does.Match(@"""publishedAt"":""[0-9T:.-]+\+\d\d:\d\d"""));

        using var refused = await _platform.Http.PostAsJsonAsync("/api/v1/components", new { hsaId = "SE-JSON-PLUS", description = "again + again" });
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), problem);

        foreach (var body in new[] { text, versions, problem, await _platform.Http.GetStringAsync("/api/v1/sourceSystems"), await _platform.Http.GetStringAsync("/status") })
        {
            Assert.That(body, Does.Not.Contain("\\u002B").And.Not.Contain("\\u00E5").And.Not.Contain("\\u00C4"), body);
        }
    }
}
