using System.Diagnostics;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Routing.Observability;

/// <summary>
/// Puts the router's span on the producer request as W3C <c>traceparent</c>/<c>tracestate</c>, replacing the
/// consumer's, so the producer's span is a child of the router's. Only when a router span exists (telemetry on and
/// listened to); otherwise the request is untouched. Done here rather than with the handler's
/// ActivityHeadersPropagator, which would add an unexported HTTP client span in between and cost on every call.
/// </summary>
internal sealed class TraceContextHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Activity.Current is { } activity && activity.Source == PlatformTelemetry.ActivitySource)
        {
            var headers = request.Headers;
            headers.Remove("traceparent");
            headers.Remove("tracestate");
            headers.TryAddWithoutValidation("traceparent", activity.Id);
            if (!string.IsNullOrEmpty(activity.TraceStateString))
            {
                headers.TryAddWithoutValidation("tracestate", activity.TraceStateString);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
