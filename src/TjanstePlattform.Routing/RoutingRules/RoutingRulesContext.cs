using TjanstePlattform.Platform;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TjanstePlattform.Routing.RoutingRules;

/// <summary>The configured routing rules beyond the catalog: the HSA tree and which contracts use it.</summary>
internal sealed partial class RoutingRulesContext
{
    private readonly IOptionsMonitor<RoutingOptions> _options;

    public RoutingRulesContext(IOptionsMonitor<RoutingOptions> options, ILogger<RoutingRulesContext> logger)
    {
        _options = options;
        var file = options.CurrentValue.HsaFile;
        if (!string.IsNullOrWhiteSpace(file))
        {
            Hsa = HsaTree.Load(file);
            HsaLoaded(logger, Hsa.Count, file);
        }
    }

    /// <summary>The loaded HSA tree, or null when none is configured.</summary>
    public HsaTree? Hsa { get; }

    /// <summary>The HSA tree for routing (vägval) in a contract, or null when the tree is off for it.</summary>
    public HsaTree? HsaForRouting(string contractNamespace)
    {
        var options = _options.CurrentValue;
        return HsaUnless(contractNamespace, options.HsaDisabledContractPrefixes, options.HsaRoutingDisabledContractPrefixes);
    }

    /// <summary>The HSA tree for authorization (anropsbehörighet) in a contract, or null when the tree is off for it.</summary>
    public HsaTree? HsaForAuthorization(string contractNamespace)
    {
        var options = _options.CurrentValue;
        return HsaUnless(contractNamespace, options.HsaDisabledContractPrefixes, options.HsaAuthorizationDisabledContractPrefixes);
    }

    private HsaTree? HsaUnless(string contractNamespace, List<string> both, List<string> only)
        => Hsa is null || StartsWithAny(contractNamespace, both) || StartsWithAny(contractNamespace, only) ? null : Hsa;

    // A loop, not LINQ: this runs on every routed call, usually over empty lists.
    private static bool StartsWithAny(string contractNamespace, List<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (contractNamespace.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public bool AllowsOldStyleReceivers(string sender, string contractNamespace) =>
        _options.CurrentValue.OldStyleReceivers.Allows(sender, contractNamespace);

    [LoggerMessage(EventId = LogEventIds.RouterHsaLoaded, Level = LogLevel.Information, Message = "Loaded {Count} HSA units from {File}")]
    private static partial void HsaLoaded(ILogger logger, int count, string file);
}
