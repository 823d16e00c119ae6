using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation.BuiltIn;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Aggregation.Engine;
using TjanstePlattform.Catalog.BuiltIn;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Aggregation;

/// <summary>Composition of the Aggregation part into the platform host.</summary>
public static class AggregationExtensions
{
    public static IServiceCollection AddAggregation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlatformOptions>().Bind(configuration.GetSection(PlatformOptions.SectionName));
        services.AddOptions<AggregationOptions>()
            .Bind(configuration.GetSection(AggregationOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<AggregationOptions>, AggregationOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AggregationOptions>, AggregationOptionsValidation>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AggregatedContracts>();
        services.TryAddSingleton<AggregationHttpClient>();
        services.TryAddSingleton<IProducerCaller, RouterProducerCaller>();
        services.AddCallFeed(configuration);
        services.TryAddSingleton<AggregationEngine>();
        services.TryAddSingleton<AggregationEndpoint>();
        services.AddSingleton<IBuiltInRegistrations, AggregationRegistrations>();
        return services;
    }

    /// <summary>Maps each aggregated contract's endpoint (<c>/platform/aggregation/&lt;Interaction&gt;/&lt;major&gt;/rivtabp21</c>).</summary>
    public static IEndpointRouteBuilder MapAggregation(this IEndpointRouteBuilder endpoints)
    {
        var contracts = endpoints.ServiceProvider.GetRequiredService<AggregatedContracts>();
        var endpoint = endpoints.ServiceProvider.GetRequiredService<AggregationEndpoint>();
        foreach (var contract in contracts.All)
        {
            endpoints.MapPost(contract.Path, endpoint.InvokeAsync).WithDisplayName($"Aggregation {contract.Name}");
        }

        return endpoints;
    }
}
