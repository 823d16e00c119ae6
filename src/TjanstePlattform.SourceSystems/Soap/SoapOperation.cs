using System.Xml;
using System.Xml.Linq;

namespace TjanstePlattform.SourceSystems.Soap;

/// <summary>
/// One operation a source system answers: the request body's root element (its namespace is the service contract),
/// the type it is read into, the response element, and the handler.
/// </summary>
internal sealed record SourceSystemOperation(
    string Interaction,
    string Major,
    string ContractNamespace,
    Type RequestType,
    Type ResponseType,
    string ResponseElement,
    Func<SoapCall, object, Task<object>> Handle,
    IReadOnlyList<string> Namespaces)
{
    /// <summary>The request body's root element name: the interaction name.</summary>
    public string RequestElement => Interaction;

    /// <summary>The path below the system's base path: <c>{Interaction}/{major}/rivtabp21</c>.</summary>
    public string RelativePath => $"{Interaction}/{Major}/rivtabp21";

    /// <summary>A typed operation; <paramref name="coreNamespaces"/> are the domain namespaces its answer uses, given prefixes on the wire.</summary>
    public static SourceSystemOperation Create<TRequest, TResponse>(
        string interaction, string major, string contractNamespace, IReadOnlyList<string> coreNamespaces, Func<SoapCall, TRequest, Task<TResponse>> handle)
        where TRequest : class
        where TResponse : class
        => new(interaction, major, contractNamespace, typeof(TRequest), typeof(TResponse), interaction + "Response",
            async (call, request) => await handle(call, (TRequest)request).ConfigureAwait(false),
            [contractNamespace, .. coreNamespaces]);

    /// <summary>
    /// An operation whose body stays XML (no contract type): the handler gets the request element and returns the
    /// response element, written as is (it declares its own namespaces).
    /// </summary>
    public static SourceSystemOperation CreateXml(string interaction, string major, string contractNamespace, Func<SoapCall, XElement, Task<XElement>> handle)
        => new(interaction, major, contractNamespace, typeof(XElement), typeof(XElement), interaction + "Response",
            async (call, request) => await handle(call, (XElement)request).ConfigureAwait(false),
            [contractNamespace]);

    /// <summary>
    /// The name of the answer's record element when its records are shared, never-changed objects (see
    /// <c>SoapDirectOperation.SharedRecords</c>): each is rendered once, for the envelope and the aggregating services alike.
    /// </summary>
    public string? SharedRecordElement { get; init; }

    /// <summary>True for an operation made by <see cref="CreateXml"/>.</summary>
    public bool IsXml => RequestType == typeof(XElement);
}

/// <summary>What a handler knows about the call besides its body.</summary>
/// <param name="SystemId">The HSA-id of the source system the call reached.</param>
/// <param name="LogicalAddress">The <c>LogicalAddress</c> header (the receiver), if any.</param>
/// <param name="Actor">The <c>{urn:riv:interoperability:headers:1}Actor</c> header element, if any.</param>
/// <param name="OriginalConsumer"><c>x-rivta-original-serviceconsumer-hsaid</c> (the router sets it to the sender when absent).</param>
/// <param name="LogId">The correlation id of the call (<c>x-skltp-correlation-id</c>) or a new id: used as the contract's logId.</param>
internal sealed record SoapCall(
    string SystemId,
    string? LogicalAddress,
    XmlElement? Actor,
    string? OriginalConsumer,
    string LogId,
    CancellationToken Aborted);
