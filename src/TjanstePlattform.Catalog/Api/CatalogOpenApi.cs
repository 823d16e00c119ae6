using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Orders;
using TjanstePlattform.Catalog.Serialization;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Catalog.Api;

/// <summary>
/// The OpenAPI document of the REST API at <c>/openapi/v1.json</c>: request bodies with their schema and an
/// example each, example answers, and an example problem for the error responses.
/// </summary>
internal static class CatalogOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>The security scheme of the administrative endpoints (<c>Admin:Token</c>).</summary>
    public const string AdminScheme = "adminToken";

    public static IServiceCollection AddCatalogOpenApi(this IServiceCollection services)
    {
        // Another part may have added the document already: one registration per name.
        if (services.Any(d => d.IsKeyedService && Equals(d.ServiceKey, DocumentName) && d.ServiceType.Name == "OpenApiDocumentService"))
        {
            return services;
        }

        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "TjanstePlattform administration API";
                document.Info.Version = "v1";
                document.Info.Description =
                    "The service addressing catalog (TAK) of TjanstePlattform: routings (vägval) and authorizations (anropsbehörigheter), " +
                    "components, contracts, logical addresses, published versions, JSON-beställning and whole-catalog export/import. " +
                    "Errors are RFC 7807 problems. Without Admin:Token only loopback callers are served; with it, send 'Authorization: Bearer <token>'.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[AdminScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The configured Admin:Token as 'Authorization: Bearer <token>'. Without Admin:Token the administrative API answers loopback callers only.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeAsync);
        });
        return services;
    }

    /// <summary>Serves the document at <c>/openapi/v1.json</c> (read-only, not behind admin access: it holds no data).</summary>
    public static void MapCatalogOpenApi(this IEndpointRouteBuilder endpoints) => endpoints.MapOpenApi();

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<AdminAccessMetadata>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminScheme, context.Document)] = [] });
            operation.Responses ??= [];
            var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken).ConfigureAwait(false);
            operation.Responses.TryAdd("401", ProblemResponse(problem, 401, "Admin:Token is set and the bearer token is missing or wrong."));
            operation.Responses.TryAdd("403", ProblemResponse(problem, 403, "Admin:Token is not set and the caller is not on loopback."));
        }

        if (metadata.OfType<CatalogApi.JsonRequestBody>().FirstOrDefault() is { } body)
        {
            var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken).ConfigureAwait(false);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = body.Type != typeof(PublishRequest),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = schema, Example = Examples.For(body.Type) },
                },
            };
        }

        if (operation.Responses is null)
        {
            return;
        }

        foreach (var responseType in context.Description.SupportedResponseTypes)
        {
            if (operation.Responses.TryGetValue(responseType.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
                && response.Content is { } content)
            {
                foreach (var (mediaType, media) in content)
                {
                    media.Example ??= mediaType.Contains("problem", StringComparison.Ordinal)
                        ? Examples.Problem(responseType.StatusCode)
                        : responseType.Type is { } type ? Examples.For(type) : null;
                }
            }
        }
    }

    private static OpenApiResponse ProblemResponse(IOpenApiSchema schema, int status, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = schema, Example = Examples.Problem(status) },
        },
    };

    /// <summary>Example values, serialized exactly as the API writes them.</summary>
    private static class Examples
    {
        private const string Contract = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";
        private static readonly DateOnly From = new(2025, 1, 1);

        private static readonly Dictionary<Type, object> Values = new()
        {
            [typeof(ServiceProductionRequest)] = new ServiceProductionRequest("SE2321000016-7P35", "SE2321000016-7P35", Contract,
                "https://journal.region.example/GetMedicationHistory/2/rivtabp21", "RIVTABP21", "2025-01-01", null),
            [typeof(ServiceProductionJson)] = new ServiceProductionJson(42, "SE2321000016-7P35", "SE2321000016-7P35", Contract,
                "https://journal.region.example/GetMedicationHistory/2/rivtabp21", "RIVTABP21", From, From.AddYears(100)),
            [typeof(ServiceProductionJson[])] = Array.Empty<ServiceProductionJson>(),
            [typeof(CooperationRequest)] = new CooperationRequest("SE5565189692-B01", "*", Contract, null, null,
                [new CooperationFilterRequest("riv:clinicalprocess:activityprescription:actoutcome", ["caa-gmh"])], "IA-2025-017"),
            [typeof(CooperationJson)] = new CooperationJson(43, "SE5565189692-B01", "*", Contract, From, From.AddYears(100), "IA-2025-017",
                [new CooperationFilterJson("riv:clinicalprocess:activityprescription:actoutcome", ["caa-gmh"])]),
            [typeof(ServiceComponentRequest)] = new ServiceComponentRequest("SE2321000016-7P35", "Journal system, Region Example"),
            [typeof(ServiceContractRequest)] = new ServiceContractRequest(Contract, 2, 1, "GetMedicationHistory 2.1"),
            [typeof(LogicalAddressRequest)] = new LogicalAddressRequest("SE2321000016-7P35", "Region Example"),
            [typeof(PublishRequest)] = new PublishRequest("Routings for Region Example"),
            [typeof(CatalogVersionInfo)] = new CatalogVersionInfo(7, new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero), "api", "Routings for Region Example", new CatalogCounts(3, 2, 2, 2, 1)),
            [typeof(CatalogOrder)] = new CatalogOrder("NTJP-TEST", JsonSerializer.SerializeToElement(1), JsonSerializer.SerializeToElement(1), "2025-01-01",
                "2025-01-02", "Region Example", "Connect the journal system",
                new CatalogOrderSection(
                    [new OrderServiceContract(Contract, "GetMedicationHistory", 2, 1)],
                    [new OrderLogicalAddress("SE2321000016-7P35", "Region Example")],
                    [new OrderComponent("SE2321000016-7P35", "Journal system"), new OrderComponent("SE5565189692-B01", "Consumer e-service")],
                    [new OrderAuthorization("SE2321000016-7P35", Contract, "SE5565189692-B01")],
                    [new OrderRouting("https://journal.region.example/GetMedicationHistory/2/rivtabp21", "SE2321000016-7P35", Contract, "RIVTABP21", "SE2321000016-7P35")]),
                new CatalogOrderSection([], [], [], [], [])),
        };

        public static JsonNode? For(Type type) =>
            Values.TryGetValue(type, out var value) ? JsonSerializer.SerializeToNode(value, value.GetType(), CatalogJson.Options) : null;

        public static JsonNode Problem(int status) => JsonSerializer.SerializeToNode(new ProblemDetails
        {
            Type = status switch
            {
                401 => AdminAccess.UnauthorizedType,
                403 => AdminAccess.ForbiddenType,
                404 => CatalogProblems.NotFound,
                409 => CatalogProblems.OverlappingRouting,
                413 => CatalogProblems.PayloadTooLarge,
                415 => CatalogProblems.UnsupportedMediaType,
                _ => CatalogProblems.MissingField,
            },
            Title = status switch { 401 => "Admin token required", 403 => "Admin access denied", 404 => "Not found", 409 => "Overlapping routing", 413 => "Payload too large", 415 => "Unsupported media type", _ => "Missing field" },
            Status = status,
            Detail = status switch
            {
                401 => "Send the configured Admin:Token as 'Authorization: Bearer <token>'.",
                403 => "The administrative API answers loopback callers only unless Admin:Token is configured; caller 192.0.2.10.",
                404 => "No service production with id 42 exists.",
                409 => "A routing for logical address 'SE2321000016-7P35' and service contract '" + Contract + "' already exists with an overlapping validity (2025-01-01..2125-01-01): service production 42 to https://journal.region.example/GetMedicationHistory/2/rivtabp21.",
                413 => "The request body is larger than 1048576 bytes.",
                415 => "Send the body as application/json (got 'text/plain').",
                _ => "'logicalAddress' is required and must not be blank.",
            },
        }, CatalogJson.Options)!;
    }
}
