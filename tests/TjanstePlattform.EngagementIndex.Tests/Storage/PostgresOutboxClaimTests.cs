using Microsoft.Extensions.Logging.Abstractions;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Platform;
using TjanstePlattform.Testing.Postgres;

namespace TjanstePlattform.EngagementIndex.Tests.Storage;

/// <summary>Two instances' stores over one PostgreSQL database: each notification is handed to one of them, in order.</summary>
[TestFixture]
public sealed class PostgresOutboxClaimTests
{
    private PostgresDatabase _database = null!;

    [SetUp]
    public async Task Open() => _database = new PostgresDatabase(await PostgresServer.NewDatabaseAsync(), NullLogger<PostgresDatabase>.Instance);

    [TearDown]
    public void Close() => _database.Dispose();

    private PostgresEngagementStore Instance(TimeSpan? lease = null) =>
        new(_database, TimeProvider.System, NullLogger<PostgresEngagementStore>.Instance, lease);

    private static async Task QueueAsync(PostgresEngagementStore store, string boi, string payload)
    {
        var e = new Engagement("191212121212", "riv:crm:scheduling", "NA", "SE-LA", boi, "NA", "20240101120000", "SE-SRC", "SE-DC", "OWNER", null, null);
        await store.ApplyAsync([new EngagementWrite(false, e, EngagementKey.Of(e))], "20250101120000", _ => [new OutboxEntry("SUB", payload, 1)]);
    }

    [Test]
    public async Task The_head_claimed_by_one_instance_is_not_handed_to_another_nor_the_one_behind_it()
    {
        var a = Instance();
        var b = Instance();
        await QueueAsync(a, "1", "<first/>");
        await QueueAsync(a, "2", "<second/>");

        var claimedByA = await a.PeekAsync("SUB");
        var seenByB = await b.PeekAsync("SUB");
        var againByA = await a.PeekAsync("SUB");
        await a.CompleteAsync(claimedByA!.Id);
        var nextForB = await b.PeekAsync("SUB");

        Assert.Multiple(() =>
        {
            Assert.That(claimedByA.Payload, Is.EqualTo("<first/>"));
            Assert.That(seenByB, Is.Null, "B must neither take A's message nor skip ahead of it");
            Assert.That(againByA!.Id, Is.EqualTo(claimedByA.Id), "the claimer keeps its message across retries");
            Assert.That(nextForB!.Payload, Is.EqualTo("<second/>"));
        });
    }

    [Test]
    public async Task A_claim_whose_lease_ran_out_is_taken_over()
    {
        // A lease already over when taken: what a crashed instance leaves behind once its lease has run out.
        var crashed = Instance(TimeSpan.FromSeconds(-1));
        var survivor = Instance();
        await QueueAsync(crashed, "1", "<first/>");

        var lost = await crashed.PeekAsync("SUB");
        var taken = await survivor.PeekAsync("SUB");

        Assert.That(taken!.Id, Is.EqualTo(lost!.Id));
    }

    [Test]
    public async Task Concurrent_claims_hand_each_head_to_exactly_one_instance()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Instance()).ToArray();
        await QueueAsync(instances[0], "1", "<first/>");

        var claims = await Task.WhenAll(instances.Select(i => Task.Run(() => i.PeekAsync("SUB"))));

        Assert.That(claims.Count(c => c is not null), Is.EqualTo(1));
    }
}
