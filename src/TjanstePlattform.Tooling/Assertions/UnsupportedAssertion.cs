namespace TjanstePlattform.Tooling.Assertions;

/// <summary>
/// An assertion replay cannot evaluate (a Groovy script, XQuery, JSONPath …) or one disabled in the project.
/// It is always reported as skipped, by name and type: never silently passed.
/// </summary>
public sealed class UnsupportedAssertion(string type, string name, string reason) : IReplayAssertion
{
    public string Name { get; } = name;
    public string Type { get; } = type;
    public string Reason { get; } = reason;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context) => AssertionOutcome.Skip(Reason);
}
