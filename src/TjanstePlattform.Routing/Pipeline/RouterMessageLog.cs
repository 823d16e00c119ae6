using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Platform;
using TjanstePlattform.Routing.Headers;

namespace TjanstePlattform.Routing.Pipeline;

/// <summary>
/// Message logging at Debug in the category <c>TjanstePlattform.Routing.Messages</c> and nowhere else (payloads hold person
/// ids): the request as it came in (path, content type and length; its body is not copied, because the router peeks it
/// through the request's pipe and the forwarder then streams that same pipe on) and the answer that went out with its
/// payload (the first <see cref="MaxLoggedBytes"/>, copied while it streams past). Off, it costs one level check per call.
/// </summary>
internal static partial class RouterMessageLog
{
    public const string Category = "TjanstePlattform.Routing.Messages";

    /// <summary>How much of each body is logged; the call itself is never cut.</summary>
    public const int MaxLoggedBytes = 64 * 1024;

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, ILogger logger)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            await next(context);
            return;
        }

        var response = new Tee(context.Response.Body);
        context.Response.Body = response;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = response.Inner;
            var correlationId = context.Response.Headers[RivtaHeaders.CorrelationId].ToString();
            Message(logger, "in", context.Request.Path, correlationId, context.Request.ContentType,
                $"({context.Request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "chunked"} bytes from {context.Connection.RemoteIpAddress})");
            Message(logger, "out", context.Request.Path, correlationId, $"HTTP {context.Response.StatusCode} {context.Response.ContentType}", response.Text());
        }
    }

    [LoggerMessage(EventId = LogEventIds.RouterMessage, EventName = "Message", Level = LogLevel.Debug, Message = "Message {Direction} {Path}, correlation {CorrelationId} ({Kind}):\n{Payload}")]
    private static partial void Message(ILogger logger, string direction, string path, string correlationId, string? kind, string payload);

    /// <summary>Passes every byte written through and keeps the first <see cref="MaxLoggedBytes"/>.</summary>
    private sealed class Tee(Stream inner) : Stream
    {
        private readonly MemoryStream _kept = new();
        private long _total;

        public Stream Inner => inner;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public string Text()
        {
            var text = Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);
            return _total > _kept.Length ? $"{text}… ({_total} bytes in all)" : text;
        }

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

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            _total += bytes.Length;
            var room = MaxLoggedBytes - (int)_kept.Length;
            if (room > 0)
            {
                _kept.Write(bytes[..Math.Min(room, bytes.Length)]);
            }
        }
    }
}
