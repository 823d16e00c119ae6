using System.Text.RegularExpressions;

namespace TjanstePlattform.Tooling.Assertions;

/// <summary>SoapUI <c>Simple Contains</c>: the answer's text contains a token (optionally case-insensitive or a regular expression).</summary>
public sealed class ContainsAssertion(string token, bool ignoreCase = false, bool useRegex = false, string? name = null) : IReplayAssertion
{
    public const string TypeId = "Simple Contains";

    public string Name { get; } = name ?? "Contains";
    public string Type => TypeId;
    public string Token { get; } = token;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
        => TokenMatch.Find(exchange.Text, Token, ignoreCase, useRegex)
            ? AssertionOutcome.Pass()
            : AssertionOutcome.Fail($"Missing token '{Token}' in the answer.");
}

/// <summary>
/// Token search shared by Contains and Not Contains, with SoapUI's semantics so that a verdict here is the
/// verdict the tester knows: a plain token is a substring (optionally case-insensitive); a regular
/// expression must match the whole answer (Java <c>String.matches</c>, so <c>.</c> does not cross lines and
/// ignoreCase is not applied); an empty token is found everywhere.
/// </summary>
internal static class TokenMatch
{
    public static bool Find(string text, string token, bool ignoreCase, bool useRegex)
    {
        if (token.Length == 0)
        {
            return true;
        }

        if (useRegex)
        {
            return Regex.IsMatch(text, $@"\A(?:{token})\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }

        return text.Contains(token, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
