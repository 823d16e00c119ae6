using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.SourceSystems.Soap;

/// <summary>A request envelope, read: the receiver and Actor headers and the body's root element.</summary>
internal sealed record SoapEnvelope(string? LogicalAddress, XmlElement? Actor, XmlElement Body);

/// <summary>
/// Reads a request envelope with the platform's safe settings (no DTD, no resolver, bounded size) into a DOM small
/// enough for one message. Every way a request can be unreadable becomes a precise <c>soap:Client</c> fault.
/// </summary>
internal static class SoapEnvelopeReader
{
    public static async Task<SoapEnvelope> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var bytes = await ReadBodyAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            throw SoapFaultException.Client("Anropet saknar innehåll.", "The request body is empty.");
        }

        var document = Load(bytes);
        return Parse(document);
    }

    private static async Task<byte[]> ReadBodyAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static XmlDocument Load(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return SafeXml.LoadDocument(stream);
        }
        catch (XmlException ex) when (ex.Message.Contains("byte order mark", StringComparison.OrdinalIgnoreCase))
        {
            // A body that declares encoding="utf-16" but is UTF-8 without a BOM (typical .NET output): read it as the
            // UTF-8 it is, as the reference platform does, instead of refusing it.
            return LoadText(Encoding.UTF8.GetString(bytes));
        }
        catch (XmlException ex)
        {
            throw Unreadable(ex);
        }
    }

    private static XmlDocument LoadText(string text)
    {
        try
        {
            var document = new XmlDocument { XmlResolver = null, PreserveWhitespace = true };
            using var reader = SafeXml.CreateReader(new StringReader(text));
            document.Load(reader);
            return document;
        }
        catch (XmlException ex)
        {
            throw Unreadable(ex);
        }
    }

    private static SoapEnvelope Parse(XmlDocument document)
    {
        var envelope = document.DocumentElement;
        if (envelope is null || envelope.LocalName != "Envelope")
        {
            throw SoapFaultException.Client("Anropet är inte ett SOAP-meddelande.", "The document element is not a SOAP Envelope.");
        }

        if (envelope.NamespaceURI != RivtaNamespaces.Soap11Envelope)
        {
            throw SoapFaultException.Client(
                "Anropet använder inte SOAP 1.1, som RIVTA kräver.",
                $"Envelope namespace '{envelope.NamespaceURI}' is not SOAP 1.1 ({RivtaNamespaces.Soap11Envelope}).");
        }

        string? logicalAddress = null;
        XmlElement? actor = null;
        XmlElement? body = null;
        foreach (var part in envelope.ChildNodes.OfType<XmlElement>().Where(e => e.NamespaceURI == RivtaNamespaces.Soap11Envelope))
        {
            if (part.LocalName == "Header")
            {
                foreach (var header in part.ChildNodes.OfType<XmlElement>())
                {
                    // By namespace and local name; the last one wins, as on the router.
                    if (header.LocalName == RivtaNamespaces.LogicalAddressElement && header.NamespaceURI == RivtaNamespaces.Registry)
                    {
                        logicalAddress = header.InnerText;
                    }
                    else if (header.LocalName == "Actor" && header.NamespaceURI == RivtaNamespaces.InteroperabilityHeaders)
                    {
                        actor = header;
                    }
                }
            }
            else if (part.LocalName == "Body")
            {
                body = part.ChildNodes.OfType<XmlElement>().FirstOrDefault();
            }
        }

        if (body is null)
        {
            throw SoapFaultException.Client("Anropet saknar innehåll i soap:Body.", "The SOAP Body has no element.");
        }

        if (body.LocalName == "Fault" && body.NamespaceURI == RivtaNamespaces.Soap11Envelope)
        {
            throw SoapFaultException.Client("Anropet är ett SOAP-fel, inte en fråga.", "The request body is a SOAP Fault.");
        }

        return new SoapEnvelope(logicalAddress, actor, body);
    }

    private static SoapFaultException TooLarge(int maxBytes) =>
        SoapFaultException.Client("Anropet är för stort.", $"The request is larger than {maxBytes} bytes (SourceSystems:MaxRequestBytes).");

    private static SoapFaultException Unreadable(XmlException ex) =>
        SoapFaultException.Client("Anropet är inte korrekt utformad XML och kan inte behandlas.", $"The request could not be read: {ex.Message}");
}
