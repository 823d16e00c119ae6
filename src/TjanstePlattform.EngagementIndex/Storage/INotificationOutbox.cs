namespace TjanstePlattform.EngagementIndex.Storage;

/// <summary>
/// The persisted notification queues: one ordered queue per subscriber, rows written in the same transaction as
/// the Update that caused them, removed when delivered, moved to the dead letters after too many tries.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>The oldest pending notification of a subscriber (the head of its queue).</summary>
    Task<OutboxMessage?> PeekAsync(string subscriber, CancellationToken cancellationToken = default);

    /// <summary>Subscribers with pending notifications (to resume after a restart).</summary>
    Task<IReadOnlyList<PendingQueue>> PendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts a failed try; returns the number of tries so far.</summary>
    Task<int> RecordFailedAttemptAsync(long id, string error, CancellationToken cancellationToken = default);

    /// <summary>Removes a delivered notification.</summary>
    Task CompleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Moves a notification to the dead letters.</summary>
    Task DeadLetterAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken = default);

    Task<DeadLetter?> FindDeadLetterAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Puts a dead letter back at the end of its subscriber's queue with no tries counted; null if unknown.</summary>
    Task<OutboxMessage?> ReplayAsync(long deadLetterId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Drops a dead letter for good; false if unknown.</summary>
    Task<bool> DiscardAsync(long deadLetterId, CancellationToken cancellationToken = default);
}

/// <summary>A notification to deliver: a ProcessNotification body for <see cref="Subscriber"/>.</summary>
public sealed record OutboxEntry(string Subscriber, string Payload, int EngagementCount);

public sealed record OutboxMessage(long Id, string Subscriber, string Payload, int EngagementCount, DateTimeOffset CreatedAt, int Attempts, string? LastError);

public sealed record PendingQueue(string Subscriber, int Count);

public sealed record DeadLetter(
    long Id,
    string Subscriber,
    int EngagementCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset DeadAt,
    int Attempts,
    string? LastError,
    string Payload);
