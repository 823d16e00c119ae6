using System.Globalization;
using TjanstePlattform.Tooling.Replay;

namespace TjanstePlattform.Host.Cli;

/// <summary>
/// <c>tjp replay &lt;files/folders/soapui-project.xml …&gt; --target &lt;url&gt; [options]</c>: replays envelopes,
/// recordings and SoapUI test suites headless, prints a table, optionally writes JUnit XML.
/// </summary>
public static class ReplayCommand
{
    public const string Usage = """
        Usage: tjp replay <envelope files | folders | soapui-project.xml | recording folders> ... [options]
          --target <url>            router or producer; a bare base URL gets each contract's /vp/... path
          --sender <hsaId>          sent as x-vp-sender-id
          --logical-address <id>    replace the receiver (LogicalAddress / wsa:To) of every request
          --cert <pem> --key <pem>  client certificate for mTLS;  --insecure accepts any server certificate
          --timeout <seconds>       per request (default 30; also 500ms, 2s)
          --property <name=value>   fill ${name} (overrides project, suite, case and data.xml values)
          --data <data.xml>         test data instead of the data.xml next to a SoapUI project
          --header <name=value>     extra HTTP header on every request
          --schemas <dir>           validate against these schema trees instead of the platform's own
          --validate-all            validate every answer (default: only where the project asks, by Schema Compliance)
          --junit <file>            write a JUnit XML report
        Exit code: 0 when every case passed, 1 when a case failed or had no answer, 2 on a usage error.
        """;

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
        => RunAsync(args, Console.Out, Console.Error, !Console.IsErrorRedirected, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken = default)
    {
        ReplayRequest request;
        try
        {
            request = Parse(args);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync($"tjp replay: {ex.Message}");
            await error.WriteLineAsync(Usage);
            return ReplaySession.UsageError;
        }

        if (request.Inputs.Count == 1 && request.Inputs[0] is "-h" or "--help")
        {
            await output.WriteLineAsync(Usage);
            return ReplaySession.Success;
        }

        return await ReplaySession.RunAsync(request, output, error, interactive, cancellationToken);
    }

    /// <summary>Hand-parses the options (<c>--name value</c> or <c>--name=value</c>); everything else is an input.</summary>
    public static ReplayRequest Parse(string[] args)
    {
        var request = new ReplayRequest();
        var options = request.Options;
        var reader = new CliArguments(args);
        while (reader.Next() is { } arg)
        {
            switch (arg)
            {
                case "--target":
                    options.Target = CliArguments.AbsoluteUri("--target", reader.Value(arg));
                    break;
                case "--sender":
                    options.Sender = reader.Value(arg);
                    break;
                case "--logical-address":
                    options.LogicalAddress = reader.Value(arg);
                    break;
                case "--cert":
                    options.CertificatePath = reader.Value(arg);
                    break;
                case "--key":
                    options.KeyPath = reader.Value(arg);
                    break;
                case "--insecure":
                    options.AcceptAnyServerCertificate = true;
                    break;
                case "--timeout":
                    options.Timeout = CliArguments.Duration("--timeout", reader.Value(arg));
                    break;
                case "--property":
                    var (name, value) = CliArguments.Pair(arg, reader.Value(arg));
                    request.Properties[name] = value;
                    break;
                case "--header":
                    var header = CliArguments.Pair(arg, reader.Value(arg));
                    options.Headers.Add(KeyValuePair.Create(header.Name, header.Value));
                    break;
                case "--data":
                    request.DataFile = reader.Value(arg);
                    break;
                case "--schemas":
                    request.SchemasDirectory = reader.Value(arg);
                    break;
                case "--no-validate":
                    // Kept for scripts written when every answer was validated: now the default.
                    options.Validate = false;
                    break;
                case "--validate-all":
                    options.Validate = true;
                    break;
                case "--junit":
                    request.JUnitPath = reader.Value(arg);
                    break;
                case "-h" or "--help":
                    request.Inputs.Clear();
                    request.Inputs.Add("--help");
                    return request;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new CliUsageException($"unknown option '{arg}'.");
                    }

                    request.Inputs.Add(arg);
                    break;
            }
        }

        if (options.KeyPath is not null && options.CertificatePath is null)
        {
            throw new CliUsageException("--key needs --cert.");
        }

        return request;
    }
}

/// <summary>A command line that cannot be understood: the verb prints its usage and exits with 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>Reads <c>--name value</c> and <c>--name=value</c> options one by one.</summary>
internal sealed class CliArguments(string[] args)
{
    private int _index = -1;
    private string? _inlineValue;

    /// <summary>The next argument (an option name without its <c>=value</c>, or an input).</summary>
    public string? Next()
    {
        _index++;
        _inlineValue = null;
        if (_index >= args.Length)
        {
            return null;
        }

        var arg = args[_index];
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 2)
        {
            _inlineValue = arg[(equals + 1)..];
            return arg[..equals];
        }

        return arg;
    }

    /// <summary>The option's value: after <c>=</c>, or the next argument.</summary>
    public string Value(string option)
    {
        if (_inlineValue is not null)
        {
            return _inlineValue;
        }

        if (_index + 1 >= args.Length)
        {
            throw new CliUsageException($"{option} needs a value.");
        }

        return args[++_index];
    }

    public static (string Name, string Value) Pair(string option, string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new CliUsageException($"{option} wants name=value, got '{text}'.");
        }

        return (text[..equals], text[(equals + 1)..]);
    }

    public static Uri AbsoluteUri(string option, string text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliUsageException($"{option} wants an absolute http(s) URL, got '{text}'.");

    public static TimeSpan Duration(string option, string text)
    {
        var (number, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromSeconds(value * scale)
            : throw new CliUsageException($"{option} wants a positive number of seconds (or 500ms), got '{text}'.");
    }
}
