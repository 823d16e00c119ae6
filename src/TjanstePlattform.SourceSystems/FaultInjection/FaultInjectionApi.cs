using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TjanstePlattform.Platform;
using TjanstePlattform.SourceSystems.DemoWorld;
using TjanstePlattform.SourceSystems.Storage;

namespace TjanstePlattform.SourceSystems.FaultInjection;

/// <summary>
/// The source systems' REST API (admin access): <c>GET /api/v1/sourceSystems</c> lists them;
/// <c>GET|PUT|DELETE /api/v1/sourceSystems/{hsaId}/faults</c> reads, sets and resets (to the data-file baseline) the
/// faults of one system at run time. Bad input is an RFC 7807 problem.
/// </summary>
internal static class FaultInjectionApi
{
    public const string BasePath = "/api/v1/sourceSystems";
    public const string NotFoundType = "urn:tjp:problem:source-system-not-found";
    public const string InvalidType = "urn:tjp:problem:invalid-fault-settings";

    private const int MaxBodyBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath).RequireAdminAccess().WithTags("Source systems");
        group.MapGet("", List).WithName("ListSourceSystems").WithSummary("List the built-in source systems with their fault settings");
        group.MapGet("/{hsaId}/faults", (string hsaId, SourceSystemDirectory directory, FaultInjector faults) =>
            directory.Find(hsaId) is { } system ? Results.Json(faults.Get(system.HsaId), StateJson.Options) : NotFound(hsaId))
            .WithName("GetSourceSystemFaults").WithSummary("Get a source system's fault injection settings").ProducesProblem(404);
        group.MapPut("/{hsaId}/faults", SetAsync)
            .WithName("SetSourceSystemFaults").WithSummary("Switch faults on in a source system (latency, closeConnection, httpError, soapFault, malformedXml)")
            .ProducesProblem(400).ProducesProblem(404);
        group.MapDelete("/{hsaId}/faults", (string hsaId, SourceSystemDirectory directory, FaultInjector faults) =>
            directory.Find(hsaId) is { } system ? Results.Json(faults.Reset(system.HsaId), StateJson.Options) : NotFound(hsaId))
            .WithName("ResetSourceSystemFaults").WithSummary("Switch every fault of a source system off").ProducesProblem(404);
    }

    private static IResult List(SourceSystemDirectory directory, FaultInjector faults) =>
        Results.Json(directory.All.Select(s => new
        {
            hsaId = s.HsaId,
            name = s.Name,
            kind = s.Kind.ToString(),
            logicalAddresses = s.LogicalAddresses,
            demoConsumerAuthorized = s.DemoConsumerAuthorized,
            contracts = s.Operations.Select(o => new { serviceContract = o.ContractNamespace, path = $"{s.BasePath(directory.PathBase)}/{o.RelativePath}" }),
            faults = faults.Get(s.HsaId),
        }), StateJson.Options);

    private static async Task<IResult> SetAsync(string hsaId, HttpRequest request, SourceSystemDirectory directory, FaultInjector faults)
    {
        if (directory.Find(hsaId) is not { } system)
        {
            return NotFound(hsaId);
        }

        var body = await ReadBoundedAsync(request);
        if (body is null)
        {
            return Invalid($"The body is larger than {MaxBodyBytes} bytes.");
        }

        FaultSettings? settings;
        try
        {
            settings = body.Length == 0 ? null : JsonSerializer.Deserialize<FaultSettings>(body, StateJson.Options);
        }
        catch (JsonException ex)
        {
            return Invalid($"The body is not valid fault settings JSON: {ex.Message}");
        }

        if (settings is null)
        {
            return Invalid("The body is empty; send {} to clear every fault.");
        }

        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, detail: "The fault settings are out of range.", type: InvalidType, title: "Invalid fault settings");
        }

        faults.Set(system.HsaId, settings);
        return Results.Json(faults.Get(system.HsaId), StateJson.Options);
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/> (declared or sent).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult NotFound(string hsaId) =>
        Results.Problem(detail: $"There is no built-in source system with HSA-id '{hsaId}'. GET {BasePath} lists them.",
            statusCode: StatusCodes.Status404NotFound, title: "Source system not found", type: NotFoundType);

    private static IResult Invalid(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid fault settings", type: InvalidType);
}
