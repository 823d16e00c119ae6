using Microsoft.AspNetCore.Http.Features;
using TjanstePlattform.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Soap.Validation;

namespace TjanstePlattform.Routing.Validation;

/// <summary>
/// Optional schema validation on the router (<c>Validation:Mode</c>). Off by default, as on the reference platform,
/// because it costs what the router otherwise never does: the request is read whole (bounded by
/// <c>Routing:MaxRequestBytes</c>) before it is forwarded. Producer responses are copied aside while they stream to
/// the consumer and validated afterwards: logged, never altered.
/// </summary>
internal sealed partial class RouterValidation(IContractSchemaValidator validator, IOptionsMonitor<ValidationOptions> options, ILogger<RouterValidation> logger)
{
    /// <summary>The largest producer response that is captured for validation.</summary>
    private const int MaxCapturedResponseBytes = 8 * 1024 * 1024;

    public ValidationMode Mode => options.CurrentValue.Mode;

    /// <summary>Reads the request whole and validates it; the body is replaced by the buffered copy. Returns the errors, or null when valid.</summary>
    public async Task<string?> ValidateRequestAsync(HttpContext context, string correlationId)
    {
        var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        buffer.Position = 0;
        var result = validator.Validate(buffer);
        buffer.Position = 0;
        context.Request.Body = buffer;

        // BodyReader must read the buffer too (the in-process hop reads the body through it), not the drained original.
        context.Features.Set<IRequestBodyPipeFeature>(new RequestBodyPipeFeature(context));
        context.Response.RegisterForDispose(buffer);
        if (result.IsValid)
        {
            return null;
        }

        var reasons = result.Describe();
        InvalidRequest(logger, result.RootElement?.ToString() ?? "(none)", correlationId, reasons);
        return reasons;
    }

    /// <summary>Tees the consumer-facing response stream so the producer's answer can be validated afterwards.</summary>
    public ResponseCapture CaptureResponse(HttpContext context)
    {
        var capture = new ResponseCapture(context.Response.Body, MaxCapturedResponseBytes);
        context.Response.Body = capture;
        return capture;
    }

    public void ValidateResponse(ResponseCapture capture, string correlationId)
    {
        if (capture.Overflowed || capture.Captured.Length == 0)
        {
            return;
        }

        capture.Captured.Position = 0;
        var result = validator.Validate(capture.Captured);
        if (!result.IsValid && !result.IsFault)
        {
            InvalidResponse(logger, result.RootElement?.ToString() ?? "(none)", correlationId, result.Describe());
        }
    }

    [LoggerMessage(EventId = LogEventIds.RouterInvalidRequest, Level = LogLevel.Warning, Message = "Invalid request {Root}, correlation {CorrelationId}: {Reasons}")]
    private static partial void InvalidRequest(ILogger logger, string root, string correlationId, string reasons);

    [LoggerMessage(EventId = LogEventIds.RouterInvalidResponse, Level = LogLevel.Warning, Message = "Invalid producer response {Root}, correlation {CorrelationId}: {Reasons}")]
    private static partial void InvalidResponse(ILogger logger, string root, string correlationId, string reasons);
}

/// <summary>Passes every byte on to the consumer and keeps a copy of the first <c>maxBytes</c>.</summary>
internal sealed class ResponseCapture(Stream inner, int maxBytes) : Stream
{
    public MemoryStream Captured { get; } = new();

    public bool Overflowed { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Keep(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (Overflowed)
        {
            return;
        }

        // Past the limit only the first maxBytes are kept (the message log shows them; validation skips an overflowed answer).
        var room = maxBytes - (int)Captured.Length;
        Overflowed = bytes.Length > room;
        Captured.Write(bytes[..Math.Min(room, bytes.Length)]);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
