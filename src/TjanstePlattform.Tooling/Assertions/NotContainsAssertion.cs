namespace TjanstePlattform.Tooling.Assertions;

/// <summary>SoapUI <c>Simple NotContains</c>: the answer's text does not contain a token.</summary>
public sealed class NotContainsAssertion(string token, bool ignoreCase = false, bool useRegex = false, string? name = null) : IReplayAssertion
{
    public const string TypeId = "Simple NotContains";

    public string Name { get; } = name ?? "Not Contains";
    public string Type => TypeId;
    public string Token { get; } = token;

    // As in SoapUI, an empty token is never "contained".
    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
        => Token.Length > 0 && TokenMatch.Find(exchange.Text, Token, ignoreCase, useRegex)
            ? AssertionOutcome.Fail($"The answer contains the token '{Token}'.")
            : AssertionOutcome.Pass();
}
