namespace TjanstePlattform.Tooling.Assertions;

/// <summary>SoapUI <c>Valid HTTP Status Codes</c>: the answer's status is one of the listed codes.</summary>
public sealed class HttpStatusAssertion(IReadOnlyCollection<int> codes, string? name = null) : IReplayAssertion
{
    public const string TypeId = "Valid HTTP Status Codes";

    public string Name { get; } = name ?? TypeId;
    public string Type => TypeId;
    public IReadOnlyCollection<int> Codes { get; } = codes;

    /// <summary>Parses SoapUI's comma-separated list (<c>200,500</c>).</summary>
    public static IReadOnlyCollection<int> ParseCodes(string? text)
        => (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.TryParse(c, out var code) ? code : -1).Where(c => c > 0).ToArray();

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
    {
        if (Codes.Count == 0)
        {
            return AssertionOutcome.Fail("No valid status codes are configured.");
        }

        return Codes.Contains(exchange.Status)
            ? AssertionOutcome.Pass()
            : AssertionOutcome.Fail($"HTTP status {exchange.Status} is not one of {string.Join(", ", Codes)}.");
    }
}
