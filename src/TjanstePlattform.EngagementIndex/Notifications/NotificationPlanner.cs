using TjanstePlattform.Soap.Service;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.EngagementIndex.Processing;
using TjanstePlattform.EngagementIndex.Soap;
using TjanstePlattform.EngagementIndex.Storage;

namespace TjanstePlattform.EngagementIndex.Notifications;

/// <summary>
/// Turns the effective changes of a batch into outbox rows: per subscriber, the changes its filters accept,
/// rendered as ProcessNotification bodies of at most 1000 transactions.
/// </summary>
internal sealed class NotificationPlanner(SubscriberDirectory directory)
{
    public static readonly XmlSerializer Serializer = new(typeof(ProcessNotificationType));

    /// <summary>The planning callback for the store, or null when there is nobody to notify.</summary>
    public Func<IReadOnlyList<EngagementChange>, IReadOnlyList<OutboxEntry>>? ForCurrentSubscribers()
    {
        var subscribers = directory.Current;
        return subscribers.Count == 0 ? null : changes => Plan(changes, subscribers);
    }

    public static IReadOnlyList<OutboxEntry> Plan(IReadOnlyList<EngagementChange> changes, IReadOnlyList<Subscriber> subscribers)
    {
        var entries = new List<OutboxEntry>();
        foreach (var subscriber in subscribers)
        {
            var accepted = changes
                .Where(c => subscriber.Accepts(c.Engagement)
                    // An index is never told about its own engagements: it would drop them anyway.
                    && !string.Equals(c.Engagement.Owner, subscriber.LogicalAddress, StringComparison.OrdinalIgnoreCase))
                .ToList();
            foreach (var chunk in accepted.Chunk(EngagementValidator.MaxEngagements))
            {
                var body = new ProcessNotificationType
                {
                    EngagementTransaction = chunk.Select(c => new EngagementTransactionType
                    {
                        DeleteFlag = c.Kind == EngagementChangeKind.Deleted,
                        Engagement = EngagementMapping.ToWire(c.Engagement),
                    }).ToList(),
                };
                entries.Add(new OutboxEntry(subscriber.LogicalAddress, SoapBodies.RenderElement(Serializer, body, WireNamespaces.ProcessNotification), chunk.Length));
            }
        }

        return entries;
    }
}
