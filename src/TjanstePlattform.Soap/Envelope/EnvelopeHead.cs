namespace TjanstePlattform.Soap.Envelope;

/// <summary>The RIVTA basic profile a message is written in.</summary>
public enum RivProfile
{
    /// <summary>Basic profile 2.0: receiver in WS-Addressing <c>To</c>.</summary>
    RivtaBp20,

    /// <summary>Basic profile 2.1: receiver in <c>{urn:riv:itintegration:registry:1}LogicalAddress</c>.</summary>
    RivtaBp21,
}

/// <summary>
/// What the router needs from a request before it forwards it: the receiver (logical address),
/// the basic profile it was given in, and the service contract (namespace of the first Body child).
/// </summary>
public sealed record EnvelopeHead(
    string? Receiver,
    RivProfile? Profile,
    string ContractNamespace,
    string BodyElementName)
{
    /// <summary>The encoding named in the XML declaration, if any (e.g. <c>utf-16</c>, <c>ISO-8859-1</c>).</summary>
    public string? DeclaredEncoding { get; init; }

    /// <summary>
    /// The body declares a non-UTF-8 encoding but its bytes are UTF-8 without a byte order mark (typical .NET
    /// output: <c>encoding="utf-16"</c>). It was read as UTF-8, as the reference platform retries it.
    /// </summary>
    public bool ReadAsUtf8 { get; init; }

    /// <summary>True when the body is not plain UTF-8 on the wire and must be re-encoded before forwarding.</summary>
    public bool NeedsUtf8Rewrite => ReadAsUtf8
        || (DeclaredEncoding is not null
            && !DeclaredEncoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !DeclaredEncoding.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            && !DeclaredEncoding.Equals("us-ascii", StringComparison.OrdinalIgnoreCase));

    /// <summary>Names the RIV profile as the catalog spells it (<c>RIVTABP21</c>/<c>RIVTABP20</c>).</summary>
    public static string ProfileName(RivProfile profile) => profile switch
    {
        RivProfile.RivtaBp20 => "RIVTABP20",
        _ => "RIVTABP21",
    };
}

/// <summary>Why an envelope head could not be read; the router answers VP015 with <see cref="Detail"/>.</summary>
public sealed record EnvelopeHeadError(string Detail);
