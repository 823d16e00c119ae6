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
        catch (SoapFaultException ex)
        {
            return Refuse(service, call, ex.Fault);
        }
        catch (SoapBindingException ex)
        {
            return Refuse(service, call, service.ClientFault(new SoapRefusal(SoapRefusalKind.Binding, $"The request body does not match the contract: {ex.Message}")));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug, not a refusal: the log has the stack, the caller a server fault without one.
            Failed(logger, service.Name, call.CorrelationId, ex);
            return SoapResponse.FaultOf(SoapFault.Server(
                $"Internt fel i {service.Name}.",
                $"{ex.GetType().Name}{(call.CorrelationId is { } id ? $" (correlation id {id})" : string.Empty)}; see the platform log."));
        }
    }

    /// <summary>Unreadable through the router: VP015, exactly as the router words it for what it reads itself.</summary>
    internal static SoapFault UnreadableFault(SoapService service, SoapCallContext call, SoapRefusal refusal, string platformName) =>
        call.ViaRouter ? SoapFault.From(VpFaults.Unreadable(refusal.Reason), platformName) : service.ClientFault(refusal);

    private SoapFault UnreadableFault(SoapService service, SoapCallContext call, SoapRefusal refusal) =>
        UnreadableFault(service, call, refusal, platform.Value.Name);

    private SoapResponse Refuse(SoapService service, SoapCallContext call, SoapFault fault)
    {
        Refused(logger, service.Name, call.CorrelationId, fault.FaultString);
        return SoapResponse.FaultOf(fault);
    }

    [LoggerMessage(EventId = LogEventIds.SoapServiceRefused, Level = LogLevel.Debug, Message = "{Service} refused a request (correlation id {CorrelationId}): {Fault}")]
    private static partial void Refused(ILogger logger, string service, string? correlationId, string fault);

    [LoggerMessage(EventId = LogEventIds.SoapServiceFailed, Level = LogLevel.Error, Message = "{Service} failed (correlation id {CorrelationId})")]
    private static partial void Failed(ILogger logger, string service, string? correlationId, Exception exception);
}
