using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TjanstePlattform.Soap.Service;

/// <summary>Composition of the SOAP service layer (every part that hosts a built-in producer calls <see cref="AddSoapServices"/>).</summary>
public static class SoapServiceExtensions
{
    public static IServiceCollection AddSoapServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SoapLimits>()
            .Bind(configuration.GetSection(SoapLimits.SectionName))
            .Validate(l => l.IsValid, "Soap:Limits: every limit must be positive (MaxDepth and MaxElements above 2).")
            .ValidateOnStart();
        services.TryAddSingleton<ISoapDispatcher, SoapDispatcher>();
        services.TryAddSingleton<PlatformCallToken>();
        services.TryAddSingleton<DirectCallPolicy>();
        services.TryAddSingleton<SoapHttpEndpoint>();
        services.TryAddSingleton<BuiltInProducers>();
        return services;
    }

    /// <summary>Serves <paramref name="service"/> at <paramref name="path"/> (POST), and to the router in-process.</summary>
    public static IEndpointConventionBuilder MapSoapService(this IEndpointRouteBuilder endpoints, string path, SoapService service)
    {
        var endpoint = endpoints.ServiceProvider.GetRequiredService<SoapHttpEndpoint>();
        endpoints.ServiceProvider.GetRequiredService<BuiltInProducers>().Add(new SinglePathSource(path, service));
        return endpoints.MapPost(path, (HttpContext context) => endpoint.HandleAsync(context, service)).WithDisplayName(service.Name).ExcludeFromDescription();
    }

    /// <summary>Serves every path matching <paramref name="pattern"/> with the service <paramref name="source"/> finds for it, over HTTP and in-process.</summary>
    public static IEndpointConventionBuilder MapSoapServices(this IEndpointRouteBuilder endpoints, string pattern, ISoapServiceSource source)
    {
        var endpoint = endpoints.ServiceProvider.GetRequiredService<SoapHttpEndpoint>();
        endpoints.ServiceProvider.GetRequiredService<BuiltInProducers>().Add(source);
        return endpoints.MapPost(pattern, (HttpContext context) => endpoint.HandleAsync(context, source)).ExcludeFromDescription();
    }
}
