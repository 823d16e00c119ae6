using System.Xml;

namespace TjanstePlattform.Soap.Service;

/// <summary>A message broke one of the <see cref="SoapLimits"/>: refused before anything is built from it.</summary>
public sealed class SoapLimitExceededException(string message, int line, int column)
    : XmlException(message, null, line, column);

/// <summary>
/// Passes an <see cref="XmlReader"/> through unchanged while checking every element against <see cref="SoapLimits"/>
/// as it is read, so a document that breaks a limit stops at the first offending element: the cost of a hostile
/// message is bounded by the limits, not by its size, and nothing downstream (a DOM, a serializer) recurses deeper
/// than <see cref="SoapLimits.MaxDepth"/>.
/// </summary>
internal sealed class LimitedXmlReader(XmlReader inner, SoapLimits limits) : XmlReader, IXmlLineInfo, IXmlNamespaceResolver
{
    private int _elements;

    public override bool Read()
    {
        if (!inner.Read())
        {
            return false;
        }

        if (inner.NodeType == XmlNodeType.Element)
        {
            Check();
        }

        return true;
    }

    private void Check()
    {
        if (++_elements > limits.MaxElements)
        {
            throw Exceeded($"The message has more than {limits.MaxElements} elements (Soap:Limits:MaxElements).");
        }

        if (inner.Depth > limits.MaxDepth)
        {
            throw Exceeded($"Elements are nested deeper than {limits.MaxDepth} levels (Soap:Limits:MaxDepth).");
        }

        if (inner.Prefix.Length + inner.LocalName.Length > limits.MaxNameLength)
        {
            throw Exceeded($"An element name is longer than {limits.MaxNameLength} characters (Soap:Limits:MaxNameLength).");
        }

        var attributes = inner.AttributeCount;
        if (attributes == 0)
        {
            return;
        }

        if (attributes > limits.MaxAttributesPerElement)
        {
            throw Exceeded($"An element has {attributes} attributes, more than {limits.MaxAttributesPerElement} (Soap:Limits:MaxAttributesPerElement).");
        }

        var declarations = 0;
        for (var i = 0; i < attributes; i++)
        {
            inner.MoveToAttribute(i);
            if (inner.Prefix.Length + inner.LocalName.Length > limits.MaxNameLength)
            {
                throw Exceeded($"An attribute name is longer than {limits.MaxNameLength} characters (Soap:Limits:MaxNameLength).");
            }

            if (inner.NamespaceURI == "http://www.w3.org/2000/xmlns/" && ++declarations > limits.MaxNamespaceDeclarationsPerElement)
            {
                throw Exceeded($"An element declares more than {limits.MaxNamespaceDeclarationsPerElement} namespaces (Soap:Limits:MaxNamespaceDeclarationsPerElement).");
            }
        }

        inner.MoveToElement();
    }

    private SoapLimitExceededException Exceeded(string message) =>
        new(message, LineNumber, LinePosition);

    public int LineNumber => (inner as IXmlLineInfo)?.LineNumber ?? 0;

    public int LinePosition => (inner as IXmlLineInfo)?.LinePosition ?? 0;

    public bool HasLineInfo() => inner is IXmlLineInfo info && info.HasLineInfo();

    // XmlWriter.WriteNode and XNode.ReadFrom ask the reader for its namespaces in scope.
    IDictionary<string, string> IXmlNamespaceResolver.GetNamespacesInScope(XmlNamespaceScope scope) =>
        ((IXmlNamespaceResolver)inner).GetNamespacesInScope(scope);

    string? IXmlNamespaceResolver.LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    string? IXmlNamespaceResolver.LookupPrefix(string namespaceName) => ((IXmlNamespaceResolver)inner).LookupPrefix(namespaceName);

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override string Name => inner.Name;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override bool HasValue => inner.HasValue;
    public override bool IsDefault => inner.IsDefault;
    public override XmlSpace XmlSpace => inner.XmlSpace;
    public override string XmlLang => inner.XmlLang;
    public override XmlReaderSettings? Settings => inner.Settings;
    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Readers for messages that did not come through <see cref="SoapEnvelopeReader"/> (a producer's answer, for one).</summary>
public static class SoapXml
{
    /// <summary>A safe reader over <paramref name="message"/> that refuses anything beyond <paramref name="limits"/> (an <see cref="System.Xml.XmlException"/>).</summary>
    public static XmlReader CreateReader(ReadOnlyMemory<byte> message, SoapLimits limits)
    {
        if (AttributeScan.FirstOverLimit(message.Span, limits.MaxAttributesPerElement) is var offset and >= 0)
        {
            throw new SoapLimitExceededException(
                $"An element at byte {offset} has more than {limits.MaxAttributesPerElement} attributes (Soap:Limits:MaxAttributesPerElement).", 0, 0);
        }

        return new LimitedXmlReader(XmlReader.Create(new ReadOnlyMemoryStream(message), Xml.SafeXml.ReaderSettings()), limits);
    }
}
