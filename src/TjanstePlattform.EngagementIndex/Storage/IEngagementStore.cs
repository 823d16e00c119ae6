using TjanstePlattform.EngagementIndex.Engagements;

namespace TjanstePlattform.EngagementIndex.Storage;

/// <summary>
/// Where engagements live. SQLite by default (<see cref="SqliteEngagementStore"/>); the interface is what a
/// PostgreSQL store would implement so several stateless platform instances can share one index.
/// </summary>
public interface IEngagementStore
{
    /// <summary>
    /// Applies a batch in one transaction: all or nothing. <paramref name="planNotifications"/> runs inside the
    /// transaction with the batch's effective changes, and the outbox rows it returns are committed together with
    /// them (transactional outbox). Returns once the transaction is durable.
    /// </summary>
    Task<EngagementWriteResult> ApplyAsync(
        IReadOnlyList<EngagementWrite> writes,
        string now,
        Func<IReadOnlyList<EngagementChange>, IReadOnlyList<OutboxEntry>>? planNotifications,
        CancellationToken cancellationToken = default);

    /// <summary>FindContent: resident and service domain, every other given field an exact filter, mostRecentContent <c>&gt;=</c>.</summary>
    IReadOnlyList<Engagement> Find(EngagementQuery query);

    /// <summary>GetUpdates: engagements of a service domain changed at or after <paramref name="since"/>, residents after <paramref name="afterResident"/>.</summary>
    UpdatesPage GetUpdates(string serviceDomain, string since, string? afterResident, int pageSize);

    /// <summary>The number of stored engagements.</summary>
    long Count();
}

/// <summary>One transaction of a batch. <see cref="AlsoRemove"/>: a locally owned twin that a remote engagement replaces.</summary>
public readonly record struct EngagementWrite(bool Delete, Engagement Engagement, EngagementKey Key, EngagementKey? AlsoRemove = null);

public enum EngagementChangeKind
{
    Created,
    ContentChanged,
    Deleted,
}

/// <summary>An effective change: what subscribers are told about. Identical re-sends produce none.</summary>
public sealed record EngagementChange(EngagementChangeKind Kind, Engagement Engagement);

/// <summary>The outcome of a batch: its effective changes and the subscribers that got outbox rows.</summary>
public sealed record EngagementWriteResult(IReadOnlyList<EngagementChange> Changes, IReadOnlyList<string> Subscribers);

/// <summary>One page of GetUpdates: residents in order, each with its changed engagements.</summary>
public sealed record UpdatesPage(IReadOnlyList<(string Resident, IReadOnlyList<Engagement> Engagements)> Residents, bool IsComplete);
