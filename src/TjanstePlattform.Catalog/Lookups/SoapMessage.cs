using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using System.Xml.Serialization;
using Microsoft.AspNetCore.Http;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Catalog.Lookups;

/// <summary>A SOAP 1.1 request as the look-ups need it: the receiver header and the first Body child.</summary>
internal sealed record SoapRequest(string? LogicalAddress, XmlElement Body)
{
    public string ContractNamespace => Body.NamespaceURI;

    public T Deserialize<T>()
        where T : class
    {
        using var reader = new XmlNodeReader(Body);
        return (T)(Serializer<T>().Deserialize(reader) ?? throw new InvalidOperationException("The body deserialized to nothing."));
    }

    private static XmlSerializer Serializer<T>() => SoapMessage.SerializerFor(typeof(T));
}

/// <summary>
/// Reads and writes the platform's own SOAP messages. The look-ups are answered by a small own endpoint rather
/// than SoapCore because RIVTA dispatches on the namespace of the first Body child, never on SOAPAction (real
/// WSDLs have SOAPAction typos, and SokVagvalsInfo clients send none), and because every error must be the
/// platform's own fault shape (<c>faultcode</c>/<c>faultstring</c>/<c>detail</c>), which SoapCore's fault writer
/// does not produce for requests it cannot bind. The body types are the WCF contract types of
/// TjanstePlattform.Contracts, serialized with XmlSerializer, so the wire format is the contract's.
/// </summary>
internal static class SoapMessage
{
    public const int MaxRequestBytes = 1024 * 1024;

    private static readonly ConcurrentDictionary<Type, XmlSerializer> Serializers = new();

    public static XmlSerializer SerializerFor(Type type) => Serializers.GetOrAdd(type, t => new XmlSerializer(t));

    /// <summary>Reads the request, or returns the reason it is unusable (answered with a soap:Client fault).</summary>
    public static async Task<(SoapRequest? Request, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            return (null, $"The request is larger than {MaxRequestBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxRequestBytes)
            {
                return (null, $"The request is larger than {MaxRequestBytes} bytes.");
            }
        }

        buffer.Position = 0;
        try
        {
            using var reader = SafeXml.CreateReader(buffer, maxCharacters: MaxRequestBytes * 2L);
            var document = new XmlDocument { XmlResolver = null };
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Envelope" || reader.NamespaceURI != RivtaNamespaces.Soap11Envelope)
            {
                return (null, "The message is not a SOAP 1.1 envelope.");
            }

            var envelope = (XmlElement)document.ReadNode(reader)!;
            string? logicalAddress = null;
            XmlElement? body = null;
            foreach (var part in envelope.ChildNodes.OfType<XmlElement>().Where(e => e.NamespaceURI == RivtaNamespaces.Soap11Envelope))
            {
                if (part.LocalName == "Header")
                {
                    // BP 2.1 header; the registry 2 core also declares a LogicalAddress element, which the official
                    // GetLogicalAddressees sample uses: accept both, the last one wins as on the router.
                    foreach (var header in part.ChildNodes.OfType<XmlElement>().Where(h => h.LocalName == RivtaNamespaces.LogicalAddressElement))
                    {
                        logicalAddress = header.InnerText;
                    }
                }
                else if (part.LocalName == "Body")
                {
                    body = part.ChildNodes.OfType<XmlElement>().FirstOrDefault();
                }
            }

            return body is null ? (null, "The SOAP Body is empty.") : (new SoapRequest(logicalAddress, body), null);
        }
        catch (XmlException ex)
        {
            return (null, $"The request is not well-formed XML: {ex.Message}");
        }
    }

    /// <summary>Writes a response envelope holding <paramref name="body"/> (HTTP 200, text/xml UTF-8).</summary>
    public static async Task WriteAsync(HttpResponse response, object body, IReadOnlyDictionary<string, string> prefixes, CancellationToken cancellationToken)
    {
        var bytes = Render(body, prefixes);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = SoapFaultWriter.ContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    public static byte[] Render(object body, IReadOnlyDictionary<string, string> prefixes)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("soap", "Envelope", RivtaNamespaces.Soap11Envelope);
            foreach (var (prefix, ns) in prefixes)
            {
                writer.WriteAttributeString("xmlns", prefix, null, ns);
            }

            writer.WriteStartElement("soap", "Header", RivtaNamespaces.Soap11Envelope);
            writer.WriteEndElement();
            writer.WriteStartElement("soap", "Body", RivtaNamespaces.Soap11Envelope);
            var names = new XmlSerializerNamespaces();
            foreach (var (prefix, ns) in prefixes)
            {
                names.Add(prefix, ns);
            }

            SerializerFor(body.GetType()).Serialize(writer, body, names);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>A client fault for a request the look-up cannot answer.</summary>
    public static Task WriteClientFaultAsync(HttpResponse response, string reason, CancellationToken cancellationToken) =>
        SoapFaultWriter.WriteAsync(response, SoapFaultActor.Client, $"Invalid request: {reason}", reason, cancellationToken);

    public static Task WriteServerFaultAsync(HttpResponse response, string reason, CancellationToken cancellationToken) =>
        SoapFaultWriter.WriteAsync(response, SoapFaultActor.Server, reason, reason, cancellationToken);
}
