using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using TjanstePlattform.Host.Serve;

namespace TjanstePlattform.Host.Cli;

/// <summary>
/// <c>tjp [serve] | replay | record | catalog | backup</c>, on System.CommandLine: help on every verb and sub-verb, unknown
/// options and arguments refused with exit 2 and one line that says why. <c>serve</c> is the default verb, and it (like
/// <c>backup</c>) passes host configuration through (<c>--urls</c>, <c>--Section:Key=value</c>).
/// </summary>
public static class TjpCommandLine
{
    /// <summary>Exit code of a command line that cannot be understood.</summary>
    public const int UsageError = 2;

    /// <summary>How every verb parses: arguments are taken literally (no <c>@file</c> response files).</summary>
    internal static ParserConfiguration ParserConfiguration { get; } = new() { ResponseFileTokenReplacer = null };

    private static readonly HashSet<string> RootOnly = new(StringComparer.Ordinal) { "-h", "--help", "-?", "/?", "/h", "--version" };

    public static Task<int> RunAsync(string[] args)
        => RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);

    /// <summary>Runs a command line with the given writers: what the executable does, testable in-process.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot(interactive);
        var parseResult = root.Parse(WithDefaultVerb(args), ParserConfiguration);
        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction or null)
        {
            // One line that says what is wrong and where to read more; no usage dump to scroll past.
            var path = CliParsing.PathOf(parseResult.CommandResult);
            await error.WriteLineAsync($"{path}: {Reason(parseResult)} ('{path} --help' lists what it takes)");
            return UsageError;
        }

        return await parseResult.InvokeAsync(
            new InvocationConfiguration
            {
                Output = output,
                Error = error,
                // The verbs handle Ctrl+C themselves (the host's lifetime, the recorder's signal handlers) and report their own failures.
                ProcessTerminationTimeout = null,
                EnableDefaultExceptionHandler = false,
            },
            cancellationToken);
    }

    /// <summary>
    /// The error worth reading first: a token that was not understood says more than "required command was not provided",
    /// which becomes the list of commands to choose from.
    /// </summary>
    private static string Reason(ParseResult parseResult)
    {
        var specific = parseResult.Errors.FirstOrDefault(e => e.Message != MissingCommandMessage);
        return specific?.Message
            ?? $"missing command: {string.Join(", ", parseResult.CommandResult.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}.";
    }

    /// <summary>System.CommandLine's (localized) text for a command group given without its command.</summary>
    private static readonly string MissingCommandMessage = new RootCommand { new Command("x") }.Parse([]).Errors.FirstOrDefault()?.Message ?? string.Empty;

    private static RootCommand CreateRoot(bool interactive)
    {
        var root = new RootCommand("TjanstePlattform: an emulator of Sweden's national service platform (router, catalog, engagement index, "
            + "aggregating services, built-in source systems) and its tester tooling. Without a verb, tjp serves.")
        {
            ServeCommand.Create(),
            ReplayCommand.Create(interactive),
            RecordCommand.Create(),
            CatalogCommand.Create(),
            BackupCommand.Create(),
        };
        // Help says tjp whichever process hosts it (dotnet run, a test runner).
        root.HelpName = "tjp";
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersion();
        }

        return root;
    }

    /// <summary><c>tjp</c> and <c>tjp --urls …</c> mean <c>tjp serve …</c>; <c>tjp --help</c> and <c>--version</c> stay the root's.</summary>
    private static string[] WithDefaultVerb(string[] args) =>
        args.Length == 0 || (args[0].StartsWith('-') && !RootOnly.Contains(args[0])) ? ["serve", .. args] : args;

    /// <summary>The executable's version, whichever process hosts it (a test runner included).</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var assembly = typeof(TjpCommandLine).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "0";
            parseResult.InvocationConfiguration.Output.WriteLine($"tjp {version}");
            return 0;
        }
    }
}
