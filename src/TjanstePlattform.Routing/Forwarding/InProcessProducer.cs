using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TjanstePlattform.Platform;
using TjanstePlattform.Routing.Headers;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Routing.Forwarding;

/// <summary>
/// The hop to a built-in producer without a socket: the producer gets the headers an HTTP producer would get, the
/// router applies the same timeout, size limit and VP009 rules to its answer, and the consumer gets the same response
/// headers (<c>x-skltp-correlation-id</c>, <c>x-skltp-prt</c>). Swapping in a real system stays a catalog change.
/// </summary>
internal sealed class InProcessProducer(ISoapDispatcher dispatcher, IOptionsMonitor<RoutingOptions> routing, IOptions<PlatformOptions> platform)
{
    /// <summary>Calls <paramref name="service"/>; returns the VP fault to answer with, or null when the answer was written.</summary>
    public async Task<VpFault?> SendAsync(HttpContext context, RouterCall call, SoapService service, Uri address, TimeSpan timeout)
    {
        var options = routing.CurrentValue;
        // The producer's own size limit applies as it would on an HTTP hop (there it refuses the body itself).
        var limit = Math.Min(options.MaxRequestBytes, service.MaxRequestBytes);
        var envelope = await SoapRequestBody.ReadAsync(context, limit).ConfigureAwait(false);
        if (envelope is null)
        {
            return VpFaults.Unreadable(limit == options.MaxRequestBytes
                ? $"The request is larger than the platform's limit of {limit} bytes."
                : $"The request is larger than {service.Name}'s limit of {limit} bytes.");
        }

        var soapCall = new SoapCallContext(OutboundHeaders(context.Request.Headers, call, options.UserAgent), address.AbsolutePath, viaRouter: true);
        SoapResponse response;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
        {
            deadline.CancelAfter(timeout);
            try
            {
                response = await dispatcher.DispatchAsync(service, envelope.Value, soapCall, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                call.ProducerResponseMs = Elapsed(call);
                return VpFaults.ProducerError(call.Production.PhysicalAddress, $"Timeout after {timeout.TotalMilliseconds} ms");
            }
        }

        call.ProducerResponseMs = Elapsed(call);
        if (response.Kind == SoapResponseKind.Abort)
        {
            return VpFaults.ProducerError(call.Production.PhysicalAddress, "The producer closed the connection without an answer.");
        }

        if (response.Length == 0 || (response.StatusCode >= 400 && !response.ContentType.Contains("xml", StringComparison.OrdinalIgnoreCase)))
        {
            // An error page, an empty body or a non-XML error status: VP009, as for an HTTP producer.
            return VpFaults.ProducerError(call.Production.PhysicalAddress, $"HTTP status {response.StatusCode}");
        }

        var http = context.Response;
        http.StatusCode = response.StatusCode;
        http.ContentType = response.ContentType;
        http.ContentLength = response.Length;
        foreach (var header in soapCall.ResponseHeaders)
        {
            if (!header.Key.StartsWith(RivtaHeaders.VpPrefix, StringComparison.OrdinalIgnoreCase)
                && !header.Key.StartsWith(RivtaHeaders.ForwardedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                http.Headers[header.Key] = header.Value;
            }
        }

        http.Headers[RivtaHeaders.CorrelationId] = call.CorrelationId;
        http.Headers[RivtaHeaders.ProducerResponseTime] = call.ProducerResponseMs.ToString(CultureInfo.InvariantCulture);
        await SoapResponseWriter.WriteBodyAsync(http, response, context.RequestAborted).ConfigureAwait(false);
        return null;
    }

    /// <summary>The consumer's headers less those never passed on, plus the router's: as <see cref="RouterTransformer"/> sends them.</summary>
    private HeaderDictionary OutboundHeaders(IHeaderDictionary incoming, RouterCall call, string userAgent)
    {
        var headers = new HeaderDictionary(incoming.Count + 6);
        foreach (var header in incoming)
        {
            if (!RouterTransformer.IsStripped(header.Key)
                && !header.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase)
                && !header.Key.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase)
                && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                headers[header.Key] = header.Value;
            }
        }

        headers["Content-Type"] = "text/xml; charset=UTF-8";
        headers["User-Agent"] = userAgent;
        headers[RivtaHeaders.OriginalServiceConsumer] = call.OriginalConsumer;
        headers[RivtaHeaders.CorrelationId] = call.CorrelationId;
        headers[RivtaHeaders.RoutingHistory] = call.RoutingHistory;
        headers[RivtaHeaders.SenderId] = call.Sender;
        headers[RivtaHeaders.InstanceId] = platform.Value.InstanceId;
        return headers;
    }

    private static long Elapsed(RouterCall call) => (long)Stopwatch.GetElapsedTime(call.StartTimestamp).TotalMilliseconds;
}
