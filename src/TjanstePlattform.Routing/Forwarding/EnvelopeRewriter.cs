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
    public static async Task CopyAsync(Stream input, Stream output, RivProfile? convertTo, bool readAsUtf8, CancellationToken cancellationToken, Encoding? outputEncoding = null)
    {
        var settings = SafeXml.ReaderSettings(async: true);
        settings.IgnoreComments = false;
        settings.IgnoreProcessingInstructions = false;
        using var reader = readAsUtf8
            ? XmlReader.Create(new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true), settings)
            : XmlReader.Create(input, settings);
        var writerSettings = outputEncoding is null ? WriterSettings : WriterSettings.Clone();
        if (outputEncoding is not null)
        {
            writerSettings.Encoding = outputEncoding;
        }

        await using var writer = XmlWriter.Create(output, writerSettings);

        var (fromNs, fromName, toNs, toName) = convertTo switch
        {
            RivProfile.RivtaBp21 => (RivtaNamespaces.WsAddressing, RivtaNamespaces.ToElement, RivtaNamespaces.Registry, RivtaNamespaces.LogicalAddressElement),
            RivProfile.RivtaBp20 => (RivtaNamespaces.Registry, RivtaNamespaces.LogicalAddressElement, RivtaNamespaces.WsAddressing, RivtaNamespaces.ToElement),
            _ => (null, null, null, null),
        };

        var declared = false;
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    // The writer writes its own declaration, naming the output encoding.
                    await writer.WriteStartDocumentAsync().ConfigureAwait(false);
                    declared = true;
                    break;
                case XmlNodeType.Element:
                    if (!declared && outputEncoding is not null)
                    {
                        // Another encoding than UTF-8 must be declared for the reader to know it.
                        await writer.WriteStartDocumentAsync().ConfigureAwait(false);
                    }

                    declared = true;
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

/// <summary>
/// Converts a producer's UTF-8 answer back to the encoding the consumer wrote its request in (the router forwards
/// every request as UTF-8). Sits between the forwarder and the consumer as the response body stream.
/// </summary>
internal sealed class ResponseTranscoder
{
    private readonly Microsoft.AspNetCore.Http.HttpResponse _response;
    private readonly Stream _original;
    private readonly System.IO.Pipelines.Pipe _pipe = new();
    private readonly Task _pump;

    private ResponseTranscoder(Microsoft.AspNetCore.Http.HttpResponse response, Encoding encoding, CancellationToken cancellationToken)
    {
        _response = response;
        _original = response.Body;
        response.Body = _pipe.Writer.AsStream(leaveOpen: true);
        _pump = Task.Run(async () =>
        {
            await using var input = _pipe.Reader.AsStream();
            var first = await _pipe.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            _pipe.Reader.AdvanceTo(first.Buffer.Start);
            if (first.Buffer.IsEmpty && first.IsCompleted)
            {
                return; // nothing was forwarded: the router answers a fault itself
            }

            // The XML writer writes the byte order mark synchronously: buffer so that Kestrel only sees async writes.
            await using var output = new BufferedStream(_original, 16 * 1024);
            await EnvelopeRewriter.CopyAsync(input, output, null, false, cancellationToken, encoding).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }, CancellationToken.None);
    }

    /// <summary>Starts converting to <paramref name="encodingName"/>, or returns null for an encoding .NET does not know.</summary>
    public static ResponseTranscoder? Install(Microsoft.AspNetCore.Http.HttpContext context, string encodingName)
    {
        try
        {
            var encoding = Encoding.GetEncoding(encodingName);
            return new ResponseTranscoder(context.Response, encoding, context.RequestAborted);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset to announce in the response Content-Type.</summary>
    public static string ContentType(string encodingName) => $"text/xml; charset={encodingName}";

    /// <summary>Ends the conversion and gives the consumer's own response stream back.</summary>
    public async Task CompleteAsync()
    {
        await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (XmlException)
        {
            // A producer answer that is not XML cannot be converted; what was written stays as it was.
        }
        finally
        {
            _response.Body = _original;
        }
    }
}
