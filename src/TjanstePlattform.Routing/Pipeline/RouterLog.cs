using TjanstePlattform.Platform;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Soap.Faults;

namespace TjanstePlattform.Routing.Pipeline;

/// <summary>
/// The router's log. Every routed call is ONE Information line (<see cref="Routed"/> or <see cref="Fault"/>) with the same
/// fields: correlation id, sender, receiver, contract, result (HTTP status or VP code) and duration. Never a person id:
/// nothing from the body is logged above Debug (a fault's detail may quote request values, so it is Debug).
/// </summary>
internal static partial class RouterLog
{
    [LoggerMessage(EventId = LogEventIds.RouterFault, EventName = "Fault", Level = LogLevel.Information, Message = "{Result} {Sender} → {Receiver} ({Contract}) in {DurationMs} ms, correlation {CorrelationId}")]
    private static partial void FaultCore(ILogger logger, VpFaultCode result, string? sender, string? receiver, string? contract, double durationMs, string correlationId);

    [LoggerMessage(EventId = LogEventIds.RouterFaultDetail, EventName = "FaultDetail", Level = LogLevel.Debug, Message = "{Result} detail, correlation {CorrelationId}: {Detail}")]
    private static partial void FaultDetail(ILogger logger, VpFaultCode result, string correlationId, string detail);

    [LoggerMessage(EventId = LogEventIds.RouterRouted, EventName = "Routed", Level = LogLevel.Information, Message = "HTTP {Result} {Sender} → {Receiver} ({Contract}) in {DurationMs} ms (producer {ProducerMs} ms at {Address}), correlation {CorrelationId}")]
    private static partial void RoutedCore(ILogger logger, int result, string sender, string receiver, string contract, double durationMs, long producerMs, string address, string correlationId);

    /// <summary>A call the producer answered (any HTTP status the router passes on).</summary>
    public static void Routed(ILogger logger, string sender, string receiver, string contract, string address, int status, long producerMs, string correlationId, long started)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            RoutedCore(logger, status, sender, receiver, contract, Milliseconds(started), producerMs, address, correlationId);
        }
    }

    [LoggerMessage(EventId = LogEventIds.RouterAborted, EventName = "Aborted", Level = LogLevel.Warning, Message = "{Result} {Sender} → {Receiver} ({Contract}) in {DurationMs} ms: the producer at {Address} failed after its answer had begun ({Error}), correlation {CorrelationId}")]
    private static partial void AbortedCore(ILogger logger, string result, string sender, string receiver, string contract, double durationMs, string address, string error, string correlationId, Exception? exception);

    /// <summary>A call whose producer failed after bytes had gone to the consumer: the connection is aborted, no fault can be sent.</summary>
    public static void Aborted(ILogger logger, string sender, string receiver, string contract, string address, string error, string correlationId, long started, Exception? exception) =>
        AbortedCore(logger, "aborted", sender, receiver, contract, Milliseconds(started), address, error, correlationId, exception);

    /// <summary>A call the router answered with a VP fault.</summary>
    public static void Fault(ILogger logger, VpFaultCode code, string? sender, string? receiver, string? contract, string correlationId, string detail, long started)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            FaultCore(logger, code, sender, receiver, contract, Milliseconds(started), correlationId);
        }

        FaultDetail(logger, code, correlationId, detail);
    }

    /// <summary>Since <paramref name="started"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), to 0.1 ms.</summary>
    private static double Milliseconds(long started) =>
        Math.Round(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);

    /// <summary>Why a producer call failed, with the exception: Debug, because the call's own line (VP009) already says it failed.</summary>
    [LoggerMessage(EventId = LogEventIds.RouterProducerFailed, Level = LogLevel.Debug, Message = "Producer at {Address} failed ({Error}), correlation {CorrelationId}")]
    public static partial void ProducerFailed(ILogger logger, string address, string error, string correlationId, Exception? exception);

    [LoggerMessage(EventId = LogEventIds.RouterUnapprovedOriginalConsumer, Level = LogLevel.Information, Message = "Sender {Sender} set x-rivta-original-serviceconsumer-hsaid={OriginalConsumer} without being on the allow list")]
    public static partial void UnapprovedOriginalConsumer(ILogger logger, string sender, string originalConsumer);

    [LoggerMessage(EventId = LogEventIds.RouterUnexpected, Level = LogLevel.Error, Message = "Unexpected error while routing, correlation {CorrelationId}")]
    public static partial void Unexpected(ILogger logger, string correlationId, Exception exception);
}
