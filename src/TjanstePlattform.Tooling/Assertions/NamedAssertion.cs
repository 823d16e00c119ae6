namespace TjanstePlattform.Tooling.Assertions;

/// <summary>An assertion under another name (an assertion test step's assertion is named after its step).</summary>
public sealed class NamedAssertion(string name, IReplayAssertion inner) : IReplayAssertion
{
    public string Name { get; } = name;
    public string Type => Inner.Type;
    public IReplayAssertion Inner { get; } = inner;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context) => Inner.Evaluate(exchange, context);
}
