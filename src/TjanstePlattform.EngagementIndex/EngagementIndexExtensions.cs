using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.BuiltIn;
using TjanstePlattform.EngagementIndex.Api;
using TjanstePlattform.EngagementIndex.BuiltIn;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Notifications;
using TjanstePlattform.EngagementIndex.Processing;
using TjanstePlattform.EngagementIndex.Soap;
using TjanstePlattform.Soap.Service;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Platform;

namespace TjanstePlattform.EngagementIndex;

/// <summary>Composition of the EngagementIndex part into the platform host.</summary>
public static class EngagementIndexExtensions
{
    /// <summary>The index's database file in <c>Storage:Directory</c>.</summary>
    public const string DatabaseFileName = "engagementindex.db";

    public static IServiceCollection AddEngagementIndex(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EngagementIndexOptions>()
            .Bind(configuration.GetSection(EngagementIndexOptions.SectionName))
            .PostConfigure<IOptions<PlatformOptions>>((options, platform) =>
            {
                if (string.IsNullOrWhiteSpace(options.Owner))
                {
                    options.Owner = platform.Value.HsaId;
                }

                if (string.IsNullOrWhiteSpace(options.ConsumerId))
                {
                    options.ConsumerId = platform.Value.HsaId;
                }
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.Owner) && !string.IsNullOrWhiteSpace(o.ConsumerId),
                "EngagementIndex:Owner and EngagementIndex:ConsumerId (or Platform:HsaId) must not be empty.")
            .Validate(o => o.MaxRequestBytes >= 1024 && o.GetUpdatesPageSize >= 1 && o.ReadConnections >= 1,
                "EngagementIndex:MaxRequestBytes must be at least 1024, GetUpdatesPageSize and ReadConnections at least 1.")
            .Validate(o => o.Notifications.MaxAttempts >= 1
                    && o.Notifications.BaseDelay > TimeSpan.Zero
                    && o.Notifications.MaxDelay >= o.Notifications.BaseDelay
                    && o.Notifications.Timeout > TimeSpan.Zero
                    && o.Notifications.BreakerFailures >= 2
                    && o.Notifications.BreakDuration >= TimeSpan.FromMilliseconds(500)
                    && o.Notifications.RouterPath.StartsWith('/'),
                "EngagementIndex:Notifications: MaxAttempts >= 1, BaseDelay > 0, MaxDelay >= BaseDelay, Timeout > 0, " +
                "BreakerFailures >= 2, BreakDuration >= 00:00:00.5 and RouterPath starting with '/'.")
            .ValidateOnStart();

        services.AddAdminAccess(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EngagementClock>();

        if (PostgresDatabaseExtensions.StorageOptionsFrom(configuration).IsPostgreSql)
        {
            services.AddPostgresDatabase();
            services.TryAddSingleton(sp => new PostgresEngagementStore(
                sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresEngagementStore>>()));
            services.TryAddSingleton<IEngagementStore>(sp => sp.GetRequiredService<PostgresEngagementStore>());
            services.TryAddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<PostgresEngagementStore>());
        }
        else
        {
            services.TryAddSingleton(sp => new SqliteEngagementStore(
                sp.GetRequiredService<IOptions<StorageOptions>>().Value.PathOf(DatabaseFileName),
                sp.GetRequiredService<IOptions<EngagementIndexOptions>>().Value.ReadConnections,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SqliteEngagementStore>>()));
            services.TryAddSingleton<IEngagementStore>(sp => sp.GetRequiredService<SqliteEngagementStore>());
            services.TryAddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<SqliteEngagementStore>());
        }

        services.TryAddSingleton<SubscriberDirectory>();
        services.TryAddSingleton<NotificationPlanner>();
        services.TryAddSingleton<INotificationTransport, RouterNotificationTransport>();
        services.TryAddSingleton<NotificationDispatcher>();
        services.TryAddSingleton<INotificationSignal>(sp => sp.GetRequiredService<NotificationDispatcher>());

        services.TryAddSingleton<EngagementIndexService>();
        services.TryAddSingleton<IEngagementFinder>(sp => sp.GetRequiredService<EngagementIndexService>());
        services.AddSoapServices(configuration);
        services.TryAddSingleton<EngagementIndexServices>();

        services.AddSingleton<IBuiltInRegistrations, EngagementIndexRegistrations>();
        services.AddSingleton<IBuiltInRegistrations, EngagementIndexDemoRegistrations>();
        services.AddHostedService<EngagementIndexStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }

    public static IEndpointRouteBuilder MapEngagementIndex(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, service) in endpoints.ServiceProvider.GetRequiredService<EngagementIndexServices>().All)
        {
            endpoints.MapSoapService(path, service);
        }

        DeadLetterApi.Map(endpoints);
        EngagementLookupApi.Map(endpoints);
        return endpoints;
    }
}
