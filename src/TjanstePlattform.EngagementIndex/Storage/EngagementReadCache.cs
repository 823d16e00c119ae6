using System.Collections.Concurrent;
using TjanstePlattform.EngagementIndex.Engagements;

namespace TjanstePlattform.EngagementIndex.Storage;

/// <summary>
/// FindContent's rows kept in memory per (resident, service domain, categorization) until the index changes: every
/// aggregated call starts with a FindContent, and reading its rows from SQLite cost more than the rest of a fan-out to
/// two built-in producers. The store empties it on every change it sees; a read that raced a change is not kept
/// (the generation it started under is gone). Only answers with rows are kept, so the keys are combinations the index
/// holds, not whatever callers ask for; and at most <paramref name="capacity"/> of them: past that, reads go to the
/// file until the next change.
/// </summary>
internal sealed class EngagementReadCache(int capacity)
{
    private readonly ConcurrentDictionary<(string Resident, string ServiceDomain, string? Categorization), Engagement[]> _rows = new();
    private long _generation;
    private int _count;

    /// <summary>Taken before a read of the file, handed back to <see cref="Keep"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(EngagementQuery query, out Engagement[] rows) =>
        _rows.TryGetValue((query.RegisteredResidentIdentification, query.ServiceDomain, query.Categorization), out rows!);

    /// <summary>Keeps rows read under <paramref name="generation"/>, unless a change came in between.</summary>
    public void Keep(EngagementQuery query, Engagement[] rows, long generation)
    {
        if (rows.Length == 0 || Volatile.Read(ref _count) >= capacity || generation != Generation)
        {
            return;
        }

        var key = (query.RegisteredResidentIdentification, query.ServiceDomain, query.Categorization);
        if (_rows.TryAdd(key, rows))
        {
            Interlocked.Increment(ref _count);
        }

        // A change between the check above and the add has cleared the cache already or will find nothing of ours.
        if (generation != Generation)
        {
            _rows.TryRemove(key, out _);
        }
    }

    /// <summary>The index changed: nothing read before now is answered again.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _rows.Clear();
        Volatile.Write(ref _count, 0);
    }
}
