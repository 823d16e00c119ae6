using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TjanstePlattform.Routing;

/// <summary>Composition of the router (VP) into the platform host.</summary>
public static class RoutingExtensions
{
    public static IServiceCollection AddRouter(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapRouter(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
