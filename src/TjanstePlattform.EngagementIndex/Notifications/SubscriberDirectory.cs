using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.EngagementIndex.Engagements;

namespace TjanstePlattform.EngagementIndex.Notifications;

/// <summary>
/// A subscriber of the index: a logical address the index's consumer id is authorized (anropsbehörighet) to call
/// ProcessNotification at, with the filters of those authorizations. No filter: every engagement.
/// </summary>
public sealed record Subscriber(string LogicalAddress, IReadOnlyList<CooperationFilter> Filters)
{
    /// <summary>True when a filter matches (service domain and, if given, categorization; case-insensitive).</summary>
    public bool Accepts(Engagement engagement)
    {
        if (Filters.Count == 0)
        {
            return true;
        }

        foreach (var filter in Filters)
        {
            if (string.Equals(filter.ServiceDomain, engagement.ServiceDomain, StringComparison.OrdinalIgnoreCase)
                && (filter.Categorizations.Count == 0
                    || filter.Categorizations.Contains(engagement.Categorization, StringComparer.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Reads the subscribers from the current catalog snapshot, recomputed only when the snapshot or the day changes.</summary>
internal sealed class SubscriberDirectory
{
    private readonly ICatalogSnapshotSource? _catalog;
    private readonly EngagementIndexOptions _options;
    private readonly EngagementClock _clock;
    private Cached? _cached;

    public SubscriberDirectory(IOptions<EngagementIndexOptions> options, EngagementClock clock, ICatalogSnapshotSource? catalog = null)
    {
        // The catalog is another part: without it (a trimmed host, some tests) the index simply has no subscribers.
        _catalog = catalog;
        _options = options.Value;
        _clock = clock;
    }

    public IReadOnlyList<Subscriber> Current
    {
        get
        {
            var snapshot = _catalog?.Current;
            if (snapshot is null)
            {
                return [];
            }

            var today = _clock.Today;
            var cached = Volatile.Read(ref _cached);
            if (cached is not null && ReferenceEquals(cached.Snapshot, snapshot) && cached.Day == today)
            {
                return cached.Subscribers;
            }

            cached = new Cached(snapshot, today, Compute(snapshot, today));
            Volatile.Write(ref _cached, cached);
            return cached.Subscribers;
        }
    }

    private List<Subscriber> Compute(CatalogSnapshot snapshot, DateOnly today)
    {
        var consumer = _options.ConsumerId!;
        var owner = _options.Owner!;
        return snapshot.Cooperations
            .Where(c => string.Equals(c.ServiceConsumer, consumer, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.ServiceContract, EngagementIndexNamespaces.ProcessNotificationResponder, StringComparison.OrdinalIgnoreCase)
                && c.LogicalAddress != "*"
                // The index's own address is its built-in authorization, not a subscriber: notifying itself is a loop.
                && !string.Equals(c.LogicalAddress, owner, StringComparison.OrdinalIgnoreCase)
                && c.Validity.IsValidOn(today))
            .GroupBy(c => c.LogicalAddress, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Subscriber(
                g.First().LogicalAddress,
                // One unfiltered authorization means everything; else the union of the filters.
                g.Any(c => c.Filters.Count == 0) ? [] : g.SelectMany(c => c.Filters).ToList()))
            .OrderBy(s => s.LogicalAddress, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private sealed record Cached(CatalogSnapshot Snapshot, DateOnly Day, IReadOnlyList<Subscriber> Subscribers);
}
