using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.BuiltIn;
using TjanstePlattform.Platform;
using TjanstePlattform.SourceSystems.DemoWorld;
using TjanstePlattform.SourceSystems.Engagements;
using TjanstePlattform.SourceSystems.FaultInjection;
using TjanstePlattform.SourceSystems.Journal;
using TjanstePlattform.SourceSystems.MedicalSupply;
using TjanstePlattform.SourceSystems.Scheduling;
using TjanstePlattform.SourceSystems.Soap;
using TjanstePlattform.SourceSystems.Storage;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.SourceSystems;

/// <summary>Composition of the SourceSystems part into the platform host.</summary>
public static class SourceSystemsExtensions
{
    /// <summary>The source systems' database file in <c>Storage:Directory</c>.</summary>
    public const string DatabaseFileName = "sourcesystems.db";

    public static IServiceCollection AddSourceSystems(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourceSystemsOptions>()
            .Bind(configuration.GetSection(SourceSystemsOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.PathBase) && o.PathBase.StartsWith('/') && o.PathBase.Trim('/').Length > 0 && !o.PathBase.Contains('{'),
                "SourceSystems:PathBase must be a path such as /sourcesystems.")
            .Validate(o => o.MaxRequestBytes >= 1024, "SourceSystems:MaxRequestBytes must be at least 1024.")
            .Validate(o => o.EngagementIndex.RouterPath.StartsWith('/') && o.EngagementIndex.MaxAttempts >= 1
                    && o.EngagementIndex.Timeout > TimeSpan.Zero && o.EngagementIndex.WriteWait >= TimeSpan.Zero
                    && o.EngagementIndex.MaxDelay > TimeSpan.Zero && o.EngagementIndex.SeedReadinessTimeout > TimeSpan.Zero,
                "SourceSystems:EngagementIndex: RouterPath starting with '/', MaxAttempts >= 1, Timeout, MaxDelay and SeedReadinessTimeout > 0, WriteWait >= 0.")
            .Validate(o => SourceSystemWorlds.IsKnown(o.World), SourceSystemWorlds.UnknownWorldMessage)
            .Validate(o => !o.Enabled || Directory.Exists(DemoWorldSource.Directory(o)),
                "SourceSystems:DataDirectory must be an existing folder (empty: the built-in demo world).")
            .Validate(o => o.GeneratedProducers.All(g => !string.IsNullOrWhiteSpace(g.LogicalAddress) && !g.LogicalAddress.Contains('/')
                    && g.Contracts.Count > 0 && g.Contracts.All(c => Records.GeneratedProducer.TryParse(c.Trim(), out _, out _))),
                "SourceSystems:GeneratedProducers: each needs a LogicalAddress (no '/') and Contracts, each a responder namespace urn:riv:…:<Interaction>Responder:<major>.")
            .ValidateOnStart();

        var enabled = configuration.GetSection(SourceSystemsOptions.SectionName).GetValue(nameof(SourceSystemsOptions.Enabled), true);
        if (!enabled)
        {
            return services;
        }

        services.AddAdminAccess(configuration);
        services.AddHttpClient(EngagementReporter.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProbabilitySource, RandomProbabilitySource>();
        services.AddSingleton<SourceSystemClock>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<DemoWorldSource>();
        if (PostgresDatabaseExtensions.StorageOptionsFrom(configuration).IsPostgreSql)
        {
            services.AddPostgresDatabase();
            services.AddSingleton<ISourceSystemStore, PostgresSourceSystemStore>();
        }
        else
        {
            services.AddSingleton(sp => new SqliteSourceSystemStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.PathOf(DatabaseFileName)));
            services.AddSingleton<ISourceSystemStore>(sp => sp.GetRequiredService<SqliteSourceSystemStore>());
        }

        services.AddSingleton<EngagementReporter>();
        services.AddSingleton<JournalService>();
        services.AddSingleton<Records.RecordService>();
        services.AddSingleton<Records.GeneratedProducer>();
        services.AddSingleton<SchedulingService>();
        services.AddSingleton<MedicalSupplyService>();
        services.AddSingleton<SourceSystemDirectory>();
        services.AddSoapServices(configuration);
        services.TryAddSingleton<SourceSystemServices>();
        services.AddSingleton<DemoWorldState>();
        services.AddSingleton<IBuiltInRegistrations, DemoWorldRegistrations>();
        services.AddSingleton<IBuiltInRegistrations, EngagementReportingRegistrations>();
        services.AddSingleton<IBuiltInRegistrations, GeneratedProducerRegistrations>();
        services.AddHostedService<DemoWorldStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<EngagementReporter>());
        return services;
    }

    public static IEndpointRouteBuilder MapSourceSystems(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SourceSystemsOptions>>().Value;
        if (!options.Enabled)
        {
            return endpoints;
        }

        var services = endpoints.ServiceProvider.GetRequiredService<SourceSystemServices>();
        endpoints.MapSoapServices(services.RoutePattern, services).WithName("SourceSystemSoap");
        FaultInjectionApi.Map(endpoints);
        DemoWorldApi.Map(endpoints);
        return endpoints;
    }
}
