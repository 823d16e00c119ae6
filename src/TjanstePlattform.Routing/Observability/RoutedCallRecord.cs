using Microsoft.AspNetCore.Http;
using TjanstePlattform.Soap.Faults;

namespace TjanstePlattform.Routing.Observability;

/// <summary>
/// What the router decided for one call, filled in by the router where the call ends (a VP fault or a forwarded
/// answer) and read by <see cref="RouterObserver"/> afterwards. Lives on the call's HttpContext features.
/// </summary>
public sealed class RoutedCallRecord
{
    public string? CorrelationId { get; private set; }
    public string? Sender { get; private set; }
    public string? Receiver { get; private set; }
    public string? Contract { get; private set; }

    /// <summary>OK when the producer answered, else the VP code; null when the call ended some other way (aborted).</summary>
    public string? Result { get; private set; }

    public string? ProducerAddress { get; private set; }
    public long? ProducerMs { get; private set; }

    /// <summary>The record of the call on <paramref name="context"/>, when it is observed.</summary>
    public static RoutedCallRecord? Of(HttpContext context) => context.Features.Get<RoutedCallRecord>();

    /// <summary>The router refused the call or could not reach the producer.</summary>
    public void Faulted(VpFaultCode code, string correlationId, string? sender, string? receiver, string? contract)
    {
        Result = code.ToString();
        Set(correlationId, sender, receiver, contract);
    }

    /// <summary>The producer's answer went back to the consumer.</summary>
    public void Routed(string correlationId, string sender, string receiver, string contract, string producerAddress, long producerMs)
    {
        Result = Platform.PlatformTelemetry.ResultOk;
        ProducerAddress = producerAddress;
        ProducerMs = producerMs;
        Set(correlationId, sender, receiver, contract);
    }

    /// <summary>A call that ended before the router named it (aborted) keeps the correlation id it answered with.</summary>
    internal void CorrelationIdOrDefault(string answered) => CorrelationId ??= answered;

    private void Set(string correlationId, string? sender, string? receiver, string? contract)
    {
        CorrelationId = correlationId;
        Sender = sender;
        Receiver = receiver;
        Contract = contract;
    }
}
