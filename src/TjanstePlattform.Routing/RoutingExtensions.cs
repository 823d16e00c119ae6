using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Routing.Forwarding;
using TjanstePlattform.Routing.Identity;
using TjanstePlattform.Routing.Internal;
using TjanstePlattform.Soap.Service;
using TjanstePlattform.Routing.Observability;
using TjanstePlattform.Routing.Operations;
using TjanstePlattform.Routing.Pipeline;
using TjanstePlattform.Routing.RoutingRules;
using TjanstePlattform.Routing.Wsdl;
using TjanstePlattform.Routing.Validation;
using TjanstePlattform.Soap.Validation;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Routing;

/// <summary>Composition of the router (VP) into the platform host.</summary>
public static class RoutingExtensions
{
    public static IServiceCollection AddRouter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName)
            .Validate(o => o.MaxRequestBytes > 0, "Routing:MaxRequestBytes must be positive.")
            .Validate(o => o.Timeouts.Default > TimeSpan.Zero && o.Timeouts.Connect > TimeSpan.Zero, "Routing:Timeouts must be positive.")
            .Validate(o => o.Timeouts.ConnectRetryPause >= TimeSpan.Zero, "Routing:Timeouts:ConnectRetryPause must not be negative.")
            .ValidateOnStart();
        services.AddHttpForwarder();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProducerClient>();
        services.TryAddSingleton<SenderIdentification>();
        services.TryAddSingleton<RouterTransformer>();
        services.TryAddSingleton<RouterEndpoint>();
        services.AddCallFeed(configuration);
        services.TryAddSingleton<RouterObserver>();
        services.TryAddSingleton<RoutingRulesContext>();
        services.TryAddSingleton(sp => new ConsumerAuthorization(sp.GetRequiredService<RoutingRulesContext>()));
        services.AddSoapServices(configuration);
        services.TryAddSingleton<InProcessProducer>();
        services.TryAddSingleton<IInternalRouter, InternalRouter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsumerIdentification, SenderIdentification>(sp => sp.GetRequiredService<SenderIdentification>()));
        services.AddContractValidation(configuration);
        services.TryAddSingleton<RouterValidation>();
        services.AddOptions<ContractsOptions>().BindConfiguration(ContractsOptions.SectionName);
        services.TryAddSingleton<WsdlLibrary>();
        services.TryAddSingleton<WsdlEndpoint>();
        return services;
    }

    /// <summary>The router's base path: every POST below it is a routed call.</summary>
    public const string BasePath = "/vp";

    /// <summary>True for a call to the router (a POST under <see cref="BasePath"/>), which answers only with SOAP.</summary>
    public static bool IsRoutedCall(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(BasePath);

    /// <summary>
    /// Sends every routed call (POST under <c>/vp</c>) straight to the router. Call it first in the pipeline: a routed
    /// call needs no endpoint matching and none of the REST side's middlewares, and the router answers every failure
    /// with a SOAP fault itself.
    /// </summary>
    public static IApplicationBuilder UseRouterCalls(this IApplicationBuilder app)
    {
        var router = app.ApplicationServices.GetRequiredService<RouterEndpoint>();
        var observer = app.ApplicationServices.GetRequiredService<RouterObserver>();
        var messages = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(RouterMessageLog.Category);
        RequestDelegate invoke = router.InvokeAsync;
        return app.MapWhen(IsRoutedCall, routed => routed
            .Use((context, next) => RouterMessageLog.InvokeAsync(context, next, messages))
            .Run(context => observer.ObserveAsync(context, invoke)));
    }

    /// <summary>Maps the router's GET side under <c>/vp</c> (WSDL) and its operations endpoints.</summary>
    public static IEndpointRouteBuilder MapRouter(this IEndpointRouteBuilder endpoints)
    {
        var wsdl = endpoints.ServiceProvider.GetRequiredService<WsdlEndpoint>();
        endpoints.MapGet(BasePath + "/{**path}", (HttpContext context, string? path) => wsdl.InvokeAsync(context, path)).WithDisplayName("Router WSDL")
            .WithTags("Operations").WithName("GetWsdl").WithSummary("A contract's WSDL (?wsdl) or schema (?xsd=path) with addresses for this platform; without a query, the list of WSDLs");
        endpoints.MapRouterOperations();
        return endpoints;
    }
}
