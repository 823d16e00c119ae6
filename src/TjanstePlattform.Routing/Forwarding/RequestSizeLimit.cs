using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TjanstePlattform.Routing.Forwarding;

/// <summary>
/// Enforces <c>Routing:MaxRequestBytes</c> on a body without a Content-Length (chunked). The router counts
/// itself instead of letting Kestrel reject the request: a Kestrel rejection poisons the connection, and the
/// consumer might never read the VP015 the router answers.
/// </summary>
internal static class RequestSizeLimit
{
    /// <summary>Lifts Kestrel's own limit; must run before the body is first read (the feature turns read-only then).</summary>
    public static void LiftServerLimit(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
        {
            kestrelLimit.MaxRequestBodySize = null;
        }
    }

    /// <summary>Counts the body as it is forwarded; past <paramref name="maxBytes"/> the read fails with <see cref="RequestTooLargeException"/>.</summary>
    public static void Install(HttpContext context, long maxBytes) =>
        context.Request.Body = new LimitedStream(context.Request.Body, maxBytes);

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            _read += read;
            if (_read > maxBytes)
            {
                throw new RequestTooLargeException(maxBytes);
            }

            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous reads are not used.");

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>The request body passed the router's size limit while streaming (VP015).</summary>
internal sealed class RequestTooLargeException(long maxBytes) : IOException($"The request is larger than the platform's limit of {maxBytes} bytes.");
