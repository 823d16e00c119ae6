using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Notifications;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Testing;

namespace TjanstePlattform.EngagementIndex.Tests.Notifications;

/// <summary>Who is a subscriber, what its filters let through, and what the planner puts in the outbox.</summary>
public sealed class SubscriberTests
{
    private const string ProcessNotification = "urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1";

    private static Engagement Engagement(string domain = "riv:crm:scheduling", string categorization = "Booking", string owner = "5565594230", string boi = "NA") =>
        new("191212121212", domain, categorization, "SE-LA", boi, "NA", null, "SE-SRC", "SE-DC", owner, "20250101000000", null);

    private static Cooperation Cooperation(string consumer, string logicalAddress, string contract = ProcessNotification, Validity? validity = null, params CooperationFilter[] filters) =>
        new(1, consumer, logicalAddress, contract, validity ?? FixedCatalog.Always, filters);

    private static IReadOnlyList<Subscriber> SubscribersOf(params Cooperation[] cooperations)
    {
        var options = Options.Create(new EngagementIndexOptions { Owner = "5565594230", ConsumerId = "5565594230" });
        var directory = new SubscriberDirectory(options, new EngagementClock(TimeProvider.System, options), FixedCatalog.With([], cooperations));
        return directory.Current;
    }

    [Test]
    public void Subscribers_are_the_authorizations_of_the_index_consumer_on_ProcessNotification()
    {
        var subscribers = SubscribersOf(
            Cooperation("5565594230", "SUB-A"),
            Cooperation("5565594230", "sub-b", ProcessNotification.ToUpperInvariant()),
            Cooperation("OTHER-CONSUMER", "SUB-C"),
            Cooperation("5565594230", "SUB-D", "urn:riv:itintegration:engagementindex:FindContentResponder:1"),
            Cooperation("5565594230", "*"),
            Cooperation("5565594230", "5565594230"),
            Cooperation("5565594230", "SUB-EXPIRED", validity: new Validity(new DateOnly(2000, 1, 1), new DateOnly(2001, 1, 1))));

        Assert.That(subscribers.Select(s => s.LogicalAddress), Is.EqualTo(new[] { "SUB-A", "sub-b" }));
    }

    [Test]
    public void Filters_match_service_domain_and_categorization_case_insensitively()
    {
        var subscriber = new Subscriber("SUB", [new CooperationFilter("RIV:CRM:SCHEDULING", ["booking"]), new CooperationFilter("riv:other", [])]);

        Assert.Multiple(() =>
        {
            Assert.That(subscriber.Accepts(Engagement()), Is.True);
            Assert.That(subscriber.Accepts(Engagement(categorization: "Invitation")), Is.False);
            Assert.That(subscriber.Accepts(Engagement(domain: "riv:other", categorization: "anything")), Is.True);
            Assert.That(subscriber.Accepts(Engagement(domain: "riv:third")), Is.False);
            Assert.That(new Subscriber("ALL", []).Accepts(Engagement(domain: "riv:third")), Is.True);
        });
    }

    [Test]
    public void An_unfiltered_authorization_wins_over_filtered_ones_for_the_same_subscriber()
    {
        var subscribers = SubscribersOf(
            Cooperation("5565594230", "SUB", filters: new CooperationFilter("riv:crm:scheduling", [])),
            Cooperation("5565594230", "SUB", validity: new Validity(new DateOnly(2000, 1, 1), new DateOnly(2999, 1, 1))));

        Assert.That(subscribers.Single().Filters, Is.Empty);
    }

    [Test]
    public void The_planner_sends_each_subscriber_what_it_accepts_but_never_its_own_engagements()
    {
        var changes = new[]
        {
            new EngagementChange(EngagementChangeKind.Created, Engagement(boi: "booking")),
            new EngagementChange(EngagementChangeKind.Deleted, Engagement(categorization: "Invitation", boi: "invitation")),
            new EngagementChange(EngagementChangeKind.ContentChanged, Engagement(owner: "SUB-ALL", boi: "owned-by-sub")),
        };

        var entries = NotificationPlanner.Plan(changes, [
            new Subscriber("SUB-BOOKINGS", [new CooperationFilter("riv:crm:scheduling", ["Booking"])]),
            new Subscriber("SUB-ALL", []),
            new Subscriber("SUB-NOTHING", [new CooperationFilter("riv:other", [])]),
        ]);

        Assert.That(entries.Select(e => (e.Subscriber, e.EngagementCount)), Is.EqualTo(new[] { ("SUB-BOOKINGS", 2), ("SUB-ALL", 2) }));
        Assert.That(entries[1].Payload, Does.Contain("invitation").And.Contain("<ns2:deleteFlag>true</ns2:deleteFlag>").And.Not.Contain("owned-by-sub"));
        Assert.That(entries[0].Payload, Does.StartWith("<ProcessNotification xmlns:ns2=\"urn:riv:itintegration:engagementindex:1\" xmlns=\"urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1\">").Or.StartWith("<ProcessNotification xmlns=\"urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1\""));
    }

    [Test]
    public void More_than_1000_changes_are_split_into_several_notifications()
    {
        var changes = Enumerable.Range(0, 2001).Select(i => new EngagementChange(EngagementChangeKind.Created, Engagement(boi: $"b{i}"))).ToArray();

        var entries = NotificationPlanner.Plan(changes, [new Subscriber("SUB", [])]);

        Assert.That(entries.Select(e => e.EngagementCount), Is.EqualTo(new[] { 1000, 1000, 1 }));
    }
}
