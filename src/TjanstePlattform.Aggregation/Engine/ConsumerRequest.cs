using System.Xml;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Aggregation.Engine;

/// <summary>Who asked, as the router told us (HTTP headers it always sets towards http producers).</summary>
/// <param name="Sender">x-vp-sender-id: the consumer the router identified.</param>
/// <param name="OriginalConsumer">x-rivta-original-serviceconsumer-hsaid (informational on the router; also authorizes here).</param>
/// <param name="CorrelationId">x-skltp-correlation-id, passed on to every fan-out call.</param>
/// <param name="SoapAction">The consumer's SOAPAction, passed on (some producers dispatch on it).</param>
public sealed record ConsumerIdentity(string Sender, string OriginalConsumer, string CorrelationId, string? SoapAction = null);

/// <summary>What the engine needs from one consumer request: its contract, the patient and the filters it carries.</summary>
public sealed record ConsumerRequest(
    AggregatedContract Contract,
    ReadOnlyMemory<byte> Envelope,
    string PatientId,
    string? SourceSystem,
    IReadOnlyList<string> Categorizations)
{
    private (Type Type, object Body)? _bound;

    /// <summary>The consumer's request as read (header entries and body): what a built-in producer's direct entry gets.</summary>
    public SoapRequest? Soap { get; init; }

    /// <summary>
    /// The body bound to <paramref name="type"/>, once per call and shared by every direct branch (handlers only read
    /// their request). Called on the request thread while the branches are prepared, one after the other, so it takes
    /// no lock. The descriptor's rewrite elements are never bound here: such contracts take the envelope path.
    /// </summary>
    public object Bind(Type type)
    {
        if (_bound is { } bound && bound.Type == type)
        {
            return bound.Body;
        }

        var body = SoapBodies.Bind(Soap!.Body, type);
        _bound = (type, body);
        return body;
    }

    /// <summary>
    /// Takes what the engine needs from a consumer's request, already read within the SOAP layer's limits: the contract
    /// from the first Body child's namespace (never the URL), the patient id and the filter elements the descriptor
    /// names. Returns an error text for anything the engine cannot work with.
    /// </summary>
    public static (ConsumerRequest? Request, string? Error) Read(SoapRequest soap, AggregatedContracts contracts)
    {
        var body = soap.Body;
        var contract = contracts.Find(body.NamespaceURI);
        if (contract is null)
        {
            return (null, $"The service contract {body.NamespaceURI} is not aggregated by this platform.");
        }

        if (body.LocalName != contract.RequestElement || body.NamespaceURI != contract.Namespace)
        {
            return (null, $"Expected the request element {{{contract.Namespace}}}{contract.RequestElement}, found {{{body.NamespaceURI}}}{body.LocalName}.");
        }

        foreach (var refused in contract.RefusedElements)
        {
            if (Child(body, contract.Namespace, refused) is not null)
            {
                return (null, $"The request carries {refused}, which the aggregating service does not support: paging cannot go through an aggregation.");
            }
        }

        if (contract.ValidateRequest && contracts.Validator is { } validator)
        {
            var validation = validator.Validate(new ReadOnlyMemoryStream(soap.Envelope));
            if (!validation.IsValid)
            {
                return (null, $"The request is not valid against the service contract's schema: {validation.Describe()}");
            }
        }

        var patient = Follow(body, contract.Namespace, contract.PatientIdPath)?.InnerText.Trim();
        if (string.IsNullOrEmpty(patient))
        {
            return (null, $"The request has no patient id ({string.Join('/', contract.PatientIdPath)}).");
        }

        var sourceSystem = contract.SourceSystemFilterPath.Count == 0 ? null : Follow(body, contract.Namespace, contract.SourceSystemFilterPath)?.InnerText.Trim();
        var categorizations = contract.CategorizationFilter is null
            ? []
            : Children(body, contract.Namespace, contract.CategorizationFilter).Select(e => e.InnerText.Trim()).Where(v => v.Length > 0).ToArray();
        return (new ConsumerRequest(contract, soap.Envelope, patient, string.IsNullOrEmpty(sourceSystem) ? null : sourceSystem, categorizations) { Soap = soap }, null);
    }

    /// <summary>The first element at the path: the first step a child in the contract namespace, deeper steps by local name.</summary>
    private static XmlElement? Follow(XmlElement root, string contractNamespace, IReadOnlyList<string> path)
    {
        var current = Child(root, contractNamespace, path[0]);
        for (var i = 1; current is not null && i < path.Count; i++)
        {
            current = Child(current, null, path[i]);
        }

        return current;
    }

    private static XmlElement? Child(XmlElement parent, string? ns, string localName) => Children(parent, ns, localName).FirstOrDefault();

    private static IEnumerable<XmlElement> Children(XmlElement parent, string? ns, string localName)
    {
        for (var node = parent.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is XmlElement element && element.LocalName == localName && (ns is null || element.NamespaceURI == ns))
            {
                yield return element;
            }
        }
    }
}

