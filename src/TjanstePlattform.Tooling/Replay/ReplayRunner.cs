using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Assertions.Schemas;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>Progress while a run goes on: the case about to run, or the verdict of the case just run.</summary>
public readonly record struct ReplayProgress(int Index, int Total, ReplayCase Case, CaseResult? Result);

/// <summary>
/// Sends each case's requests in order (POST, <c>text/xml; charset=UTF-8</c>, SOAPAction) and judges the
/// answers. A transport failure (refused, timeout, TLS) makes that case an error with the reason and the
/// run goes on. Answers are validated where a Schema Compliance assertion asks, every answer with
/// <see cref="ReplayOptions.Validate"/> (<c>--validate-all</c>).
/// </summary>
public sealed class ReplayRunner : IDisposable
{
    private readonly ReplayOptions _options;
    private readonly HttpMessageInvoker _http;
    private readonly IResponseSchemaValidator? _schemaValidator;

    public ReplayRunner(ReplayOptions options, IResponseSchemaValidator? schemaValidator = null, HttpMessageHandler? handler = null)
    {
        _options = options;
        _http = new HttpMessageInvoker(handler ?? ReplayTransport.CreateHandler(options), disposeHandler: true);
        _schemaValidator = schemaValidator;
    }

    public async Task<ReplayReport> RunAsync(IReadOnlyList<ReplayCase> cases, IProgress<ReplayProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var results = new List<CaseResult>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            progress?.Report(new ReplayProgress(i + 1, cases.Count, cases[i], null));
            var result = await RunCaseAsync(cases[i], cancellationToken).ConfigureAwait(false);
            results.Add(result);
            progress?.Report(new ReplayProgress(i + 1, cases.Count, cases[i], result));
        }

        return new ReplayReport { Cases = results, Time = clock.Elapsed, StartedAt = started };
    }

    public async Task<CaseResult> RunCaseAsync(ReplayCase replayCase, CancellationToken cancellationToken = default)
    {
        if (replayCase.InputError is not null)
        {
            return new CaseResult { Case = replayCase, Status = CaseStatus.Error, Reason = replayCase.InputError };
        }

        if (replayCase.SkipReason is not null || replayCase.Steps.Count == 0)
        {
            return new CaseResult { Case = replayCase, Status = CaseStatus.Skipped, Reason = replayCase.SkipReason ?? "nothing to send" };
        }

        // The run's schemas (the platform's, or --schemas) first; the schemas the project carries (SoapUI definitionCache)
        // for a contract those do not know. A project's cache may be an older release than the producer answers in.
        var context = new AssertionContext
        {
            SchemaValidator = replayCase.ProjectSchemas is { } own ? ContractSchemas.Prefer(_schemaValidator, own) : _schemaValidator,
        };
        var steps = new List<StepResult>();
        var run = new CaseRun();
        foreach (var action in replayCase.Actions)
        {
            var result = action switch
            {
                ReplayStep step => await RunStepAsync(step.Prepare?.Invoke(run) ?? step, context, run, cancellationToken).ConfigureAwait(false),
                ILocalReplayStep local => local.Run(run),
                _ => throw new InvalidOperationException($"A replay case cannot run a {action.GetType().Name}."),
            };
            steps.Add(result);
            if (replayCase.StopOnFirstFailure && (result.TransportError is not null || result.Assertions.Any(a => a.Status == AssertionStatus.Failed)))
            {
                break;
            }
        }

        var time = TimeSpan.FromTicks(steps.Sum(s => s.Time.Ticks));
        var prefix = replayCase.Actions.Count > 1;
        var transport = steps.FirstOrDefault(s => s.TransportError is not null);
        if (transport is not null)
        {
            return new CaseResult { Case = replayCase, Status = CaseStatus.Error, Time = time, Steps = steps, Reason = Prefixed(prefix, transport, transport.TransportError!) };
        }

        foreach (var step in steps)
        {
            var failed = step.Assertions.FirstOrDefault(a => a.Status == AssertionStatus.Failed);
            if (failed is not null)
            {
                return new CaseResult { Case = replayCase, Status = CaseStatus.Failed, Time = time, Steps = steps, Reason = Prefixed(prefix, step, $"{failed.Name}: {failed.Message}") };
            }
        }

        return new CaseResult { Case = replayCase, Status = CaseStatus.Passed, Time = time, Steps = steps };
    }

    private static string Prefixed(bool prefix, StepResult step, string reason) => prefix ? $"[{step.Name}] {reason}" : reason;

    private async Task<StepResult> RunStepAsync(ReplayStep step, AssertionContext context, CaseRun run, CancellationToken cancellationToken)
    {
        var body = step.Body;
        if (_options.LogicalAddress is not null && ReceiverRewriter.Rewrite(body.Span, _options.LogicalAddress) is { } rewritten)
        {
            body = rewritten;
        }

        var request = EnvelopeInfo.Inspect(EnvelopeText.Decode(body.Span));
        var address = Address(step, request);
        if (address is null)
        {
            return new StepResult
            {
                Name = step.Name,
                TransportError = step.Endpoint is null
                    ? "No target: give --target <url> (the project names no endpoint for this request)."
                    : $"The endpoint '{step.Endpoint}' is not an absolute http(s) URL; give --target <url>.",
            };
        }

        using var message = BuildRequest(step, body, request, address);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var clock = Stopwatch.StartNew();
        int status;
        Dictionary<string, string> headers;
        byte[] answer;
        try
        {
            using var response = await _http.SendAsync(message, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            headers = Headers(response);
            answer = await ReadBodyAsync(response.Content, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Transport(step, address, clock.Elapsed, $"Transport error: no complete answer from {address} within {_options.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException ex)
        {
            return Transport(step, address, clock.Elapsed, $"Transport error: {Describe(ex)}.");
        }
        catch (ResponseTooLargeException)
        {
            return Transport(step, address, clock.Elapsed, $"Transport error: the answer is larger than {_options.MaxResponseBytes / (1024 * 1024)} MiB.");
        }

        clock.Stop();
        var exchange = new ReplayExchange(status, headers, answer, clock.Elapsed, request);
        run.Record(step.Name, body, exchange);
        var assertions = new List<AssertionResult>();
        foreach (var assertion in step.Assertions)
        {
            assertions.Add(Evaluate(assertion, exchange, context));
        }

        if (_options.Validate && !step.Assertions.Any(a => a.Type == SchemaComplianceAssertion.TypeId))
        {
            assertions.Add(Evaluate(new SchemaComplianceAssertion(@implicit: true), exchange, context));
        }

        return new StepResult { Name = step.Name, Address = address, HttpStatus = status, Time = clock.Elapsed, Assertions = assertions };
    }

    private static AssertionResult Evaluate(IReplayAssertion assertion, ReplayExchange exchange, AssertionContext context)
    {
        try
        {
            var outcome = assertion.Evaluate(exchange, context);
            return new AssertionResult(assertion.Name, assertion.Type, outcome.Status, outcome.Message);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or System.Xml.XmlException
                                       or System.Xml.XPath.XPathException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return new AssertionResult(assertion.Name, assertion.Type, AssertionStatus.Failed, $"The assertion could not be evaluated: {ex.Message}");
        }
    }

    private Uri? Address(ReplayStep step, EnvelopeInfo request)
    {
        if (_options.Target is { } target)
        {
            if (target.AbsolutePath is "/" or "")
            {
                var path = step.RecordedPathAndQuery ?? RivtaEndpoints.RouterPath(request.ContractNamespace, request.IsBasicProfile20);
                return path is null ? target : new Uri(target, path);
            }

            return target;
        }

        return Uri.TryCreate(step.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https" ? endpoint : null;
    }

    private HttpRequestMessage BuildRequest(ReplayStep step, ReadOnlyMemory<byte> body, EnvelopeInfo request, Uri address)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, address) { Version = HttpVersion.Version11 };
        var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
        message.Content = content;

        // --header and --sender are defaults; a step's own headers win, as SoapUI sends what the step says.
        var defaults = _options.Sender is null ? _options.Headers : _options.Headers.Append(KeyValuePair.Create("x-vp-sender-id", _options.Sender));
        foreach (var (name, value) in defaults.Concat(step.Headers))
        {
            Set(message, name, value);
        }

        if (!message.Headers.Contains("SOAPAction"))
        {
            var action = step.SoapAction ?? RivtaEndpoints.SoapAction(request.ContractNamespace, request.PayloadName);
            message.Headers.TryAddWithoutValidation("SOAPAction", $"\"{action}\"");
        }

        return message;
    }

    // A later value replaces an earlier one.
    private static void Set(HttpRequestMessage message, string name, string value)
    {
        if (string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        HttpHeaders headers = ContentHeaders.Contains(name) ? message.Content!.Headers : message.Headers;
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }

    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5",
        "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    private async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > _options.MaxResponseBytes)
        {
            throw new ResponseTooLargeException();
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxResponseBytes)
            {
                throw new ResponseTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }

    private static StepResult Transport(ReplayStep step, Uri address, TimeSpan elapsed, string error)
        => new() { Name = step.Name, Address = address, Time = elapsed, TransportError = error };

    // The socket's own words (connection refused, host unknown) say more than HttpClient's wrapper.
    private static string Describe(HttpRequestException ex)
    {
        var text = new StringBuilder(ex.Message.TrimEnd('.'));
        for (Exception? inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException or AuthenticationException or IOException && !text.ToString().Contains(inner.Message.TrimEnd('.'), StringComparison.Ordinal))
            {
                text.Append(": ").Append(inner.Message.TrimEnd('.'));
            }
        }

        return text.ToString();
    }

    public void Dispose() => _http.Dispose();

    private sealed class ResponseTooLargeException : Exception;
}
