using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Platform;
using TjanstePlattform.SourceSystems.Engagements;
using TjanstePlattform.SourceSystems.FaultInjection;
using TjanstePlattform.SourceSystems.Storage;

namespace TjanstePlattform.SourceSystems.DemoWorld;

/// <summary>
/// At start: reads and checks the data files (a mistake stops the start), opens the store, imports the demo world at
/// the first start and queues its engagements for EI. Readiness gate <c>sourcesystems</c> opens once that seeding
/// reached EI — or after <c>SeedReadinessTimeout</c>, logged, so a broken EI never keeps the platform down.
/// </summary>
internal sealed partial class DemoWorldStartup : IHostedService
{
    public const string ReadinessGate = "sourcesystems";

    private readonly DemoWorldSource _world;
    private readonly SourceSystemDirectory _directory;
    private readonly ISourceSystemStore _store;
    private readonly DemoWorldState _state;
    private readonly FaultInjector _faults;
    private readonly PlatformReadiness? _readiness;
    private readonly EngagementReporter _reporter;
    private readonly EngagementReportingOptions _options;
    private readonly ILogger<DemoWorldStartup> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _seeding = Task.CompletedTask;

    public DemoWorldStartup(
        DemoWorldSource world,
        SourceSystemDirectory directory,
        ISourceSystemStore store,
        DemoWorldState state,
        FaultInjector faults,
        EngagementReporter reporter,
        IOptions<SourceSystemsOptions> options,
        ILogger<DemoWorldStartup> logger,
        PlatformReadiness? readiness = null)
    {
        _world = world;
        _directory = directory;
        _store = store;
        _state = state;
        _faults = faults;
        _reporter = reporter;
        _options = options.Value.EngagementIndex;
        _logger = logger;
        _readiness = readiness;
        _readiness?.Require(ReadinessGate);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var data = _world.Data;
        foreach (var system in data.AllSystems)
        {
            _faults.Register(system.HsaId, system.Faults);
        }

        LogLoaded(_directory.All.Count, data.Persons.Count, _world.DataDirectory);
        _store.Initialize();
        var seeded = await _state.ImportIfNewAsync(cancellationToken).ConfigureAwait(false);
        if (seeded is null || seeded.IsCompleted)
        {
            _readiness?.Open(ReadinessGate);
            return;
        }

        LogImported();
        _seeding = Task.Run(() => AwaitSeedingAsync(seeded), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _seeding.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the gate once the seeding reached EI. A failed attempt while other parts are still starting (the catalog's
    /// built-in routings not yet published) is the start-up race and is waited out; a failure once everything else is up
    /// is real (EI down, the catalog repointed or replaced): the gate opens, logged, and the reports keep being retried.
    /// </summary>
    private async Task AwaitSeedingAsync(Task<bool> seeded)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(_options.SeedReadinessTimeout);
            // When everything else was first seen up: only an attempt begun after that proves EI unreachable. An
            // attempt begun earlier may have met the catalog before its built-in routings were published (VP004).
            long? othersUpSince = null;
            while (!seeded.IsCompleted)
            {
                var failure = _reporter.NextFailure;
                await Task.WhenAny(seeded, failure).WaitAsync(timeout.Token).ConfigureAwait(false);
                if (seeded.IsCompleted || _readiness is null || !_readiness.Pending.All(gate => gate == ReadinessGate))
                {
                    continue;
                }

                othersUpSince ??= Stopwatch.GetTimestamp();
                if (failure.IsCompleted && await failure.ConfigureAwait(false) > othersUpSince)
                {
                    LogSeedFailed();
                    break;
                }
            }

            if (seeded.IsCompleted && !await seeded.ConfigureAwait(false))
            {
                LogSeedFailed();
            }
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            LogSeedTimeout(_options.SeedReadinessTimeout);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _readiness?.Open(ReadinessGate);
    }

    [LoggerMessage(EventId = LogEventIds.SourceSystemsLoaded, Level = LogLevel.Information, Message = "Demo world: {Systems} source systems, {Persons} persons, from {Directory}")]
    private partial void LogLoaded(int systems, int persons, string directory);

    [LoggerMessage(EventId = LogEventIds.SourceSystemsImported, Level = LogLevel.Information, Message = "Demo world imported into the store (first start); its engagements are queued for EI")]
    private partial void LogImported();

    [LoggerMessage(EventId = LogEventIds.SourceSystemsSeedTimeout, Level = LogLevel.Error, Message = "The demo world's engagements did not reach EI within {Timeout}; the platform reports ready anyway and keeps retrying")]
    private partial void LogSeedTimeout(TimeSpan timeout);

    [LoggerMessage(EventId = LogEventIds.SourceSystemsSeedFailed, Level = LogLevel.Error, Message = "The demo world's engagements could not be sent to EI (see the warnings before); the platform reports ready anyway and keeps retrying")]
    private partial void LogSeedFailed();
}
