using TjanstePlattform.Platform;
using Microsoft.Extensions.Logging;

namespace TjanstePlattform.Aggregation;

/// <summary>The aggregating services' log events.</summary>
internal static partial class AggregationLog
{
    [LoggerMessage(EventId = LogEventIds.AggregationAggregated, Level = LogLevel.Information,
        Message = "Aggregated {Contract}: {Engagements} engagements, {Producers} source systems called, {Failures} failed, {ElapsedMs} ms (correlation {CorrelationId})")]
    public static partial void Aggregated(ILogger logger, string contract, string correlationId, int engagements, int producers, int failures, long elapsedMs);

    [LoggerMessage(EventId = LogEventIds.AggregationBranchFailed, Level = LogLevel.Warning,
        Message = "Aggregated {Contract}: source system {LogicalAddress} failed with {Code} ({CausingAgent}): {Text} (correlation {CorrelationId})")]
    public static partial void BranchFailed(ILogger logger, string contract, string logicalAddress, string code, string causingAgent, string text, string correlationId);

    [LoggerMessage(EventId = LogEventIds.AggregationBranchError, Level = LogLevel.Error,
        Message = "Aggregated call to {LogicalAddress} failed unexpectedly (correlation {CorrelationId})")]
    public static partial void BranchError(ILogger logger, string logicalAddress, string correlationId, Exception exception);

    [LoggerMessage(EventId = LogEventIds.AggregationEngagementIndexFailed, Level = LogLevel.Error,
        Message = "Aggregated {Contract}: the engagement index failed: {Reason} (correlation {CorrelationId})")]
    public static partial void EngagementIndexFailed(ILogger logger, string contract, string correlationId, string reason, Exception? exception);

    [LoggerMessage(EventId = LogEventIds.AggregationBranchSucceeded, Level = LogLevel.Debug,
        Message = "Source system {LogicalAddress} answered with {Records} records (correlation {CorrelationId})")]
    public static partial void BranchSucceeded(ILogger logger, string logicalAddress, int records, string correlationId);

    [LoggerMessage(EventId = LogEventIds.AggregationRefused, Level = LogLevel.Information,
        Message = "Aggregating service refused a call: {Reason} (correlation {CorrelationId})")]
    public static partial void Refused(ILogger logger, string reason, string? correlationId);
}
