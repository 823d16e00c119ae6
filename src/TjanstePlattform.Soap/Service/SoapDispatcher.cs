using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Platform;
using TjanstePlattform.Soap.Faults;

namespace TjanstePlattform.Soap.Service;

/// <summary>Reads a request within the limits and runs the operation its Body names: the one way into every built-in service.</summary>
public interface ISoapDispatcher
{
    /// <summary>
    /// Answers one call. A request that cannot be read (malformed, over a limit) is refused with VP015 when the router
    /// made the call, else with the service's own client fault; nothing a handler does can escape as an exception other
    /// than the caller's own cancellation.
    /// </summary>
    ValueTask<SoapResponse> DispatchAsync(SoapService service, ReadOnlyMemory<byte> envelope, SoapCallContext call, CancellationToken cancellationToken);

    /// <summary>
    /// Runs an operation's typed entry (<see cref="SoapOperation.Direct"/>) for the platform's own in-process callers:
    /// <paramref name="bind"/> gives the body as the entry's request type. Whatever goes wrong becomes the fault the
    /// envelope entry would have answered, so both entries fail alike.
    /// </summary>
    ValueTask<SoapDirectResult> InvokeDirectAsync(SoapService service, SoapDirectOperation operation, SoapDirectCall call, Func<Type, object> bind);
}

internal sealed partial class SoapDispatcher(IOptions<SoapLimits> limits, IOptions<PlatformOptions> platform, ILogger<SoapDispatcher> logger) : ISoapDispatcher
{
    public async ValueTask<SoapResponse> DispatchAsync(SoapService service, ReadOnlyMemory<byte> envelope, SoapCallContext call, CancellationToken cancellationToken)
    {
        try
        {
            if (service.Intercept is { } intercept && await intercept(call, cancellationToken).ConfigureAwait(false) is { } replaced)
            {
                return replaced;
            }

            SoapRequest request;
            try
            {
                request = SoapEnvelopeReader.Read(envelope, limits.Value, call);
            }
            catch (SoapReadException ex)
            {
                return Refuse(service, call, UnreadableFault(service, call, new SoapRefusal(SoapRefusalKind.Unreadable, ex.Message)));
            }

            var operation = service.Find(request.Body.NamespaceURI, request.Body.LocalName);
            if (operation is null)
            {
                var expected = string.Join(" or ", service.Operations.Select(o => $"{{{o.Namespace}}}{o.LocalName}"));
                return Refuse(service, call, service.ClientFault(new SoapRefusal(SoapRefusalKind.UnknownOperation,
                    $"Expected {expected} in the Body but found {{{request.Body.NamespaceURI}}}{request.Body.LocalName}.")));
            }

            return await operation.Handle(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return FaultFor(service, call.CorrelationId, ex);
        }
    }

    public async ValueTask<SoapDirectResult> InvokeDirectAsync(SoapService service, SoapDirectOperation operation, SoapDirectCall call, Func<Type, object> bind)
    {
        try
        {
            return new SoapDirectResult(await operation.Handle(call, bind(operation.RequestType)).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && call.Aborted.IsCancellationRequested))
        {
            return new SoapDirectResult(null, FaultFor(service, call.CorrelationId, ex));
        }
    }

    /// <summary>What a handler's exception answers: its own fault, a binding refusal, or a server fault for a bug.</summary>
    private SoapResponse FaultFor(SoapService service, string? correlationId, Exception exception)
    {
        switch (exception)
        {
            case SoapFaultException fault:
                return Refuse(service, correlationId, fault.Fault);
            case SoapBindingException binding:
                return Refuse(service, correlationId, service.ClientFault(new SoapRefusal(SoapRefusalKind.Binding, $"The request body does not match the contract: {binding.Message}")));
            default:
                // A bug, not a refusal: the log has the stack, the caller a server fault without one.
                Failed(logger, service.Name, correlationId, exception);
                return SoapResponse.FaultOf(SoapFault.Server(
                    $"Internt fel i {service.Name}.",
                    $"{exception.GetType().Name}{(correlationId is { } id ? $" (correlation id {id})" : string.Empty)}; see the platform log."));
        }
    }

    /// <summary>Unreadable through the router: VP015, exactly as the router words it for what it reads itself.</summary>
    internal static SoapFault UnreadableFault(SoapService service, SoapCallContext call, SoapRefusal refusal, string platformName) =>
        call.ViaRouter ? SoapFault.From(VpFaults.Unreadable(refusal.Reason), platformName) : service.ClientFault(refusal);

    private SoapFault UnreadableFault(SoapService service, SoapCallContext call, SoapRefusal refusal) =>
        UnreadableFault(service, call, refusal, platform.Value.Name);

    private SoapResponse Refuse(SoapService service, SoapCallContext call, SoapFault fault) => Refuse(service, call.CorrelationId, fault);

    private SoapResponse Refuse(SoapService service, string? correlationId, SoapFault fault)
    {
        Refused(logger, service.Name, correlationId, fault.FaultString);
        return SoapResponse.FaultOf(fault);
    }

    [LoggerMessage(EventId = LogEventIds.SoapServiceRefused, Level = LogLevel.Debug, Message = "{Service} refused a request (correlation id {CorrelationId}): {Fault}")]
    private static partial void Refused(ILogger logger, string service, string? correlationId, string fault);

    [LoggerMessage(EventId = LogEventIds.SoapServiceFailed, Level = LogLevel.Error, Message = "{Service} failed (correlation id {CorrelationId})")]
    private static partial void Failed(ILogger logger, string service, string? correlationId, Exception exception);
}
