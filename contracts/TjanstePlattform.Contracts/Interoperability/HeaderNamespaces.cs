namespace TjanstePlattform.Contracts.Interoperability;

/// <summary>
/// Namespace URIs and element names of the SOAP headers RIVTA basic profile 2.1 contracts carry.
/// Contracts reference these instead of repeating string literals.
/// </summary>
public static class HeaderNamespaces
{
    /// <summary>Receiver header namespace: <c>{urn:riv:itintegration:registry:1}LogicalAddress</c>.</summary>
    public const string Registry = "urn:riv:itintegration:registry:1";

    /// <summary>Interoperability headers (Actor, ProcessingStatus).</summary>
    public const string InteroperabilityHeaders = "urn:riv:interoperability:headers:1";

    /// <summary>Basic profile 2.0 receiver header namespace (WS-Addressing <c>To</c>).</summary>
    public const string WsAddressing = "http://www.w3.org/2005/08/addressing";

    /// <summary>Local name of the receiver header (mottagare / logisk adress).</summary>
    public const string LogicalAddressElement = "LogicalAddress";

    /// <summary>Local name of the Actor header.</summary>
    public const string ActorElement = "Actor";

    /// <summary>Local name of the ProcessingStatus header of aggregating services.</summary>
    public const string ProcessingStatusElement = "ProcessingStatus";
}
