using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.EngagementIndex.Engagements;

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
        string ownAddress)
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

            if (!IsAuthorized(snapshot, consumer, engagement.LogicalAddress, contract.Namespace, today))
            {
                continue;
            }

            keys.Add(key);
        }

        return [.. keys];
    }

    /// <summary>
    /// The consumer may read the engagement's logical address through this contract: an authorization (anropsbehörighet)
    /// valid today for the sender or the original consumer, on that address exactly or on <c>*</c>.
    /// </summary>
    public static bool IsAuthorized(CatalogSnapshot snapshot, ConsumerIdentity consumer, string logicalAddress, string contract, DateOnly today) =>
        IsAuthorized(snapshot, consumer.Sender, logicalAddress, contract, today)
        || (!string.Equals(consumer.OriginalConsumer, consumer.Sender, StringComparison.OrdinalIgnoreCase)
            && IsAuthorized(snapshot, consumer.OriginalConsumer, logicalAddress, contract, today));

    private static bool IsAuthorized(CatalogSnapshot snapshot, string consumer, string logicalAddress, string contract, DateOnly today)
    {
        if (string.IsNullOrEmpty(consumer))
        {
            return false;
        }

        foreach (var cooperation in snapshot.AuthorizationsFor(consumer, logicalAddress, contract))
        {
            if (cooperation.Validity.IsValidOn(today))
            {
                return true;
            }
        }

        foreach (var cooperation in snapshot.AuthorizationsFor(consumer, "*", contract))
        {
            if (cooperation.Validity.IsValidOn(today))
            {
                return true;
            }
        }

        return false;
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
