using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Soap.Envelope;

namespace TjanstePlattform.Routing.Forwarding;

/// <summary>What the pipeline decided for one call; carried to the forwarding transformer on the HttpContext.</summary>
internal sealed class RouterCall
{
    public required ServiceProduction Production { get; init; }
    public required string Sender { get; init; }
    public required string CorrelationId { get; init; }
    public required string OriginalConsumer { get; init; }
    public required string RoutingHistory { get; init; }
    public required long StartTimestamp { get; init; }

    /// <summary>The basic profile to convert the request to, when the producer speaks another one than the consumer.</summary>
    public RivProfile? ConvertTo { get; init; }

    /// <summary>The body declares another encoding than it is written in: read it as UTF-8.</summary>
    public bool ReadAsUtf8 { get; init; }

    /// <summary>The encoding the consumer wrote its request in, when not UTF-8: the answer is converted back to it.</summary>
    public string? ResponseEncoding { get; init; }

    /// <summary>The body is streamed through <see cref="EnvelopeRewriter"/> instead of byte for byte.</summary>
    public bool Rewrite { get; init; }

    /// <summary>The platform's call token, when the producer is one of the platform's own reached over HTTP.</summary>
    public string? PlatformToken { get; init; }

    /// <summary>Set when the producer answered with an error that is not a SOAP envelope (VP009).</summary>
    public int? ProducerErrorStatus { get; set; }

    /// <summary>Milliseconds until the producer's response headers arrived (x-skltp-prt).</summary>
    public long ProducerResponseMs { get; set; }
}
