using System.Xml;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Soap.Service;

/// <summary>
/// A request envelope, read within <see cref="SoapLimits"/>: the header entries, the receiver, and the first Body
/// child (its namespace is the service contract). Handlers never see a message that broke a limit.
/// </summary>
public sealed class SoapRequest
{
    internal SoapRequest(ReadOnlyMemory<byte> envelope, IReadOnlyList<XmlElement> headers, XmlElement body, SoapCallContext call)
    {
        Envelope = envelope;
        Headers = headers;
        Body = body;
        Call = call;
        foreach (var header in headers)
        {
            // By namespace and local name; the last one wins, as on the router.
            if (header.LocalName == RivtaNamespaces.LogicalAddressElement && header.NamespaceURI == RivtaNamespaces.Registry)
            {
                LogicalAddress = header.InnerText;
            }
            else if (header.LocalName == RivtaNamespaces.ToElement && header.NamespaceURI == RivtaNamespaces.WsAddressing)
            {
                LogicalAddress = header.InnerText;
            }
        }
    }

    /// <summary>The envelope's bytes as received (a service that forwards the request copies from them).</summary>
    public ReadOnlyMemory<byte> Envelope { get; }

    /// <summary>The element children of <c>soap:Header</c>, in order (every Header element of the envelope).</summary>
    public IReadOnlyList<XmlElement> Headers { get; }

    /// <summary>The first element child of <c>soap:Body</c>.</summary>
    public XmlElement Body { get; }

    /// <summary>The receiver: <c>{urn:riv:itintegration:registry:1}LogicalAddress</c> (basic profile 2.1) or <c>wsa:To</c> (2.0).</summary>
    public string? LogicalAddress { get; }

    /// <summary>What the transport said about the call (HTTP headers as a producer receives them).</summary>
    public SoapCallContext Call { get; }

    /// <summary>The last header entry with this name, or null.</summary>
    public XmlElement? Header(string ns, string localName) => Find(Headers, ns, localName);

    internal static XmlElement? Find(IReadOnlyList<XmlElement> headers, string ns, string localName)
    {
        XmlElement? found = null;
        foreach (var header in headers)
        {
            if (header.LocalName == localName && header.NamespaceURI == ns)
            {
                found = header;
            }
        }

        return found;
    }
}
