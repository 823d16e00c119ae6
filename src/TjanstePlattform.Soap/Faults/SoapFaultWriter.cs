using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Soap.Faults;

/// <summary>
/// Writes SOAP 1.1 faults the way the national platform does: HTTP 500, <c>text/xml; charset=UTF-8</c>,
/// a namespace-qualified faultcode, the faultstring, and <c>detail/detailString</c>.
/// </summary>
public static class SoapFaultWriter
{
    public const string ContentType = "text/xml; charset=UTF-8";

    /// <summary>Renders a fault envelope as UTF-8 bytes.</summary>
    public static byte[] Render(SoapFaultActor actor, string faultString, string? detail)
    {
        using var buffer = new MemoryStream(512);
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("soap", "Envelope", RivtaNamespaces.Soap11Envelope);
            writer.WriteStartElement("soap", "Header", RivtaNamespaces.Soap11Envelope);
            writer.WriteEndElement();
            writer.WriteStartElement("soap", "Body", RivtaNamespaces.Soap11Envelope);
            writer.WriteStartElement("soap", "Fault", RivtaNamespaces.Soap11Envelope);
            writer.WriteElementString("faultcode", actor == SoapFaultActor.Client ? "soap:Client" : "soap:Server");
            writer.WriteElementString("faultstring", XmlText(faultString));
            if (detail is not null)
            {
                writer.WriteStartElement("detail");
                writer.WriteElementString("detailString", XmlText(detail));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// <paramref name="text"/> with every character XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/F)
    /// replaced by U+FFFD: a parser's message quotes the offending character, and the fault must still be written.
    /// </summary>
    public static string XmlText(string text)
    {
        var firstInvalid = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlCharAt(text, i, out var width))
            {
                firstInvalid = i;
                break;
            }

            i += width - 1;
        }

        if (firstInvalid < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstInvalid);
        for (var i = firstInvalid; i < text.Length; i++)
        {
            if (IsXmlCharAt(text, i, out var width))
            {
                builder.Append(text, i, width);
                i += width - 1;
            }
            else
            {
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }

    private static bool IsXmlCharAt(string text, int i, out int width)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return true;
        }

        width = 1;
        return XmlConvert.IsXmlChar(c);
    }

    /// <summary>Renders a VP fault for the given platform name.</summary>
    public static byte[] Render(VpFault fault, string platformName)
        => Render(fault.Actor, fault.FaultString(platformName), fault.Detail);

    /// <summary>Writes a fault as the whole response: status 500, text/xml.</summary>
    public static async Task WriteAsync(HttpResponse response, SoapFaultActor actor, string faultString, string? detail, CancellationToken cancellationToken = default)
    {
        var bytes = Render(actor, faultString, detail);
        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.ContentType = ContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a VP fault as the whole response.</summary>
    public static Task WriteAsync(HttpResponse response, VpFault fault, string platformName, CancellationToken cancellationToken = default)
        => WriteAsync(response, fault.Actor, fault.FaultString(platformName), fault.Detail, cancellationToken);
}
