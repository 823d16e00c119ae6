using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Routing.Operations;

/// <summary>
/// The router's operations endpoints, as on the reference platform: <c>GET /status</c> (JSON) and
/// <c>POST /resetcache</c> (reload the catalog snapshot; plain-text report).
/// </summary>
public static class OperationsEndpoints
{
    private static readonly DateTimeOffset StartedAt = new(Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);

    public static IEndpointRouteBuilder MapRouterOperations(this IEndpointRouteBuilder endpoints)
    {
        // Parts a host may leave out (the catalog's status, its reloader) are optional parameters, not looked up later.
        endpoints.MapGet("/status", (ICatalogSnapshotSource catalog, [FromServices] ICatalogStatus? status, PlatformReadiness readiness, IOptions<PlatformOptions> platform) =>
        {
            var snapshot = catalog.Current;
            var uptime = DateTimeOffset.UtcNow - StartedAt;
            return Results.Json(new
            {
                name = platform.Value.Name,
                instanceId = platform.Value.InstanceId,
                hsaId = platform.Value.HsaId,
                version = Version,
                started = StartedAt,
                uptime = uptime.ToString(@"d\.hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture),
                ready = readiness.IsReady,
                catalog = new
                {
                    state = snapshot is null ? "UNAVAILABLE" : status?.Source.ToString() ?? "Store",
                    version = snapshot?.Version,
                    publishedAt = snapshot?.PublishedAt,
                    loadedAt = status?.LoadedAt,
                    lastReset = status?.LastReset,
                    lastError = status?.LastError,
                    routings = snapshot?.ServiceProductions.Count ?? 0,
                    authorizations = snapshot?.Cooperations.Count ?? 0,
                },
                process = new
                {
                    workingSetBytes = Environment.WorkingSet,
                    gcHeapBytes = GC.GetTotalMemory(false),
                    threads = Process.GetCurrentProcess().Threads.Count,
                },
            });
        }).WithDisplayName("Router status").WithTags("Operations").WithName("GetStatus")
            .WithSummary("The platform's name, version, uptime, readiness and catalog state");

        endpoints.MapPost("/resetcache", async ([FromServices] ICatalogReloader? reloader, ICatalogSnapshotSource catalog, CancellationToken cancellationToken) =>
        {
            var report = new StringBuilder();
            if (reloader is null)
            {
                return Results.Text("Reset of the catalog cache is not available.\n", "text/plain", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
            }

            var before = catalog.Current;
            var after = await reloader.ReloadAsync(cancellationToken);
            if (after is null)
            {
                report.AppendLine("Reset of the catalog cache FAILED: the catalog store could not be read.");
                report.AppendLine(before is null
                    ? "No catalog is loaded: routed calls answer VP008."
                    : $"Still serving version {before.Version} from memory.");
                return Results.Text(report.ToString(), "text/plain", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
            }

            report.AppendLine("Reset of the catalog cache succeeded.");
            report.AppendLine($"Version: {before?.Version.ToString() ?? "none"} -> {after.Version}");
            report.AppendLine($"Routings (vägval): {after.ServiceProductions.Count}");
            report.AppendLine($"Authorizations (anropsbehörigheter): {after.Cooperations.Count}");
            return Results.Text(report.ToString(), "text/plain", Encoding.UTF8);
        }).WithDisplayName("Router reset cache").WithTags("Operations").WithName("ResetCache")
            .WithSummary("Reload the catalog from its store (plain-text report)").Produces<string>(200, "text/plain").Produces<string>(503, "text/plain");

        return endpoints;
    }

    private static string Version =>
        typeof(OperationsEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
