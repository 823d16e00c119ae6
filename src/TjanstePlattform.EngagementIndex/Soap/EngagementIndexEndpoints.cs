using TjanstePlattform.Platform;
using System.Xml.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.EngagementIndex.Processing;

namespace TjanstePlattform.EngagementIndex.Soap;

/// <summary>
/// The index's SOAP endpoints (the physical addresses the catalog routes to). A small own endpoint rather than
/// SoapCore, because SoapCore picks the operation by SOAPAction and answers "No operation found" to a wrong one,
/// while on RIVTA the SOAPAction never decides (real WSDLs carry typos) — the body's QName does; because the
/// reference accepts fields out of schema order (an official Update sample depends on it), which needs a hook
/// after binding; and because FindContent is a hot path (target p50 ≤ 0.5 ms) that gains from skipping the
/// Message/dispatch machinery. Binding still uses the contract types of TjanstePlattform.Contracts with XmlSerializer.
/// </summary>
internal static partial class EngagementIndexEndpoints
{
    public const string BasePath = "/platform/engagementindex";
    public const string UpdatePath = BasePath + "/Update/1/rivtabp21";
    public const string ProcessNotificationPath = BasePath + "/ProcessNotification/1/rivtabp21";
    public const string FindContentPath = BasePath + "/FindContent/1/rivtabp21";
    public const string GetUpdatesPath = BasePath + "/GetUpdates/1/rivtabp21";

    private static readonly XmlSerializer UpdateSerializer = new(typeof(UpdateType));
    private static readonly XmlSerializer UpdateResponseSerializer = new(typeof(UpdateResponseType));
    private static readonly XmlSerializer ProcessNotificationResponseSerializer = new(typeof(ProcessNotificationResponseType));
    private static readonly XmlSerializer FindContentSerializer = new(typeof(FindContentType));
    private static readonly XmlSerializer FindContentResponseSerializer = new(typeof(FindContentResponseType));
    private static readonly XmlSerializer GetUpdatesSerializer = new(typeof(GetUpdatesType));
    private static readonly XmlSerializer GetUpdatesResponseSerializer = new(typeof(GetUpdatesResponseType));

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(UpdatePath, context => HandleAsync(context, "Update", async (service, body, ct) =>
        {
            var request = SoapMessageIO.Parse<UpdateType>(body, UpdateSerializer, EngagementIndexNamespaces.UpdateResponder, EngagementIndexNamespaces.UpdateElement);
            MisplacedFields.Rescue(request.Body.EngagementTransaction);
            var response = await service.UpdateAsync(request.LogicalAddress, request.Body, ct).ConfigureAwait(false);
            return SoapMessageIO.Render(UpdateResponseSerializer, response, WireNamespaces.Update);
        })).WithDisplayName("EI Update");

        endpoints.MapPost(ProcessNotificationPath, context => HandleAsync(context, "ProcessNotification", async (service, body, ct) =>
        {
            var request = SoapMessageIO.Parse<ProcessNotificationType>(
                body, Notifications.NotificationPlanner.Serializer, EngagementIndexNamespaces.ProcessNotificationResponder, EngagementIndexNamespaces.ProcessNotificationElement);
            MisplacedFields.Rescue(request.Body.EngagementTransaction);
            var response = await service.ProcessNotificationAsync(request.Body, ct).ConfigureAwait(false);
            return SoapMessageIO.Render(ProcessNotificationResponseSerializer, response, WireNamespaces.ProcessNotification);
        })).WithDisplayName("EI ProcessNotification");

        endpoints.MapPost(FindContentPath, context => HandleAsync(context, "FindContent", (service, body, _) =>
        {
            var request = SoapMessageIO.Parse<FindContentType>(body, FindContentSerializer, EngagementIndexNamespaces.FindContentResponder, EngagementIndexNamespaces.FindContentElement);
            if (request.Body.Any is { Length: > 0 } any)
            {
                request.Body.Any = MisplacedFields.Rescue(request.Body, any);
            }

            var response = service.FindContent(request.Body);
            return ValueTask.FromResult(SoapMessageIO.Render(FindContentResponseSerializer, response, WireNamespaces.FindContent));
        })).WithDisplayName("EI FindContent");

        endpoints.MapPost(GetUpdatesPath, context => HandleAsync(context, "GetUpdates", (service, body, _) =>
        {
            var request = SoapMessageIO.Parse<GetUpdatesType>(body, GetUpdatesSerializer, EngagementIndexNamespaces.GetUpdatesResponder, EngagementIndexNamespaces.GetUpdatesElement);
            if (request.Body.Any is { Length: > 0 } any)
            {
                request.Body.Any = MisplacedFields.Rescue(request.Body, any);
            }

            var response = service.GetUpdates(request.Body);
            return ValueTask.FromResult(SoapMessageIO.Render(GetUpdatesResponseSerializer, response, WireNamespaces.GetUpdates));
        })).WithDisplayName("EI GetUpdates");
    }

    private static async Task HandleAsync(
        HttpContext context,
        string operation,
        Func<EngagementIndexService, Stream, CancellationToken, ValueTask<byte[]>> handle)
    {
        var services = context.RequestServices;
        var service = services.GetRequiredService<EngagementIndexService>();
        var options = services.GetRequiredService<IOptions<EngagementIndexOptions>>().Value;
        var cancellationToken = context.RequestAborted;
        try
        {
            using var body = await SoapMessageIO.ReadBodyAsync(context.Request, options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
            var envelope = await handle(service, body, cancellationToken).ConfigureAwait(false);
            await SoapMessageIO.WriteAsync(context.Response, envelope, cancellationToken).ConfigureAwait(false);
        }
        catch (EngagementIndexFault fault)
        {
            Log(services).Refused(operation, fault.Message);
            await SoapMessageIO.WriteFaultAsync(context.Response, fault, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away; a batch that was being committed is either wholly in or wholly out.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var correlationId = context.Request.Headers["x-skltp-correlation-id"].ToString();
            Log(services).Failed(operation, correlationId, e);
            var fault = EngagementIndexFault.InternalError(
                $"The engagement index could not process the request{(correlationId.Length > 0 ? $" (correlation id {correlationId})" : "")}. See the platform log.");
            await SoapMessageIO.WriteFaultAsync(context.Response, fault, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static EndpointLog Log(IServiceProvider services) => services.GetRequiredService<EndpointLog>();

    /// <summary>Logging of the endpoints (a class so <see cref="LoggerMessageAttribute"/> can bind an ILogger).</summary>
    internal sealed partial class EndpointLog(ILogger<EndpointLog> logger)
    {
        [LoggerMessage(EventId = LogEventIds.EngagementIndexRefused, Level = LogLevel.Information, Message = "EI {Operation} refused: {Fault}")]
        public partial void Refused(string operation, string fault);

        [LoggerMessage(EventId = LogEventIds.EngagementIndexFailed, Level = LogLevel.Error, Message = "EI {Operation} failed (correlation id {CorrelationId})")]
        public partial void Failed(string operation, string correlationId, Exception exception);
    }
}
