using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Soap.Service;

/// <summary>
/// Binds message parts to the contract types (TjanstePlattform.Contracts) with <see cref="XmlSerializer"/> and writes
/// response envelopes. Serializers are built once per (type, root): the constructor with an explicit root generates code
/// that the runtime never caches.
/// </summary>
public static class SoapBodies
{
    private static readonly ConcurrentDictionary<(Type Type, string? Name, string? Namespace), XmlSerializer> Serializers = new();

    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    /// <summary>No xsi/xsd declarations on every root: they are declared where a nil needs them.</summary>
    public static readonly XmlSerializerNamespaces NoExtraNamespaces = new([XmlQualifiedName.Empty]);

    public static XmlSerializer SerializerFor(Type type) => Serializers.GetOrAdd((type, null, null), key => new XmlSerializer(key.Type));

    public static XmlSerializer SerializerFor(Type type, string name, string ns) =>
        Serializers.GetOrAdd((type, name, ns), key => new XmlSerializer(key.Type, new XmlRootAttribute(key.Name!) { Namespace = key.Namespace }));

    /// <summary>Prefixes <c>ns2</c>, <c>ns3</c> … for the namespaces of an answer, as JAXB producers write them.</summary>
    public static XmlSerializerNamespaces Prefixed(IReadOnlyList<string> namespaces) =>
        new([.. namespaces.Select((uri, i) => new XmlQualifiedName($"ns{i + 2}", uri))]);

    /// <summary>Binds an element already read within the limits to <typeparamref name="T"/> (its own root name).</summary>
    /// <exception cref="SoapFaultException">The element does not fit the contract type (a bad value, an unknown enum …).</exception>
    public static T Read<T>(XmlElement element)
        where T : class
        => (T)Read(element, typeof(T), SerializerFor(typeof(T), element.LocalName, element.NamespaceURI));

    /// <summary>Binds an element to <paramref name="type"/>.</summary>
    public static object Read(XmlElement element, Type type) => Read(element, type, SerializerFor(type, element.LocalName, element.NamespaceURI));

    private static object Read(XmlElement element, Type type, XmlSerializer serializer)
    {
        try
        {
            using var reader = new XmlNodeReader(element);
            return serializer.Deserialize(reader)
                ?? throw SoapFaultException.Client($"Elementet {element.LocalName} kunde inte läsas.", $"{{{element.NamespaceURI}}}{element.LocalName} read as nothing.");
        }
        catch (InvalidOperationException ex)
        {
            // XmlSerializer wraps the real cause ("Instance validation error: 'X' is not a valid value for …").
            throw new SoapBindingException($"{{{element.NamespaceURI}}}{element.LocalName}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }

    /// <summary>
    /// A SOAP 1.1 envelope with <paramref name="headers"/> and <paramref name="body"/> as the only Body child, serialized
    /// with <paramref name="serializer"/> and the given namespace declarations; with <paramref name="shared"/>, the
    /// answer's shared records are put in as they were rendered once.
    /// </summary>
    public static ReadOnlyMemory<byte> Envelope(object body, XmlSerializer serializer, XmlSerializerNamespaces namespaces,
        IEnumerable<(object Value, string Name, string Namespace)>? headers = null, SharedRecordRenderer? shared = null)
    {
        var hint = SizeHints.GetOrCreateValue(serializer);
        using var buffer = Buffer(hint);
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            StartBody(writer, headers);
            if (shared is { IsFirstChild: true } && shared.Takes(body))
            {
                var rest = shared.WithoutRecords(body, out var records);
                serializer.Serialize(new RecordSplicingWriter(writer, buffer, shared.Render(records, namespaces)), rest, namespaces);
            }
            else
            {
                serializer.Serialize(writer, body, namespaces);
            }

            EndBody(writer);
        }

        return Written(buffer, hint);
    }

    /// <summary>The envelope up to the open Body: the header entries, each with its own serializer.</summary>
    private static void StartBody(XmlWriter writer, IEnumerable<(object Value, string Name, string Namespace)>? headers)
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
    }

    private static void EndBody(XmlWriter writer)
    {
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    /// <summary>
    /// The size of the last envelope per serializer (or XML body name): where the next one's buffer starts, so that an
    /// answer of tens of KB is not copied through every doubling of a small buffer and then once more out of it.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Runtime.CompilerServices.StrongBox<int>> SizeHints = new();

    private static MemoryStream Buffer(System.Runtime.CompilerServices.StrongBox<int> hint) =>
        new(Math.Clamp(hint.Value + hint.Value / 8, 1024, 4 * 1024 * 1024));

    /// <summary>The bytes written, in the stream's own buffer (no copy); remembered as the next hint.</summary>
    private static ReadOnlyMemory<byte> Written(MemoryStream buffer, System.Runtime.CompilerServices.StrongBox<int> hint)
    {
        var length = (int)buffer.Length;
        hint.Value = length;
        return buffer.GetBuffer().AsMemory(0, length);
    }

    /// <summary>Binds an element to <paramref name="type"/>, or copies it as XML when the type is <see cref="System.Xml.Linq.XElement"/>.</summary>
    public static object Bind(XmlElement element, Type type) => type == typeof(System.Xml.Linq.XElement) ? ReadXml(element) : Read(element, type);

    /// <summary>The body element as XML, for operations whose data stays XML (no contract type).</summary>
    public static System.Xml.Linq.XElement ReadXml(XmlElement element)
    {
        using var reader = new XmlNodeReader(element);
        return System.Xml.Linq.XElement.Load(reader);
    }

    /// <summary>A SOAP 1.1 envelope with an empty Header and <paramref name="body"/> (declaring its own namespaces) as the only Body child.</summary>
    public static ReadOnlyMemory<byte> Envelope(System.Xml.Linq.XElement body)
    {
        var hint = SizeHints.GetOrCreateValue(body.Name);
        using var buffer = Buffer(hint);
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            StartBody(writer, null);
            body.WriteTo(writer);
            EndBody(writer);
        }

        return Written(buffer, hint);
    }

    /// <summary>Just the body element as text (the notification outbox keeps this and wraps it when it delivers).</summary>
    public static string RenderElement<T>(XmlSerializer serializer, T body, XmlSerializerNamespaces namespaces)
    {
        var text = new StringBuilder(1024);
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            serializer.Serialize(writer, body, namespaces);
        }

        return text.ToString();
    }

    /// <summary>An envelope around <paramref name="body"/> as the element <c>{ns}name</c>, with <c>ns2…</c> prefixes for <paramref name="prefixes"/>.</summary>
    public static SoapResponse Answer(object body, string name, string ns, IReadOnlyList<string>? prefixes = null) =>
        SoapResponse.Ok(Envelope(body, SerializerFor(body.GetType(), name, ns), prefixes is { Count: > 0 } ? Prefixed(prefixes) : NoExtraNamespaces));

    /// <summary>An envelope around <paramref name="body"/> with its own root name and the given declarations.</summary>
    public static SoapResponse Answer(object body, XmlSerializerNamespaces namespaces) =>
        SoapResponse.Ok(Envelope(body, SerializerFor(body.GetType()), namespaces));
}

/// <summary>A request body that does not fit its contract type; the service words the fault (<see cref="SoapService.ClientFault"/>).</summary>
public sealed class SoapBindingException(string message, Exception inner) : Exception(message, inner);
