using TjanstePlattform.Catalog.Snapshots;

namespace TjanstePlattform.Routing.RoutingRules;

/// <summary>
/// The one authorization rule (anropsbehörighet, PLATFORM.md §2): exact receiver → <c>*</c> → HSA parents, old-style
/// <c>A#B</c> receivers, entries valid on the day. The router asks it for every call; the aggregating services ask it
/// for every engagement before their fan-out, with the sender and with the original consumer (AGGREGATIONS.md 3b).
/// </summary>
public sealed class ConsumerAuthorization
{
    private readonly RoutingRulesContext? _rules;

    internal ConsumerAuthorization(RoutingRulesContext? rules) => _rules = rules;

    /// <summary>The rule over the catalog alone: no HSA tree, no old-style receivers (tools and tests).</summary>
    public static ConsumerAuthorization CatalogOnly { get; } = new(null);

    /// <summary>True when <paramref name="consumer"/> may call <paramref name="receiver"/> through <paramref name="contractNamespace"/> on <paramref name="today"/>.</summary>
    public bool IsAuthorized(CatalogSnapshot snapshot, string consumer, string receiver, string contractNamespace, DateOnly today) =>
        !string.IsNullOrEmpty(consumer)
        && RoutingDecision.IsAuthorized(snapshot, consumer, receiver, contractNamespace, today,
            _rules?.HsaForAuthorization(contractNamespace), _rules?.AllowsOldStyleReceivers(consumer, contractNamespace) ?? false);

    /// <summary>The aggregating services' rule: the sender or, when another, the original consumer is authorized.</summary>
    public bool IsAuthorized(CatalogSnapshot snapshot, string sender, string? originalConsumer, string receiver, string contractNamespace, DateOnly today) =>
        IsAuthorized(snapshot, sender, receiver, contractNamespace, today)
        || (originalConsumer is not null && !string.Equals(originalConsumer, sender, StringComparison.OrdinalIgnoreCase)
            && IsAuthorized(snapshot, originalConsumer, receiver, contractNamespace, today));
}
