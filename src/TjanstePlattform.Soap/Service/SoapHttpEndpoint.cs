using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Soap.Service;

/// <summary>
/// Serves a built-in service over HTTP at its own path: the direct-call policy, the body read within the service's
/// size limit, dispatch, and the answer written by <see cref="SoapResponseWriter"/>. Every refusal is a SOAP fault.
/// </summary>
public sealed partial class SoapHttpEndpoint(
    ISoapDispatcher dispatcher,
    DirectCallPolicy policy,
    IOptions<PlatformOptions> platform,
    ILogger<SoapHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context, SoapService service)
    {
        var decision = policy.Check(context);
        if (decision.Refusal is { } refusal)
        {
            DirectCallRefused(logger, context.Request.Path, context.Connection.RemoteIpAddress?.ToString());
            await SoapResponseWriter.WriteAsync(context, SoapResponse.FaultOf(refusal), null).ConfigureAwait(false);
            return;
        }

        var call = new SoapCallContext(context.Request.Headers, context.Request.Path.Value ?? string.Empty, decision.ViaRouter);
        var body = await SoapRequestBody.ReadAsync(context, service.MaxRequestBytes).ConfigureAwait(false);
        SoapResponse response;
        if (body is null)
        {
            var reason = $"The request is larger than {service.Name}'s limit of {service.MaxRequestBytes} bytes.";
            response = SoapResponse.FaultOf(SoapDispatcher.UnreadableFault(service, call, new SoapRefusal(SoapRefusalKind.TooLarge, reason), platform.Value.Name));
        }
        else
        {
            try
            {
                response = await dispatcher.DispatchAsync(service, body.Value, call, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // The caller went away: nobody to answer.
            }
        }

        await SoapResponseWriter.WriteAsync(context, response, call.ResponseHeaders).ConfigureAwait(false);
    }

    /// <summary>Serves the path's service, or a client fault naming the path when there is none.</summary>
    public Task HandleAsync(HttpContext context, ISoapServiceSource source)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (source.Find(path) is { } service)
        {
            return HandleAsync(context, service);
        }

        return SoapResponseWriter.WriteAsync(context, SoapResponse.FaultOf(SoapFault.Client(
            "Det finns ingen inbyggd tjänsteproducent på den här adressen.", $"No built-in service answers at {path}.")), null);
    }

    [LoggerMessage(EventId = LogEventIds.SoapServiceDirectCallRefused, Level = LogLevel.Information, Message = "Direct call to built-in producer {Path} from {Peer} refused")]
    private static partial void DirectCallRefused(ILogger logger, string path, string? peer);
}

/// <summary>Reads a request body into memory, never more than a limit (null when over it).</summary>
public static class SoapRequestBody
{
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var reader = context.Request.BodyReader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                if (result.Buffer.Length > limit)
                {
                    reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                    return null;
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    var bytes = System.Buffers.BuffersExtensions.ToArray(result.Buffer);
                    reader.AdvanceTo(result.Buffer.End);
                    return bytes;
                }

                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }
}

/// <summary>Writes a <see cref="SoapResponse"/> as the whole HTTP response.</summary>
public static class SoapResponseWriter
{
    public static async Task WriteAsync(HttpContext context, SoapResponse response, IHeaderDictionary? headers)
    {
        if (response.Kind == SoapResponseKind.Abort)
        {
            context.Abort();
            return;
        }

        var http = context.Response;
        if (http.HasStarted)
        {
            return;
        }

        http.StatusCode = response.StatusCode;
        http.ContentType = response.ContentType;
        http.ContentLength = response.Length;
        if (headers is not null)
        {
            foreach (var header in headers)
            {
                http.Headers[header.Key] = header.Value;
            }
        }

        try
        {
            await WriteBodyAsync(http, response, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// The body's segments into the response's pipe and one flush: a write to the response stream is a flush, and an
    /// aggregated answer of a dozen segments would otherwise go out in a dozen socket writes.
    /// </summary>
    public static async Task WriteBodyAsync(HttpResponse http, SoapResponse response, CancellationToken cancellationToken)
    {
        var writer = http.BodyWriter;
        foreach (var segment in response.Body)
        {
            writer.Write(segment.Span);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
