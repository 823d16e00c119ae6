using System.Xml;

namespace TjanstePlattform.Soap.Service;

/// <summary>
/// An operation's typed entry for the platform's own callers that already hold the request read and want the answer as
/// an object: the aggregating services' fan-out to a built-in producer. No envelope is written, copied or parsed in
/// between; the answer is written once, by <see cref="WriteBody"/>, straight into the merged response.
/// </summary>
/// <param name="RequestType">What the body is bound to (<see cref="System.Xml.Linq.XElement"/> for operations whose data stays XML).</param>
/// <param name="Handle">The operation itself: the same code the envelope entry runs after binding.</param>
/// <param name="WriteBody">Writes an answer of <see cref="Handle"/> as the response element, exactly as the envelope entry would.</param>
public sealed record SoapDirectOperation(
    Type RequestType,
    Func<SoapDirectCall, object, ValueTask<object>> Handle,
    Action<XmlWriter, object> WriteBody)
{
    /// <summary>
    /// Set when the answer's records are shared objects that never change once handed out (the producer maps each
    /// stored record once): the renderer that keeps what it renders of each one per object.
    /// </summary>
    public SharedRecordRenderer? SharedRecords { get; init; }
}

/// <summary>What a direct call carries besides its body: what the router would have told the producer.</summary>
/// <param name="LogicalAddress">The receiver (the LogicalAddress header the producer would have read).</param>
/// <param name="Headers">The consumer's SOAP header entries (Actor …), passed on unchanged as the router does.</param>
/// <param name="SenderId">x-vp-sender-id.</param>
/// <param name="OriginalConsumer">x-rivta-original-serviceconsumer-hsaid.</param>
/// <param name="CorrelationId">x-skltp-correlation-id.</param>
/// <param name="Aborted">The caller gave up.</param>
public sealed record SoapDirectCall(
    string LogicalAddress,
    IReadOnlyList<XmlElement> Headers,
    string SenderId,
    string OriginalConsumer,
    string CorrelationId,
    CancellationToken Aborted)
{
    /// <summary>The last header entry with this name, or null (as <see cref="SoapRequest.Header"/>).</summary>
    public XmlElement? Header(string ns, string localName) => SoapRequest.Find(Headers, ns, localName);
}

/// <summary>The outcome of a direct call: the answer object, or the fault envelope the envelope entry would have answered.</summary>
public readonly record struct SoapDirectResult(object? Body, SoapResponse? Fault);
