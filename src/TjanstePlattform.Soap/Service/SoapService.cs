using System.Collections.Frozen;

namespace TjanstePlattform.Soap.Service;

/// <summary>
/// A built-in SOAP service (a producer of the platform's own): its operations, its request size limit, and how it
/// words its own client faults. Served over HTTP by <see cref="SoapHttpEndpoint"/> and in-process by the router,
/// always through <see cref="ISoapDispatcher"/>, so both give the same answers.
/// </summary>
public sealed class SoapService
{
    private readonly FrozenDictionary<(string Namespace, string LocalName), SoapOperation> _operations;

    public SoapService(string name, IEnumerable<SoapOperation> operations, long maxRequestBytes, Func<SoapRefusal, SoapFault> clientFault)
    {
        Name = name;
        _operations = operations.ToFrozenDictionary(o => (o.Namespace, o.LocalName));
        MaxRequestBytes = maxRequestBytes;
        ClientFault = clientFault;
    }

    /// <summary>For logs: e.g. <c>EI Update</c>, <c>source system SE2321000016-JRN1</c>.</summary>
    public string Name { get; }

    public long MaxRequestBytes { get; }

    /// <summary>The service's own client fault for a request it cannot take (unreadable, too large, unknown, not binding).</summary>
    public Func<SoapRefusal, SoapFault> ClientFault { get; }

    /// <summary>Runs before the request is read (fault injection): an answer here replaces the whole call.</summary>
    public Func<SoapCallContext, CancellationToken, ValueTask<SoapResponse?>>? Intercept { get; init; }

    /// <summary>
    /// Whether <see cref="Intercept"/> may answer now (fault injection armed). Null with an Intercept: always. A direct
    /// call is made only while it may not, so injected faults always take the envelope path they are written for.
    /// </summary>
    public Func<bool>? Intercepting { get; init; }

    /// <summary>True when a direct call would skip an intercept that could have answered.</summary>
    public bool MayIntercept => Intercept is not null && (Intercepting is null || Intercepting());

    public IEnumerable<SoapOperation> Operations => _operations.Values;

    public SoapOperation? Find(string ns, string localName) => _operations.GetValueOrDefault((ns, localName));
}

/// <summary>Why the layer refused a request before (or while) binding it; a service words its own fault from it.</summary>
public enum SoapRefusalKind
{
    /// <summary>Not well-formed, not a SOAP 1.1 envelope, no Body element, or over a structural limit.</summary>
    Unreadable,

    /// <summary>Larger than the service's size limit.</summary>
    TooLarge,

    /// <summary>The Body's first element names no operation of the service.</summary>
    UnknownOperation,

    /// <summary>The body does not fit the contract type (a bad value, an unknown enum …).</summary>
    Binding,
}

/// <summary>A refusal and its reason in English.</summary>
public sealed record SoapRefusal(SoapRefusalKind Kind, string Reason);
