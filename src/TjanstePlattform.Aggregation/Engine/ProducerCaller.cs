using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Aggregation.Engine;

/// <summary>One fan-out call: the rewritten envelope for one source system, sent on the consumer's behalf.</summary>
internal sealed record ProducerCall(AggregatedContract Contract, string LogicalAddress, byte[] Envelope, ConsumerIdentity Consumer);

/// <summary>Sends a fan-out call and returns the buffered answer (the engine adds timeouts around it).</summary>
internal interface IProducerCaller
{
    Task<ProducerAnswer> CallAsync(ProducerCall call, CancellationToken cancellationToken);
}

/// <summary>An answer larger than <see cref="AggregationOptions.MaxProducerResponseBytes"/>: fails its branch only.</summary>
internal sealed class ProducerAnswerTooLargeException(long limit)
    : Exception($"The answer is larger than the aggregating service's limit of {limit} bytes.");

/// <summary>
/// The aggregating services' one connection pool, to the router. Kept apart from the router's own producer pool so
/// that fan-out load and routed load do not starve each other's connections.
/// </summary>
internal sealed class AggregationHttpClient : IDisposable
{
    public AggregationHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        Invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();
}

/// <summary>
/// Calls a source system through the platform's own router (<c>/vp/…</c>), exactly as a consumer would: the router
/// does routing (vägval), authorization (anropsbehörighet), profile conversion and its headers. The consumer's
/// identity travels on: x-vp-sender-id is the sender the router told us, with the original consumer and the same
/// correlation id. The routing history is deliberately not passed on: it already holds our instance id, and the
/// router would take the second hop for a loop (VP014).
/// </summary>
internal sealed class RouterProducerCaller(
    AggregationHttpClient http,
    IPlatformAddress platformAddress,
    IOptions<PlatformOptions> platform,
    IOptions<AggregationOptions> options) : IProducerCaller
{
    private static readonly MediaTypeHeaderValue TextXml = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");

    public async Task<ProducerAnswer> CallAsync(ProducerCall call, CancellationToken cancellationToken)
    {
        var baseAddress = await platformAddress.GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/vp/" + call.Contract.RouterPath))
        {
            Content = new ByteArrayContent(call.Envelope),
        };
        request.Content.Headers.ContentType = TextXml;
        var headers = request.Headers;
        headers.TryAddWithoutValidation(AggregationHeaders.SenderId, call.Consumer.Sender);
        headers.TryAddWithoutValidation(AggregationHeaders.InstanceId, platform.Value.InstanceId);
        headers.TryAddWithoutValidation(AggregationHeaders.OriginalServiceConsumer, call.Consumer.OriginalConsumer);
        headers.TryAddWithoutValidation(AggregationHeaders.CorrelationId, call.Consumer.CorrelationId);
        if (!string.IsNullOrEmpty(call.Consumer.SoapAction))
        {
            headers.TryAddWithoutValidation(AggregationHeaders.SoapAction, call.Consumer.SoapAction);
        }

        using var response = await http.Invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await ReadLimitedAsync(response.Content, options.Value.MaxProducerResponseBytes, cancellationToken).ConfigureAwait(false);
        return new ProducerAnswer((int)response.StatusCode, body);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
        {
            throw new ProducerAnswerTooLargeException(limit);
        }

        var capacity = (int)Math.Min(content.Headers.ContentLength ?? 16 * 1024, limit);
        using var buffer = new MemoryStream(capacity);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ProducerAnswerTooLargeException(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}

/// <summary>The HTTP header names the aggregating services read and send (the platform's own; clients match on them).</summary>
internal static class AggregationHeaders
{
    public const string SenderId = "x-vp-sender-id";
    public const string InstanceId = "x-vp-instance-id";
    public const string OriginalServiceConsumer = "x-rivta-original-serviceconsumer-hsaid";
    public const string CorrelationId = "x-skltp-correlation-id";
    public const string SoapAction = "SOAPAction";
}
