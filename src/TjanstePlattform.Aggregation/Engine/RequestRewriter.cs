using TjanstePlattform.Soap.Service;
using System.Text;
using System.Xml;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Aggregation.Engine;

/// <summary>
/// Copies the consumer's envelope for one source system, streaming node by node: the LogicalAddress header becomes
/// the source system's address and the descriptor's rewrite elements (GetSubjectOfCareSchedule: healthcare_facility)
/// get the same value. Every other node — other headers (Actor), unknown elements, extensions in other namespaces —
/// is copied unchanged.
/// </summary>
internal static class RequestRewriter
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        NewLineHandling = NewLineHandling.None,
        CloseOutput = false,
    };

    public static byte[] Rewrite(ReadOnlyMemory<byte> envelope, AggregatedContract contract, string logicalAddress)
    {
        using var output = new MemoryStream(envelope.Length + 64);
        using (var input = new ReadOnlyMemoryStream(envelope))
        using (var reader = SafeXml.CreateReader(input))
        using (var writer = XmlWriter.Create(output, WriterSettings))
        {
            Copy(reader, writer, contract, logicalAddress);
        }

        return output.ToArray();
    }

    private static void Copy(XmlReader reader, XmlWriter writer, AggregatedContract contract, string logicalAddress)
    {
        var sawHeader = false;
        var sawLogicalAddress = false;
        var inHeader = false;
        var inBody = false;
        reader.Read();
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var depth = reader.Depth;
                    var isSoap = reader.NamespaceURI == RivtaNamespaces.Soap11Envelope;
                    if (depth == 1 && isSoap && reader.LocalName == "Body" && !sawHeader)
                    {
                        // No Header at all: the router always sends one, but a LogicalAddress is needed either way.
                        writer.WriteStartElement("soap", "Header", RivtaNamespaces.Soap11Envelope);
                        WriteLogicalAddress(writer, logicalAddress);
                        writer.WriteEndElement();
                        sawHeader = sawLogicalAddress = true;
                    }

                    if (depth == 2 && inHeader && reader.LocalName == RivtaNamespaces.LogicalAddressElement && reader.NamespaceURI == RivtaNamespaces.Registry)
                    {
                        ReplaceText(reader, writer, logicalAddress);
                        sawLogicalAddress = true;
                        continue;
                    }

                    if (depth == 3 && inBody && reader.NamespaceURI == contract.Namespace && contract.SetToProducerAddress.Contains(reader.LocalName))
                    {
                        ReplaceText(reader, writer, logicalAddress);
                        continue;
                    }

                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    writer.WriteAttributes(reader, true);
                    if (depth == 1 && isSoap)
                    {
                        inHeader = reader.LocalName == "Header";
                        inBody = reader.LocalName == "Body";
                        sawHeader |= inHeader;
                    }

                    if (reader.IsEmptyElement)
                    {
                        if (depth == 1 && inHeader && !sawLogicalAddress)
                        {
                            WriteLogicalAddress(writer, logicalAddress);
                            sawLogicalAddress = true;
                        }

                        writer.WriteEndElement();
                        if (depth == 1)
                        {
                            inHeader = inBody = false;
                        }
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (reader.Depth == 1 && inHeader && !sawLogicalAddress)
                    {
                        WriteLogicalAddress(writer, logicalAddress);
                        sawLogicalAddress = true;
                    }

                    if (reader.Depth == 1)
                    {
                        inHeader = inBody = false;
                    }

                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
            }

            reader.Read();
        }
    }

    /// <summary>Writes the element with its attributes and the new text, and moves the reader past the original element.</summary>
    private static void ReplaceText(XmlReader reader, XmlWriter writer, string value)
    {
        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
        writer.WriteAttributes(reader, true);
        writer.WriteString(value);
        writer.WriteEndElement();
        reader.Skip();
    }

    private static void WriteLogicalAddress(XmlWriter writer, string logicalAddress) =>
        writer.WriteElementString(RivtaNamespaces.LogicalAddressElement, RivtaNamespaces.Registry, logicalAddress);
}
