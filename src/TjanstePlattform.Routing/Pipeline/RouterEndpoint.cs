using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Routing.Forwarding;
using TjanstePlattform.Routing.Headers;
using TjanstePlattform.Routing.Identity;
using TjanstePlattform.Routing.Internal;
using TjanstePlattform.Routing.Observability;
using TjanstePlattform.Routing.RoutingRules;
using TjanstePlattform.Routing.Validation;
using TjanstePlattform.Soap.Validation;
using TjanstePlattform.Soap.Envelope;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Service;
using TjanstePlattform.Platform;
using Yarp.ReverseProxy.Forwarder;

namespace TjanstePlattform.Routing.Pipeline;

/// <summary>
/// One routed call: read the envelope head → identify the sender → routing (vägval) → authorization
/// (anropsbehörighet) → forward as a stream. Every refusal is a VP fault written by <see cref="SoapFaultWriter"/>;
/// nothing is forwarded after a refusal.
/// </summary>
internal sealed class RouterEndpoint(
    ICatalogSnapshotSource catalog,
    SenderIdentification senders,
    IHttpForwarder forwarder,
    ProducerClient producers,
    RoutingRulesContext rules,
    ConsumerAuthorization authorization,
    RouterValidation validation,
    RouterTransformer transformer,
    BuiltInProducers builtIns,
    InProcessProducer inProcess,
    PlatformCallToken platformToken,
    IOptionsMonitor<RoutingOptions> routing,
    IOptions<PlatformOptions> platform,
    TimeProvider time,
    ILogger<RouterEndpoint> logger)
{
    private readonly LocalDate _today = new(time);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var incomingCorrelation = context.Request.Headers[RivtaHeaders.CorrelationId].ToString();
        var correlationId = string.IsNullOrWhiteSpace(incomingCorrelation) ? CorrelationIds.Next() : incomingCorrelation;
        try
        {
            await RouteAsync(context, correlationId, started);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // A bug, not a refusal: the consumer still gets a SOAP fault (never an HTML or JSON error page).
            RouterLog.Unexpected(logger, correlationId, ex);
            await FaultAsync(context, started, VpFaults.MissingResources("Unexpected error in the router; the platform log has the details."), correlationId, null, null, null);
        }
    }

    private async Task RouteAsync(HttpContext context, string correlationId, long started)
    {
        var request = context.Request;
        var options = routing.CurrentValue;

        // 1. Read: bound the body, then peek the head without consuming it.
        if (request.ContentLength > options.MaxRequestBytes)
        {
            await FaultAsync(context, started, VpFaults.Unreadable($"The request is larger than the platform's limit of {options.MaxRequestBytes} bytes."), correlationId, null, null, null);
            return;
        }

        RequestSizeLimit.LiftServerLimit(context);
        EnvelopeHead? head;
        EnvelopeHeadError? headError;
        try
        {
            (head, headError) = await EnvelopeHeadReader.PeekAsync(request.BodyReader, context.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            await FaultAsync(context, started, VpFaults.Unreadable(ex.Message), correlationId, null, null, null);
            return;
        }

        if (head is null)
        {
            await FaultAsync(context, started, VpFaults.Unreadable(headError?.Detail ?? string.Empty), correlationId, null, null, null);
            return;
        }

        // Only after the peek: replacing the body stream earlier would hide the peeked bytes from the forwarder.
        // With a Content-Length (checked above) Kestrel's framing already bounds the body: only chunked ones are counted.
        if (request.ContentLength is null)
        {
            RequestSizeLimit.Install(context, options.MaxRequestBytes);
        }

        // 2. Sender.
        var (sender, senderFault) = senders.Identify(context);
        if (senderFault is not null)
        {
            await FaultAsync(context, started, senderFault, correlationId, sender, head.Receiver, head.ContractNamespace);
            return;
        }

        // The platform's own calls (the aggregating services' fan-out) set the original consumer by right.
        var internalCall = context.Features.Get<InternalCallFeature>() is not null;
        var originalConsumer = request.Headers[RivtaHeaders.OriginalServiceConsumer].ToString();
        if (!internalCall && !string.IsNullOrWhiteSpace(originalConsumer) && !options.MaySetOriginalConsumer(sender!))
        {
            if (options.RejectUnapprovedOriginalConsumer)
            {
                await FaultAsync(context, started, VpFaults.OriginalConsumerNotApproved(sender!), correlationId, sender, head.Receiver, head.ContractNamespace);
                return;
            }

            RouterLog.UnapprovedOriginalConsumer(logger, sender!, originalConsumer);
        }

        // Loop guard: our own instance id already in the routing history means the call went round.
        var history = request.Headers[RivtaHeaders.RoutingHistory].ToString();
        var instanceId = platform.Value.InstanceId;
        if (RoutingHistory.Contains(history, instanceId))
        {
            await FaultAsync(context, started, VpFaults.RoutingLoop(), correlationId, sender, head.Receiver, head.ContractNamespace);
            return;
        }

        if (UnsupportedProfileInPath(request.Path) is { } pathProfile)
        {
            await FaultAsync(context, started, VpFaults.Create(VpFaultCode.VP001, $"No RIV version configured for {pathProfile}"), correlationId, sender, head.Receiver, head.ContractNamespace);
            return;
        }

        if (string.IsNullOrWhiteSpace(head.Receiver) || head.Profile is null)
        {
            await FaultAsync(context, started, VpFaults.NoReceiver(), correlationId, sender, head.Receiver, head.ContractNamespace);
            return;
        }

        // 3. Routing (vägval) and 4. authorization (anropsbehörighet), over the current immutable snapshot.
        var snapshot = catalog.Current;
        if (snapshot is null)
        {
            await FaultAsync(context, started, VpFaults.NoCatalog(), correlationId, sender, head.Receiver, head.ContractNamespace);
            return;
        }

        var (production, routeFault) = RouteAndAuthorize(snapshot, head.Receiver, head.ContractNamespace, head.Profile.Value, sender!, internalCall ? originalConsumer : null);
        if (routeFault is not null)
        {
            await FaultAsync(context, started, routeFault, correlationId, sender, head.Receiver, head.ContractNamespace);
            return;
        }

        // Optional schema validation (Validation:Mode): reads the request whole, so off by default.
        ResponseCapture? capture = null;
        if (validation.Mode != ValidationMode.Off)
        {
            string? invalid;
            try
            {
                invalid = await validation.ValidateRequestAsync(context, correlationId);
            }
            catch (RequestTooLargeException tooLarge)
            {
                await FaultAsync(context, started, VpFaults.Unreadable(tooLarge.Message), correlationId, sender, head.Receiver, head.ContractNamespace);
                return;
            }

            if (invalid is not null && validation.Mode == ValidationMode.Reject)
            {
                await FaultAsync(context, started, VpFaults.Unreadable($"The request does not validate against its service contract: {invalid}"), correlationId, sender, head.Receiver, head.ContractNamespace);
                return;
            }

            capture = validation.CaptureResponse(context);
        }

        // 5. Forward as a stream, converting the RIV profile or the encoding while streaming when needed.
        var producerProfile = RoutingDecision.ProducerProfile(production!);
        var convertTo = producerProfile == head.Profile ? null : producerProfile;
        var producerUri = transformer.PhysicalUri(production!.PhysicalAddress);
        var builtIn = builtIns.Find(producerUri);
        var call = new RouterCall
        {
            ConvertTo = convertTo,
            ReadAsUtf8 = head.ReadAsUtf8,
            Rewrite = convertTo is not null || head.NeedsUtf8Rewrite,
            ResponseEncoding = head.NeedsUtf8Rewrite && !head.ReadAsUtf8 ? head.DeclaredEncoding : null,
            Production = production!,
            Sender = sender!,
            CorrelationId = correlationId,
            OriginalConsumer = string.IsNullOrWhiteSpace(originalConsumer) ? sender! : originalConsumer,
            RoutingHistory = RoutingHistory.Append(history, instanceId),
            StartTimestamp = started,
            PlatformToken = builtIn is null ? null : platformToken.Value,
        };
        var timeout = options.Timeouts.For(head.ContractNamespace);

        // A built-in producer is called in-process: no socket, same headers, faults and timeouts. A call that needs its
        // body rewritten (profile or encoding) takes the HTTP hop, whose streaming rewriter does that.
        if (builtIn is not null && !call.Rewrite && !options.BuiltInsOverHttp)
        {
            var fault = await inProcess.SendAsync(context, call, builtIn, producerUri, timeout);
            if (fault is not null)
            {
                if (fault.Code == VpFaultCode.VP009)
                {
                    RouterLog.ProducerFailed(logger, production.PhysicalAddress, fault.Detail, correlationId, null);
                }

                await FaultAsync(context, started, fault, correlationId, sender, head.Receiver, head.ContractNamespace);
                return;
            }

            if (capture is not null)
            {
                validation.ValidateResponse(capture, correlationId);
            }

            Routed(context, call, head, production);
            return;
        }
        if (call.Rewrite)
        {
            RewritingBody.Install(request, convertTo, head.ReadAsUtf8, context.RequestAborted);
        }

        var config = new ForwarderRequestConfig { ActivityTimeout = timeout };
        var transcoder = call.ResponseEncoding is null ? null : ResponseTranscoder.Install(context, call.ResponseEncoding);
        var error = await forwarder.SendAsync(context, production!.PhysicalAddress, producers.Invoker, config, transformer.For(call));
        if (transcoder is not null)
        {
            await transcoder.CompleteAsync();
        }

        if (error != ForwarderError.None)
        {
            var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
            if (context.Response.HasStarted)
            {
                // Bytes already went to the consumer: the connection is aborted by YARP; nothing more to say.
                RouterLog.Aborted(logger, sender!, head.Receiver, head.ContractNamespace, production.PhysicalAddress, error.ToString(), correlationId, started, exception);
                return;
            }

            if (Find<EnvelopeConversionException>(exception) is { } conversion)
            {
                await FaultAsync(context, started, VpFaults.MissingResources($"The request could not be converted: {conversion.Message}"), correlationId, sender, head.Receiver, head.ContractNamespace);
                return;
            }

            if (Find<RequestTooLargeException>(exception) is { } tooLarge)
            {
                await FaultAsync(context, started, VpFaults.Unreadable(tooLarge.Message), correlationId, sender, head.Receiver, head.ContractNamespace);
                return;
            }

            RouterLog.ProducerFailed(logger, production.PhysicalAddress, error.ToString(), correlationId, exception);
            var reason = error == ForwarderError.RequestTimedOut
                ? $"Timeout after {config.ActivityTimeout?.TotalMilliseconds} ms"
                : exception?.Message;
            await FaultAsync(context, started, VpFaults.ProducerError(production.PhysicalAddress, reason), correlationId, sender, head.Receiver, head.ContractNamespace);
            return;
        }

        if (call.ProducerErrorStatus is { } status)
        {
            await FaultAsync(context, started, VpFaults.ProducerError(production.PhysicalAddress, $"HTTP status {status}"), correlationId, sender, head.Receiver, head.ContractNamespace);
            return;
        }

        if (capture is not null)
        {
            validation.ValidateResponse(capture, correlationId);
        }

        Routed(context, call, head, production);
    }

    /// <summary>
    /// Steps 3 and 4 of every routed call, in-process or over HTTP: the one routing (vägval) for receiver and contract, then
    /// the authorization (anropsbehörighet) of the sender — or, for the platform's own calls
    /// (<paramref name="originalConsumer"/> given), of the sender or the original consumer.
    /// </summary>
    private (Catalog.Model.ServiceProduction? Production, VpFault? Fault) RouteAndAuthorize(
        CatalogSnapshot snapshot, string receiver, string contractNamespace, RivProfile profile, string sender, string? originalConsumer)
    {
        var today = _today.Today;
        var (production, fault) = RoutingDecision.Route(snapshot, receiver, contractNamespace, profile, today,
            rules.HsaForRouting(contractNamespace), rules.AllowsOldStyleReceivers(sender, contractNamespace));
        if (fault is not null)
        {
            return (null, fault);
        }

        var authorized = originalConsumer is not null
            ? authorization.IsAuthorized(snapshot, sender, originalConsumer, receiver, contractNamespace, today)
            : authorization.IsAuthorized(snapshot, sender, receiver, contractNamespace, today);
        return authorized ? (production, null) : (null, VpFaults.NotAuthorized(contractNamespace, receiver, sender));
    }

    /// <summary>
    /// The built-in producer a platform-own call (the aggregating services' fan-out, RIVTA 2.1, UTF-8) would be handed to
    /// in-process and unchanged, with the routing (vägval) that leads there; null when the call must take the whole
    /// pipeline: no or more than one routing, not authorized, a producer elsewhere or in another profile, the HTTP hop
    /// forced, validation on, or fault injection armed at the producer. The same decisions as <see cref="RouteAsync"/>.
    /// </summary>
    internal (SoapService Service, Catalog.Model.ServiceProduction Production)? DirectTarget(string receiver, string contractNamespace, string sender, string originalConsumer)
    {
        if (routing.CurrentValue.BuiltInsOverHttp || validation.Mode != ValidationMode.Off || catalog.Current is not { } snapshot)
        {
            return null;
        }

        var (production, fault) = RouteAndAuthorize(snapshot, receiver, contractNamespace, RivProfile.RivtaBp21, sender, originalConsumer);
        if (fault is not null
            || RoutingDecision.ProducerProfile(production!) != RivProfile.RivtaBp21
            || builtIns.Find(transformer.PhysicalUri(production!.PhysicalAddress)) is not { } service
            || service.MayIntercept)
        {
            return null;
        }

        return (service, production);
    }

    /// <summary>A direct call to a built-in producer answered: the one log line every routed call has.</summary>
    internal void DirectRouted(string sender, string receiver, string contract, string address, int status, long producerMs, string correlationId, long started) =>
        RouterLog.Routed(logger, sender, receiver, contract, address, status, producerMs, correlationId, started);

    /// <summary>A call answered by its producer: logged once and recorded for the live view, in-process or over HTTP alike.</summary>
    private void Routed(HttpContext context, RouterCall call, EnvelopeHead head, Catalog.Model.ServiceProduction production)
    {
        RouterLog.Routed(logger, call.Sender, head.Receiver!, head.ContractNamespace, production.PhysicalAddress, context.Response.StatusCode, call.ProducerResponseMs, call.CorrelationId, call.StartTimestamp);
        RoutedCallRecord.Of(context)?.Routed(call.CorrelationId, call.Sender, head.Receiver!, head.ContractNamespace, production.PhysicalAddress, call.ProducerResponseMs);
    }

    private async Task FaultAsync(HttpContext context, long started, VpFault fault, string correlationId, string? sender, string? receiver, string? contract)
    {
        RouterLog.Fault(logger, fault.Code, sender, receiver, contract, correlationId, fault.Detail, started);
        RoutedCallRecord.Of(context)?.Faulted(fault.Code, correlationId, sender, receiver, contract);
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        // All other headers cleared except the correlation id, as on the reference platform.
        response.Headers.Clear();
        response.Headers[RivtaHeaders.CorrelationId] = correlationId;
        await SoapFaultWriter.WriteAsync(response, fault, platform.Value.Name, context.RequestAborted);
    }

    /// <summary>
    /// The RIV profile an endpoint path names in its last segment (<c>…/rivtabp21</c>), when the platform does not
    /// speak it (VP001). Routing never depends on the path otherwise; a path without a profile segment is fine.
    /// </summary>
    private static string? UnsupportedProfileInPath(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var last = value.AsSpan().TrimEnd('/');
        last = last[(last.LastIndexOf('/') + 1)..];
        if (!last.StartsWith("rivtabp", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return last.Equals("rivtabp20", StringComparison.OrdinalIgnoreCase) || last.Equals("rivtabp21", StringComparison.OrdinalIgnoreCase)
            ? null
            : last.ToString();
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
