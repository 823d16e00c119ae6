namespace TjanstePlattform.Aggregation.Merge;

/// <summary>The component a failed branch is blamed on (ProcessingStatus causingAgent), spelled as the schema does.</summary>
public enum CausingAgent
{
    ServiceCatalog,
    VirtualizationPlatform,
    ServiceProducer,
    EngagementIndex,
    Other,
}

/// <summary>Why a branch failed: lastUnsuccessfulSynchError {causingAgent, code, text}.</summary>
public sealed record BranchFailure(CausingAgent CausingAgent, string Code, string Text)
{
    /// <summary>The code of a producer that did not answer in time (gateway timeout).</summary>
    public const string TimeoutCode = "504";

    public static string Spell(CausingAgent agent) => agent switch
    {
        CausingAgent.ServiceCatalog => "service_catalog",
        CausingAgent.VirtualizationPlatform => "virtualization_platform",
        CausingAgent.ServiceProducer => "service_producer",
        CausingAgent.EngagementIndex => "engagement_index",
        _ => "other",
    };
}

/// <summary>
/// One source system's part of an aggregated answer: its records and other-namespace extensions as self-contained
/// UTF-8 XML fragments (every namespace they use declared inside), or why it failed; and when.
/// </summary>
public sealed class BranchOutcome
{
    private BranchOutcome(string logicalAddress, DateTimeOffset at)
    {
        LogicalAddress = logicalAddress;
        At = at;
    }

    /// <summary>The logical address called (the ProcessingStatus record's logicalAddress).</summary>
    public string LogicalAddress { get; }

    /// <summary>When the branch finished (lastSuccessfulSynch / lastUnsuccessfulSynch).</summary>
    public DateTimeOffset At { get; }

    public BranchFailure? Failure { get; private init; }

    public bool Succeeded => Failure is null;

    /// <summary>The records as self-contained fragments, in order: one for all of them, or one per record when rendered apart.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> RecordParts { get; private init; } = [];

    /// <summary>The records as one fragment.</summary>
    public ReadOnlyMemory<byte> Records => RecordParts.Count switch
    {
        0 => ReadOnlyMemory<byte>.Empty,
        1 => RecordParts[0],
        _ => RecordParts.SelectMany(p => p.ToArray()).ToArray(),
    };

    public int RecordCount { get; private init; }

    public ReadOnlyMemory<byte> Extensions { get; private init; }

    /// <summary>The elements of each of the descriptor's <c>MoreRecords</c>, in that order (GetCareDocumentation 3: hasMore).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> MoreRecords { get; private init; } = [];

    public static BranchOutcome Success(string logicalAddress, DateTimeOffset at, ReadOnlyMemory<byte> records, int recordCount, ReadOnlyMemory<byte> extensions,
        IReadOnlyList<ReadOnlyMemory<byte>>? moreRecords = null) =>
        Success(logicalAddress, at, records.IsEmpty ? [] : [records], recordCount, extensions, moreRecords);

    public static BranchOutcome Success(string logicalAddress, DateTimeOffset at, IReadOnlyList<ReadOnlyMemory<byte>> recordParts, int recordCount,
        ReadOnlyMemory<byte> extensions, IReadOnlyList<ReadOnlyMemory<byte>>? moreRecords = null) =>
        new(logicalAddress, at) { RecordParts = recordParts, RecordCount = recordCount, Extensions = extensions, MoreRecords = moreRecords ?? [] };

    public static BranchOutcome Failed(string logicalAddress, DateTimeOffset at, BranchFailure failure) =>
        new(logicalAddress, at) { Failure = failure };
}
