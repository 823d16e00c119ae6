using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Store;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Catalog.Startup;

/// <summary>
/// With several instances over one store: waits for a change notification from the store (or
/// <see cref="CatalogOptions.StoreCheckInterval"/>), compares revisions and reloads, so a catalog change made through
/// any instance reaches this instance's routing snapshot (vägval) without a /resetcache.
/// </summary>
internal sealed partial class CatalogChangeWatcher(
    ICatalogStore store, CatalogRuntime runtime, IOptions<CatalogOptions> options, ILogger<CatalogChangeWatcher> logger) : BackgroundService
{
    private readonly ILogger<CatalogChangeWatcher> _logger = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.StoreCheckInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.WaitForChangeAsync(interval, stoppingToken).ConfigureAwait(false);
                var before = runtime.Current?.Version;
                if (await runtime.RefreshIfChangedAsync(stoppingToken).ConfigureAwait(false) && runtime.Current?.Version != before)
                {
                    LogChangedElsewhere(runtime.Current?.Version ?? 0);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = LogEventIds.StorageCatalogChangedElsewhere, Level = LogLevel.Information, Message = "Catalog version {Version} published by another instance loaded")]
    private partial void LogChangedElsewhere(long version);
}
