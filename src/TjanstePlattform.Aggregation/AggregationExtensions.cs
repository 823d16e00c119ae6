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
using TjanstePlattform.Soap.Service;

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
        services.TryAddSingleton<IProducerCaller, RouterProducerCaller>();
        services.AddCallFeed(configuration);
        services.TryAddSingleton<AggregationEngine>();
        services.AddSoapServices(configuration);
        services.TryAddSingleton<AggregationServices>();
        services.AddSingleton<IBuiltInRegistrations, AggregationRegistrations>();
        return services;
    }

    /// <summary>Maps each aggregated contract's endpoint (<c>/platform/aggregation/&lt;Interaction&gt;/&lt;major&gt;/rivtabp21</c>).</summary>
    public static IEndpointRouteBuilder MapAggregation(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, service) in endpoints.ServiceProvider.GetRequiredService<AggregationServices>().All)
        {
            endpoints.MapSoapService(path, service);
        }

        return endpoints;
    }
}
