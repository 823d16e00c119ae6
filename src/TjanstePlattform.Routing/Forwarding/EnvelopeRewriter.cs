using System.Text;
using System.Xml;
using TjanstePlattform.Soap.Envelope;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Routing.Forwarding;

/// <summary>
/// A streaming XML copy (reader → writer, node by node, nothing buffered beyond the XML reader's window) that
/// converts a request between RIV basic profiles and writes it as UTF-8:
/// BP 2.0 → 2.1 renames <c>{wsa}To</c> to <c>{registry}LogicalAddress</c>, BP 2.1 → 2.0 the reverse.
/// As on the reference platform, the namespace declaration of the converted header is rewritten with it and
/// nothing else changes (whitespace, comments and prefixes are kept).
/// </summary>
internal static class EnvelopeRewriter
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Async = true,
        CloseOutput = false,
        Indent = false,
        NewLineHandling = NewLineHandling.None,
        ConformanceLevel = ConformanceLevel.Document,
    };

    /// <summary>
    /// Copies <paramref name="input"/> to <paramref name="output"/>. <paramref name="convertTo"/> null: only re-encode
    /// as UTF-8. <paramref name="readAsUtf8"/>: the body declares another encoding but is UTF-8 (a common .NET
    /// client mistake); read it as UTF-8 regardless of the declaration.
    /// </summary>
    public static async Task CopyAsync(Stream input, Stream output, RivProfile? convertTo, bool readAsUtf8, CancellationToken cancellationToken)
    {
        var settings = SafeXml.ReaderSettings(async: true);
        settings.IgnoreComments = false;
        settings.IgnoreProcessingInstructions = false;
        using var reader = readAsUtf8
            ? XmlReader.Create(new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true), settings)
            : XmlReader.Create(input, settings);
        await using var writer = XmlWriter.Create(output, WriterSettings);

        var (fromNs, fromName, toNs, toName) = convertTo switch
        {
            RivProfile.RivtaBp21 => (RivtaNamespaces.WsAddressing, RivtaNamespaces.ToElement, RivtaNamespaces.Registry, RivtaNamespaces.LogicalAddressElement),
            RivProfile.RivtaBp20 => (RivtaNamespaces.Registry, RivtaNamespaces.LogicalAddressElement, RivtaNamespaces.WsAddressing, RivtaNamespaces.ToElement),
            _ => (null, null, null, null),
        };

        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    // The writer writes its own declaration: UTF-8.
                    await writer.WriteStartDocumentAsync().ConfigureAwait(false);
                    break;
                case XmlNodeType.Element:
                    var ns = reader.NamespaceURI;
                    var localName = reader.LocalName;
                    if (fromNs is not null && ns == fromNs)
                    {
                        ns = toNs!;
                        if (localName == fromName)
                        {
                            localName = toName!;
                        }
                    }

                    var isEmpty = reader.IsEmptyElement;
                    await writer.WriteStartElementAsync(reader.Prefix, localName, ns).ConfigureAwait(false);
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            var value = reader.Value;
                            var attributeNs = reader.NamespaceURI;
                            if (fromNs is not null && attributeNs == "http://www.w3.org/2000/xmlns/" && value == fromNs)
                            {
                                value = toNs!;
                            }

                            await writer.WriteAttributeStringAsync(reader.Prefix, reader.LocalName, attributeNs, value).ConfigureAwait(false);
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    if (isEmpty)
                    {
                        await writer.WriteEndElementAsync().ConfigureAwait(false);
                    }

                    break;
                case XmlNodeType.EndElement:
                    await writer.WriteFullEndElementAsync().ConfigureAwait(false);
                    break;
                case XmlNodeType.Text:
                    await writer.WriteStringAsync(reader.Value).ConfigureAwait(false);
                    break;
                case XmlNodeType.CDATA:
                    await writer.WriteCDataAsync(reader.Value).ConfigureAwait(false);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    await writer.WriteWhitespaceAsync(reader.Value).ConfigureAwait(false);
                    break;
                case XmlNodeType.Comment:
                    await writer.WriteCommentAsync(reader.Value).ConfigureAwait(false);
                    break;
                case XmlNodeType.ProcessingInstruction:
                    await writer.WriteProcessingInstructionAsync(reader.Name, reader.Value).ConfigureAwait(false);
                    break;
            }
        }

        await writer.FlushAsync().ConfigureAwait(false);
    }
}

/// <summary>
/// Puts <see cref="EnvelopeRewriter"/> between the consumer's body and the forwarder: YARP reads the request
/// body stream, so the rewritten envelope is offered as that stream through a pipe (length unknown: chunked).
/// </summary>
internal static class RewritingBody
{
    public static void Install(Microsoft.AspNetCore.Http.HttpRequest request, RivProfile? convertTo, bool readAsUtf8, CancellationToken cancellationToken)
    {
        var original = request.Body;
        var pipe = new System.IO.Pipelines.Pipe();
        _ = Task.Run(async () =>
        {
            try
            {
                await using var output = pipe.Writer.AsStream(leaveOpen: true);
                await EnvelopeRewriter.CopyAsync(original, output, convertTo, readAsUtf8, cancellationToken).ConfigureAwait(false);
                await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
            catch (XmlException ex)
            {
                await pipe.Writer.CompleteAsync(new EnvelopeConversionException(ex.Message, ex)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                await pipe.Writer.CompleteAsync(ex).ConfigureAwait(false);
            }
        }, CancellationToken.None);
        request.Body = pipe.Reader.AsStream();
        request.ContentLength = null;
    }
}

/// <summary>The body could not be converted (VP012 when nothing has been answered yet).</summary>
internal sealed class EnvelopeConversionException(string message, Exception inner) : Exception(message, inner);
