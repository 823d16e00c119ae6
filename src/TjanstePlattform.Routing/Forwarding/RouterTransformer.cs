using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TjanstePlattform.Routing.Headers;
using TjanstePlattform.Platform;
using TjanstePlattform.Soap.Service;
using Yarp.ReverseProxy.Forwarder;

namespace TjanstePlattform.Routing.Forwarding;

/// <summary>
/// Request and response header rules of the national platform (PLATFORM.md §2), applied while YARP streams:
/// the body is never touched here. <see cref="For"/> gives each call its own small transformer that carries the
/// call's decisions, so nothing is looked up on the HttpContext while forwarding.
/// </summary>
internal sealed class RouterTransformer(IOptionsMonitor<RoutingOptions> routing, IOptions<PlatformOptions> platform)
{
    private const int MaxCachedUris = 10_000;
    private const string TextXmlUtf8 = "text/xml; charset=UTF-8";
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    private string UserAgent => routing.CurrentValue.UserAgent;

    private string InstanceId => platform.Value.InstanceId;

    /// <summary>The transformer for one call.</summary>
    public HttpTransformer For(RouterCall call) => new CallTransformer(this, call);

    private sealed class CallTransformer(RouterTransformer rules, RouterCall call) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            // The physical address is the whole destination: the /vp path is never appended. Set before the base
            // call so YARP does not build a Uri of its own; parsed once per address, not once per call.
            proxyRequest.RequestUri = rules.PhysicalUri(call.Production.PhysicalAddress);
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);

            // x-vp-* and X-Forwarded-* never reach a producer. Looked up on Kestrel's headers (no parsing), removed
            // from the outgoing ones only when present: custom headers always land in the request headers, never
            // in the content headers.
            var headers = proxyRequest.Headers;
            foreach (var header in httpContext.Request.Headers)
            {
                if (IsStripped(header.Key))
                {
                    headers.Remove(header.Key);
                }
            }

            if (proxyRequest.Content is not null)
            {
                // As a raw value: a typed MediaTypeHeaderValue would be formatted anew for every request.
                var contentHeaders = proxyRequest.Content.Headers;
                contentHeaders.Remove("Content-Type");
                contentHeaders.TryAddWithoutValidation("Content-Type", TextXmlUtf8);
            }

            headers.Remove(RivtaHeaders.OriginalServiceConsumer);
            headers.Remove(RivtaHeaders.CorrelationId);
            headers.Remove(RivtaHeaders.RoutingHistory);
            headers.Remove("Accept-Encoding");
            headers.Remove("Connection");
            headers.Remove("User-Agent");

            headers.TryAddWithoutValidation(RivtaHeaders.OriginalServiceConsumer, call.OriginalConsumer);
            headers.TryAddWithoutValidation(RivtaHeaders.CorrelationId, call.CorrelationId);
            headers.TryAddWithoutValidation(RivtaHeaders.RoutingHistory, call.RoutingHistory);
            headers.TryAddWithoutValidation("User-Agent", rules.UserAgent);
            if (proxyRequest.RequestUri.Scheme == Uri.UriSchemeHttp)
            {
                // Only plain-HTTP producers get the sender in a header; over TLS the platform's certificate speaks.
                headers.TryAddWithoutValidation(RivtaHeaders.SenderId, call.Sender);
                headers.TryAddWithoutValidation(RivtaHeaders.InstanceId, rules.InstanceId);
            }

            if (call.PlatformToken is not null)
            {
                // An HTTP hop to one of the platform's own producers: the token tells them the router made it.
                headers.TryAddWithoutValidation(PlatformCallToken.HeaderName, call.PlatformToken);
            }
        }

        public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
        {
            call.ProducerResponseMs = (long)Stopwatch.GetElapsedTime(call.StartTimestamp).TotalMilliseconds;
            if (proxyResponse is null)
            {
                return false;
            }

            if (!IsSoapAnswer(proxyResponse))
            {
                // An error page, an empty body or a non-XML error status: the consumer gets VP009 instead.
                call.ProducerErrorStatus = (int)proxyResponse.StatusCode;
                return false;
            }

            var copyBody = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);

            // x-vp-* and X-Forwarded-* from a producer never reach the consumer. Looked for among the producer's
            // headers as received (no parsing); custom headers are never content headers.
            var responseHeaders = httpContext.Response.Headers;
            foreach (var header in proxyResponse.Headers.NonValidated)
            {
                if (IsStripped(header.Key))
                {
                    responseHeaders.Remove(header.Key);
                }
            }

            if (call.ResponseEncoding is not null)
            {
                // Converted back to the consumer's encoding while streaming: the length changes.
                httpContext.Response.ContentLength = null;
                httpContext.Response.ContentType = ResponseTranscoder.ContentType(call.ResponseEncoding);
            }

            responseHeaders[RivtaHeaders.CorrelationId] = call.CorrelationId;
            responseHeaders[RivtaHeaders.ProducerResponseTime] = call.ProducerResponseMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return copyBody;
        }
    }

    private static bool IsSoapAnswer(HttpResponseMessage response)
    {
        var content = response.Content;
        if (content.Headers.ContentLength == 0)
        {
            return false;
        }

        var status = (int)response.StatusCode;
        if (status < 400)
        {
            return true;
        }

        // A producer's own SOAP fault (500 + XML envelope) passes through unchanged.
        var mediaType = content.Headers.ContentType?.MediaType;
        return mediaType is not null && mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase);
    }

    internal static bool IsStripped(string name) =>
        name.StartsWith(RivtaHeaders.VpPrefix, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith(RivtaHeaders.ForwardedPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The producer's address as a Uri, parsed once: a routed call must not parse a URL.</summary>
    internal Uri PhysicalUri(string address)
    {
        if (_uris.TryGetValue(address, out var uri))
        {
            return uri;
        }

        if (_uris.Count >= MaxCachedUris)
        {
            // Addresses come from the catalog, so the set is small; a bound keeps a churning catalog from growing it.
            _uris.Clear();
        }

        return _uris[address] = new Uri(address);
    }
}
