namespace TjanstePlattform.Tooling.Assertions;

/// <summary>SoapUI <c>Response SLA Assertion</c>: the answer arrived within a time limit (milliseconds).</summary>
public sealed class ResponseSlaAssertion(TimeSpan limit, string? name = null) : IReplayAssertion
{
    public const string TypeId = "Response SLA Assertion";

    public string Name { get; } = name ?? "Response SLA";
    public string Type => TypeId;
    public TimeSpan Limit { get; } = limit;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
        => exchange.Elapsed <= Limit
            ? AssertionOutcome.Pass()
            : AssertionOutcome.Fail($"Response time {exchange.Elapsed.TotalMilliseconds:0} ms exceeds the limit of {Limit.TotalMilliseconds:0} ms.");
}
