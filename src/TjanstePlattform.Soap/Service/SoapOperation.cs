namespace TjanstePlattform.Soap.Service;

/// <summary>
/// One operation of a built-in service, chosen by the namespace and local name of the first Body child — never by the
/// URL or SOAPAction (real WSDLs carry SOAPAction typos).
/// </summary>
public sealed record SoapOperation(string Namespace, string LocalName, Func<SoapRequest, CancellationToken, ValueTask<SoapResponse>> Handle)
{
    /// <summary>The typed entry for the platform's own in-process callers, when the operation has one.</summary>
    public SoapDirectOperation? Direct { get; init; }

    /// <summary>An operation over the contract types: the body is bound with <see cref="SoapBodies"/>, the answer rendered in an envelope.</summary>
    public static SoapOperation Typed<TRequest>(
        string ns, string localName, Func<SoapRequest, TRequest, CancellationToken, ValueTask<SoapResponse>> handle)
        where TRequest : class
        => new(ns, localName, (request, ct) => handle(request, SoapBodies.Read<TRequest>(request.Body), ct));
}
