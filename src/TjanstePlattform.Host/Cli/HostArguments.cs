using System.CommandLine;

namespace TjanstePlattform.Host.Cli;

/// <summary>
/// Host configuration on the command line (<c>--Section:Key=value</c> or <c>--Section:Key value</c>), checked so that a
/// typo such as <c>--verbose</c> is refused instead of silently ignored: a key must name a section (contain ':').
/// </summary>
internal static class HostArguments
{
    /// <summary>Adds the configuration pass-through to a verb: its unmatched tokens are checked by <see cref="Collect"/>.</summary>
    public static void Allow(Command command)
    {
        command.TreatUnmatchedTokensAsErrors = false;
        command.Description += " Any configuration key is accepted as --Section:Key=value (e.g. --Storage:Directory=./data, --Routing:MaxRequestBytes=1048576).";
    }

    /// <summary>
    /// The platform's configuration without starting it, from the host's sources: appsettings.json beside the executable,
    /// environment variables, the command line.
    /// </summary>
    public static IConfiguration Configuration(string[] hostArgs) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(hostArgs)
        .Build();

    /// <summary>The host's arguments: the declared <paramref name="options"/> that were given, then the configuration keys.</summary>
    public static string[] Collect(ParseResult parseResult, params Option<string>[] options)
    {
        var args = new List<string>();
        foreach (var option in options)
        {
            if (parseResult.GetValue(option) is { } value)
            {
                args.Add($"--{option.Name.TrimStart('-')}={value}");
            }
        }

        var tokens = parseResult.UnmatchedTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliUsageException($"unexpected argument '{token}'.");
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? token[2..equals] : token[2..];
            if (!key.Contains(':', StringComparison.Ordinal) || key.StartsWith(':') || key.EndsWith(':'))
            {
                throw new CliUsageException($"unknown option '{token[..(equals > 0 ? equals : token.Length)]}' (configuration keys are --Section:Key=value).");
            }

            if (equals > 0)
            {
                args.Add(token);
            }
            else if (i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                args.Add($"{token}={tokens[++i]}");
            }
            else
            {
                throw new CliUsageException($"{token} needs a value.");
            }
        }

        return [.. args];
    }
}
