using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TjanstePlattform.EngagementIndex;

/// <summary>Composition of the EngagementIndex part into the platform host.</summary>
public static class EngagementIndexExtensions
{
    public static IServiceCollection AddEngagementIndex(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapEngagementIndex(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
