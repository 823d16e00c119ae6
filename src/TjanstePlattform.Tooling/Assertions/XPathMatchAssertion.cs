using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.XPath;
using TjanstePlattform.Tooling.Assertions.XPath;

namespace TjanstePlattform.Tooling.Assertions;

/// <summary>
/// SoapUI <c>XPath Match</c> and <c>XQuery Match</c>: evaluates an XPath 2.0 expression (with its
/// <c>declare namespace</c> prolog) against the answer and compares the result with the expected content.
/// An XQuery Match whose query is an XPath 2.0 expression (the usual <c>count(…)</c>, <c>//*:x = "OK"</c>) is
/// evaluated the same way; XQuery constructors (<c>&lt;r&gt;{…}&lt;/r&gt;</c>, FLWOR with <c>let</c>) fail with
/// the engine's reason. With wildcards, <c>*</c> in the expected content matches any text.
/// </summary>
public sealed class XPathMatchAssertion(string path, string expected, bool allowWildcards = false, string? name = null, string type = XPathMatchAssertion.TypeId) : IReplayAssertion
{
    public const string TypeId = "XPath Match";
    public const string XQueryTypeId = "XQuery Match";

    public string Name { get; } = name ?? type;
    public string Type { get; } = type;
    public string Path { get; } = path;
    public string Expected { get; } = expected;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
    {
        if (exchange.Document is null)
        {
            return AssertionOutcome.Fail($"The answer is not XML ({exchange.XmlProblem}); cannot evaluate XPath.");
        }

        var query = XPathQuery.Parse(Path);
        object result;
        try
        {
            result = query.Evaluate(exchange.Document.CreateNavigator());
        }
        catch (XPathException ex)
        {
            return AssertionOutcome.Fail($"XPath error in '{query.Expression}': {ex.Message}");
        }

        var actual = XPathQuery.Render(result);
        if (actual is null)
        {
            return AssertionOutcome.Fail($"Missing content for XPath '{query.Expression}'.");
        }

        return Matches(actual.Trim(), Expected.Trim(), allowWildcards)
            ? AssertionOutcome.Pass()
            : AssertionOutcome.Fail($"XPath '{query.Expression}': expected '{Expected.Trim()}', got '{Shorten(actual.Trim())}'.");
    }

    private static bool Matches(string actual, string expected, bool wildcards)
    {
        if (string.Equals(actual, expected, StringComparison.Ordinal))
        {
            return true;
        }

        if (expected.StartsWith('<') && actual.StartsWith('<'))
        {
            return string.Equals(Squeeze(actual), Squeeze(expected), StringComparison.Ordinal)
                || (wildcards && Wildcard(Squeeze(expected)).IsMatch(Squeeze(actual)));
        }

        return wildcards && Wildcard(expected).IsMatch(actual);
    }

    private static Regex Wildcard(string expected)
        => new($"\\A{Regex.Escape(expected).Replace("\\*", ".*", StringComparison.Ordinal)}\\z", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    // Element content compares without the indentation between tags.
    private static string Squeeze(string xml) => Regex.Replace(xml, @">\s+<", "><").Trim();

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
