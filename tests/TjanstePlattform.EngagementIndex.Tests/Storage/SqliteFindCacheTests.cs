using Microsoft.Extensions.Logging.Abstractions;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Testing;

namespace TjanstePlattform.EngagementIndex.Tests.Storage;

/// <summary>
/// FindContent answers from memory only while the index is unchanged: a write through the store is seen by the next
/// FindContent, a commit to the same file by another process within the check interval; the cache keeps only answers
/// with rows and stays within its bound.
/// </summary>
public sealed class SqliteFindCacheTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private string _directory = null!;
    private SqliteEngagementStore _store = null!;

    [SetUp]
    public void Open()
    {
        _directory = Path.Combine(Path.GetTempPath(), "tjp-tests", "ei-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = Open(_directory, _time);
    }

    [TearDown]
    public void Close()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static SqliteEngagementStore Open(string directory, TimeProvider time) =>
        new(Path.Combine(directory, "ei.db"), 2, time, NullLogger<SqliteEngagementStore>.Instance);

    private static Engagement Engagement(string logicalAddress, string mostRecentContent = "20240101120000") =>
        new("191212121212", "riv:crm:scheduling", "NA", logicalAddress, "NA", "NA", mostRecentContent, "SE-SRC", "SE-DC", "OWNER", null, null);

    private static readonly EngagementQuery Tolvan = new("191212121212", "riv:crm:scheduling");

    private static Task Save(IEngagementStore store, Engagement e) => store.ApplyAsync([new(false, e, EngagementKey.Of(e))], "20250101120000", null);

    private static Task Delete(IEngagementStore store, Engagement e) => store.ApplyAsync([new(true, e, EngagementKey.Of(e))], "20250101120000", null);

    private IEnumerable<string> Addresses(EngagementQuery? query = null) => _store.Find(query ?? Tolvan).Select(e => e.LogicalAddress).Order();

    [Test]
    public async Task A_write_through_the_store_is_seen_by_the_next_find()
    {
        await Save(_store, Engagement("SE-A"));
        Assert.That(Addresses(), Is.EqualTo(new[] { "SE-A" }));
        Assert.That(Addresses(), Is.EqualTo(new[] { "SE-A" }), "answered again, from memory");

        await Save(_store, Engagement("SE-B"));
        Assert.That(Addresses(), Is.EqualTo(new[] { "SE-A", "SE-B" }));

        await Save(_store, Engagement("SE-B", mostRecentContent: "20230101120000"));
        Assert.That(Addresses(Tolvan with { MostRecentContentFrom = "20240101000000" }), Is.EqualTo(new[] { "SE-A" }), "filters apply to the kept rows");

        await Delete(_store, Engagement("SE-A"));
        Assert.That(Addresses(), Is.EqualTo(new[] { "SE-B" }));
    }

    [Test]
    public async Task A_commit_by_another_process_to_the_file_is_seen_within_the_check_interval()
    {
        await Save(_store, Engagement("SE-A"));
        Assert.That(Addresses(), Is.EqualTo(new[] { "SE-A" }));

        // Another store over the same file: its own writer and readers, as another process would have.
        using (var other = Open(_directory, TimeProvider.System))
        {
            await Save(other, Engagement("SE-B"));
            await Delete(other, Engagement("SE-A"));
        }

        _time.Advance(SqliteEngagementStore.ForeignCommitCheckInterval);
        Assert.That(Addresses(), Is.EqualTo(new[] { "SE-B" }));
    }

    [Test]
    public void Rows_read_before_a_change_are_not_kept()
    {
        var cache = new EngagementReadCache(capacity: 10);
        var before = cache.Generation;
        cache.Clear();

        cache.Keep(Tolvan, [Engagement("SE-OLD")], before);

        Assert.That(cache.TryGet(Tolvan, out _), Is.False);
    }

    [Test]
    public void The_cache_keeps_no_more_keys_than_its_capacity()
    {
        var cache = new EngagementReadCache(capacity: 3);
        for (var i = 0; i < 10; i++)
        {
            cache.Keep(new EngagementQuery($"19121212{i:D4}", "riv:crm:scheduling"), [Engagement("SE-A")], cache.Generation);
        }

        var kept = Enumerable.Range(0, 10).Count(i => cache.TryGet(new EngagementQuery($"19121212{i:D4}", "riv:crm:scheduling"), out _));
        Assert.That(kept, Is.EqualTo(3));

        cache.Clear();
        cache.Keep(Tolvan, [Engagement("SE-A")], cache.Generation);
        Assert.That(cache.TryGet(Tolvan, out _), Is.True, "a change empties it and it fills again");
    }

    [Test]
    public void An_answer_without_rows_is_not_kept_so_queries_for_nobody_cannot_fill_the_memory()
    {
        var cache = new EngagementReadCache(capacity: 10);

        cache.Keep(new EngagementQuery(new string('9', 32), new string('x', 255)), [], cache.Generation);

        Assert.That(cache.TryGet(new EngagementQuery(new string('9', 32), new string('x', 255)), out _), Is.False);
    }
}
