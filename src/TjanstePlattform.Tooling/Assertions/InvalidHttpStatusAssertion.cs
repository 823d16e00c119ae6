namespace TjanstePlattform.Tooling.Assertions;

/// <summary>SoapUI <c>Invalid HTTP Status Codes</c>: the answer's status is none of the listed codes.</summary>
public sealed class InvalidHttpStatusAssertion(IReadOnlyCollection<int> codes, string? name = null) : IReplayAssertion
{
    public const string TypeId = "Invalid HTTP Status Codes";

    public string Name { get; } = name ?? TypeId;
    public string Type => TypeId;
    public IReadOnlyCollection<int> Codes { get; } = codes;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
        => Codes.Contains(exchange.Status)
            ? AssertionOutcome.Fail($"HTTP status {exchange.Status} is one of the invalid codes {string.Join(", ", Codes)}.")
            : AssertionOutcome.Pass();
}
