using System.CommandLine;
using TjanstePlattform.Tooling.Replay;

namespace TjanstePlattform.Host.Cli;

/// <summary>
/// <c>tjp replay &lt;files/folders/soapui-project.xml …&gt; --target &lt;url&gt; [options]</c>: replays envelopes,
/// recordings and SoapUI test suites headless, prints a table, optionally writes JUnit XML.
/// </summary>
public static class ReplayCommand
{
    /// <summary>
    /// Every option of <c>tjp replay</c>, each with what it sets on the <see cref="ReplayRequest"/>: one entry per option,
    /// so adding one is one line here (help, parsing and binding follow from it).
    /// </summary>
    private static IEnumerable<ReplayOption> Options() =>
    [
        Bind(new Option<Uri>("--target") { HelpName = "url", Description = "router or producer; a bare base URL gets each contract's /vp/... path", CustomParser = r => CliParsing.AbsoluteUri(r)! },
            (request, value) => request.Options.Target = value),
        Bind(new Option<string>("--sender") { HelpName = "hsaId", Description = "sent as x-vp-sender-id" },
            (request, value) => request.Options.Sender = value),
        Bind(new Option<string>("--logical-address") { HelpName = "id", Description = "replace the receiver (LogicalAddress / wsa:To) of every request" },
            (request, value) => request.Options.LogicalAddress = value),
        Bind(new Option<string>("--cert") { HelpName = "pem", Description = "client certificate for mTLS (with --key)" },
            (request, value) => request.Options.CertificatePath = value),
        Bind(new Option<string>("--key") { HelpName = "pem", Description = "the client certificate's private key" },
            (request, value) => request.Options.KeyPath = value),
        Bind(new Option<bool>("--insecure") { Description = "accept any server certificate" },
            (request, value) => request.Options.AcceptAnyServerCertificate = value),
        Bind(new Option<TimeSpan>("--timeout") { HelpName = "seconds", Description = "per request (default 30; also 500ms, 2s)", CustomParser = CliParsing.Duration },
            (request, value) => request.Options.Timeout = value),
        Bind(new Option<KeyValuePair<string, string>[]>("--property") { HelpName = "name=value", Description = "fill ${name} (overrides project, suite, case and data.xml values); repeatable", CustomParser = CliParsing.Pairs },
            (request, value) => { foreach (var (name, text) in value) { request.Properties[name] = text; } }),
        Bind(new Option<string>("--data") { HelpName = "data.xml", Description = "test data instead of the data.xml next to a SoapUI project" },
            (request, value) => request.DataFile = value),
        Bind(new Option<KeyValuePair<string, string>[]>("--header") { HelpName = "name=value", Description = "extra HTTP header on every request; repeatable", CustomParser = CliParsing.Pairs },
            (request, value) => request.Options.Headers.AddRange(value)),
        Bind(new Option<string>("--schemas") { HelpName = "dir", Description = "validate against these schema trees instead of the platform's own" },
            (request, value) => request.SchemasDirectory = value),
        Bind(new Option<bool>("--validate-all") { Description = "validate every answer against its contract schema (default: only where the project asks, by Schema Compliance)" },
            (request, value) => request.Options.Validate = value),
        Bind(new Option<bool>("--no-validate") { Description = "validate no answer beyond what the project asks (the default; kept for older scripts)" },
            (request, value) => request.Options.Validate = request.Options.Validate && !value),
        Bind(new Option<string>("--junit") { HelpName = "file", Description = "write a JUnit XML report" },
            (request, value) => request.JUnitPath = value),
    ];

    /// <summary>The <c>replay</c> verb; <paramref name="interactive"/> draws progress in place on a terminal.</summary>
    internal static Command Create(bool interactive)
    {
        var (command, bind) = Define();
        command.SetAction((parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return ReplaySession.RunAsync(bind(parseResult), configuration.Output, configuration.Error, interactive, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs <c>tjp replay &lt;args&gt;</c> with the given writers (tests, tools).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken = default)
        => TjpCommandLine.RunAsync(["replay", .. args], output, error, interactive, cancellationToken);

    /// <summary>Parses a <c>tjp replay</c> command line; a bad one throws <see cref="CliUsageException"/>.</summary>
    public static ReplayRequest Parse(string[] args)
    {
        var (command, bind) = Define();
        var root = new RootCommand { command };
        var result = root.Parse(["replay", .. args], TjpCommandLine.ParserConfiguration);
        return result.Errors.Count > 0 ? throw new CliUsageException(result.Errors[0].Message) : bind(result);
    }

    private static (Command Command, Func<ParseResult, ReplayRequest> Bind) Define()
    {
        var command = new Command("replay", "Replay envelopes, recordings and SoapUI test suites against a router or producer. "
            + "Exit code: 0 when every case passed, 1 when a case failed or had no answer, 2 on a usage error.");
        var inputs = new Argument<string[]>("inputs")
        {
            HelpName = "envelopes | folders | soapui-project.xml | recording folders",
            Description = "what to replay, in this order",
            Arity = ArgumentArity.ZeroOrMore,
        };
        // An argument list takes any token, '--frobnicate' too: an unknown option is refused, not replayed as a file.
        inputs.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
            {
                result.AddError($"unknown option '{unknown.Value}'.");
            }
        });
        command.Arguments.Add(inputs);
        var options = Options().ToArray();
        foreach (var option in options)
        {
            command.Options.Add(option.Symbol);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(options.Single(o => o.Symbol.Name == "--key").Symbol) is not null
                && result.GetResult(options.Single(o => o.Symbol.Name == "--cert").Symbol) is null)
            {
                result.AddError("--key needs --cert.");
            }
        });

        return (command, parseResult =>
        {
            var request = new ReplayRequest();
            request.Inputs.AddRange(parseResult.GetValue(inputs) ?? []);
            foreach (var option in options)
            {
                option.Apply(parseResult, request);
            }

            return request;
        });
    }

    private static ReplayOption Bind<T>(Option<T> option, Action<ReplayRequest, T> apply) =>
        new(option, (parseResult, request) =>
        {
            // Only what was given: the request's own defaults stay otherwise.
            if (parseResult.GetResult(option) is { Implicit: false } && parseResult.GetValue(option) is { } value)
            {
                apply(request, value);
            }
        });

    private sealed record ReplayOption(Option Symbol, Action<ParseResult, ReplayRequest> Apply);
}
