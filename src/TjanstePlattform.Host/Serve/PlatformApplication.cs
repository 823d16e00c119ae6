using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation;
using TjanstePlattform.Host.Storage;
using TjanstePlattform.Catalog;
using TjanstePlattform.EngagementIndex;
using TjanstePlattform.Host.Telemetry;
using TjanstePlattform.OperatorConsole;
using TjanstePlattform.Host.Logging;
using TjanstePlattform.Routing;
using TjanstePlattform.Routing.Identity;
using TjanstePlattform.Platform;
using TjanstePlattform.SourceSystems;

namespace TjanstePlattform.Host.Serve;

/// <summary>The composition root: one process hosting router, catalog, EI, aggregating services and source systems.</summary>
public static partial class PlatformApplication
{
    /// <summary>Builds the platform. <paramref name="configure"/> lets tests and tools adjust the builder.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json travels with the executable: `dotnet run --project …` works from any directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        // SourceSystems:World=reference brings its own data folder, HSA tree and producer timeout, beneath every
        // explicit setting; before anything binds options.
        SourceSystemWorlds.AddDefaults(builder.Configuration);

        builder.Services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name) && !string.IsNullOrWhiteSpace(o.HsaId) && !string.IsNullOrWhiteSpace(o.InstanceId),
                "Platform:Name, Platform:HsaId and Platform:InstanceId must not be empty.")
            .ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Validate(o => o.Problem() is null && o.CheckpointInterval >= TimeSpan.FromMilliseconds(50),
                "Storage: Provider must be Sqlite (with a Directory) or PostgreSql (with a ConnectionString); CheckpointInterval at least 00:00:00.05.")
            .ValidateOnStart();
        // Before anything opens a store: a damaged or emptied SQLite file stops the start here (StoreDamagedException).
        var storeProblems = StoreIntegrityCheck.Run(builder.Configuration);
        if (!PostgresDatabaseExtensions.StorageOptionsFrom(builder.Configuration).IsPostgreSql)
        {
            // Registered first, so it stops last: the final checkpoint runs after every part has stopped writing.
            builder.Services.AddSingleton(SqliteStoreFiles.From(builder.Configuration));
            builder.Services.AddHostedService(sp => new SqliteCheckpointer(sp.GetRequiredService<SqliteStoreFiles>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<SqliteCheckpointer>>(), storeProblems));
        }

        builder.Services.AddSingleton<PlatformReadiness>();
        builder.Services.AddSingleton<ServerPlatformAddress>();
        builder.Services.AddSingleton<IPlatformAddress>(sp => sp.GetRequiredService<ServerPlatformAddress>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ServerPlatformAddress>());
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.WithEncoder());
        builder.Services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("platform", tags: ["ready"]);
        builder.Logging.AddFilter(ReadinessHealthCheck.HealthCheckServiceCategory, LogLevel.Critical);
        // Logging:Console:FormatterName=json (ASP.NET's) or =ecs (Elastic Common Schema field names).
        builder.Logging.AddConsoleFormatter<EcsConsoleFormatter, ConsoleFormatterOptions>();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var dataDirectory = Path.GetFullPath(context.Configuration[$"{StorageOptions.SectionName}:Directory"] ?? "./data");
            RouterHttps.Configure(kestrel, context.Configuration, dataDirectory);
        });

        builder.Services.AddCatalog(builder.Configuration);
        builder.Services.AddRouter(builder.Configuration);
        builder.Services.AddEngagementIndex(builder.Configuration);
        builder.Services.AddAggregation(builder.Configuration);
        builder.Services.AddSourceSystems(builder.Configuration);
        builder.Services.AddPlatformTelemetry(builder.Configuration);
        builder.Services.AddOperatorConsole(builder.Configuration);

        configure?.Invoke(builder);

        var app = builder.Build();
        // Routed calls first, straight to the router (SOAP faults only, nothing else on the per-call path); then
        // the REST and HTML side with endpoint routing and problem+json errors.
        app.UseRouterCalls();
        app.UseRouting();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapCatalog();
        app.MapRouter();
        app.MapEngagementIndex();
        app.MapAggregation();
        app.MapSourceSystems();
        app.MapPlatformMetrics();
        app.MapOperatorConsole();
        return app;
    }

    /// <summary>
    /// Ready once the catalog is loaded and the built-in producers are registered. Not being ready yet is start-up, not a
    /// failure: it is logged here at Information, and the health-check service's own "Unhealthy" error line is filtered out.
    /// </summary>
    private sealed partial class ReadinessHealthCheck(PlatformReadiness readiness, ILogger<ReadinessHealthCheck> logger) : IHealthCheck
    {
        public const string HealthCheckServiceCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (readiness.IsReady)
            {
                return Task.FromResult(HealthCheckResult.Healthy());
            }

            var pending = string.Join(", ", readiness.Pending);
            NotReady(logger, pending);
            return Task.FromResult(HealthCheckResult.Unhealthy($"Waiting for: {pending}"));
        }

        [LoggerMessage(EventId = LogEventIds.HostNotReady, Level = LogLevel.Information, Message = "Not ready yet, waiting for: {Pending}")]
        private static partial void NotReady(ILogger logger, string pending);
    }
}
