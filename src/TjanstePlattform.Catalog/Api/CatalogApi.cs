using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Serialization;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Catalog.Api;

/// <summary>
/// The catalog's REST API under <c>/api/v1</c>: routings (serviceProductions), authorizations (cooperations),
/// components, contracts, logical addresses, published versions. JSON in camelCase, RFC 7807 problems for
/// every bad input, admin access required. Changes are visible in the router's snapshot before the answer.
/// </summary>
internal static class CatalogApi
{
    public const string Prefix = "/api/v1";

    /// <summary>Optional request headers naming who changes the catalog and why (recorded on the published version).</summary>
    public const string AuthorHeader = "X-Catalog-Author";
    public const string CommentHeader = "X-Catalog-Comment";

    /// <summary>Response header with the version a change was published as.</summary>
    public const string VersionHeader = "X-Catalog-Version";

    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).RequireAdminAccess().WithTags("Catalog");

        var productions = api.MapGroup("/serviceProductions").WithTags("Routings (vägval)");
        productions.MapGet("", ListProductions).WithName("ListServiceProductions").WithSummary("List the routings (vägval) in the pending catalog").Produces<ServiceProductionJson[]>();
        productions.MapGet("/{id:long}", GetProduction).WithName("GetServiceProduction").WithSummary("Get one routing (vägval)").Produces<ServiceProductionJson>().ProducesProblem(404);
        productions.MapPost("", CreateProduction).WithName("CreateServiceProduction").WithSummary("Create a routing (vägval): logical address + contract to a physical address")
            .WithMetadata(new JsonRequestBody(typeof(ServiceProductionRequest))).Produces<ServiceProductionJson>(201)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        productions.MapDelete("/{id:long}", (long id, HttpContext c, CatalogRuntime r, CancellationToken t) => Delete(CatalogEntityKind.ServiceProduction, id, c, r, t))
            .WithName("DeleteServiceProduction").WithSummary("Delete a routing (vägval)").Produces(204).ProducesProblem(404);

        var cooperations = api.MapGroup("/cooperations").WithTags("Authorizations (anropsbehörigheter)");
        cooperations.MapGet("", ListCooperations).WithName("ListCooperations").WithSummary("List the authorizations (anropsbehörigheter) in the pending catalog").Produces<CooperationJson[]>();
        cooperations.MapGet("/{id:long}", GetCooperation).WithName("GetCooperation").WithSummary("Get one authorization (anropsbehörighet)").Produces<CooperationJson>().ProducesProblem(404);
        cooperations.MapPost("", CreateCooperation).WithName("CreateCooperation").WithSummary("Create an authorization (anropsbehörighet), optionally with EI filters")
            .WithMetadata(new JsonRequestBody(typeof(CooperationRequest))).Produces<CooperationJson>(201)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        cooperations.MapDelete("/{id:long}", (long id, HttpContext c, CatalogRuntime r, CancellationToken t) => Delete(CatalogEntityKind.Cooperation, id, c, r, t))
            .WithName("DeleteCooperation").WithSummary("Delete an authorization (anropsbehörighet)").Produces(204).ProducesProblem(404);

        MapReferenceData(api);
        MapVersions(api);
        api.MapTransferApi();
        return api;
    }

    private static void MapReferenceData(RouteGroupBuilder api)
    {
        var components = api.MapGroup("/components").WithTags("Components (tjänstekomponenter)");
        components.MapGet("", (CatalogRuntime r, HttpContext c) => List(r, c, d => d.Components.Select(CatalogJson.ToJson)))
            .WithName("ListComponents").WithSummary("List the service components (tjänstekomponenter)").Produces<ServiceComponentJson[]>();
        components.MapGet("/{id:long}", (long id, CatalogRuntime r, HttpContext c) =>
            Find(r, c, "service component", id, d => d.Components.FirstOrDefault(e => e.Id == id) is { } e ? CatalogJson.ToJson(e) : null))
            .WithName("GetComponent").WithSummary("Get one service component").Produces<ServiceComponentJson>().ProducesProblem(404);
        components.MapPost("", (HttpContext c, CatalogRuntime r, IOptions<CatalogOptions> o, CancellationToken t) =>
            Create<ServiceComponentRequest, ServiceComponent>(c, r, o.Value, (e, req) => e.AddComponent(req), CatalogJson.ToJson, x => $"{Prefix}/components/{x.Id}", t))
            .WithName("CreateComponent").WithSummary("Create a service component (an HSA-id)").WithMetadata(new JsonRequestBody(typeof(ServiceComponentRequest))).Produces<ServiceComponentJson>(201).ProducesProblem(400).ProducesProblem(409);
        components.MapDelete("/{id:long}", (long id, HttpContext c, CatalogRuntime r, CancellationToken t) => Delete(CatalogEntityKind.Component, id, c, r, t))
            .WithName("DeleteComponent").WithSummary("Delete a service component no routing or authorization uses").Produces(204).ProducesProblem(404).ProducesProblem(409);

        var contracts = api.MapGroup("/serviceContracts").WithTags("Service contracts (tjänstekontrakt)");
        contracts.MapGet("", (CatalogRuntime r, HttpContext c) => List(r, c, d => d.ServiceContracts.Select(CatalogJson.ToJson)))
            .WithName("ListServiceContracts").WithSummary("List the service contracts (tjänstekontrakt)").Produces<ServiceContractJson[]>();
        contracts.MapGet("/{id:long}", (long id, CatalogRuntime r, HttpContext c) =>
            Find(r, c, "service contract", id, d => d.ServiceContracts.FirstOrDefault(e => e.Id == id) is { } e ? CatalogJson.ToJson(e) : null))
            .WithName("GetServiceContract").WithSummary("Get one service contract").Produces<ServiceContractJson>().ProducesProblem(404);
        contracts.MapPost("", (HttpContext c, CatalogRuntime r, IOptions<CatalogOptions> o, CancellationToken t) =>
            Create<ServiceContractRequest, ServiceContractDefinition>(c, r, o.Value, (e, req) => e.AddServiceContract(req), CatalogJson.ToJson, x => $"{Prefix}/serviceContracts/{x.Id}", t))
            .WithName("CreateServiceContract").WithSummary("Create a service contract (namespace, major and minor version)").WithMetadata(new JsonRequestBody(typeof(ServiceContractRequest))).Produces<ServiceContractJson>(201).ProducesProblem(400).ProducesProblem(409);
        contracts.MapDelete("/{id:long}", (long id, HttpContext c, CatalogRuntime r, CancellationToken t) => Delete(CatalogEntityKind.ServiceContract, id, c, r, t))
            .WithName("DeleteServiceContract").WithSummary("Delete a service contract no routing or authorization uses").Produces(204).ProducesProblem(404).ProducesProblem(409);

        var addresses = api.MapGroup("/logicalAddresses").WithTags("Logical addresses (logiska adresser)");
        addresses.MapGet("", (CatalogRuntime r, HttpContext c) => List(r, c, d => d.LogicalAddresses.Select(CatalogJson.ToJson)))
            .WithName("ListLogicalAddresses").WithSummary("List the logical addresses (logiska adresser)").Produces<LogicalAddressJson[]>();
        addresses.MapGet("/{id:long}", (long id, CatalogRuntime r, HttpContext c) =>
            Find(r, c, "logical address", id, d => d.LogicalAddresses.FirstOrDefault(e => e.Id == id) is { } e ? CatalogJson.ToJson(e) : null))
            .WithName("GetLogicalAddress").WithSummary("Get one logical address").Produces<LogicalAddressJson>().ProducesProblem(404);
        addresses.MapPost("", (HttpContext c, CatalogRuntime r, IOptions<CatalogOptions> o, CancellationToken t) =>
            Create<LogicalAddressRequest, LogicalAddressDefinition>(c, r, o.Value, (e, req) => e.AddLogicalAddress(req), CatalogJson.ToJson, x => $"{Prefix}/logicalAddresses/{x.Id}", t))
            .WithName("CreateLogicalAddress").WithSummary("Create a logical address").WithMetadata(new JsonRequestBody(typeof(LogicalAddressRequest))).Produces<LogicalAddressJson>(201).ProducesProblem(400).ProducesProblem(409);
        addresses.MapDelete("/{id:long}", (long id, HttpContext c, CatalogRuntime r, CancellationToken t) => Delete(CatalogEntityKind.LogicalAddress, id, c, r, t))
            .WithName("DeleteLogicalAddress").WithSummary("Delete a logical address no routing or authorization uses").Produces(204).ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/rivtaProfiles", () => Results.Json(new[] { RivtaProfiles.Bp21, RivtaProfiles.Bp20 }, CatalogJson.Options))
            .WithTags("RIV profiles").WithName("ListRivtaProfiles").WithSummary("List the RIV TA profiles a routing may name").Produces<string[]>();
    }

    private static void MapVersions(RouteGroupBuilder api)
    {
        var versions = api.MapGroup("/versions").WithTags("Published versions");
        versions.MapGet("", async (CatalogRuntime r, HttpContext c, CancellationToken t) =>
        {
            try
            {
                return Results.Json(await r.ListVersionsAsync(t).ConfigureAwait(false), CatalogJson.Options);
            }
            catch (Store.CatalogStoreException ex)
            {
                return CatalogProblems.Unavailable(ex.Message).ToResult(c);
            }
        }).WithName("ListVersions").WithSummary("List the published catalog versions, newest first").Produces<CatalogVersionInfo[]>();
        versions.MapGet("/{number:long}", async (long number, CatalogRuntime r, HttpContext c, CancellationToken t) =>
        {
            try
            {
                return await r.GetVersionAsync(number, t).ConfigureAwait(false) is { } version
                    ? Results.Json(CatalogJson.ToJson(version), CatalogJson.Options)
                    : new CatalogProblem(CatalogProblems.NotFound, "Not found", 404, $"No published version {number} exists.").ToResult(c);
            }
            catch (Store.CatalogStoreException ex)
            {
                return CatalogProblems.Unavailable(ex.Message).ToResult(c);
            }
        }).WithName("GetVersion").WithSummary("Get one published version: the whole catalog as it was").Produces<CatalogDocumentJson>().ProducesProblem(404);
        versions.MapPost("", async (HttpContext c, CatalogRuntime r, IOptions<CatalogOptions> o, CancellationToken t) =>
        {
            string? comment = null;
            if (c.Request.ContentLength is > 0 || c.Request.Headers.TransferEncoding.Count > 0)
            {
                var (request, problem) = await JsonBody.ReadAsync<PublishRequest>(c.Request, o.Value.MaxRequestBytes, t).ConfigureAwait(false);
                if (problem is not null)
                {
                    return problem.ToResult(c);
                }

                comment = request!.Comment;
            }

            var published = await r.PublishAsync(AuthorOf(c) with { Comment = comment ?? AuthorOf(c).Comment ?? "Published pending changes" }, t).ConfigureAwait(false);
            return published.Problem is { } refused
                ? refused.ToResult(c)
                : VersionCreated(c, published.Value!);
        }).WithName("PublishVersion").WithSummary("Publish the pending changes as a new version (Catalog:PublishMode=Manual)").WithMetadata(new JsonRequestBody(typeof(PublishRequest))).Produces<CatalogVersionInfo>(201).ProducesProblem(409);
        versions.MapPost("/{number:long}/rollback", async (long number, HttpContext c, CatalogRuntime r, CancellationToken t) =>
        {
            var rolledBack = await r.RollbackAsync(number, AuthorOf(c), t).ConfigureAwait(false);
            return rolledBack.Problem is { } refused
                ? refused.ToResult(c)
                : VersionCreated(c, rolledBack.Value!);
        }).WithName("RollbackToVersion").WithSummary("Publish an earlier version's catalog again as the next version").Produces<CatalogVersionInfo>(201).ProducesProblem(404);
    }

    internal static CatalogAuthor AuthorOf(HttpContext context)
    {
        var name = context.Request.Headers[AuthorHeader].ToString();
        var comment = context.Request.Headers[CommentHeader].ToString();
        return new CatalogAuthor(
            string.IsNullOrWhiteSpace(name) ? "api" : Truncate(name.Trim(), 128),
            string.IsNullOrWhiteSpace(comment) ? null : Truncate(comment.Trim(), 1024));
    }

    private static IResult VersionCreated(HttpContext context, CatalogVersion version)
    {
        context.Response.Headers[VersionHeader] = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(version.Info, CatalogJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static IResult ListProductions(CatalogRuntime runtime, HttpContext context, string? logicalAddress, string? serviceContract, string? serviceProducer) =>
        List(runtime, context, d => d.ServiceProductions
            .Where(p => Matches(p.LogicalAddress, logicalAddress) && Matches(p.ServiceContract, serviceContract) && Matches(p.ServiceProducer, serviceProducer))
            .Select(CatalogJson.ToJson));

    private static IResult GetProduction(long id, CatalogRuntime runtime, HttpContext context) =>
        Find(runtime, context, "service production", id, d => d.ServiceProductions.FirstOrDefault(p => p.Id == id) is { } p ? CatalogJson.ToJson(p) : null);

    private static Task<IResult> CreateProduction(HttpContext context, CatalogRuntime runtime, IOptions<CatalogOptions> options, CancellationToken cancellationToken) =>
        Create<ServiceProductionRequest, ServiceProduction>(context, runtime, options.Value, (edit, request) => edit.AddServiceProduction(request),
            CatalogJson.ToJson, p => $"{Prefix}/serviceProductions/{p.Id}", cancellationToken);

    private static IResult ListCooperations(CatalogRuntime runtime, HttpContext context, string? serviceConsumer, string? logicalAddress, string? serviceContract) =>
        List(runtime, context, d => d.Cooperations
            .Where(c => Matches(c.ServiceConsumer, serviceConsumer) && Matches(c.LogicalAddress, logicalAddress) && Matches(c.ServiceContract, serviceContract))
            .Select(CatalogJson.ToJson));

    private static IResult GetCooperation(long id, CatalogRuntime runtime, HttpContext context) =>
        Find(runtime, context, "cooperation", id, d => d.Cooperations.FirstOrDefault(c => c.Id == id) is { } c ? CatalogJson.ToJson(c) : null);

    private static Task<IResult> CreateCooperation(HttpContext context, CatalogRuntime runtime, IOptions<CatalogOptions> options, CancellationToken cancellationToken) =>
        Create<CooperationRequest, Cooperation>(context, runtime, options.Value, (edit, request) => edit.AddCooperation(request),
            CatalogJson.ToJson, c => $"{Prefix}/cooperations/{c.Id}", cancellationToken);

    private static async Task<IResult> Create<TRequest, TEntity>(
        HttpContext context, CatalogRuntime runtime, CatalogOptions options,
        Func<CatalogEdit, TRequest, CatalogResult<TEntity>> create, Func<TEntity, object> toJson, Func<TEntity, string> location,
        CancellationToken cancellationToken)
        where TRequest : class
    {
        var (request, problem) = await JsonBody.ReadAsync<TRequest>(context.Request, options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem.ToResult(context);
        }

        var outcome = await runtime.EditAsync(edit => create(edit, request!), AuthorOf(context), dryRun: false, cancellationToken).ConfigureAwait(false);
        if (outcome.Problem is not null)
        {
            return outcome.Problem.ToResult(context);
        }

        if (outcome.Value!.Published is { } version)
        {
            context.Response.Headers[VersionHeader] = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var entity = outcome.Value.Value;
        return new CreatedJson(location(entity), Results.Json(toJson(entity), CatalogJson.Options, statusCode: StatusCodes.Status201Created));
    }

    private static async Task<IResult> Delete(CatalogEntityKind kind, long id, HttpContext context, CatalogRuntime runtime, CancellationToken cancellationToken)
    {
        var outcome = await runtime.EditAsync(edit => edit.Remove(kind, id), AuthorOf(context), dryRun: false, cancellationToken).ConfigureAwait(false);
        if (outcome.Problem is not null)
        {
            return outcome.Problem.ToResult(context);
        }

        if (outcome.Value!.Published is { } version)
        {
            context.Response.Headers[VersionHeader] = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.NoContent();
    }

    private static IResult List<T>(CatalogRuntime runtime, HttpContext context, Func<CatalogDocument, IEnumerable<T>> select) =>
        runtime.StoreAvailable
            ? Results.Json(select(runtime.Working).ToArray(), CatalogJson.Options)
            : CatalogProblems.Unavailable(runtime.LastError ?? "The catalog store cannot be read.").ToResult(context);

    private static IResult Find<T>(CatalogRuntime runtime, HttpContext context, string kind, long id, Func<CatalogDocument, T?> find)
        where T : class
    {
        if (!runtime.StoreAvailable)
        {
            return CatalogProblems.Unavailable(runtime.LastError ?? "The catalog store cannot be read.").ToResult(context);
        }

        return find(runtime.Working) is { } found
            ? Results.Json(found, CatalogJson.Options)
            : CatalogProblems.NotFoundEntity(kind, id).ToResult(context);
    }

    private static bool Matches(string value, string? filter) =>
        string.IsNullOrEmpty(filter) || string.Equals(value, filter, StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>
    /// Names the JSON body an endpoint reads (for the OpenAPI document). Not <c>Accepts&lt;T&gt;</c>: that makes
    /// routing answer a wrong media type with its own 415 instead of the catalog's problem.
    /// </summary>
    internal sealed record JsonRequestBody(Type Type);

    /// <summary>201 with a Location header and the JSON body of the created entity.</summary>
    private sealed class CreatedJson(string location, IResult json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return json.ExecuteAsync(httpContext);
        }
    }
}
