using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.SourceSystems.Soap;

/// <summary>
/// Reads and writes message parts with the contract types and <see cref="XmlSerializer"/>. Serializers are built once
/// per (type, root element): the constructor with an explicit root generates code that is never cached by the runtime.
/// </summary>
internal static class XmlMessages
{
    private static readonly ConcurrentDictionary<(Type Type, string Name, string Namespace), XmlSerializer> Serializers = new();

    /// <summary>No xsi/xsd declarations on every root: they are declared where a nil needs them.</summary>
    private static readonly XmlSerializerNamespaces NoExtraNamespaces = new([XmlQualifiedName.Empty]);

    public static XmlSerializer SerializerFor(Type type, string name, string ns) =>
        Serializers.GetOrAdd((type, name, ns), key => new XmlSerializer(key.Type, new XmlRootAttribute(key.Name) { Namespace = key.Namespace }));

    /// <summary>Reads an element already parsed with the platform's safe settings into <paramref name="type"/>.</summary>
    /// <exception cref="SoapFaultException">The element does not fit the contract type (wrong value, unknown enum …).</exception>
    public static object Read(XmlElement element, Type type)
    {
        var serializer = SerializerFor(type, element.LocalName, element.NamespaceURI);
        try
        {
            using var reader = new XmlNodeReader(element);
            return serializer.Deserialize(reader)
                ?? throw SoapFaultException.Client($"Elementet {element.LocalName} kunde inte läsas.", $"{{{element.NamespaceURI}}}{element.LocalName} read as nothing.");
        }
        catch (InvalidOperationException ex)
        {
            // XmlSerializer wraps the real cause ("Instance validation error: 'X' is not a valid value for …").
            var cause = ex.InnerException?.Message ?? ex.Message;
            throw SoapFaultException.Client(
                "Anropet följer inte tjänstekontraktet och kan inte behandlas.",
                $"{{{element.NamespaceURI}}}{element.LocalName}: {cause}");
        }
    }

    /// <summary>The body element as XML, for operations without a contract type.</summary>
    public static XElement ReadXml(XmlElement element)
    {
        using var reader = new XmlNodeReader(element);
        return XElement.Load(reader);
    }

    /// <summary>A SOAP 1.1 envelope with an empty Header and <paramref name="body"/> as the only Body child.</summary>
    public static byte[] Envelope(XElement body)
    {
        using var buffer = new MemoryStream(4096);
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("soap", "Envelope", RivtaNamespaces.Soap11Envelope);
            writer.WriteStartElement("soap", "Header", RivtaNamespaces.Soap11Envelope);
            writer.WriteEndElement();
            writer.WriteStartElement("soap", "Body", RivtaNamespaces.Soap11Envelope);
            body.WriteTo(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A SOAP 1.1 envelope with <paramref name="headers"/> (each written as is) and <paramref name="body"/> as the only
    /// Body child; <paramref name="prefixes"/> are declared once on the body's root (ns2, ns3 … as JAXB producers write).
    /// </summary>
    public static byte[] Envelope(object body, string name, string ns, IEnumerable<(object Value, string Name, string Namespace)>? headers = null, IReadOnlyList<string>? prefixes = null)
    {
        using var buffer = new MemoryStream(4096);
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("soap", "Envelope", RivtaNamespaces.Soap11Envelope);
            writer.WriteStartElement("soap", "Header", RivtaNamespaces.Soap11Envelope);
            foreach (var header in headers ?? [])
            {
                SerializerFor(header.Value.GetType(), header.Name, header.Namespace).Serialize(writer, header.Value, NoExtraNamespaces);
            }

            writer.WriteEndElement();
            writer.WriteStartElement("soap", "Body", RivtaNamespaces.Soap11Envelope);
            var declared = prefixes is { Count: > 0 }
                ? new XmlSerializerNamespaces([.. prefixes.Select((uri, i) => new XmlQualifiedName($"ns{i + 2}", uri))])
                : NoExtraNamespaces;
            SerializerFor(body.GetType(), name, ns).Serialize(writer, body, declared);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }
}
