using TjanstePlattform.Tooling.Assertions;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>A step of a case, in the order the case runs them: a request (<see cref="ReplayStep"/>) or a <see cref="ILocalReplayStep"/>.</summary>
public interface IReplayAction
{
    string Name { get; }
}

/// <summary>
/// A step that sends nothing but changes what later requests send, from what earlier ones sent and got (a SoapUI
/// property transfer). Runs when the case reaches it; its result is reported like a request step's, one assertion
/// result per thing it did.
/// </summary>
public interface ILocalReplayStep : IReplayAction
{
    StepResult Run(CaseRun run);
}

/// <summary>What a request step sent and got back, for the steps after it.</summary>
public sealed record StepExchange(ReadOnlyMemory<byte> Request, ReplayExchange Answer);

/// <summary>
/// One run of one case: the exchanges of its request steps so far (by step name, the latest when a name repeats) and
/// state its steps keep for the rest of the run. A new run of the case starts empty.
/// </summary>
public sealed class CaseRun
{
    private readonly Dictionary<string, StepExchange> _exchanges = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, object> _state = [];

    /// <summary>The exchange of the request step of that name, or null when none has been sent in this run.</summary>
    public StepExchange? Exchange(string step) => _exchanges.GetValueOrDefault(step);

    /// <summary>The run's one instance of <typeparamref name="T"/>, created on first use.</summary>
    public T State<T>()
        where T : class, new()
    {
        if (!_state.TryGetValue(typeof(T), out var state))
        {
            _state[typeof(T)] = state = new T();
        }

        return (T)state;
    }

    internal void Record(string step, ReadOnlyMemory<byte> request, ReplayExchange answer) => _exchanges[step] = new StepExchange(request, answer);
}
