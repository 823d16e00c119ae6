using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Aggregation.Engine;

/// <summary>
/// The aggregating services as built-in services on the platform's SOAP layer, at each aggregated contract's path (the
/// physical address the catalog routes the national logical address to). The contract is the Body's first element,
/// never the path. Refusals are SOAP faults with a precise text; a successful aggregation is always HTTP 200, failed
/// source systems included.
/// </summary>
internal sealed class AggregationServices
{
    private const string MissingHeader = "Mandatory HTTP header {0} is missing";

    private readonly AggregationEngine _engine;
    private readonly ILogger<AggregationServices> _logger;
    private readonly TimeZoneInfo _zone;
    private readonly FrozenDictionary<string, SoapService> _byPath;

    public AggregationServices(AggregatedContracts contracts, AggregationEngine engine, IOptions<AggregationOptions> options, ILogger<AggregationServices> logger)
    {
        _engine = engine;
        _logger = logger;
        _zone = options.Value.ResolveTimeZone();

        // Every contract's path answers every aggregated contract: the body decides, as it always did.
        var service = new SoapService(
            "aggregating services",
            contracts.All.Select(c => new SoapOperation(c.Namespace, c.RequestElement, (request, ct) => AggregateAsync(request, contracts, ct))),
            options.Value.MaxRequestBytes,
            refusal => SoapFault.Client(refusal.Reason));
        _byPath = contracts.All.Select(c => c.Path).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(path => path, _ => service, StringComparer.OrdinalIgnoreCase);
    }


    public IEnumerable<KeyValuePair<string, SoapService>> All => _byPath;

    private async ValueTask<SoapResponse> AggregateAsync(SoapRequest request, AggregatedContracts contracts, CancellationToken cancellationToken)
    {
        var call = request.Call;
        var correlationId = call.CorrelationId;
        if (correlationId is not null)
        {
            call.ResponseHeaders[SoapCallContext.CorrelationIdHeader] = correlationId;
        }

        // 1. Headers the router always sets towards a producer (the reference demands all three).
        var sender = call.SenderId;
        var originalConsumer = call.Header(SoapCallContext.OriginalConsumerHeader);
        var missing = new List<string>();
        foreach (var (name, value) in new[] { (SoapCallContext.SenderIdHeader, sender), (SoapCallContext.OriginalConsumerHeader, originalConsumer), (SoapCallContext.CorrelationIdHeader, correlationId) })
        {
            if (value is null)
            {
                missing.Add(string.Format(CultureInfo.InvariantCulture, MissingHeader, name));
            }
        }

        if (missing.Count > 0)
        {
            return Refuse(new AggregationFault(SoapFaultActor.Client, string.Join("; ", missing),
                "The aggregating services are called through the router, which sets these headers."), correlationId);
        }

        // 2. Contract, patient and filters from the body.
        var (consumerRequest, error) = ConsumerRequest.Read(request, contracts);
        if (consumerRequest is null)
        {
            return Refuse(new AggregationFault(SoapFaultActor.Client, error!, null), correlationId);
        }

        var consumer = new ConsumerIdentity(sender!, originalConsumer!, correlationId!, call.Header("SOAPAction"));
        var result = await _engine.AggregateAsync(consumerRequest, consumer, cancellationToken).ConfigureAwait(false);
        if (result.Fault is not null)
        {
            return Refuse(result.Fault, correlationId);
        }

        return SoapResponse.Ok(AggregatedResponse.Build(consumerRequest.Contract, result.Branches, correlationId!, _zone).Segments);
    }

    private SoapResponse Refuse(AggregationFault fault, string? correlationId)
    {
        AggregationLog.Refused(_logger, fault.Detail is null ? fault.FaultString : $"{fault.FaultString} {fault.Detail}", correlationId);
        return SoapResponse.FaultOf(new SoapFault(fault.Actor, fault.FaultString, fault.Detail));
    }
}
