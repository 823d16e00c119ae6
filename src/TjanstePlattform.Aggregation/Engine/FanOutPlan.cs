using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.Routing.RoutingRules;

namespace TjanstePlattform.Aggregation.Engine;

/// <summary>
/// Which source systems one aggregated call asks (PLATFORM.md §5, steps 3 and 4): the engagements found, narrowed by
/// categorization and the request's filters, without those at the aggregator's own address and those the consumer
/// may not read, reduced to one call per unique fan-out key in a stable order.
/// </summary>
internal static class FanOutPlan
{
    public static IReadOnlyList<string> Producers(
        ConsumerRequest request,
        IEnumerable<Engagement> engagements,
        ConsumerIdentity consumer,
        CatalogSnapshot snapshot,
        DateOnly today,
        string ownAddress,
        ConsumerAuthorization authorization)
    {
        var contract = request.Contract;
        var keys = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var engagement in engagements)
        {
            if (contract.Categorizations.Count > 0 && !Contains(contract.Categorizations, engagement.Categorization))
            {
                continue;
            }

            if (request.Categorizations.Count > 0 && !Contains(request.Categorizations, engagement.Categorization))
            {
                continue;
            }

            if (request.SourceSystem is { } only
                && !string.Equals(AggregatedContract.FieldOf(engagement, contract.SourceSystemFilterField), only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Never call ourselves: an engagement at the national address would make the aggregator its own producer.
            var key = AggregatedContract.FieldOf(engagement, contract.FanOutKey)?.Trim();
            if (string.IsNullOrEmpty(key)
                || string.Equals(engagement.LogicalAddress, ownAddress, StringComparison.OrdinalIgnoreCase)
                || string.Equals(key, ownAddress, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // The one authorization rule (anropsbehörighet), for the sender or the original consumer (AGGREGATIONS.md 3b).
            if (!authorization.IsAuthorized(snapshot, consumer.Sender, consumer.OriginalConsumer, engagement.LogicalAddress, contract.Namespace, today))
            {
                continue;
            }

            keys.Add(key);
        }

        return [.. keys];
    }

    private static bool Contains(IReadOnlyList<string> values, string? value)
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
