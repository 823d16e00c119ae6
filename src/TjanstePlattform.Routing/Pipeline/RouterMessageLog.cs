using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Platform;
using TjanstePlattform.Routing.Headers;
using TjanstePlattform.Routing.Validation;

namespace TjanstePlattform.Routing.Pipeline;

/// <summary>
/// Message logging at Debug in the category <c>TjanstePlattform.Routing.Messages</c> and nowhere else (payloads hold person
/// ids): the request as it came in (path, content type and length; its body is not copied, because the router peeks it
/// through the request's pipe and the forwarder then streams that same pipe on) and the answer that went out with its
/// payload (the first <see cref="MaxLoggedBytes"/>, copied while it streams past). Off, it costs one level check per call.
/// </summary>
internal static partial class RouterMessageLog
{
    public const string Category = "TjanstePlattform.Routing.Messages";

    /// <summary>How much of each body is logged; the call itself is never cut.</summary>
    public const int MaxLoggedBytes = 64 * 1024;

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, ILogger logger)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        var response = new ResponseCapture(body, MaxLoggedBytes);
        context.Response.Body = response;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            var correlationId = context.Response.Headers[RivtaHeaders.CorrelationId].ToString();
            Message(logger, "in", context.Request.Path, correlationId, context.Request.ContentType,
                $"({context.Request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "chunked"} bytes from {context.Connection.RemoteIpAddress})");
            Message(logger, "out", context.Request.Path, correlationId, $"HTTP {context.Response.StatusCode} {context.Response.ContentType}",
                Encoding.UTF8.GetString(response.Captured.GetBuffer(), 0, (int)response.Captured.Length) + (response.Overflowed ? "… (cut)" : string.Empty));
        }
    }

    [LoggerMessage(EventId = LogEventIds.RouterMessage, EventName = "Message", Level = LogLevel.Debug, Message = "Message {Direction} {Path}, correlation {CorrelationId} ({Kind}):\n{Payload}")]
    private static partial void Message(ILogger logger, string direction, string path, string correlationId, string? kind, string payload);
}
