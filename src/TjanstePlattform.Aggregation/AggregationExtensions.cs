using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TjanstePlattform.Aggregation;

/// <summary>Composition of the Aggregation part into the platform host.</summary>
public static class AggregationExtensions
{
    public static IServiceCollection AddAggregation(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapAggregation(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
