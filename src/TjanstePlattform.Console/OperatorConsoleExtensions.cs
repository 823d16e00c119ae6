using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using TjanstePlattform.OperatorConsole.Assets;
using TjanstePlattform.OperatorConsole.Calls;
using TjanstePlattform.Platform;
using TjanstePlattform.Routing.Wsdl;

namespace TjanstePlattform.OperatorConsole;

/// <summary>
/// Composition of the operator console: the page at <c>/</c> (its files under <c>/console/</c>), the live-call API,
/// the WSDL list and the OpenAPI UI. Named AddOperatorConsole, not AddConsole, so it is never read as the console
/// logger's AddConsole.
/// </summary>
public static class OperatorConsoleExtensions
{
    public const string AssetPath = "/console";

    public static IServiceCollection AddOperatorConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName))
            .Validate(o => o.ApiReferencePath.StartsWith('/') && o.ApiReferencePath.Length > 1, "Console:ApiReferencePath must start with '/' and not be '/'.")
            .ValidateOnStart();
        services.AddAdminAccess(configuration);
        services.AddCallFeed(configuration);
        services.TryAddSingleton<ConsoleAssets>();
        return services;
    }

    public static IEndpointRouteBuilder MapOperatorConsole(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        CallsApi.Map(endpoints);
        endpoints.MapGet("/api/v1/wsdls", (WsdlLibrary library) =>
                Results.Ok(library.All.Select(e => new { path = e.Path, url = $"/vp/{e.Path}?wsdl" })))
            .RequireAdminAccess().WithTags("Router").WithName("ListWsdls").WithSummary("Every WSDL the router serves, with its ?wsdl link");

        // Everything the UI needs is served by the platform: no web fonts, no AI agent and no hosted client calls.
        endpoints.MapScalarApiReference(options.ApiReferencePath, scalar => scalar
            .WithTitle("TjanstePlattform API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableAgent()
            .HideClientButton());

        if (!options.Enabled)
        {
            return endpoints;
        }

        var assets = endpoints.ServiceProvider.GetRequiredService<ConsoleAssets>();
        endpoints.MapGet("/", (HttpContext context) => assets.ServeAsync(context, "index.html")).ExcludeFromDescription();
        endpoints.MapGet(AssetPath + "/{name}", (HttpContext context, string name) => assets.ServeAsync(context, name)).ExcludeFromDescription();
        return endpoints;
    }
}
