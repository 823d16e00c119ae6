using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Orders;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Catalog.Store;

namespace TjanstePlattform.Catalog.Offline;

/// <summary>
/// The catalog of a data directory without a running platform (<c>tjp catalog --data dir</c>): the same store,
/// rules and versions as the server. A platform running on the same directory sees the changes at its next
/// edit or <c>/resetcache</c> (the store's revision counter tells it).
/// </summary>
public sealed class OfflineCatalog : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private OfflineCatalog(ServiceProvider services)
    {
        _services = services;
        Editor = services.GetRequiredService<ICatalogEditor>();
        Snapshots = services.GetRequiredService<ICatalogSnapshotSource>();
        Status = services.GetRequiredService<ICatalogStatus>();
    }

    public ICatalogEditor Editor { get; }

    public ICatalogSnapshotSource Snapshots { get; }

    public ICatalogStatus Status { get; }

    /// <summary>Opens the catalog of <paramref name="dataDirectory"/>; fails with <see cref="CatalogStoreException"/> when it cannot be read.</summary>
    public static async Task<OfflineCatalog> OpenAsync(string dataDirectory, IConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var settings = new ConfigurationBuilder()
            .AddConfiguration(configuration ?? new ConfigurationBuilder().Build())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Directory"] = dataDirectory })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddCatalogCore(settings)
            .BuildServiceProvider();
        var catalog = new OfflineCatalog(services);
        var runtime = services.GetRequiredService<CatalogRuntime>();
        if (await runtime.LoadAsync(cancellationToken).ConfigureAwait(false) != CatalogLoadSource.Store)
        {
            var reason = runtime.LastError ?? "unknown";
            await catalog.DisposeAsync().ConfigureAwait(false);
            throw new CatalogStoreException(reason);
        }

        return catalog;
    }

    /// <summary>Carries out (or with <paramref name="dryRun"/> only reports) a JSON-beställning, as <c>POST /api/v1/orders</c> does.</summary>
    public async Task<CatalogResult<OrderReport>> ImportOrderAsync(CatalogOrder order, CatalogAuthor author, bool dryRun, CancellationToken cancellationToken = default)
    {
        var platform = _services.GetRequiredService<IOptions<CatalogOptions>>().Value.OrderPlatform;
        var outcome = await Editor.EditAsync(edit => OrderExecutor.Apply(edit, order, string.IsNullOrWhiteSpace(platform) ? null : platform), author, dryRun, cancellationToken).ConfigureAwait(false);
        if (outcome.Problem is not null)
        {
            return outcome.Problem;
        }

        var result = outcome.Value!;
        return new OrderReport(result.DryRun, result.Published?.Number, result.Value.EffectiveFrom, result.Changes, result.Value.Messages);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
