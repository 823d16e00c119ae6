using Microsoft.Extensions.Hosting;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Platform;

namespace TjanstePlattform.EngagementIndex;

/// <summary>Opens the store at start (a broken file shows at once, not on the first call) behind the readiness gate "engagementindex".</summary>
internal sealed class EngagementIndexStartup : IHostedService
{
    public const string ReadinessGate = "engagementindex";

    private readonly IEngagementStore _store;
    private readonly PlatformReadiness? _readiness;

    public EngagementIndexStartup(IEngagementStore store, PlatformReadiness? readiness = null)
    {
        _store = store;
        _readiness = readiness;
        _readiness?.Require(ReadinessGate);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (_store)
        {
            case SqliteEngagementStore sqlite:
                sqlite.Initialize();
                break;
            case PostgresEngagementStore postgres:
                postgres.Initialize();
                break;
        }

        _readiness?.Open(ReadinessGate);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
