using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Api;
using TjanstePlattform.Catalog.BuiltIn;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Lookups;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Catalog.Startup;
using TjanstePlattform.Catalog.Store;
using TjanstePlattform.Platform;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Catalog;

/// <summary>Composition of the catalog (TAK) into the platform host.</summary>
public static class CatalogExtensions
{
    /// <summary>
    /// The catalog: SQLite store in <c>Storage:Directory</c>, the snapshot source the router reads, the editor,
    /// the platform's look-ups and demo registrations, and the start-up loader (readiness gates <c>catalog</c>, <c>builtins</c>).
    /// A store registered before this call (<see cref="ICatalogStore"/>) replaces SQLite.
    /// </summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCatalogCore(configuration);
        services.AddSingleton<IBuiltInRegistrations, LookupRegistrations>();
        services.AddSingleton<IBuiltInRegistrations, DemoRegistrations>();
        services.TryAddSingleton<BuiltInWiring>();
        services.TryAddSingleton<PingForConfigurationResponder>();
        services.TryAddSingleton<RegistryResponder>();
        services.TryAddSingleton<SokVagvalsInfoResponder>();
        services.AddSoapServices(configuration);
        services.TryAddSingleton<LookupServices>();
        services.AddHostedService<CatalogStartup>();
        if (PostgresDatabaseExtensions.StorageOptionsFrom(configuration).IsPostgreSql)
        {
            // Several instances share the store: follow the changes the others make.
            services.AddHostedService<CatalogChangeWatcher>();
        }

        services.AddCatalogOpenApi();
        return services;
    }

    /// <summary>The store, runtime and editor without hosting (the CLI's <c>--data</c> mode uses this alone).</summary>
    public static IServiceCollection AddCatalogCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAdminAccess(configuration);
        services.AddOptions<CatalogOptions>()
            .Bind(configuration.GetSection(CatalogOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabaseFile) && !string.IsNullOrWhiteSpace(o.SnapshotFile),
                "Catalog:DatabaseFile and Catalog:SnapshotFile must not be empty.")
            .Validate(o => o.MaxRequestBytes is >= 1024 && o.MaxImportBytes >= o.MaxRequestBytes,
                "Catalog:MaxRequestBytes must be at least 1024 and Catalog:MaxImportBytes at least as large.")
            .Validate(o => o.StoreCheckInterval >= TimeSpan.FromMilliseconds(100), "Catalog:StoreCheckInterval must be at least 00:00:00.1.")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => o.Problem() is null, "Storage: Provider must be Sqlite (with a Directory) or PostgreSql (with a ConnectionString).")
            .ValidateOnStart();
        services.AddOptions<PlatformOptions>().Bind(configuration.GetSection(PlatformOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        if (PostgresDatabaseExtensions.StorageOptionsFrom(configuration).IsPostgreSql)
        {
            services.AddPostgresDatabase();
            services.TryAddSingleton<ICatalogStore, PostgresCatalogStore>();
        }
        else
        {
            services.TryAddSingleton<ICatalogStore>(sp => new SqliteCatalogStore(
                sp.GetRequiredService<IOptions<StorageOptions>>().Value.PathOf(sp.GetRequiredService<IOptions<CatalogOptions>>().Value.DatabaseFile)));
        }

        services.TryAddSingleton(sp => new SnapshotFile(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.PathOf(sp.GetRequiredService<IOptions<CatalogOptions>>().Value.SnapshotFile)));
        services.TryAddSingleton<CatalogRuntime>();
        services.TryAddSingleton<ICatalogSnapshotSource>(sp => sp.GetRequiredService<CatalogRuntime>());
        services.TryAddSingleton<ICatalogReloader>(sp => sp.GetRequiredService<CatalogRuntime>());
        services.TryAddSingleton<ICatalogStatus>(sp => sp.GetRequiredService<CatalogRuntime>());
        services.TryAddSingleton<ICatalogEditor>(sp => sp.GetRequiredService<CatalogRuntime>());
        return services;
    }

    /// <summary>The REST API under <c>/api/v1</c> and the platform's SOAP look-ups under <c>/platform/…</c>.</summary>
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCatalogApi();
        foreach (var (path, service) in endpoints.ServiceProvider.GetRequiredService<LookupServices>().All)
        {
            endpoints.MapSoapService(path, service);
        }

        endpoints.MapCatalogOpenApi();
        return endpoints;
    }
}
