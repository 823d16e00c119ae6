using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Soap.Envelope;

/// <summary>
/// Reads the head of a SOAP envelope (Header and the start of the first Body child) straight from a
/// <see cref="PipeReader"/> without consuming anything: whatever reads the body afterwards (the forwarder)
/// still sees every byte. Only the bytes up to the first Body child are examined, at most
/// <see cref="MaxHeadBytes"/>. The XML reader is forward-only, with no DTD and no resolver.
/// </summary>
/// <remarks>
/// The bytes are parsed from memory with a synchronous reader: a small envelope nearly always arrives in the first
/// read, and an async XmlReader allocates 64 KiB buffers per call. When the head is not all there yet, the reader
/// asks the pipe for more (examined, not consumed) and parses again, within the <see cref="MaxHeadBytes"/> window.
/// </remarks>
public static class EnvelopeHeadReader
{
    /// <summary>The most the reader examines before it gives up on finding the first Body child.</summary>
    public const int MaxHeadBytes = 64 * 1024;

    private static readonly XmlReaderSettings Settings = SafeXml.ReaderSettings();

    /// <summary>Peeks the envelope head. Returns either the head or an error, never throws for bad XML.</summary>
    public static async ValueTask<(EnvelopeHead? Head, EnvelopeHeadError? Error)> PeekAsync(
        PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var complete = result.IsCompleted || result.IsCanceled;
            var overLimit = buffer.Length >= MaxHeadBytes;
            var window = overLimit ? buffer.Slice(0, MaxHeadBytes) : buffer;
            var outcome = TryParse(window, final: complete && !overLimit);
            if (outcome is not null || complete || overLimit)
            {
                // Nothing consumed, nothing examined: the next reader starts from the first byte at once.
                body.AdvanceTo(buffer.Start);
                return outcome
                    ?? (null, new EnvelopeHeadError($"No SOAP Body element found within the first {MaxHeadBytes} bytes."));
            }

            // Not all of the head yet: keep everything, but wait for more bytes.
            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads the head from a complete buffer (tests, tooling, benchmarks).</summary>
    public static (EnvelopeHead? Head, EnvelopeHeadError? Error) Read(ReadOnlyMemory<byte> envelope) => Read(envelope, scan: true);

    /// <summary>Reads the head with the XmlReader alone, never the scanner: the oracle the scanner is tested against.</summary>
    internal static (EnvelopeHead? Head, EnvelopeHeadError? Error) ReadWithXmlReader(ReadOnlyMemory<byte> envelope) => Read(envelope, scan: false);

    private static (EnvelopeHead? Head, EnvelopeHeadError? Error) Read(ReadOnlyMemory<byte> envelope, bool scan)
    {
        var window = envelope.Length > MaxHeadBytes ? envelope[..MaxHeadBytes] : envelope;
        return TryParse(new ReadOnlySequence<byte>(window), final: envelope.Length <= MaxHeadBytes, scan)
            ?? (null, new EnvelopeHeadError($"No SOAP Body element found within the first {MaxHeadBytes} bytes."));
    }

    /// <summary>
    /// Parses the head from the bytes so far. Null when more bytes are needed (<paramref name="final"/> false and the
    /// document ended early); otherwise the head or the precise error.
    /// </summary>
    private static (EnvelopeHead?, EnvelopeHeadError?)? TryParse(ReadOnlySequence<byte> bytes, bool final, bool scan = true)
    {
        if (bytes.IsEmpty)
        {
            return final ? (null, new EnvelopeHeadError("The request body is empty.")) : null;
        }

        // A head spanning buffer segments is copied once; the scanner and, if it gives up, the XmlReader share the copy.
        var segment = bytes.IsSingleSegment && MemoryMarshal.TryGetArray(bytes.First, out var array)
            ? array
            : new ArraySegment<byte>(bytes.ToArray());

        // The common case needs no XmlReader: the scanner reads a plain ASCII head and gives up on anything else.
        EnvelopeHead? scannedHead = null;
        var scanned = scan ? EnvelopeHeadScanner.Scan(segment, out scannedHead) : EnvelopeHeadScanner.Outcome.Fallback;
        if (scanned == EnvelopeHeadScanner.Outcome.Found)
        {
            return (scannedHead, null);
        }

        if (scanned == EnvelopeHeadScanner.Outcome.NeedMore && !final)
        {
            return null;
        }

        try
        {
            return Parse(segment, readAsUtf8: false);
        }
        catch (XmlException ex) when (ex.Message.Contains("byte order mark", StringComparison.OrdinalIgnoreCase))
        {
            // Declared UTF-16 (or another encoding) without a byte order mark, as .NET clients often send it:
            // read the same bytes as UTF-8, as the reference platform retries such a body.
            try
            {
                var (head, error) = Parse(segment, readAsUtf8: true);
                return (head is null ? null : head with { ReadAsUtf8 = true }, error);
            }
            catch (XmlException retry)
            {
                return final ? (null, new EnvelopeHeadError(retry.Message)) : null;
            }
        }
        catch (XmlException ex)
        {
            return final ? (null, new EnvelopeHeadError(ex.Message)) : null;
        }
        catch (Exception ex) when (ex is DecoderFallbackException or ArgumentException)
        {
            // An unknown or unusable encoding in the XML declaration.
            return (null, new EnvelopeHeadError(ex.Message));
        }
    }

    private static (EnvelopeHead?, EnvelopeHeadError?) Parse(ArraySegment<byte> bytes, bool readAsUtf8)
    {
        using var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        using var xml = readAsUtf8
            ? XmlReader.Create(new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false), Settings)
            : XmlReader.Create(stream, Settings);
        return ReadHead(xml);
    }

    private static (EnvelopeHead?, EnvelopeHeadError?) ReadHead(XmlReader xml)
    {
        string? declaredEncoding = null;
        if (xml.Read() && xml.NodeType == XmlNodeType.XmlDeclaration)
        {
            declaredEncoding = xml.GetAttribute("encoding");
        }

        if (xml.MoveToContent() != XmlNodeType.Element
            || xml.LocalName != "Envelope"
            || xml.NamespaceURI != RivtaNamespaces.Soap11Envelope)
        {
            return (null, new EnvelopeHeadError("The message is not a SOAP 1.1 envelope."));
        }

        string? logicalAddress = null;
        string? to = null;
        var envelopeDepth = xml.Depth;

        // ReadElementContentAsString leaves the reader on the next node already: read on only when nothing was consumed.
        var advanced = false;
        while (advanced || xml.Read())
        {
            advanced = false;
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.NamespaceURI == RivtaNamespaces.Soap11Envelope && xml.Depth == envelopeDepth + 1)
            {
                if (xml.LocalName == "Body")
                {
                    var (head, error) = ReadBody(xml, logicalAddress, to);
                    return (head is null ? null : head with { DeclaredEncoding = declaredEncoding }, error);
                }

                continue; // Header: its children are visited by the loop.
            }

            // Inside the Header: the last LogicalAddress (or To) wins, as on the reference platform.
            if (xml.LocalName == RivtaNamespaces.LogicalAddressElement && xml.NamespaceURI == RivtaNamespaces.Registry)
            {
                logicalAddress = ReadText(xml);
                advanced = true;
            }
            else if (xml.LocalName == RivtaNamespaces.ToElement && xml.NamespaceURI == RivtaNamespaces.WsAddressing)
            {
                to = ReadText(xml);
                advanced = true;
            }
        }

        return (null, new EnvelopeHeadError("The SOAP envelope has no Body."));
    }

    private static (EnvelopeHead?, EnvelopeHeadError?) ReadBody(XmlReader xml, string? logicalAddress, string? to)
    {
        if (xml.IsEmptyElement)
        {
            return (null, new EnvelopeHeadError("The SOAP Body is empty."));
        }

        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    var profile = logicalAddress is not null ? RivProfile.RivtaBp21 : to is not null ? RivProfile.RivtaBp20 : (RivProfile?)null;
                    return (new EnvelopeHead(logicalAddress ?? to, profile, xml.NamespaceURI, xml.LocalName), null);
                case XmlNodeType.EndElement:
                    return (null, new EnvelopeHeadError("The SOAP Body is empty."));
            }
        }

        return (null, new EnvelopeHeadError("The SOAP Body is empty."));
    }

    private static string ReadText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return string.Empty;
        }

        // Keep surrounding whitespace: the router must see it to answer VP004 with the whitespace hint.
        return xml.ReadElementContentAsString();
    }
}
