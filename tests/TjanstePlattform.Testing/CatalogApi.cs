using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TjanstePlattform.Testing;

/// <summary>Registers producers and authorizations through the platform's REST API, as a user would with curl.</summary>
public sealed class CatalogApi(HttpClient http)
{
    public async Task<JsonObject> AddServiceProductionAsync(
        string logicalAddress, string serviceContract, string physicalAddress,
        string serviceProducer = "TEST-PRODUCER", string rivtaProfile = "RIVTABP21",
        string? validFrom = null, string? validTo = null)
    {
        var body = new JsonObject
        {
            ["serviceProducer"] = serviceProducer,
            ["logicalAddress"] = logicalAddress,
            ["serviceContract"] = serviceContract,
            ["physicalAddress"] = physicalAddress,
            ["rivtaProfile"] = rivtaProfile,
        };
        if (validFrom is not null) body["validFrom"] = validFrom;
        if (validTo is not null) body["validTo"] = validTo;
        return await PostAsync("/api/v1/serviceProductions", body);
    }

    public async Task<JsonObject> AddCooperationAsync(
        string serviceConsumer, string logicalAddress, string serviceContract,
        string? validFrom = null, string? validTo = null, JsonArray? filters = null)
    {
        var body = new JsonObject
        {
            ["serviceConsumer"] = serviceConsumer,
            ["logicalAddress"] = logicalAddress,
            ["serviceContract"] = serviceContract,
        };
        if (validFrom is not null) body["validFrom"] = validFrom;
        if (validTo is not null) body["validTo"] = validTo;
        if (filters is not null) body["filters"] = filters;
        return await PostAsync("/api/v1/cooperations", body);
    }

    /// <summary>A routing and an authorization in one go: the usual set-up of a routed test.</summary>
    public async Task ConnectAsync(string consumer, string logicalAddress, string serviceContract, string physicalAddress, string rivtaProfile = "RIVTABP21")
    {
        await AddServiceProductionAsync(logicalAddress, serviceContract, physicalAddress, rivtaProfile: rivtaProfile);
        await AddCooperationAsync(consumer, logicalAddress, serviceContract);
    }

    private async Task<JsonObject> PostAsync(string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
