using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Tooling.Record;

namespace TjanstePlattform.Host.Cli;

/// <summary>
/// <c>tjp record --listen http://127.0.0.1:9090 --target http://127.0.0.1:8080 --out &lt;dir&gt; [--mask-person-ids]</c>:
/// a recording proxy in front of the router, until Ctrl+C. The folder replays with <c>tjp replay &lt;dir&gt;</c>.
/// </summary>
public static class RecordCommand
{
    internal static Command Create()
    {
        var (command, bind) = Define();
        command.SetAction((parseResult, cancellationToken) => RunAsync(bind(parseResult), parseResult.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>Parses a <c>tjp record</c> command line; a bad one throws <see cref="CliUsageException"/>.</summary>
    public static RecordingProxyOptions Parse(string[] args)
    {
        var (command, bind) = Define();
        var result = new RootCommand { command }.Parse(["record", .. args], TjpCommandLine.ParserConfiguration);
        return result.Errors.Count > 0 ? throw new CliUsageException(result.Errors[0].Message) : bind(result);
    }

    private static (Command Command, Func<ParseResult, RecordingProxyOptions> Bind) Define()
    {
        var listen = new Option<Uri>("--listen")
        {
            HelpName = "url",
            Description = "where consumers send their calls (plain HTTP; port 0 picks one)",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:9090"),
            CustomParser = result =>
            {
                var uri = CliParsing.AbsoluteUri(result);
                if (uri is not null && uri.Scheme != Uri.UriSchemeHttp)
                {
                    result.AddError("--listen takes a plain http:// address.");
                }

                return uri!;
            },
        };
        var target = new Option<Uri>("--target")
        {
            HelpName = "url",
            Description = "where calls are forwarded, normally the router (http://127.0.0.1:8080)",
            Required = true,
            CustomParser = r => CliParsing.AbsoluteUri(r)!,
        };
        var output = new Option<string>("--out") { HelpName = "dir", Description = "one request/response pair plus a JSON sidecar per call", Required = true };
        var mask = new Option<bool>("--mask-person-ids") { Description = "replace 12-digit person ids consistently in what is written" };

        var command = new Command("record", "A recording proxy: forwards every call to --target and writes it to --out, until Ctrl+C. "
            + "Replay the folder with: tjp replay <dir> --target <url>")
        {
            listen, target, output, mask,
        };
        return (command, parseResult => new RecordingProxyOptions
        {
            Listen = parseResult.GetRequiredValue(listen),
            Target = parseResult.GetRequiredValue(target),
            OutputDirectory = parseResult.GetRequiredValue(output),
            MaskPersonIds = parseResult.GetValue(mask),
        });
    }

    private static async Task<int> RunAsync(RecordingProxyOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        // Ctrl+C and a service manager's SIGTERM both stop recording cleanly.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning));
        RecordingProxy proxy;
        try
        {
            proxy = await RecordingProxy.StartAsync(options, loggerFactory, stop.Token);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or FormatException or UnauthorizedAccessException)
        {
            // A port in use or an output folder that cannot be created: one line, no stack trace.
            await error.WriteLineAsync($"tjp record: cannot start: {ex.Message}");
            return 1;
        }

        await using (proxy)
        {
            await error.WriteLineAsync($"Recording {proxy.Address} → {options.Target} into {Path.GetFullPath(options.OutputDirectory)}{(options.MaskPersonIds ? " (person ids masked)" : string.Empty)}. Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop listening and leave the folder as it is.
            }

            await error.WriteLineAsync($"Recorded {proxy.RecordedCount} call(s).");
        }

        return 0;
    }
}
