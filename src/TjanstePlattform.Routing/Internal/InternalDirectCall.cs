using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Routing.Internal;

/// <summary>A platform-own call offered to a built-in producer's direct entry (<see cref="SoapDirectOperation"/>).</summary>
/// <param name="ContractNamespace">The service contract (the request element's namespace).</param>
/// <param name="RequestElement">The request element's local name (the operation).</param>
/// <param name="LogicalAddress">The receiver.</param>
/// <param name="Headers">The consumer's SOAP header entries, passed on unchanged.</param>
/// <param name="Sender">The consumer the router identified on the original call.</param>
/// <param name="OriginalConsumer">The original consumer; with the sender, it is what authorizes the call.</param>
/// <param name="CorrelationId">The original call's correlation id.</param>
public sealed record InternalDirectCall(
    string ContractNamespace, string RequestElement, string LogicalAddress, IReadOnlyList<System.Xml.XmlElement> Headers,
    string Sender, string OriginalConsumer, string CorrelationId);

/// <summary>Where the router sends a direct call: a built-in producer's service and operation, reached by a routing (vägval).</summary>
public sealed class InternalDirectRoute
{
    internal InternalDirectRoute(SoapService service, SoapDirectOperation operation, string producerAddress)
    {
        Service = service;
        Operation = operation;
        ProducerAddress = producerAddress;
    }

    internal SoapService Service { get; }

    public SoapDirectOperation Operation { get; }

    /// <summary>What the body must be bound to before <see cref="IInternalRouter.SendDirectAsync"/>.</summary>
    public Type RequestType => Operation.RequestType;

    internal string ProducerAddress { get; }
}

/// <summary>A built-in producer's direct answer: the answer object and how it is written, or the fault it answered.</summary>
public sealed record InternalDirectAnswer(SoapDirectResult Result, SoapDirectOperation Operation);
