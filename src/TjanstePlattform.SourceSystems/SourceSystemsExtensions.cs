using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TjanstePlattform.SourceSystems;

/// <summary>Composition of the SourceSystems part into the platform host.</summary>
public static class SourceSystemsExtensions
{
    public static IServiceCollection AddSourceSystems(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapSourceSystems(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
