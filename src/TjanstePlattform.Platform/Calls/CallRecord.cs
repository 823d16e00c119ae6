namespace TjanstePlattform.Platform;

/// <summary>
/// One routed call as the live feed shows it: who called whom with which contract, the result (OK or the VP code),
/// times, and the headers in and out. No body, so no person id from a body; header values are bounded.
/// </summary>
public sealed record CallRecord(
    long Sequence,
    DateTimeOffset Time,
    string CorrelationId,
    string? Sender,
    string? Receiver,
    string? Contract,
    string Result,
    int HttpStatus,
    double DurationMs,
    double? ProducerMs,
    string? ProducerAddress,
    string? TraceId,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders);

/// <summary>One branch of an aggregated call's fan-out with its ProcessingStatus.</summary>
public sealed record FanOutBranch(
    string LogicalAddress,
    string Status,
    string? Code,
    string? CausingAgent,
    string? Text,
    int RecordCount,
    DateTimeOffset At);

/// <summary>An aggregated call's fan-out (which source systems the aggregating service asked, and how each went).</summary>
public sealed record FanOut(
    string CorrelationId,
    string Contract,
    string PatientId,
    DateTimeOffset Time,
    double DurationMs,
    string? Fault,
    IReadOnlyList<FanOutBranch> Branches)
{
    /// <summary>ProcessingStatus of a branch that answered.</summary>
    public const string DataFromSource = "DataFromSource";

    /// <summary>ProcessingStatus of a branch that failed or was late.</summary>
    public const string NoDataSynchFailed = "NoDataSynchFailed";
}
