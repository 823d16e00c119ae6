using Microsoft.AspNetCore.Http;

namespace TjanstePlattform.Soap.Service;

/// <summary>
/// The transport side of one call to a built-in service: the HTTP headers exactly as a producer behind the router
/// receives them (<c>x-vp-sender-id</c>, <c>x-rivta-original-serviceconsumer-hsaid</c>, <c>x-skltp-correlation-id</c>,
/// <c>x-rivta-routing-history</c> …), whether the call came in-process or over HTTP.
/// </summary>
public sealed class SoapCallContext
{
    public const string SenderIdHeader = "x-vp-sender-id";
    public const string OriginalConsumerHeader = "x-rivta-original-serviceconsumer-hsaid";
    public const string CorrelationIdHeader = "x-skltp-correlation-id";
    public const string RoutingHistoryHeader = "x-rivta-routing-history";

    public SoapCallContext(IHeaderDictionary headers, string path, bool viaRouter)
    {
        RequestHeaders = headers;
        Path = path;
        ViaRouter = viaRouter;
    }

    /// <summary>The request's HTTP headers.</summary>
    public IHeaderDictionary RequestHeaders { get; }

    /// <summary>The path the call was addressed to (the physical address' path).</summary>
    public string Path { get; }

    /// <summary>True when the platform's router made the call (in-process or with the platform's own call token).</summary>
    public bool ViaRouter { get; }

    /// <summary>Headers the service adds to its answer (the router passes them on like a producer's).</summary>
    public HeaderDictionary ResponseHeaders { get; } = new();

    public string? SenderId => Header(SenderIdHeader);

    /// <summary>The original consumer, else the sender (the router always sets it; a direct caller may not).</summary>
    public string? OriginalConsumer => Header(OriginalConsumerHeader) ?? SenderId;

    public string? CorrelationId => Header(CorrelationIdHeader);

    /// <summary>A header's value, trimmed; null when absent or blank.</summary>
    public string? Header(string name) =>
        RequestHeaders.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
}
