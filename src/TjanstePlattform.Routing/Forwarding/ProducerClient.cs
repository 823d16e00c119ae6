using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace TjanstePlattform.Routing.Forwarding;

/// <summary>
/// The one connection pool to producers, shared by every routed call. A failed TCP connect is retried once, after
/// <see cref="RoutingTimeoutOptions.ConnectRetryPause"/> (2 s, as the reference), inside the connect callback: at that
/// point no request byte has been sent, so the retry is always safe.
/// </summary>
public sealed class ProducerClient : IDisposable
{
    public ProducerClient(IOptions<RoutingOptions> options, TimeProvider time)
    {
        var connectTimeout = options.Value.Timeouts.Connect;
        var pause = options.Value.Timeouts.ConnectRetryPause;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = null,
            ConnectTimeout = connectTimeout * 2 + pause + TimeSpan.FromMilliseconds(100),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectCallback = (context, cancellationToken) =>
                WithOneRetryAsync(token => ConnectAsync(context.DnsEndPoint, connectTimeout, token), pause, time, cancellationToken),
        };
        Invoker = new HttpMessageInvoker(new Observability.TraceContextHandler(handler), disposeHandler: true);
    }

    /// <summary>The invoker the forwarder and the platform's own outbound calls use.</summary>
    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();

    /// <summary>
    /// Runs <paramref name="connect"/>, and once more after <paramref name="pause"/> if the first attempt could not
    /// connect (refused, unreachable, timed out). The pause waits on <paramref name="time"/>, so tests use a fake clock.
    /// </summary>
    internal static async ValueTask<Stream> WithOneRetryAsync(
        Func<CancellationToken, ValueTask<Stream>> connect, TimeSpan pause, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await connect(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is SocketException || ex is TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            }

            return await connect(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endPoint, timeoutSource.Token).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"Connecting to {endPoint.Host}:{endPoint.Port} took longer than {timeout.TotalMilliseconds} ms.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
