using TjanstePlattform.Routing.RoutingRules;
using TjanstePlattform.Aggregation.Engine;
using TjanstePlattform.Aggregation.Tests.Support;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Aggregation.Tests.Engine;

/// <summary>Which source systems are called (PLATFORM.md §5 steps 3–4).</summary>
public class FanOutPlanTests
{
    private const string Consumer = "SE-1177";
    private const string Original = "SE-ORIGINAL";
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly ConsumerIdentity Identity = new(Consumer, Original, "corr-1");

    private static Engagement Gmh(string logicalAddress, string sourceSystem, string categorization = "caa-gmh") =>
        new("191212121212", "riv:clinicalprocess:activityprescription:actoutcome", categorization, logicalAddress, "NA", "NA", null, sourceSystem, "DC", "5565594230", null, null);

    private static Engagement Booking(string logicalAddress, string sourceSystem) =>
        new("191212121212", "riv:crm:scheduling", "", logicalAddress, "NA", "NA", null, sourceSystem, "DC", "5565594230", null, null);

    private static Cooperation Allow(string consumer, string logicalAddress, string contract, Validity? validity = null) =>
        new(1, consumer, logicalAddress, contract, validity ?? FixedCatalog.Always, []);

    private static CatalogSnapshot Snapshot(params Cooperation[] cooperations) => new(1, DateTimeOffset.UtcNow, [], cooperations);

    private static ConsumerRequest Request(string envelope) => ConsumerRequests.Read(Utf8.Bytes(envelope)).Request!;

    [Test]
    public void One_call_per_unique_source_system_in_a_stable_order()
    {
        var snapshot = Snapshot(Allow(Consumer, "*", Payloads.Gmh));
        var engagements = new[] { Gmh("UNIT-B", "SYS-B"), Gmh("UNIT-A", "SYS-A"), Gmh("UNIT-A2", "SYS-A"), Gmh("UNIT-C", "sys-b") };

        var producers = FanOutPlan.Producers(Request(Payloads.GmhRequest("191212121212")), engagements, Identity, snapshot, Today, "5565594230", ConsumerAuthorization.CatalogOnly);

        Assert.That(producers, Is.EqualTo(new[] { "SYS-A", "SYS-B" }), "keys compare case-insensitively, ordered by key");
    }

    [Test]
    public void Bookings_fan_out_per_logical_address()
    {
        var snapshot = Snapshot(Allow(Consumer, "*", Payloads.Schedule));
        var engagements = new[] { Booking("UNIT-2", "SYS"), Booking("UNIT-1", "SYS") };

        var producers = FanOutPlan.Producers(Request(Payloads.ScheduleRequest("191212121212")), engagements, Identity, snapshot, Today, "5565594230", ConsumerAuthorization.CatalogOnly);

        Assert.That(producers, Is.EqualTo(new[] { "UNIT-1", "UNIT-2" }));
    }

    [Test]
    public void Engagements_at_our_own_address_and_of_other_categorizations_are_dropped()
    {
        var snapshot = Snapshot(Allow(Consumer, "*", Payloads.Gmh));
        var engagements = new[] { Gmh("5565594230", "SYS-SELF"), Gmh("UNIT", "5565594230"), Gmh("UNIT-X", "SYS-X", "caa-other"), Gmh("UNIT-OK", "SYS-OK") };

        var producers = FanOutPlan.Producers(Request(Payloads.GmhRequest("191212121212")), engagements, Identity, snapshot, Today, "5565594230", ConsumerAuthorization.CatalogOnly);

        Assert.That(producers, Is.EqualTo(new[] { "SYS-OK" }));
    }

    [Test]
    public void Authorization_is_checked_on_the_engagements_logical_address_for_sender_or_original_consumer()
    {
        var snapshot = Snapshot(
            Allow(Consumer, "UNIT-1", Payloads.Gmh),
            Allow(Original, "UNIT-2", Payloads.Gmh),
            Allow(Consumer, "UNIT-3", Payloads.Schedule),
            Allow(Consumer, "UNIT-4", Payloads.Gmh, new Validity(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31))),
            Allow("SOMEONE-ELSE", "*", Payloads.Gmh));
        var engagements = new[] { Gmh("UNIT-1", "SYS-1"), Gmh("UNIT-2", "SYS-2"), Gmh("UNIT-3", "SYS-3"), Gmh("UNIT-4", "SYS-4"), Gmh("UNIT-5", "SYS-5") };

        var producers = FanOutPlan.Producers(Request(Payloads.GmhRequest("191212121212")), engagements, Identity, snapshot, Today, "5565594230", ConsumerAuthorization.CatalogOnly);

        Assert.That(producers, Is.EqualTo(new[] { "SYS-1", "SYS-2" }), "another contract, an expired authorization and another consumer do not count");
    }

    [Test]
    public void A_source_system_in_the_request_keeps_only_that_system()
    {
        var snapshot = Snapshot(Allow(Consumer, "*", Payloads.Gmh));
        var engagements = new[] { Gmh("SYS-1", "SYS-1"), Gmh("SYS-2", "SYS-2") };

        var producers = FanOutPlan.Producers(Request(Payloads.GmhRequest("191212121212", sourceSystem: "sys-2")), engagements, Identity, snapshot, Today, "5565594230", ConsumerAuthorization.CatalogOnly);

        Assert.That(producers, Is.EqualTo(new[] { "SYS-2" }));
    }

    [Test]
    public void Type_of_request_narrows_the_categorizations()
    {
        var snapshot = Snapshot(Allow(Consumer, "*", Payloads.Requests));
        Engagement Referral(string system, string type) =>
            new("191212121212", "riv:crm:requeststatus", type, system, "NA", "NA", null, system, "DC", "5565594230", null, null);
        var engagements = new[] { Referral("SYS-1", "1"), Referral("SYS-2", "2"), Referral("SYS-3", "3") };

        var all = FanOutPlan.Producers(Request(Payloads.RequestsRequest("191212121212")), engagements, Identity, snapshot, Today, "5565594230", ConsumerAuthorization.CatalogOnly);
        var some = FanOutPlan.Producers(Request(Payloads.RequestsRequest("191212121212", "1", "3")), engagements, Identity, snapshot, Today, "5565594230", ConsumerAuthorization.CatalogOnly);

        Assert.That(all, Is.EqualTo(new[] { "SYS-1", "SYS-2", "SYS-3" }));
        Assert.That(some, Is.EqualTo(new[] { "SYS-1", "SYS-3" }));
    }
}
