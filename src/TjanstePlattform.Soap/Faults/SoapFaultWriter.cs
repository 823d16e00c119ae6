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
            writer.WriteElementString("faultstring", faultString);
            if (detail is not null)
            {
                writer.WriteStartElement("detail");
                writer.WriteElementString("detailString", detail);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
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
