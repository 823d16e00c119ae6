using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Console.Tests.Calls;

/// <summary>
/// The feed keeps calls in slots it reuses: what is read back is what was recorded — texts, nulls, headers in order —
/// also after the ring has gone round and a slot holds a call with fewer headers than its last one.
/// </summary>
public class CallFeedTests
{
    private static ICallFeed Feed(int capacity) => new ServiceCollection()
        .AddCallFeed(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CallFeed:Capacity"] = capacity.ToString() }).Build())
        .BuildServiceProvider()
        .GetRequiredService<ICallFeed>();

    private static Func<long, CallRecord> Call(string correlationId, int headers, string? sender = "SENDER") => sequence => new CallRecord(
        sequence,
        DateTimeOffset.UnixEpoch.AddSeconds(sequence),
        correlationId,
        sender,
        "RECEIVER",
        "urn:contract",
        "OK",
        200,
        1.5,
        sequence % 2 == 0 ? null : 0.5,
        sequence % 2 == 0 ? null : "http://producer",
        null,
        [.. Enumerable.Range(0, headers).Select(i => new KeyValuePair<string, string>($"h{i}", $"v{i}-{correlationId}"))],
        [new("x-skltp-correlation-id", correlationId)]);

    [Test]
    public void A_call_reads_back_as_it_was_recorded()
    {
        var feed = Feed(10);
        feed.Add(Call("c-1", 3, sender: null));

        var call = feed.Recent(_ => true, 0, 10).Single();

        Assert.That(call, Is.EqualTo(Call("c-1", 3, sender: null)(1)).Using<CallRecord>(Same));
        Assert.That(call.Sender, Is.Null);
        Assert.That(call.ProducerAddress, Is.EqualTo("http://producer"));
    }

    [Test]
    public void After_the_ring_has_gone_round_each_slot_holds_only_its_newest_call()
    {
        var feed = Feed(3);
        for (var i = 1; i <= 7; i++)
        {
            feed.Add(Call($"c-{i}", headers: 8 - i));
        }

        var recent = feed.Recent(_ => true, 0, 10);

        Assert.That(recent.Select(c => c.CorrelationId), Is.EqualTo(new[] { "c-7", "c-6", "c-5" }));
        Assert.That(recent.Select(c => c.RequestHeaders.Count), Is.EqualTo(new[] { 1, 2, 3 }), "a reused slot keeps no header of its last call");
        Assert.That(recent[0].RequestHeaders.Single(), Is.EqualTo(new KeyValuePair<string, string>("h0", "v0-c-7")));
        Assert.That(feed.ByCorrelationId("c-1"), Is.Empty);
    }

    [Test]
    public void Calls_are_found_by_correlation_id_oldest_first_and_after_a_sequence()
    {
        var feed = Feed(10);
        feed.Add(Call("shared", 1));
        feed.Add(Call("other", 1));
        feed.Add(Call("shared", 2));

        Assert.That(feed.ByCorrelationId("shared").Select(c => c.Sequence), Is.EqualTo(new long[] { 1, 3 }));
        Assert.That(feed.Recent(_ => true, 1, 10).Select(c => c.Sequence), Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(feed.Recent(c => c.CorrelationId == "other", 0, 10).Single().Sequence, Is.EqualTo(2));
    }

    [Test]
    public void A_slot_that_held_long_headers_still_reads_back_a_short_call_exactly()
    {
        var feed = Feed(1);
        feed.Add(sequence => Call("long", 0)(sequence) with { RequestHeaders = [.. Enumerable.Range(0, 40).Select(i => new KeyValuePair<string, string>($"h{i}", new string('x', 512)))] });
        feed.Add(Call("short", 2));

        var call = feed.Recent(_ => true, 0, 10).Single();

        Assert.That(call.CorrelationId, Is.EqualTo("short"));
        Assert.That(call.RequestHeaders, Is.EqualTo(new[] { new KeyValuePair<string, string>("h0", "v0-short"), new KeyValuePair<string, string>("h1", "v1-short") }));
    }

    private static bool Same(CallRecord a, CallRecord b) =>
        a with { RequestHeaders = [], ResponseHeaders = [] } == b with { RequestHeaders = [], ResponseHeaders = [] }
        && a.RequestHeaders.SequenceEqual(b.RequestHeaders) && a.ResponseHeaders.SequenceEqual(b.ResponseHeaders);
}
