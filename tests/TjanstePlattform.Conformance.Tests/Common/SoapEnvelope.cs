using System.Xml;
using System.Xml.Linq;

namespace TjanstePlattform.Conformance.Tests.Common;

/// <summary>A SOAP 1.1/1.2 envelope unwrapped into its header blocks and its first Body child.</summary>
public sealed class SoapEnvelope
{
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";

    private SoapEnvelope(XDocument document, XElement? envelope)
    {
        Document = document;
        IsEnvelope = envelope is not null;
        var soap = envelope?.Name.Namespace;
        Headers = envelope?.Element(soap! + "Header")?.Elements().ToList() ?? [];
        BodyRoot = envelope is null
            ? document.Root!
            : envelope.Element(soap! + "Body")?.Elements().FirstOrDefault()
              ?? throw new InvalidOperationException("The envelope has an empty Body.");
    }

    public XDocument Document { get; }

    /// <summary>False when the file is a bare body (no soap:Envelope around it).</summary>
    public bool IsEnvelope { get; }

    public IReadOnlyList<XElement> Headers { get; }

    /// <summary>The first child of soap:Body (for a bare document, its root).</summary>
    public XElement BodyRoot { get; }

    /// <summary>True when the body is a SOAP Fault rather than a contract message.</summary>
    public bool IsFault => BodyRoot.Name.LocalName == "Fault" && (BodyRoot.Name.Namespace == Soap11 || BodyRoot.Name.Namespace == Soap12);

    /// <summary>The header with that name, or null.</summary>
    public XElement? Header(XName name) => Headers.LastOrDefault(h => h.Name == name);

    /// <summary>Loads safely (no DTD, no resolver) with line information.</summary>
    public static SoapEnvelope Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static SoapEnvelope Load(Stream stream)
    {
        using var reader = XmlReader.Create(stream, ReaderSettings);
        return From(XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace));
    }

    /// <summary>
    /// Loads a file as UTF-8 text whatever its XML declaration says, as the reference router retries a
    /// body whose declared encoding does not match its bytes (e.g. <c>encoding="utf-16"</c> on UTF-8).
    /// </summary>
    public static SoapEnvelope LoadAsUtf8(string path) => Parse(File.ReadAllText(path, new System.Text.UTF8Encoding(false)));

    public static SoapEnvelope Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings);
        return From(XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace));
    }

    private static SoapEnvelope From(XDocument document)
    {
        var root = document.Root ?? throw new InvalidOperationException("Empty document.");
        var isEnvelope = root.Name.LocalName == "Envelope" && (root.Name.Namespace == Soap11 || root.Name.Namespace == Soap12);
        return new SoapEnvelope(document, isEnvelope ? root : null);
    }

    private static XmlReaderSettings ReaderSettings => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
}
