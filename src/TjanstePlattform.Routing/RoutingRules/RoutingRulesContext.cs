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

    /// <summary>The HSA tree for a contract, or null when the tree is off for it.</summary>
    public HsaTree? HsaFor(string contractNamespace)
    {
        if (Hsa is null)
        {
            return null;
        }

        foreach (var prefix in _options.CurrentValue.HsaDisabledContractPrefixes)
        {
            if (contractNamespace.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return Hsa;
    }

    public bool AllowsOldStyleReceivers(string sender, string contractNamespace) =>
        _options.CurrentValue.OldStyleReceivers.Allows(sender, contractNamespace);

    [LoggerMessage(EventId = LogEventIds.RouterHsaLoaded, Level = LogLevel.Information, Message = "Loaded {Count} HSA units from {File}")]
    private static partial void HsaLoaded(ILogger logger, int count, string file);
}
