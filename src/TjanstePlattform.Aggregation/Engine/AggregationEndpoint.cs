using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Soap.Faults;

namespace TjanstePlattform.Aggregation.Engine;

/// <summary>
/// The aggregating services' HTTP endpoint (the physical address the catalog routes the national logical address
/// to). The contract is taken from the body's first element, never from the path. Refusals are SOAP faults
/// (HTTP 500) with a precise text; a successful aggregation is always HTTP 200, failed source systems included.
/// </summary>
internal sealed class AggregationEndpoint(
    AggregatedContracts contracts,
    AggregationEngine engine,
    IOptions<AggregationOptions> options,
    ILogger<AggregationEndpoint> logger)
{
    private const string MissingHeader = "Mandatory HTTP header {0} is missing";

    private readonly TimeZoneInfo _zone = ZoneOf(options.Value.TimeZone);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var correlationId = Header(request, AggregationHeaders.CorrelationId);

        // 1. Headers the router always sets towards an http producer (the reference demands all three).
        var sender = Header(request, AggregationHeaders.SenderId);
        var originalConsumer = Header(request, AggregationHeaders.OriginalServiceConsumer);
        var missing = new List<string>();
        if (sender is null)
        {
            missing.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, MissingHeader, AggregationHeaders.SenderId));
        }

        if (originalConsumer is null)
        {
            missing.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, MissingHeader, AggregationHeaders.OriginalServiceConsumer));
        }

        if (correlationId is null)
        {
            missing.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, MissingHeader, AggregationHeaders.CorrelationId));
        }

        if (missing.Count > 0)
        {
            await FaultAsync(context, new AggregationFault(SoapFaultActor.Client, string.Join("; ", missing),
                "The aggregating services are called through the router, which sets these headers."), correlationId);
            return;
        }

        // 2. The body, bounded.
        var (body, tooLarge) = await ReadBodyAsync(context, options.Value.MaxRequestBytes);
        if (tooLarge)
        {
            await FaultAsync(context, new AggregationFault(SoapFaultActor.Client,
                $"The request is larger than the aggregating service's limit of {options.Value.MaxRequestBytes} bytes.", null), correlationId);
            return;
        }

        // 3. Contract, patient and filters from the body.
        var (consumerRequest, error) = ConsumerRequest.Read(body, contracts);
        if (consumerRequest is null)
        {
            await FaultAsync(context, new AggregationFault(SoapFaultActor.Client, error!, null), correlationId);
            return;
        }

        var consumer = new ConsumerIdentity(sender!, originalConsumer!, correlationId!, Header(request, AggregationHeaders.SoapAction));
        AggregationResult result;
        try
        {
            result = await engine.AggregateAsync(consumerRequest, consumer, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // The consumer left: nobody to answer.
        }

        if (result.Fault is not null)
        {
            await FaultAsync(context, result.Fault, correlationId);
            return;
        }

        var answer = AggregatedResponse.Build(consumerRequest.Contract, result.Branches, correlationId!, _zone);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = SoapFaultWriter.ContentType;
        response.ContentLength = answer.Length;
        response.Headers[AggregationHeaders.CorrelationId] = correlationId;
        foreach (var segment in answer.Segments)
        {
            await response.Body.WriteAsync(segment, context.RequestAborted);
        }
    }

    private async Task FaultAsync(HttpContext context, AggregationFault fault, string? correlationId)
    {
        AggregationLog.Refused(logger, fault.Detail is null ? fault.FaultString : $"{fault.FaultString} {fault.Detail}", correlationId);
        var response = context.Response;
        if (correlationId is not null)
        {
            response.Headers[AggregationHeaders.CorrelationId] = correlationId;
        }

        await SoapFaultWriter.WriteAsync(response, fault.Actor, fault.FaultString, fault.Detail, context.RequestAborted);
    }

    private static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadBodyAsync(HttpContext context, int limit)
    {
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            return (default, true);
        }

        var reader = context.Request.BodyReader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(context.RequestAborted);
                if (result.Buffer.Length > limit)
                {
                    reader.AdvanceTo(result.Buffer.Start);
                    return (default, true);
                }

                if (result.IsCompleted)
                {
                    var bytes = result.Buffer.ToArray();
                    reader.AdvanceTo(result.Buffer.End);
                    return (bytes, false);
                }

                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, true);
        }
    }

    private static string? Header(HttpRequest request, string name)
    {
        var value = request.Headers[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static TimeZoneInfo ZoneOf(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Local;
        }
    }
}
