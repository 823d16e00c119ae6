using TjanstePlattform.Platform;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.XPath;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TjanstePlattform.Soap.Xml;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Replay;

namespace TjanstePlattform.Tooling.Record;

/// <summary>
/// <c>tjp record</c>: a recording proxy. Every call is forwarded to the target as it arrives (body streamed
/// both ways, headers passed on except hop-by-hop ones) and written to the output folder as
/// <c>NNNN-Operation.request.xml</c>, <c>NNNN-Operation.response.xml</c> and a JSON sidecar with headers,
/// timing and the expectations a later <c>tjp replay &lt;folder&gt;</c> asserts (status, fault or not, record
/// counts). Numbering continues after the files already in the folder. The sidecar is written last, so a
/// folder never holds a half recording that replay would pick up.
/// </summary>
public sealed partial class RecordingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection",
        "Proxy-Authenticate", "Proxy-Authorization", "Host",
    };

    private readonly RecordingProxyOptions _options;
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _forwarder;
    private readonly PersonIdMasker? _masker;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private TaskCompletionSource _recordedChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sequence;
    private int _recorded;

    private RecordingProxy(RecordingProxyOptions options, WebApplication app, ILogger logger)
    {
        _options = options;
        _app = app;
        _logger = logger;
        _masker = options.MaskPersonIds ? new PersonIdMasker() : null;
        _forwarder = new HttpMessageInvoker(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        });
    }

    /// <summary>The address the proxy listens on (with the real port when 0 was asked for).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The folder recordings are written to.</summary>
    public string OutputDirectory => _options.OutputDirectory;

    /// <summary>Calls recorded so far.</summary>
    public int RecordedCount => Volatile.Read(ref _recorded);

    /// <summary>Raised after a call's three files are written.</summary>
    public event Action<RecordedCall>? Recorded;

    /// <summary>Starts listening. The proxy runs until disposed.</summary>
    public static async Task<RecordingProxy> StartAsync(RecordingProxyOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        if (options.Listen.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"The recording proxy listens on plain HTTP only: {options.Listen}", nameof(options));
        }

        Directory.CreateDirectory(options.OutputDirectory);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null; // forwarded as a stream; only what is written to disk is capped
            kestrel.AddServerHeader = false;
            var port = options.Listen.Port;
            if (options.Listen.Host is "localhost")
            {
                kestrel.ListenLocalhost(port);
            }
            else if (options.Listen.Host is "*" or "+" or "0.0.0.0")
            {
                kestrel.ListenAnyIP(port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Listen.Host.Trim('[', ']')), port);
            }
        });
        // The proxy is a component, not the process: it must not take over Ctrl+C/SIGTERM (the caller decides when to stop).
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddLogging();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var app = builder.Build();
        var proxy = new RecordingProxy(options, app, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RecordingProxy>());
        proxy._sequence = LastSequence(options.OutputDirectory);
        app.Run(proxy.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The recording proxy bound no address.");
        proxy.Address = new Uri(bound.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://127.0.0.1"));
        return proxy;
    }

    /// <summary>Completes once at least <paramref name="count"/> calls have been recorded (tests, tools).</summary>
    public async Task WaitForRecordingsAsync(int count, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_recorded >= count)
                {
                    return;
                }

                changed = _recordedChanged.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var aborted = context.RequestAborted;
        var requestCapture = new CaptureStream(_options.MaxRecordedBodyBytes);
        var target = TargetUri(context.Request);

        using var message = new HttpRequestMessage(new HttpMethod(context.Request.Method), target) { Version = HttpVersion.Version11 };
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true)
        {
            message.Content = new StreamContent(new TeeReadStream(context.Request.Body, requestCapture));
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _forwarder.SendAsync(message, aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !aborted.IsCancellationRequested))
        {
            LogForwardFailed(_logger, target, ex.Message);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"tjp record: the target {target} could not be reached: {ex.Message}", aborted).ConfigureAwait(false);
            }

            return;
        }

        var responseCapture = new CaptureStream(_options.MaxRecordedBodyBytes);
        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(name))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await using var body = await response.Content.ReadAsStreamAsync(aborted).ConfigureAwait(false);
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, aborted).ConfigureAwait(false)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), aborted).ConfigureAwait(false);
                responseCapture.Write(buffer, 0, read);
            }

            clock.Stop();
            await context.Response.CompleteAsync().ConfigureAwait(false);

            try
            {
                var call = await WriteRecordingAsync(sequence, startedAt, clock.Elapsed, context.Request, requestCapture, response, responseCapture).ConfigureAwait(false);
                lock (_gate)
                {
                    _recorded++;
                    var changed = _recordedChanged;
                    _recordedChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    changed.TrySetResult();
                }

                LogRecorded(_logger, call.Sequence, call.Request.Method, call.Request.Path, call.Response.Status, call.DurationMs);
                Recorded?.Invoke(call);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The caller already has its answer; a recording that cannot be written must not break the call.
                LogRecordFailed(_logger, sequence, ex.Message);
            }
        }
    }

    private Uri TargetUri(HttpRequest request)
    {
        var basePath = _options.Target.AbsolutePath.TrimEnd('/');
        var builder = new UriBuilder(_options.Target)
        {
            Path = basePath + request.Path.Value,
            Query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
        };
        return builder.Uri;
    }

    private async Task<RecordedCall> WriteRecordingAsync(
        int sequence,
        DateTimeOffset startedAt,
        TimeSpan elapsed,
        HttpRequest request,
        CaptureStream requestBody,
        HttpResponseMessage response,
        CaptureStream responseBody)
    {
        var requestText = EnvelopeText.Decode(requestBody.Captured.Span);
        var responseText = EnvelopeText.Decode(responseBody.Captured.Span);
        var requestInfo = EnvelopeInfo.Inspect(requestText);
        var operation = SafeName().Replace(requestInfo.PayloadName ?? "call", "_");
        var stem = $"{sequence:D4}-{operation}";

        var call = new RecordedCall
        {
            Sequence = sequence,
            StartedAt = startedAt,
            DurationMs = Math.Round(elapsed.TotalMilliseconds, 1),
            PersonIdsMasked = _masker is not null,
            Request = new RecordedRequest
            {
                Method = request.Method,
                Path = Mask(request.Path.Value ?? "/"),
                Query = request.QueryString.HasValue ? Mask(request.QueryString.Value!) : null,
                Contract = requestInfo.ContractNamespace,
                LogicalAddress = requestInfo.Receiver is null ? null : Mask(requestInfo.Receiver),
                File = stem + ".request.xml",
                Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => Mask(v ?? string.Empty)).ToArray(), StringComparer.OrdinalIgnoreCase),
                Truncated = requestBody.Truncated ? true : null,
            },
            Response = new RecordedResponse
            {
                Status = (int)response.StatusCode,
                File = stem + ".response.xml",
                Headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value.Select(Mask).ToArray(), StringComparer.OrdinalIgnoreCase),
                Truncated = responseBody.Truncated ? true : null,
            },
            Expect = Expectations((int)response.StatusCode, responseText, responseBody.Truncated),
        };
        call.Expect.FaultString = call.Expect.FaultString is null ? null : Mask(call.Expect.FaultString);

        var directory = _options.OutputDirectory;
        await WriteBodyAsync(Path.Combine(directory, call.Request.File), requestBody.Captured, requestText).ConfigureAwait(false);
        await WriteBodyAsync(Path.Combine(directory, call.Response.File), responseBody.Captured, responseText).ConfigureAwait(false);
        var sidecar = Path.Combine(directory, stem + ".json");
        var temporary = sidecar + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(call, RecordedCall.JsonOptions), new UTF8Encoding(false)).ConfigureAwait(false);
        File.Move(temporary, sidecar, overwrite: true);
        return call;
    }

    // Unmasked bodies are written byte for byte; masked ones as UTF-8 text.
    private Task WriteBodyAsync(string path, ReadOnlyMemory<byte> original, string text)
        => _masker is null
            ? File.WriteAllBytesAsync(path, original.ToArray())
            : File.WriteAllTextAsync(path, _masker.Mask(text), new UTF8Encoding(false));

    private string Mask(string text) => _masker?.Mask(text) ?? text;

    private static RecordedExpectation Expectations(int status, string responseText, bool truncated)
    {
        var expectation = new RecordedExpectation { Status = status };
        if (truncated)
        {
            return expectation;
        }

        var info = EnvelopeInfo.Inspect(responseText);
        expectation.SoapFault = info.Kind == EnvelopeKind.Fault;
        if (info.Kind is not (EnvelopeKind.Response or EnvelopeKind.Request or EnvelopeKind.Fault))
        {
            return expectation;
        }

        try
        {
            using var reader = SafeXml.CreateReader(new StringReader(responseText));
            var document = new XPathDocument(reader).CreateNavigator();
            if (expectation.SoapFault == true)
            {
                var exchange = new ReplayExchange(status, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(responseText), TimeSpan.Zero);
                expectation.FaultString = exchange.FaultInfo().String;
                return expectation;
            }

            expectation.Records = [.. RecordCountAssertion.CountChildren(document).Select(c => new RecordedCount { Namespace = c.Namespace, Name = c.Name, Count = c.Count })];
        }
        catch (XmlException)
        {
            // Not XML after all: status and fault flag are all there is to expect.
        }

        return expectation;
    }

    private static int LastSequence(string directory)
        => Directory.EnumerateFiles(directory, "*.json")
            .Select(f => SequencePrefix().Match(Path.GetFileName(f)))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _forwarder.Dispose();
    }

    [GeneratedRegex(@"^(\d{4,9})-")]
    private static partial Regex SequencePrefix();

    [GeneratedRegex(@"[^A-Za-z0-9_.\-]")]
    private static partial Regex SafeName();

    [LoggerMessage(EventId = LogEventIds.ToolingRecorded, Level = LogLevel.Information, Message = "Recorded {Sequence:D4} {Method} {Path} → {Status} in {DurationMs} ms")]
    private static partial void LogRecorded(ILogger logger, int sequence, string method, string path, int status, double durationMs);

    [LoggerMessage(EventId = LogEventIds.ToolingForwardFailed, Level = LogLevel.Warning, Message = "Could not forward to {Target}: {Reason}")]
    private static partial void LogForwardFailed(ILogger logger, Uri target, string reason);

    [LoggerMessage(EventId = LogEventIds.ToolingRecordFailed, Level = LogLevel.Error, Message = "Could not write recording {Sequence:D4}: {Reason}")]
    private static partial void LogRecordFailed(ILogger logger, int sequence, string reason);

    /// <summary>A host lifetime that leaves process signals alone.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Keeps a copy of what passes through, up to a limit.</summary>
    private sealed class CaptureStream(long limit)
    {
        private readonly MemoryStream _buffer = new();

        public bool Truncated { get; private set; }

        public ReadOnlyMemory<byte> Captured => _buffer.GetBuffer().AsMemory(0, (int)_buffer.Length);

        public void Write(byte[] data, int offset, int count) => Write(data.AsSpan(offset, count));

        public void Write(ReadOnlySpan<byte> data)
        {
            var room = limit - _buffer.Length;
            if (data.Length > room)
            {
                Truncated = true;
                data = data[..(int)Math.Max(0, room)];
            }

            _buffer.Write(data);
        }
    }

    /// <summary>Reads the incoming body for the forwarder and keeps a copy on the side.</summary>
    private sealed class TeeReadStream(Stream inner, CaptureStream capture) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            capture.Write(buffer, offset, read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            capture.Write(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
