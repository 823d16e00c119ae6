namespace TjanstePlattform.Platform;

/// <summary>
/// Readiness gates: the platform is ready once every registered gate has opened (the catalog loaded,
/// the built-in producers registered). <c>/health/ready</c> and test hosts read it.
/// </summary>
public sealed class PlatformReadiness
{
    private readonly object _gate = new();
    private readonly Dictionary<string, bool> _gates = new(StringComparer.Ordinal);
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Declares a gate that must open before the platform is ready.</summary>
    public void Require(string gate)
    {
        lock (_gate)
        {
            if (_gates.TryAdd(gate, false) && _ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Opens a gate (idempotent).</summary>
    public void Open(string gate)
    {
        lock (_gate)
        {
            _gates[gate] = true;
            if (_gates.Values.All(open => open))
            {
                _ready.TrySetResult();
            }
        }
    }

    /// <summary>Closes a gate again (the catalog became unreadable with nothing to fall back on).</summary>
    public void Close(string gate)
    {
        lock (_gate)
        {
            _gates[gate] = false;
            if (_ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public bool IsReady
    {
        get
        {
            lock (_gate)
            {
                return _gates.Count > 0 && _gates.Values.All(open => open);
            }
        }
    }

    /// <summary>The gates that are still closed, for the readiness report.</summary>
    public IReadOnlyList<string> Pending
    {
        get
        {
            lock (_gate)
            {
                return _gates.Where(g => !g.Value).Select(g => g.Key).ToArray();
            }
        }
    }

    /// <summary>Completes when every gate is open.</summary>
    public Task WhenReady
    {
        get
        {
            lock (_gate)
            {
                return _ready.Task;
            }
        }
    }
}
