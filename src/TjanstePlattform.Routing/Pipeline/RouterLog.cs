using TjanstePlattform.Platform;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Soap.Faults;

namespace TjanstePlattform.Routing.Pipeline;

internal static partial class RouterLog
{
    [LoggerMessage(EventId = LogEventIds.RouterFault, Level = LogLevel.Information, Message = "{Code} for {Sender} → {Receiver} ({Contract}), correlation {CorrelationId}: {Detail}")]
    public static partial void Fault(ILogger logger, VpFaultCode code, string? sender, string? receiver, string? contract, string correlationId, string detail);

    [LoggerMessage(EventId = LogEventIds.RouterRouted, Level = LogLevel.Debug, Message = "Routed {Sender} → {Receiver} ({Contract}) to {Address}: HTTP {Status} in {ElapsedMs} ms, correlation {CorrelationId}")]
    public static partial void Routed(ILogger logger, string sender, string receiver, string contract, string address, int status, long elapsedMs, string correlationId);

    [LoggerMessage(EventId = LogEventIds.RouterProducerFailed, Level = LogLevel.Warning, Message = "Producer at {Address} failed ({Error}), correlation {CorrelationId}")]
    public static partial void ProducerFailed(ILogger logger, string address, string error, string correlationId, Exception? exception);

    [LoggerMessage(EventId = LogEventIds.RouterUnapprovedOriginalConsumer, Level = LogLevel.Information, Message = "Sender {Sender} set x-rivta-original-serviceconsumer-hsaid={OriginalConsumer} without being on the allow list")]
    public static partial void UnapprovedOriginalConsumer(ILogger logger, string sender, string originalConsumer);

    [LoggerMessage(EventId = LogEventIds.RouterUnexpected, Level = LogLevel.Error, Message = "Unexpected error while routing, correlation {CorrelationId}")]
    public static partial void Unexpected(ILogger logger, string correlationId, Exception exception);
}
