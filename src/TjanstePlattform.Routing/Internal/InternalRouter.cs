using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using TjanstePlattform.Routing.Headers;
using TjanstePlattform.Routing.Observability;
using TjanstePlattform.Routing.Pipeline;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Routing.Internal;

/// <summary>A call the platform itself makes through its router on a consumer's behalf (the aggregating services' fan-out).</summary>
/// <param name="RouterPath">The conventional path below <c>/vp/</c> (routing never depends on it).</param>
/// <param name="Envelope">The request envelope.</param>
/// <param name="Sender">The consumer the router identified on the original call.</param>
/// <param name="OriginalConsumer">The original consumer; with the sender, it is what authorizes the call.</param>
/// <param name="CorrelationId">The original call's correlation id.</param>
/// <param name="SoapAction">The consumer's SOAPAction, passed on.</param>
/// <param name="MaxResponseBytes">The largest answer taken; a larger one is cut and reported as too large.</param>
public sealed record InternalRouterCall(
    string RouterPath, ReadOnlyMemory<byte> Envelope, string Sender, string OriginalConsumer, string CorrelationId, string? SoapAction, long MaxResponseBytes);

/// <summary>The router's answer to an internal call: what a consumer would have received.</summary>
public sealed record InternalRouterAnswer(int StatusCode, ReadOnlyMemory<byte> Body, bool TooLarge);

/// <summary>Routes a call through the platform's router without HTTP between the platform's own parts.</summary>
public interface IInternalRouter
{
    Task<InternalRouterAnswer> SendAsync(InternalRouterCall call, CancellationToken cancellationToken);

    /// <summary>
    /// The built-in producer's direct entry the router would hand the call to unchanged (routed and authorized there,
    /// no envelope written or read between them); null when the call must take <see cref="SendAsync"/>.
    /// </summary>
    InternalDirectRoute? FindDirect(InternalDirectCall call);

    /// <summary>Runs the call at the direct entry <see cref="FindDirect"/> chose, with its body bound by <paramref name="bind"/>; observed like any routed call.</summary>
    ValueTask<InternalDirectAnswer> SendDirectAsync(InternalDirectRoute route, InternalDirectCall call, Func<Type, object> bind, CancellationToken cancellationToken);
}

/// <summary>Marks a call as the platform's own: the original consumer may authorize it and may be set without an allow-list entry.</summary>
internal sealed class InternalCallFeature
{
    public static readonly InternalCallFeature Instance = new();
}

/// <summary>
/// Runs the router's whole pipeline (routing, authorization, faults, in-process dispatch or HTTP forward) over an
/// in-memory request: the same code path a consumer's call takes, minus the socket.
/// </summary>
internal sealed class InternalRouter(RouterEndpoint router, RouterObserver observer, ISoapDispatcher dispatcher) : IInternalRouter
{
    public InternalDirectRoute? FindDirect(InternalDirectCall call) =>
        router.DirectTarget(call.LogicalAddress, call.ContractNamespace, call.Sender, call.OriginalConsumer) is { } target
        && target.Service.Find(call.ContractNamespace, call.RequestElement)?.Direct is { } operation
            ? new InternalDirectRoute(target.Service, operation, target.Production.PhysicalAddress)
            : null;

    public async ValueTask<InternalDirectAnswer> SendDirectAsync(InternalDirectRoute route, InternalDirectCall call, Func<Type, object> bind, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await dispatcher.InvokeDirectAsync(route.Service, route.Operation,
            new SoapDirectCall(call.LogicalAddress, call.Headers, call.Sender, call.OriginalConsumer, call.CorrelationId, cancellationToken),
            bind).ConfigureAwait(false);
        var status = result.Fault?.StatusCode ?? StatusCodes.Status200OK;
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        router.DirectRouted(call.Sender, call.LogicalAddress, call.ContractNamespace, route.ProducerAddress, status, (long)elapsed.TotalMilliseconds, call.CorrelationId, started);
        observer.Direct(call.CorrelationId, call.Sender, call.OriginalConsumer, call.LogicalAddress, call.ContractNamespace, route.ProducerAddress, status, elapsed);
        return new InternalDirectAnswer(result, route.Operation);
    }

    public async Task<InternalRouterAnswer> SendAsync(InternalRouterCall call, CancellationToken cancellationToken)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = HttpMethods.Post;
        request.Scheme = "http";
        request.Protocol = "HTTP/1.1";
        request.Path = RoutingExtensions.BasePath + "/" + call.RouterPath.TrimStart('/');
        request.ContentType = "text/xml; charset=UTF-8";
        request.ContentLength = call.Envelope.Length;

        // One reader behind both BodyReader and Body, as Kestrel has: the router peeks through the one and YARP may
        // stream from the other, so neither may consume what the other has not.
        var body = PipeReader.Create(new ReadOnlySequence<byte>(call.Envelope));
        context.Features.Set<IRequestBodyPipeFeature>(new BodyPipe(body));
        request.Body = body.AsStream();
        var headers = request.Headers;
        headers[RivtaHeaders.SenderId] = call.Sender;
        headers[RivtaHeaders.OriginalServiceConsumer] = call.OriginalConsumer;
        headers[RivtaHeaders.CorrelationId] = call.CorrelationId;
        if (!string.IsNullOrEmpty(call.SoapAction))
        {
            headers["SOAPAction"] = call.SoapAction;
        }

        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Features.Set(InternalCallFeature.Instance);
        context.RequestAborted = cancellationToken;
        var answer = new BoundedBuffer(call.MaxResponseBytes);
        context.Response.Body = answer;

        // Observed like any routed call: the live view and traces show each branch of a fan-out.
        await observer.ObserveAsync(context, router.InvokeAsync).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new InternalRouterAnswer(context.Response.StatusCode, answer.Written, answer.Overflowed);
    }

    private sealed class BodyPipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader => reader;
    }

    /// <summary>Collects an answer up to a limit; what comes beyond it is dropped and remembered.</summary>
    private sealed class BoundedBuffer(long limit) : Stream
    {
        private readonly MemoryStream _buffer = new();

        public bool Overflowed { get; private set; }

        public ReadOnlyMemory<byte> Written => _buffer.GetBuffer().AsMemory(0, (int)_buffer.Length);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _buffer.Length;
        public override long Position { get => _buffer.Length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Overflowed || _buffer.Length + buffer.Length > limit)
            {
                Overflowed = true;
                return;
            }

            _buffer.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
