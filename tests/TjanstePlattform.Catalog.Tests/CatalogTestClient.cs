using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TjanstePlattform.Catalog.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Catalog.Tests;

/// <summary>Small helpers for calling the catalog API of a running test platform.</summary>
internal static class CatalogTestClient
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, object body) =>
        http.PostAsync(path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient http, string path, string body, string contentType = "application/json") =>
        http.PostAsync(path, new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)));

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new AssertionException("empty JSON body");

    /// <summary>Asserts an RFC 7807 problem: status, media type, type and (part of) the detail.</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type, string? detailContains = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonNode.Parse(text)!;
        Assert.That((string?)problem["type"], Is.EqualTo(type), text);
        Assert.That((int?)problem["status"], Is.EqualTo((int)status), text);
        Assert.That((string?)problem["title"], Is.Not.Null.And.Not.Empty, text);
        if (detailContains is not null)
        {
            Assert.That((string?)problem["detail"], Does.Contain(detailContains), text);
        }

        return problem;
    }

    public static object Production(
        string logicalAddress = "SE0000000001-1234",
        string contract = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2",
        string address = "http://127.0.0.1:9/producer",
        string producer = "SE0000000001-PROD",
        string profile = "RIVTABP21",
        string? validFrom = null,
        string? validTo = null) =>
        new Dictionary<string, object?>
        {
            ["serviceProducer"] = producer,
            ["logicalAddress"] = logicalAddress,
            ["serviceContract"] = contract,
            ["physicalAddress"] = address,
            ["rivtaProfile"] = profile,
            ["validFrom"] = validFrom,
            ["validTo"] = validTo,
        }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

    public static object Cooperation(
        string consumer = "SE0000000002-CONS",
        string logicalAddress = "SE0000000001-1234",
        string contract = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2",
        string? validFrom = null,
        string? validTo = null,
        object? filters = null) =>
        new Dictionary<string, object?>
        {
            ["serviceConsumer"] = consumer,
            ["logicalAddress"] = logicalAddress,
            ["serviceContract"] = contract,
            ["validFrom"] = validFrom,
            ["validTo"] = validTo,
            ["filters"] = filters,
        }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

    public static CatalogSnapshot Snapshot(this TestPlatform platform) =>
        platform.Services.GetRequiredService<ICatalogSnapshotSource>().Current ?? throw new AssertionException("no catalog snapshot");

    /// <summary>A unique value per test so tests sharing one platform never collide.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, prefix.Length + 33)];
}
