using System.Xml;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>What a file or message is, as far as replay cares.</summary>
public enum EnvelopeKind
{
    /// <summary>A SOAP 1.1 envelope whose first Body child is a request (not <c>…Response</c>, not a Fault).</summary>
    Request,

    /// <summary>A SOAP 1.1 envelope carrying a response payload.</summary>
    Response,

    /// <summary>A SOAP 1.1 envelope carrying a Fault.</summary>
    Fault,

    /// <summary>A SoapUI project file (<c>con:soapui-project</c>).</summary>
    SoapUiProject,

    /// <summary>Well-formed XML of another kind (data.xml, Schematron, WSDL …).</summary>
    OtherXml,

    /// <summary>Not well-formed XML, or a SOAP envelope without a Body child.</summary>
    Unreadable,
}

/// <summary>
/// The head of an envelope: kind, receiver (LogicalAddress or wsa:To), basic profile, service contract
/// (namespace of the first Body child) and the payload element's local name.
/// </summary>
public sealed record EnvelopeInfo(
    EnvelopeKind Kind,
    string? ContractNamespace = null,
    string? PayloadName = null,
    string? Receiver = null,
    bool IsBasicProfile20 = false,
    string? Problem = null)
{
    public const string SoapUiNamespace = "http://eviware.com/soapui/config";

    /// <summary>Inspects decoded envelope text with a safe reader (no DTD, no resolver).</summary>
    public static EnvelopeInfo Inspect(string text)
    {
        try
        {
            using var xml = SafeXml.CreateReader(new StringReader(text));
            if (xml.MoveToContent() != XmlNodeType.Element)
            {
                return new EnvelopeInfo(EnvelopeKind.Unreadable, Problem: "No root element.");
            }

            if (xml.LocalName == "soapui-project" && xml.NamespaceURI == SoapUiNamespace)
            {
                return new EnvelopeInfo(EnvelopeKind.SoapUiProject);
            }

            if (xml.LocalName != "Envelope" || xml.NamespaceURI != RivtaNamespaces.Soap11Envelope)
            {
                return new EnvelopeInfo(EnvelopeKind.OtherXml, Problem: $"The root element is {{{xml.NamespaceURI}}}{xml.LocalName}, not a SOAP 1.1 Envelope.");
            }

            return ReadEnvelope(xml);
        }
        catch (XmlException ex)
        {
            return new EnvelopeInfo(EnvelopeKind.Unreadable, Problem: ex.Message);
        }
    }

    private static EnvelopeInfo ReadEnvelope(XmlReader xml)
    {
        string? logicalAddress = null;
        string? to = null;
        var envelopeDepth = xml.Depth;
        var inBody = false;

        // ReadElementContentAsString leaves the reader on the next node already: read on only when nothing was consumed.
        var advanced = false;
        while (advanced || xml.Read())
        {
            advanced = false;
            if (xml.NodeType == XmlNodeType.EndElement && inBody && xml.Depth == envelopeDepth + 1)
            {
                break;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.Depth == envelopeDepth + 1 && xml.NamespaceURI == RivtaNamespaces.Soap11Envelope && xml.LocalName == "Body")
            {
                if (xml.IsEmptyElement)
                {
                    break;
                }

                inBody = true;
                continue;
            }

            if (inBody && xml.Depth == envelopeDepth + 2)
            {
                var kind = xml.NamespaceURI == RivtaNamespaces.Soap11Envelope && xml.LocalName == "Fault" ? EnvelopeKind.Fault
                    : xml.LocalName.EndsWith("Response", StringComparison.Ordinal) ? EnvelopeKind.Response
                    : EnvelopeKind.Request;
                return new EnvelopeInfo(kind, xml.NamespaceURI, xml.LocalName, logicalAddress ?? to, logicalAddress is null && to is not null);
            }

            if (!inBody && xml.LocalName == RivtaNamespaces.LogicalAddressElement && xml.NamespaceURI == RivtaNamespaces.Registry)
            {
                logicalAddress = xml.ReadElementContentAsString();
                advanced = true;
            }
            else if (!inBody && xml.LocalName == RivtaNamespaces.ToElement && xml.NamespaceURI == RivtaNamespaces.WsAddressing)
            {
                to = xml.ReadElementContentAsString();
                advanced = true;
            }
        }

        return new EnvelopeInfo(EnvelopeKind.Unreadable, Problem: "The SOAP Body has no child element.");
    }
}
