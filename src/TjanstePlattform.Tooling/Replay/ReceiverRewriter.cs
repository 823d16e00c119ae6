using System.Text;
using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>
/// <c>--logical-address</c>: sets the receiver of an envelope. The LogicalAddress header (basic profile 2.1)
/// or wsa:To (2.0) gets the new value; an envelope with neither gets a LogicalAddress header.
/// </summary>
public static class ReceiverRewriter
{
    private static readonly XNamespace Soap = RivtaNamespaces.Soap11Envelope;
    private static readonly XNamespace Registry = RivtaNamespaces.Registry;
    private static readonly XNamespace Wsa = RivtaNamespaces.WsAddressing;

    /// <summary>Returns the rewritten envelope as UTF-8, or null when the envelope cannot be read.</summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> envelope, string receiver)
    {
        XDocument doc;
        try
        {
            using var reader = SafeXml.CreateReader(new StringReader(EnvelopeText.Decode(envelope)));
            doc = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }

        var root = doc.Root;
        if (root is null || root.Name != Soap + "Envelope")
        {
            return null;
        }

        var header = root.Element(Soap + "Header");
        if (header is null)
        {
            header = new XElement(Soap + "Header");
            root.AddFirst(header);
        }

        var targets = header.Elements(Registry + RivtaNamespaces.LogicalAddressElement).ToList();
        if (targets.Count == 0)
        {
            targets = header.Elements(Wsa + RivtaNamespaces.ToElement).ToList();
        }

        if (targets.Count == 0)
        {
            header.Add(new XElement(Registry + RivtaNamespaces.LogicalAddressElement, receiver));
        }
        else
        {
            targets.ForEach(t => t.Value = receiver);
        }

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = doc.Declaration is null }))
        {
            doc.Save(writer);
        }

        return buffer.ToArray();
    }
}
