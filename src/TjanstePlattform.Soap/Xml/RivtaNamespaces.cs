namespace TjanstePlattform.Soap.Xml;

/// <summary>The namespace URIs that the platform matches on. Namespaces, never prefixes.</summary>
public static class RivtaNamespaces
{
    public const string Soap11Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12Envelope = "http://www.w3.org/2003/05/soap-envelope";

    /// <summary>Basic profile 2.1 receiver header: <c>{urn:riv:itintegration:registry:1}LogicalAddress</c>.</summary>
    public const string Registry = "urn:riv:itintegration:registry:1";

    /// <summary>Basic profile 2.0 receiver header: WS-Addressing <c>To</c>.</summary>
    public const string WsAddressing = "http://www.w3.org/2005/08/addressing";

    /// <summary>Interoperability headers: Actor and ProcessingStatus.</summary>
    public const string InteroperabilityHeaders = "urn:riv:interoperability:headers:1";

    public const string LogicalAddressElement = "LogicalAddress";
    public const string ToElement = "To";
}
