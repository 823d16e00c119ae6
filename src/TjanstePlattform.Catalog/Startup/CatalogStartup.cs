using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Catalog.BuiltIn;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Catalog.Startup;

/// <summary>
/// Loads the catalog before the server starts (readiness gate <c>catalog</c>), then, once Kestrel has bound
/// its address, applies the built-in registrations in the background (gate <c>builtins</c>) so host start
/// never waits for its own address.
/// </summary>
internal sealed partial class CatalogStartup : IHostedService
{
    public const string CatalogGate = "catalog";
    public const string BuiltInsGate = "builtins";

    private readonly CatalogRuntime _runtime;
    private readonly PlatformReadiness _readiness;
    private readonly IPlatformAddress _address;
    private readonly IEnumerable<IBuiltInRegistrations> _registrations;
    private readonly ILogger<CatalogStartup> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _builtIns = Task.CompletedTask;

    private readonly BuiltInWiring _wiring;

    public CatalogStartup(CatalogRuntime runtime, PlatformReadiness readiness, IPlatformAddress address, IEnumerable<IBuiltInRegistrations> registrations, BuiltInWiring wiring, ILogger<CatalogStartup> logger)
    {
        _wiring = wiring;
        _runtime = runtime;
        _readiness = readiness;
        _address = address;
        _registrations = registrations;
        _logger = logger;
        readiness.Require(CatalogGate);
        readiness.Require(BuiltInsGate);
        // A snapshot that arrives later (a successful /resetcache after a failed start) opens the gate too.
        runtime.Changed += _ => readiness.Open(CatalogGate);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var source = await _runtime.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (_runtime.Current is not null)
        {
            _readiness.Open(CatalogGate);
            LogLoaded(_runtime.Current.Version, source);
        }

        _builtIns = Task.Run(() => ApplyBuiltInsAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _builtIns.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ApplyBuiltInsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var baseAddress = await _address.GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
            _wiring.Publish(baseAddress, _registrations);
            if (!_runtime.StoreAvailable)
            {
                // Serving from the local file (or nothing): nothing can be written; the file holds the last built-ins.
                LogBuiltInsSkipped(_runtime.LastError ?? "store unavailable");
                _readiness.Open(BuiltInsGate);
                return;
            }

            var seed = _runtime.StoreWasEmpty;
            var outcome = await _runtime.EditAsync(
                edit => BuiltInReconciler.Apply(edit, baseAddress, _registrations, seed),
                new CatalogAuthor("platform", "Built-in registrations"), dryRun: false, cancellationToken, forcePublish: true).ConfigureAwait(false);
            if (outcome.Problem is not null)
            {
                LogBuiltInsFailed(outcome.Problem.Detail);
                return;
            }

            foreach (var skipped in outcome.Value!.Value.Skipped)
            {
                LogBuiltInSkipped(skipped);
            }

            LogBuiltInsApplied(baseAddress, outcome.Value.Changes.Count, seed);
            _readiness.Open(BuiltInsGate);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogBuiltInsCrashed(ex);
        }
    }

    [LoggerMessage(EventId = LogEventIds.CatalogLoaded, Level = LogLevel.Information, Message = "Catalog version {Version} loaded from {Source}")]
    private partial void LogLoaded(long version, Snapshots.CatalogLoadSource source);

    [LoggerMessage(EventId = LogEventIds.CatalogBuiltInsApplied, Level = LogLevel.Information, Message = "Built-in registrations applied under {BaseAddress}: {Changes} changes (demo seeded: {Seeded})")]
    private partial void LogBuiltInsApplied(Uri baseAddress, int changes, bool seeded);

    [LoggerMessage(EventId = LogEventIds.CatalogBuiltInSkipped, Level = LogLevel.Warning, Message = "Built-in registration skipped, an existing catalog entry is in the way: {Reason}")]
    private partial void LogBuiltInSkipped(string reason);

    [LoggerMessage(EventId = LogEventIds.CatalogBuiltInsSkipped, Level = LogLevel.Warning, Message = "Built-in registrations not applied: {Reason}")]
    private partial void LogBuiltInsSkipped(string reason);

    [LoggerMessage(EventId = LogEventIds.CatalogBuiltInsFailed, Level = LogLevel.Error, Message = "Built-in registrations failed: {Reason}")]
    private partial void LogBuiltInsFailed(string reason);

    [LoggerMessage(EventId = LogEventIds.CatalogBuiltInsCrashed, Level = LogLevel.Error, Message = "Built-in registrations crashed")]
    private partial void LogBuiltInsCrashed(Exception exception);
}
