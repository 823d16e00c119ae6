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
    public const string Usage = """
        Usage: tjp record --target <url> --out <dir> [--listen http://127.0.0.1:9090] [--mask-person-ids]
          --listen <url>        where consumers send their calls (plain HTTP; port 0 picks one)
          --target <url>        where calls are forwarded, normally the router (http://127.0.0.1:8080)
          --out <dir>           one request/response pair plus a JSON sidecar per call
          --mask-person-ids     replace 12-digit person ids consistently in what is written
        Stop with Ctrl+C; replay the folder with: tjp replay <dir> --target <url>
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        RecordingProxyOptions options;
        try
        {
            options = Parse(args);
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync($"tjp record: {ex.Message}");
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

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
            await Console.Error.WriteLineAsync($"tjp record: cannot start: {ex.Message}");
            return 2;
        }

        await using (proxy)
        {
            await Console.Error.WriteLineAsync($"Recording {proxy.Address} → {options.Target} into {Path.GetFullPath(options.OutputDirectory)}{(options.MaskPersonIds ? " (person ids masked)" : string.Empty)}. Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop listening and leave the folder as it is.
            }

            await Console.Error.WriteLineAsync($"Recorded {proxy.RecordedCount} call(s).");
        }

        return 0;
    }

    public static RecordingProxyOptions Parse(string[] args)
    {
        Uri? listen = null;
        Uri? target = null;
        string? output = null;
        var mask = false;
        var reader = new CliArguments(args);
        while (reader.Next() is { } arg)
        {
            switch (arg)
            {
                case "--listen":
                    listen = CliArguments.AbsoluteUri(arg, reader.Value(arg));
                    if (listen.Scheme != Uri.UriSchemeHttp)
                    {
                        throw new CliUsageException("--listen takes a plain http:// address.");
                    }

                    break;
                case "--target":
                    target = CliArguments.AbsoluteUri(arg, reader.Value(arg));
                    break;
                case "--out":
                    output = reader.Value(arg);
                    break;
                case "--mask-person-ids":
                    mask = true;
                    break;
                default:
                    throw new CliUsageException($"unexpected argument '{arg}'.");
            }
        }

        return new RecordingProxyOptions
        {
            Listen = listen ?? new Uri("http://127.0.0.1:9090"),
            Target = target ?? throw new CliUsageException("--target is required."),
            OutputDirectory = output ?? throw new CliUsageException("--out is required."),
            MaskPersonIds = mask,
        };
    }
}
