using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Platform;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Service;
using TjanstePlattform.Soap.Xml;
using TjanstePlattform.SourceSystems.DemoWorld;
using TjanstePlattform.SourceSystems.FaultInjection;

namespace TjanstePlattform.SourceSystems.Soap;

/// <summary>
/// The source systems as built-in services on the platform's SOAP layer: <c>{PathBase}/{hsaId}/{Interaction}/{major}/rivtabp21</c>
/// answers the system's operations of that interaction and major version. Fault injection runs before the request is
/// read, exactly where a real system would fail; a person's faults once it is read (the person is in the body); bodies
/// bind to the contract types.
/// </summary>
internal sealed partial class SourceSystemServices(
    SourceSystemDirectory directory,
    FaultInjector faults,
    IOptions<SourceSystemsOptions> options,
    ILogger<SourceSystemServices> logger) : ISoapServiceSource
{
    /// <summary>One service per (system, interaction, major): bounded by the systems' operations, built on first use.</summary>
    private readonly ConcurrentDictionary<(string System, string Interaction, string Major), SoapService?> _services = new();

    /// <summary>The route pattern the services answer at over HTTP.</summary>
    public string RoutePattern => directory.PathBase + "/{systemId}/{interaction}/{major}/rivtabp21";

    public SoapService? Find(string path)
    {
        // {PathBase}/{hsaId}/{Interaction}/{major}/rivtabp21
        var span = path.AsSpan();
        if (!span.StartsWith(directory.PathBase, StringComparison.OrdinalIgnoreCase) || span.Length <= directory.PathBase.Length || span[directory.PathBase.Length] != '/')
        {
            return null;
        }

        var parts = path[(directory.PathBase.Length + 1)..].Split('/');
        if (parts.Length != 4 || !parts[3].Equals("rivtabp21", StringComparison.OrdinalIgnoreCase) || directory.Find(parts[0]) is not { } system)
        {
            return null;
        }

        var interaction = parts[1];
        var major = parts[2];
        if (!system.Operations.Any(o => o.Interaction == interaction && o.Major == major))
        {
            // A path no operation of the system answers: not cached, so unknown paths cannot grow the cache.
            return Build(system, interaction, major);
        }

        return _services.GetOrAdd((system.HsaId, interaction, major), key => Build(system, key.Interaction, key.Major));
    }

    private SoapService Build(SourceSystem system, string interaction, string major) =>
        new($"source system {system.HsaId}",
            system.Operations.Where(o => o.Interaction == interaction && o.Major == major).Select(o => Bind(system, o)),
            options.Value.MaxRequestBytes,
            refusal => ClientFault(system, refusal))
        {
            Intercept = (_, ct) => InjectAsync(system, interaction, faults.Decide(system.HsaId), ct),
            Intercepting = () => faults.IsArmed(system.HsaId),
        };

    private SoapOperation Bind(SourceSystem system, SourceSystemOperation operation)
    {
        var serializer = operation.IsXml ? null : SoapBodies.SerializerFor(operation.ResponseType, operation.ResponseElement, operation.ContractNamespace);
        var namespaces = SoapBodies.Prefixed(operation.Namespaces);
        var shared = operation.SharedRecordElement is { } element
            ? SharedRecordRenderer.For(operation.ResponseType, element, operation.ContractNamespace)
            : null;
        void Write(System.Xml.XmlWriter writer, object response)
        {
            if (response is System.Xml.Linq.XElement xml)
            {
                xml.WriteTo(writer);
            }
            else
            {
                serializer!.Serialize(writer, response, namespaces);
            }
        }

        return new(operation.ContractNamespace, operation.RequestElement, async (request, ct) =>
        {
            // Per-person faults need the body; the direct entry below is never used while any fault is armed.
            if (await InjectAsync(system, operation.Interaction, faults.DecideForPerson(system.HsaId, request.Body), ct).ConfigureAwait(false) is { } injected)
            {
                return injected;
            }

            object body = SoapBodies.Bind(request.Body, operation.RequestType);
            var call = new SoapCall(
                system.HsaId,
                request.LogicalAddress,
                request.Header(RivtaNamespaces.InteroperabilityHeaders, "Actor"),
                request.Call.OriginalConsumer,
                request.Call.CorrelationId ?? Guid.NewGuid().ToString(),
                ct);
            var response = await operation.Handle(call, body).ConfigureAwait(false);
            return SoapResponse.Ok(response is System.Xml.Linq.XElement xml
                ? SoapBodies.Envelope(xml)
                : SoapBodies.Envelope(response, serializer!, namespaces, shared: shared));
        })
        {
            // The aggregating services' fan-out: the same handler over the request they already read, no envelope between.
            Direct = new SoapDirectOperation(
                operation.RequestType,
                async (direct, body) => await operation.Handle(
                    new SoapCall(system.HsaId, direct.LogicalAddress, direct.Header(RivtaNamespaces.InteroperabilityHeaders, "Actor"), direct.OriginalConsumer, direct.CorrelationId, direct.Aborted),
                    body).ConfigureAwait(false),
                Write)
            {
                SharedRecords = shared,
            },
        };
    }

    private static SoapFault ClientFault(SourceSystem system, SoapRefusal refusal) => refusal.Kind switch
    {
        SoapRefusalKind.TooLarge => SoapFault.Client("Anropet är för stort.", $"{refusal.Reason} (SourceSystems:MaxRequestBytes)"),
        SoapRefusalKind.UnknownOperation => SoapFault.Client(
            $"Källsystemet {system.HsaId} stöder inte det anropet på den här adressen.", refusal.Reason),
        SoapRefusalKind.Binding => SoapFault.Client("Anropet följer inte tjänstekontraktet och kan inte behandlas.", refusal.Reason),
        _ => SoapFault.Client("Anropet är inte korrekt utformad XML och kan inte behandlas.", $"The request could not be read: {refusal.Reason}"),
    };

    private async ValueTask<SoapResponse?> InjectAsync(SourceSystem system, string interaction, FaultDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Latency > TimeSpan.Zero)
        {
            // The producer is slow on purpose (fault injection); the delay ends early only when the caller gives up.
            await Task.Delay(decision.Latency, cancellationToken).ConfigureAwait(false);
        }

        if (decision.Kind == FaultKind.None)
        {
            return null;
        }

        Injected(logger, decision.Kind, system.HsaId);
        switch (decision.Kind)
        {
            case FaultKind.CloseConnection:
                return SoapResponse.Abort();
            case FaultKind.HttpError:
                var status = decision.Settings.HttpError!.StatusCode;
                return SoapResponse.Raw(status, "text/plain; charset=utf-8",
                    Encoding.UTF8.GetBytes($"Injected HTTP error {status} from {system.HsaId} (fault injection)."));
            case FaultKind.SoapFault:
                var soap = decision.Settings.SoapFault!;
                return SoapResponse.FaultOf(new SoapFault(
                    soap.FaultCode == "Client" ? SoapFaultActor.Client : SoapFaultActor.Server,
                    string.IsNullOrWhiteSpace(soap.FaultString) ? $"Källsystemet {system.HsaId} kan inte svara just nu (fault injection)." : soap.FaultString,
                    $"Fault injected at {system.HsaId}."));
            default:
                // Starts like a real answer and breaks off: a parser fails, a byte-counting proxy does not notice.
                return SoapResponse.Raw(200, SoapFaultWriter.ContentType, Encoding.UTF8.GetBytes(
                    $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"{RivtaNamespaces.Soap11Envelope}\"><soap:Body><{interaction}Response><broken"));
        }
    }

    [LoggerMessage(EventId = LogEventIds.SourceSystemsInjected, Level = LogLevel.Information, Message = "Fault injection: {Kind} at source system {System}")]
    private static partial void Injected(ILogger logger, FaultKind kind, string system);
}
