using TjanstePlattform.Platform;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Xml;
using TjanstePlattform.SourceSystems.DemoWorld;
using TjanstePlattform.SourceSystems.FaultInjection;

namespace TjanstePlattform.SourceSystems.Soap;

/// <summary>
/// The source systems' SOAP endpoints: <c>POST {PathBase}/{hsaId}/{Interaction}/{major}/rivtabp21</c>.
/// </summary>
/// <remarks>
/// A small endpoint of our own rather than SoapCore, because SoapCore cannot give the exact RIVTA wire format here:
/// it writes an empty <c>ProcessingStatus</c> header for the (null) header of the response message contracts — a
/// header only an aggregating service may send, and invalid against interoperability_headers_1.0.xsd — it
/// accepts DTDs in requests, and answers unreadable requests with HTTP 400 or an empty soap:Fault. Here the envelope
/// is read with the platform's safe settings (<see cref="SafeXml"/>), bodies are read and written with the contract
/// types through <see cref="System.Xml.Serialization.XmlSerializer"/>, and every problem is a precise SOAP fault.
/// </remarks>
internal static partial class SourceSystemEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints, string pathBase)
    {
        endpoints.MapPost(pathBase + "/{systemId}/{interaction}/{major}/rivtabp21", HandleAsync)
            .WithName("SourceSystemSoap")
            .ExcludeFromDescription();
    }

    private static async Task HandleAsync(HttpContext context, string systemId, string interaction, string major)
    {
        var services = context.RequestServices;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SourceSystemEndpoint).FullName!);
        var options = services.GetRequiredService<IOptions<SourceSystemsOptions>>().Value;
        var system = services.GetRequiredService<SourceSystemDirectory>().Find(systemId);
        if (system is null)
        {
            await SoapFaultWriter.WriteAsync(context.Response, SoapFaultActor.Client,
                $"Det finns inget källsystem {systemId} på den här plattformen.", $"No built-in source system '{systemId}'.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var decision = services.GetRequiredService<FaultInjector>().Decide(system.HsaId);
        if (decision.Latency > TimeSpan.Zero)
        {
            // The producer is slow on purpose (fault injection); the delay ends early only when the caller gives up.
            await Task.Delay(decision.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (decision.Kind != FaultKind.None)
        {
            LogInjected(log, decision.Kind, system.HsaId);
            await InjectAsync(context, decision, system, interaction).ConfigureAwait(false);
            return;
        }

        try
        {
            var envelope = await SoapEnvelopeReader.ReadAsync(context.Request, options.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
            var body = envelope.Body;
            var operation = system.Operation(body.NamespaceURI, body.LocalName)
                ?? throw SoapFaultException.Client(
                    $"Källsystemet {system.HsaId} stöder inte tjänstekontraktet {body.NamespaceURI} ({body.LocalName}).",
                    $"{system.HsaId} answers no operation {{{body.NamespaceURI}}}{body.LocalName}.");
            if (!string.Equals(operation.Interaction, interaction, StringComparison.Ordinal) || !string.Equals(operation.Major, major, StringComparison.Ordinal))
            {
                throw SoapFaultException.Client(
                    $"Anropet {body.LocalName} skickades till adressen för {interaction} {major}.",
                    $"{{{body.NamespaceURI}}}{body.LocalName} posted to {context.Request.Path}; its endpoint is {system.BasePath(options.PathBase)}/{operation.RelativePath}.");
            }

            var request = operation.IsXml ? XmlMessages.ReadXml(body) : XmlMessages.Read(body, operation.RequestType);
            var call = new SoapCall(
                system.HsaId,
                envelope.LogicalAddress,
                envelope.Actor,
                Header(context, "x-rivta-original-serviceconsumer-hsaid") ?? Header(context, "x-vp-sender-id"),
                Header(context, "x-skltp-correlation-id") ?? Guid.NewGuid().ToString(),
                context.RequestAborted);
            var response = await operation.Handle(call, request).ConfigureAwait(false);
            var bytes = response is System.Xml.Linq.XElement xml
                ? XmlMessages.Envelope(xml)
                : XmlMessages.Envelope(response, operation.ResponseElement, operation.ContractNamespace, prefixes: operation.Namespaces);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = SoapFaultWriter.ContentType;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (SoapFaultException fault)
        {
            LogRefused(log, system.HsaId, fault.FaultString);
            await SoapFaultWriter.WriteAsync(context.Response, fault.Actor, fault.FaultString, fault.Detail, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Never a stack trace to the caller: the log has it, the caller a server fault.
            LogFailed(log, system.HsaId, ex);
            if (!context.Response.HasStarted)
            {
                await SoapFaultWriter.WriteAsync(context.Response, SoapFaultActor.Server,
                    $"Internt fel i källsystemet {system.HsaId}.", ex.GetType().Name, context.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    private static async Task InjectAsync(HttpContext context, FaultDecision decision, SourceSystem system, string interaction)
    {
        switch (decision.Kind)
        {
            case FaultKind.CloseConnection:
                context.Abort();
                break;
            case FaultKind.HttpError:
                context.Response.StatusCode = decision.Settings.HttpError!.StatusCode;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"Injected HTTP error {decision.Settings.HttpError.StatusCode} from {system.HsaId} (fault injection).", context.RequestAborted).ConfigureAwait(false);
                break;
            case FaultKind.SoapFault:
                var soap = decision.Settings.SoapFault!;
                await SoapFaultWriter.WriteAsync(context.Response,
                    soap.FaultCode == "Client" ? SoapFaultActor.Client : SoapFaultActor.Server,
                    string.IsNullOrWhiteSpace(soap.FaultString) ? $"Källsystemet {system.HsaId} kan inte svara just nu (fault injection)." : soap.FaultString,
                    $"Fault injected at {system.HsaId}.", context.RequestAborted).ConfigureAwait(false);
                break;
            case FaultKind.MalformedXml:
                // Starts like a real answer and breaks off: a parser fails, a byte-counting proxy does not notice.
                var broken = Encoding.UTF8.GetBytes(
                    $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"{RivtaNamespaces.Soap11Envelope}\"><soap:Body><{interaction}Response><broken");
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = SoapFaultWriter.ContentType;
                context.Response.ContentLength = broken.Length;
                await context.Response.Body.WriteAsync(broken, context.RequestAborted).ConfigureAwait(false);
                break;
        }
    }

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;

    [LoggerMessage(EventId = LogEventIds.SourceSystemsInjected, Level = LogLevel.Information, Message = "Fault injection: {Kind} at source system {System}")]
    private static partial void LogInjected(ILogger logger, FaultKind kind, string system);

    [LoggerMessage(EventId = LogEventIds.SourceSystemsRefused, Level = LogLevel.Debug, Message = "Source system {System} answered a SOAP fault: {FaultString}")]
    private static partial void LogRefused(ILogger logger, string system, string faultString);

    [LoggerMessage(EventId = LogEventIds.SourceSystemsFailed, Level = LogLevel.Error, Message = "Source system {System} failed")]
    private static partial void LogFailed(ILogger logger, string system, Exception exception);
}
