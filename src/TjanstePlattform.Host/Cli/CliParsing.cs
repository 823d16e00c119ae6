using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace TjanstePlattform.Host.Cli;

/// <summary>A command line that cannot be understood at run time: the verb prints one line and exits with 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>Value parsers and checks the verbs share; a bad value is a parse error (exit 2, one line).</summary>
internal static class CliParsing
{
    /// <summary>An absolute http(s) URL.</summary>
    public static Uri? AbsoluteUri(ArgumentResult result)
    {
        var text = Single(result);
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"{Name(result)} wants an absolute http(s) URL, got '{text}'.");
        return null;
    }

    /// <summary>Seconds (<c>30</c>, <c>2s</c>) or milliseconds (<c>500ms</c>), positive.</summary>
    public static TimeSpan Duration(ArgumentResult result)
    {
        var text = Single(result);
        var (number, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : (text, 1.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && !double.IsInfinity(value))
        {
            return TimeSpan.FromSeconds(value * scale);
        }

        result.AddError($"{Name(result)} wants a positive number of seconds (or 500ms), got '{text}'.");
        return default;
    }

    /// <summary><c>name=value</c> pairs of a repeatable option.</summary>
    public static KeyValuePair<string, string>[] Pairs(ArgumentResult result)
    {
        var pairs = new List<KeyValuePair<string, string>>(result.Tokens.Count);
        foreach (var token in result.Tokens)
        {
            var equals = token.Value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                result.AddError($"{Name(result)} wants name=value, got '{token.Value}'.");
                return [];
            }

            pairs.Add(KeyValuePair.Create(token.Value[..equals], token.Value[(equals + 1)..]));
        }

        return [.. pairs];
    }

    /// <summary>The option's name (<c>--timeout</c>) or the argument's, for messages.</summary>
    private static string Name(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : $"<{result.Argument.Name}>";

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    /// <summary><c>tjp catalog add production</c>: the words that lead to a command, for messages.</summary>
    public static string PathOf(CommandResult? command)
    {
        var words = new Stack<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var c })
            {
                words.Push(c is RootCommand ? "tjp" : c.Name);
            }
        }

        return string.Join(' ', words);
    }
}
