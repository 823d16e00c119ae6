using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TjanstePlattform.Platform;
using TjanstePlattform.Routing.Headers;

namespace TjanstePlattform.Routing.Observability;

/// <summary>
/// Wraps every routed call: starts the router's span (a child of the consumer's <c>traceparent</c>, so the trace
/// carries on to the producer through the forwarder's propagator), and when the call has ended records it once:
/// metrics, span tags and the live-call feed.
/// </summary>
internal sealed class RouterObserver(ICallFeed feed, IOptions<CallFeedOptions> feedOptions, TimeProvider time)
{
    /// <summary>The span name of one routed call.</summary>
    public const string ActivityName = "vp.route";

    private const string UnknownResult = "ERROR";

    public async Task ObserveAsync(HttpContext context, RequestDelegate router)
    {
        var started = Stopwatch.GetTimestamp();
        var record = new RoutedCallRecord();
        context.Features.Set(record);
        using var activity = StartActivity(context);
        // Copied before the call: the router may clear or rewrite the request headers on the way.
        var requestHeaders = feed.Enabled ? feedOptions.Value.BoundHeaders(context.Request.Headers) : null;
        try
        {
            await router(context);
        }
        finally
        {
            Complete(context, record, activity, requestHeaders, Stopwatch.GetElapsedTime(started));
        }
    }

    private static Activity? StartActivity(HttpContext context)
    {
        if (!PlatformTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        // The hosting layer's activity, if any, already continues the consumer's trace; else read traceparent here.
        var parent = Activity.Current?.Context ?? default;
        if (parent == default)
        {
            ActivityContext.TryParse(context.Request.Headers.TraceParent.ToString(), context.Request.Headers.TraceState.ToString(), isRemote: true, out parent);
        }

        return PlatformTelemetry.ActivitySource.StartActivity(ActivityName, ActivityKind.Server, parent);
    }

    /// <summary>
    /// A platform-own call handed straight to a built-in producer (the fan-out's direct entry, no HttpContext): recorded
    /// like any routed call, with the headers the router would have set.
    /// </summary>
    public void Direct(string correlationId, string sender, string originalConsumer, string receiver, string contract, string producerAddress, int statusCode, TimeSpan elapsed)
    {
        var record = new RoutedCallRecord();
        record.Routed(correlationId, sender, receiver, contract, producerAddress, (long)elapsed.TotalMilliseconds);
        var activity = PlatformTelemetry.ActivitySource.HasListeners()
            ? PlatformTelemetry.ActivitySource.StartActivity(ActivityName, ActivityKind.Internal, Activity.Current?.Context ?? default, startTime: time.GetUtcNow() - elapsed)
            : null;
        using (activity)
        {
            var requestHeaders = feed.Enabled
                ? feedOptions.Value.BoundHeaders([
                    new(RivtaHeaders.SenderId, sender),
                    new(RivtaHeaders.OriginalServiceConsumer, originalConsumer),
                    new(RivtaHeaders.CorrelationId, correlationId)])
                : null;
            Complete(record, activity, requestHeaders, statusCode, () => [new(RivtaHeaders.CorrelationId, correlationId)], elapsed);
        }
    }

    private void Complete(HttpContext context, RoutedCallRecord record, Activity? activity, IReadOnlyList<KeyValuePair<string, string>>? requestHeaders, TimeSpan elapsed)
    {
        if (record.CorrelationId is null)
        {
            record.CorrelationIdOrDefault(context.Response.Headers[RivtaHeaders.CorrelationId].ToString());
        }

        Complete(record, activity, requestHeaders, context.Response.StatusCode, () => feedOptions.Value.BoundHeaders(context.Response.Headers), elapsed);
    }

    private void Complete(
        RoutedCallRecord record, Activity? activity, IReadOnlyList<KeyValuePair<string, string>>? requestHeaders, int statusCode,
        Func<IReadOnlyList<KeyValuePair<string, string>>> responseHeaders, TimeSpan elapsed)
    {
        var result = record.Result ?? UnknownResult;
        var tags = new TagList
        {
            { PlatformTelemetry.Tags.Contract, record.Contract ?? string.Empty },
            { PlatformTelemetry.Tags.Sender, record.Sender ?? string.Empty },
            { PlatformTelemetry.Tags.Receiver, record.Receiver ?? string.Empty },
            { PlatformTelemetry.Tags.Result, result },
        };
        PlatformTelemetry.RouterCalls.Add(1, tags);
        PlatformTelemetry.RouterDuration.Record(elapsed.TotalSeconds, tags);
        if (record.ProducerMs is { } producerMs)
        {
            PlatformTelemetry.RouterProducerTime.Record(producerMs / 1000.0, tags);
        }

        var correlationId = record.CorrelationId ?? string.Empty;
        if (activity is not null)
        {
            foreach (var tag in tags)
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            activity.SetTag(PlatformTelemetry.Tags.CorrelationId, correlationId);
            if (result != PlatformTelemetry.ResultOk)
            {
                activity.SetStatus(ActivityStatusCode.Error, result);
            }
        }

        if (requestHeaders is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var answered = responseHeaders();
        feed.Add(sequence => new CallRecord(
            sequence,
            now - elapsed,
            correlationId,
            record.Sender,
            record.Receiver,
            record.Contract,
            result,
            statusCode,
            elapsed.TotalMilliseconds,
            record.ProducerMs,
            record.ProducerAddress,
            activity?.TraceId.ToString(),
            requestHeaders,
            answered));
    }
}
