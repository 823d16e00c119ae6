using System.Buffers;
using System.Text;
using System.Xml;
using System.Xml.Serialization;
using Microsoft.AspNetCore.Http;
using TjanstePlattform.EngagementIndex.Processing;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.EngagementIndex.Soap;

/// <summary>A parsed basic profile 2.1 request: the LogicalAddress header (null when absent) and the typed body.</summary>
internal readonly record struct SoapRequest<T>(string? LogicalAddress, T Body);

/// <summary>
/// Reads and writes the SOAP 1.1 envelopes of the index's own endpoints: the request is identified by the QName of
/// the first Body child (never by SOAPAction), the body is bound with a cached XmlSerializer, faults go through the
/// platform's <see cref="SoapFaultWriter"/> (HTTP 500, <c>text/xml; charset=UTF-8</c>).
/// </summary>
internal static class SoapMessageIO
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CloseOutput = false,
    };

    /// <summary>Reads the request body into memory, refusing more than <paramref name="maxBytes"/>.</summary>
    public static async Task<MemoryStream> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw EngagementIndexFault.TechnicalError($"The request is larger than {maxBytes} bytes.");
        }

        var buffer = new MemoryStream(request.ContentLength is > 0 and var length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw EngagementIndexFault.TechnicalError($"The request is larger than {maxBytes} bytes.");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Parses the envelope and binds the body, which must be <c>{ns}localName</c>.</summary>
    public static SoapRequest<T> Parse<T>(Stream body, XmlSerializer serializer, string ns, string localName)
        where T : class
    {
        try
        {
            using var reader = SafeXml.CreateReader(body);
            if (reader.MoveToContent() != XmlNodeType.Element
                || reader.LocalName != "Envelope"
                || reader.NamespaceURI != RivtaNamespaces.Soap11Envelope)
            {
                throw EngagementIndexFault.SchemaViolation("The request is not a SOAP 1.1 envelope.");
            }

            string? logicalAddress = null;
            if (!reader.IsEmptyElement)
            {
                reader.Read();
                while (reader.MoveToContent() == XmlNodeType.Element)
                {
                    if (reader.NamespaceURI == RivtaNamespaces.Soap11Envelope && reader.LocalName == "Header")
                    {
                        logicalAddress = ReadLogicalAddress(reader) ?? logicalAddress;
                    }
                    else if (reader.NamespaceURI == RivtaNamespaces.Soap11Envelope && reader.LocalName == "Body")
                    {
                        return new SoapRequest<T>(logicalAddress, ReadBody<T>(reader, serializer, ns, localName));
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }

            throw EngagementIndexFault.SchemaViolation("The envelope has no Body.");
        }
        catch (XmlException e)
        {
            throw EngagementIndexFault.TechnicalError($"The request could not be read as XML: {e.Message}");
        }
    }

    /// <summary>Renders a whole response envelope around <paramref name="body"/>.</summary>
    public static byte[] Render<T>(XmlSerializer serializer, T body, XmlSerializerNamespaces namespaces)
    {
        using var buffer = new MemoryStream(1024);
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("soap", "Envelope", RivtaNamespaces.Soap11Envelope);
            writer.WriteStartElement("soap", "Body", RivtaNamespaces.Soap11Envelope);
            serializer.Serialize(writer, body, namespaces);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>Renders just the body element (the notification outbox keeps this and wraps it when it delivers).</summary>
    public static string RenderElement<T>(XmlSerializer serializer, T body, XmlSerializerNamespaces namespaces)
    {
        var text = new StringBuilder(1024);
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            serializer.Serialize(writer, body, namespaces);
        }

        return text.ToString();
    }

    public static async Task WriteAsync(HttpResponse response, byte[] envelope, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = SoapFaultWriter.ContentType;
        response.ContentLength = envelope.Length;
        await response.Body.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
    }

    public static Task WriteFaultAsync(HttpResponse response, EngagementIndexFault fault, CancellationToken cancellationToken) =>
        SoapFaultWriter.WriteAsync(response, fault.Actor, fault.Message, null, cancellationToken);

    private static string? ReadLogicalAddress(XmlReader reader)
    {
        string? found = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == "LogicalAddress" && reader.NamespaceURI == RivtaNamespaces.Registry)
            {
                found = reader.ReadElementContentAsString(); // the last one wins, as on the router
            }
            else
            {
                reader.Skip();
            }
        }

        reader.Read(); // past </Header>
        return found;
    }

    private static T ReadBody<T>(XmlReader reader, XmlSerializer serializer, string ns, string localName)
        where T : class
    {
        if (reader.IsEmptyElement)
        {
            throw EngagementIndexFault.SchemaViolation($"The Body is empty; expected {{{ns}}}{localName}.");
        }

        reader.Read();
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw EngagementIndexFault.SchemaViolation($"The Body is empty; expected {{{ns}}}{localName}.");
        }

        if (reader.LocalName != localName || reader.NamespaceURI != ns)
        {
            throw EngagementIndexFault.SchemaViolation(
                $"Expected {{{ns}}}{localName} in the Body but found {{{reader.NamespaceURI}}}{reader.LocalName}.");
        }

        try
        {
            return (T)serializer.Deserialize(reader)!;
        }
        catch (InvalidOperationException e)
        {
            // XmlSerializer wraps the cause (a bad boolean, an unknown enum value) and names the position.
            var cause = e.InnerException?.Message ?? e.Message;
            throw EngagementIndexFault.Invalid($"{e.Message} {cause}".Trim());
        }
    }
}
