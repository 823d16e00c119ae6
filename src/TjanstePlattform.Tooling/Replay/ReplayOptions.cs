namespace TjanstePlattform.Tooling.Replay;

/// <summary>How <c>tjp replay</c> sends: target, identity, timeout, validation.</summary>
public sealed class ReplayOptions
{
    /// <summary>
    /// <c>--target</c>: the router or a producer. A bare base address (<c>http://127.0.0.1:8080</c>) gets the
    /// conventional <c>/vp/&lt;domain&gt;/&lt;Interaction&gt;/&lt;major&gt;/rivtabp21</c> path of each request's contract
    /// (or a recording's own path); an address with a path is used as it is. Null: the project's endpoints.
    /// </summary>
    public Uri? Target { get; set; }

    /// <summary><c>--sender</c>: sent as <c>x-vp-sender-id</c> (the consumer's HSA-id on plain HTTP).</summary>
    public string? Sender { get; set; }

    /// <summary><c>--logical-address</c>: replaces the receiver (LogicalAddress, or wsa:To on basic profile 2.0).</summary>
    public string? LogicalAddress { get; set; }

    /// <summary><c>--cert</c>/<c>--key</c>: PEM client certificate and key for mTLS.</summary>
    public string? CertificatePath { get; set; }

    public string? KeyPath { get; set; }

    /// <summary><c>--insecure</c>: accept any server certificate (test platforms with self-signed certificates).</summary>
    public bool AcceptAnyServerCertificate { get; set; }

    /// <summary><c>--timeout</c>: per request, until the whole answer has arrived.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>--header name=value</c>: extra HTTP headers on every request.</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>
    /// <c>--validate-all</c>: validate every answer against its contract schema. Off by default: as in SoapUI, an
    /// answer is validated only where the project asks (a Schema Compliance assertion).
    /// </summary>
    public bool Validate { get; set; }

    /// <summary>The largest answer read; a bigger one is reported as a transport error.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;
}
