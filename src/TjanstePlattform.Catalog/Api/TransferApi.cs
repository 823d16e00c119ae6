using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Orders;
using TjanstePlattform.Catalog.Serialization;

namespace TjanstePlattform.Catalog.Api;

/// <summary>
/// Bulk changes: TAK's JSON-beställning (<c>POST /api/v1/orders</c>) and whole-catalog export/import in the
/// published-version format. <c>?dryRun=true</c> reports what would change and stores nothing.
/// </summary>
internal static class TransferApi
{
    public static void MapTransferApi(this RouteGroupBuilder api)
    {
        api.MapPost("/orders", PostOrderAsync).WithTags("Orders (JSON-beställning)").WithName("ImportOrder").WithSummary("Apply a TAK JSON-beställning (dryRun=true reports what would change)")
            .WithMetadata(new CatalogApi.JsonRequestBody(typeof(CatalogOrder))).Produces<OrderReport>().ProducesProblem(400).ProducesProblem(409);

        var transfer = api.MapGroup("/catalog").WithTags("Export and import");
        transfer.MapGet("/export", (CatalogRuntime runtime, HttpContext context, bool? pending) =>
        {
            if (pending == true)
            {
                return runtime.StoreAvailable
                    ? Results.Json(CatalogJson.ToJson(runtime.Working), CatalogJson.Indented)
                    : CatalogProblems.Unavailable(runtime.LastError ?? "The catalog store cannot be read.").ToResult(context);
            }

            var current = runtime.Current;
            return current is null
                ? CatalogProblems.Unavailable("No catalog version is loaded.").ToResult(context)
                : Results.Json(CatalogJson.ToJson(new CatalogVersion(current.Version, current.PublishedAt, "export", null, DocumentOf(current))), CatalogJson.Indented);
        }).WithName("ExportCatalog").WithSummary("Export the published (or, with pending=true, the pending) catalog as JSON").Produces<CatalogDocumentJson>();
        transfer.MapPost("/import", ImportAsync).WithName("ImportCatalog").WithSummary("Replace the catalog with a whole-catalog document (export or version format)")
            .WithMetadata(new CatalogApi.JsonRequestBody(typeof(CatalogDocumentJson))).Produces<ImportReport>().ProducesProblem(400);
    }

    private static async Task<IResult> PostOrderAsync(HttpContext context, CatalogRuntime runtime, IOptions<CatalogOptions> options, bool? dryRun, CancellationToken cancellationToken)
    {
        // Real orders carry fields we do not use (majorVersion, minorVersion, free comments): read leniently.
        var (order, problem) = await JsonBody.ReadAsync<CatalogOrder>(context.Request, options.Value.MaxImportBytes, cancellationToken, strict: false).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem.ToResult(context);
        }

        var requester = CatalogApi.AuthorOf(context);
        var author = new CatalogAuthor(
            string.IsNullOrWhiteSpace(order!.Utforare) ? requester.Name : order.Utforare.Trim(),
            requester.Comment ?? (string.IsNullOrWhiteSpace(order.Kommentar) ? "JSON-beställning" : $"JSON-beställning: {order.Kommentar.Trim()}"));
        var platform = string.IsNullOrWhiteSpace(options.Value.OrderPlatform) ? null : options.Value.OrderPlatform;
        var outcome = await runtime.EditAsync(edit => OrderExecutor.Apply(edit, order, platform), author, dryRun == true, cancellationToken).ConfigureAwait(false);
        if (outcome.Problem is not null)
        {
            return outcome.Problem.ToResult(context);
        }

        var result = outcome.Value!;
        if (result.Published is { } version)
        {
            context.Response.Headers[CatalogApi.VersionHeader] = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Json(new OrderReport(result.DryRun, result.Published?.Number, result.Value.EffectiveFrom, result.Changes, result.Value.Messages), CatalogJson.Options);
    }

    private static async Task<IResult> ImportAsync(HttpContext context, CatalogRuntime runtime, IOptions<CatalogOptions> options, bool? dryRun, CancellationToken cancellationToken)
    {
        var (json, problem) = await JsonBody.ReadAsync<CatalogDocumentJson>(context.Request, options.Value.MaxImportBytes, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem.ToResult(context);
        }

        if (json!.Format != CatalogJson.Format)
        {
            return new CatalogProblem(CatalogProblems.InvalidDocument, "Invalid catalog document", 400,
                $"'format' must be '{CatalogJson.Format}' (the shape of GET /api/v1/versions/{{n}} and /api/v1/catalog/export): '{json.Format}'.") { Field = "format" }.ToResult(context);
        }

        if (NullEntry(json) is { } list)
        {
            return new CatalogProblem(CatalogProblems.InvalidDocument, "Invalid catalog document", 400, $"'{list}' holds a null entry.") { Field = list }.ToResult(context);
        }

        CatalogDocument document;
        try
        {
            document = CatalogJson.FromJson(json);
        }
        catch (ArgumentException ex)
        {
            return new CatalogProblem(CatalogProblems.InvalidDocument, "Invalid catalog document", 400, ex.Message).ToResult(context);
        }

        var requester = CatalogApi.AuthorOf(context);
        var outcome = await runtime.ImportAsync(document, requester with { Comment = requester.Comment ?? "Import of a whole catalog" }, dryRun == true, cancellationToken).ConfigureAwait(false);
        if (outcome.Problem is not null)
        {
            return outcome.Problem.ToResult(context);
        }

        var result = outcome.Value!;
        if (result.Published is { } version)
        {
            context.Response.Headers[CatalogApi.VersionHeader] = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Json(new ImportReport(result.DryRun, result.Published?.Number, result.Value, result.Changes), CatalogJson.Options);
    }

    private static string? NullEntry(CatalogDocumentJson json) =>
        json.Components?.Contains(null) == true ? "components"
        : json.ServiceContracts?.Contains(null) == true ? "serviceContracts"
        : json.LogicalAddresses?.Contains(null) == true ? "logicalAddresses"
        : json.ServiceProductions?.Contains(null) == true ? "serviceProductions"
        : json.Cooperations?.Contains(null) == true ? "cooperations"
        : json.Cooperations?.Any(c => c.Filters?.Contains(null) == true) == true ? "cooperations[].filters"
        : null;

    private static CatalogDocument DocumentOf(Snapshots.CatalogSnapshot snapshot) =>
        new(snapshot.Components, snapshot.ServiceContracts, snapshot.LogicalAddresses, snapshot.ServiceProductions, snapshot.Cooperations);
}

/// <summary>What a whole-catalog import did (or would do).</summary>
public sealed record ImportReport(bool DryRun, long? PublishedVersion, CatalogCounts Counts, IReadOnlyList<CatalogChange> Changes);
