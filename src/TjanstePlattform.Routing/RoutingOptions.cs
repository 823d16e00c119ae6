namespace TjanstePlattform.Routing;

/// <summary>Router settings (section <c>Routing</c>).</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>The whitelist used when none is configured: loopback only.</summary>
    public static readonly IReadOnlyList<string> LoopbackWhitelist = ["127.", "::1"];

    /// <summary>
    /// Peer IP prefixes allowed to call over plain HTTP (prefix match, e.g. <c>127.</c>, <c>::1</c>, <c>10.0.</c>).
    /// Not configured: loopback only. A list of only blank entries denies every plain-HTTP caller (VP011), as an
    /// empty whitelist does on the reference platform.
    /// </summary>
    public List<string>? IpWhitelist { get; set; }

    /// <summary>The whitelist in force.</summary>
    public IReadOnlyList<string> EffectiveIpWhitelist => IpWhitelist ?? (IReadOnlyList<string>)LoopbackWhitelist;

    /// <summary>Largest request body accepted, in bytes (VP015 beyond it). Reference: 15 MiB default, 50 MiB in production.</summary>
    public long MaxRequestBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Producer timeouts: a default and per-contract-namespace overrides.</summary>
    public RoutingTimeoutOptions Timeouts { get; set; } = new();

    /// <summary>
    /// Trust <c>x-vp-sender-id</c> over plain HTTP only when <c>x-vp-instance-id</c> equals this platform's instance id
    /// (the reference's rule). Off by default: the IP whitelist alone admits the caller.
    /// </summary>
    public bool RequireInstanceId { get; set; }

    /// <summary>Answer VP013 when a sender not on <see cref="OriginalConsumerAllowList"/> sets x-rivta-original-serviceconsumer-hsaid (otherwise only logged).</summary>
    public bool RejectUnapprovedOriginalConsumer { get; set; }

    /// <summary>Senders approved to set <c>x-rivta-original-serviceconsumer-hsaid</c>.</summary>
    public List<string> OriginalConsumerAllowList { get; set; } = [];

    /// <summary>True when <paramref name="sender"/> is on <see cref="OriginalConsumerAllowList"/>.</summary>
    public bool MaySetOriginalConsumer(string sender) => OldStyleReceiverOptions.ContainsIgnoringCase(OriginalConsumerAllowList, sender);

    /// <summary>An HSA unit file; when set the router climbs the HSA tree for routing and authorization.</summary>
    public string? HsaFile { get; set; }

    /// <summary>
    /// Contract namespace prefixes for which the HSA tree is NOT used, for routing and authorization alike
    /// (case-insensitive). Added to both <see cref="HsaRoutingDisabledContractPrefixes"/> and
    /// <see cref="HsaAuthorizationDisabledContractPrefixes"/>.
    /// </summary>
    public List<string> HsaDisabledContractPrefixes { get; set; } = [];

    /// <summary>
    /// Contract namespace prefixes for which routing (vägval) does not climb the HSA tree; the reference's
    /// <c>hsa.lookup.vagval.exceptedNamespaces</c>.
    /// </summary>
    public List<string> HsaRoutingDisabledContractPrefixes { get; set; } = [];

    /// <summary>
    /// Contract namespace prefixes for which authorization (anropsbehörighet) does not climb the HSA tree; the
    /// reference's <c>hsa.lookup.behorighet.exceptedNamespaces</c>.
    /// </summary>
    public List<string> HsaAuthorizationDisabledContractPrefixes { get; set; } = [];

    /// <summary>Old-style <c>A#B</c> receivers: which senders and contracts may use them (empty: nobody).</summary>
    public OldStyleReceiverOptions OldStyleReceivers { get; set; } = new();

    /// <summary>The TLS listener with client certificates (null: none).</summary>
    public Identity.RouterHttpsOptions? Https { get; set; }

    /// <summary>
    /// Call the platform's built-in producers over HTTP like any other instead of in-process (for watching the hop on the
    /// wire). Off by default: the router hands such calls to them directly, with the same headers, faults and timeouts.
    /// </summary>
    public bool BuiltInsOverHttp { get; set; }

    /// <summary>The User-Agent sent to producers.</summary>
    public string UserAgent { get; set; } = "TjanstePlattform";
}

/// <summary>Producer timeouts (reference: 29 s per call, 2 s to connect).</summary>
public sealed class RoutingTimeoutOptions
{
    /// <summary>Longest wait for the producer's answer when no contract-specific value applies.</summary>
    public TimeSpan Default { get; set; } = TimeSpan.FromSeconds(29);

    /// <summary>Longest wait for a TCP connection to a producer; one retry follows a failed connect.</summary>
    public TimeSpan Connect { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The pause before the one retry after a failed connect (reference: 2 s); zero retries at once.</summary>
    public TimeSpan ConnectRetryPause { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per service contract namespace (case-insensitive), e.g. <c>"urn:riv:…Responder:2": "00:00:10"</c>.</summary>
    public Dictionary<string, TimeSpan> Contracts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan For(string contractNamespace) =>
        Contracts.TryGetValue(contractNamespace, out var timeout) ? timeout : Default;
}

/// <summary>
/// Old-style receivers <c>A#B</c> (a unit B reached through A): routing tries B, then A; authorization accepts
/// at most two parts. Only for the senders and contract namespaces listed (the reference's whitelists).
/// </summary>
public sealed class OldStyleReceiverOptions
{
    public List<string> AllowedSenders { get; set; } = [];

    public List<string> AllowedContracts { get; set; } = [];

    public bool Allows(string sender, string contractNamespace) =>
        ContainsIgnoringCase(AllowedSenders, sender) && ContainsIgnoringCase(AllowedContracts, contractNamespace);

    // A loop, not LINQ: this runs on every routed call, usually over empty lists.
    internal static bool ContainsIgnoringCase(List<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
