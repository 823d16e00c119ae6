using System.Buffers;
using System.IO.Pipelines;
using System.Xml;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Soap.Envelope;

/// <summary>
/// Reads the head of a SOAP envelope (Header and the start of the first Body child) straight from a
/// <see cref="PipeReader"/> without consuming anything: whatever reads the body afterwards (the forwarder)
/// still sees every byte. Only the bytes up to the first Body child are examined, at most
/// <see cref="MaxHeadBytes"/>. The XML reader is forward-only, with no DTD and no resolver.
/// </summary>
public static class EnvelopeHeadReader
{
    /// <summary>The most the reader examines before it gives up on finding the first Body child.</summary>
    public const int MaxHeadBytes = 64 * 1024;

    /// <summary>Peeks the envelope head. Returns either the head or an error, never throws for bad XML.</summary>
    private static readonly XmlReaderSettings AsyncSettings = SafeXml.ReaderSettings(async: true);

    public static async ValueTask<(EnvelopeHead? Head, EnvelopeHeadError? Error)> PeekAsync(
        PipeReader body, CancellationToken cancellationToken)
    {
        // Fast path: a small envelope usually arrives whole in the first read. Parse it synchronously from memory
        // (the async XmlReader costs far more per node); fall back to the streaming path when it is not all there.
        var first = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
        var buffer = first.Buffer;
        if (buffer.Length <= MaxHeadBytes && buffer.IsSingleSegment && !buffer.IsEmpty)
        {
            var fast = TryReadWhole(buffer.First, first.IsCompleted);
            body.AdvanceTo(buffer.Start);
            if (fast is { } found)
            {
                return found;
            }
        }
        else
        {
            body.AdvanceTo(buffer.Start);
        }

        var (head, error, wrongDeclaration) = await TryPeekAsync(body, readAsUtf8: false, cancellationToken).ConfigureAwait(false);
        if (wrongDeclaration)
        {
            // Declared UTF-16 (or another encoding) without a byte order mark: read the same bytes again as UTF-8.
            (head, error, _) = await TryPeekAsync(body, readAsUtf8: true, cancellationToken).ConfigureAwait(false);
            head = head is null ? null : head with { ReadAsUtf8 = true };
        }

        return (head, error);
    }

    /// <summary>
    /// Parses the head from bytes already in memory. Null when the answer needs more bytes (or another attempt as
    /// UTF-8): the caller continues on the streaming path, which gives the precise error.
    /// </summary>
    private static (EnvelopeHead?, EnvelopeHeadError?)? TryReadWhole(ReadOnlyMemory<byte> bytes, bool complete)
    {
        if (!System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment))
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
            // Async reader settings (the head parser is shared with the streaming path): over memory it never yields.
            using var xml = XmlReader.Create(stream, AsyncSettings);
            var result = ReadHeadAsync(xml);
            if (!result.IsCompleted)
            {
                return null;
            }

            var (head, error) = result.Result;
            return head is not null || complete ? (head, error) : null;
        }
        catch (XmlException ex) when (complete && !ex.Message.Contains("byte order mark", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new EnvelopeHeadError(ex.Message));
        }
        catch (XmlException)
        {
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    private static async ValueTask<(EnvelopeHead? Head, EnvelopeHeadError? Error, bool WrongDeclaration)> TryPeekAsync(
        PipeReader body, bool readAsUtf8, CancellationToken cancellationToken)
    {
        var stream = new PeekStream(body, MaxHeadBytes);
        try
        {
            using var xml = readAsUtf8
                ? XmlReader.Create(new StreamReader(stream, new System.Text.UTF8Encoding(false), false, 4096, leaveOpen: true), AsyncSettings)
                : XmlReader.Create(stream, AsyncSettings);
            var (head, error) = await ReadHeadAsync(xml).ConfigureAwait(false);
            return (head, error, false);
        }
        catch (XmlException ex) when (!readAsUtf8 && ex.Message.Contains("byte order mark", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new EnvelopeHeadError(ex.Message), true);
        }
        catch (XmlException ex)
        {
            return (null, new EnvelopeHeadError(ex.Message), false);
        }
        catch (HeadTooLargeException)
        {
            return (null, new EnvelopeHeadError($"No SOAP Body element found within the first {MaxHeadBytes} bytes."), false);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            return (null, new EnvelopeHeadError(ex.Message), false);
        }
        catch (ArgumentException ex)
        {
            // An unknown encoding in the XML declaration surfaces as ArgumentException.
            return (null, new EnvelopeHeadError(ex.Message), false);
        }
        finally
        {
            stream.Release();
        }
    }

    /// <summary>Reads the head from a complete buffer (tests, tooling, benchmarks).</summary>
    public static (EnvelopeHead? Head, EnvelopeHeadError? Error) Read(ReadOnlyMemory<byte> envelope)
    {
        var reader = PipeReader.Create(new ReadOnlySequence<byte>(envelope));
        var task = PeekAsync(reader, CancellationToken.None);
        return task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();
    }

    private static async ValueTask<(EnvelopeHead?, EnvelopeHeadError?)> ReadHeadAsync(XmlReader xml)
    {
        string? declaredEncoding = null;
        if (await xml.ReadAsync().ConfigureAwait(false) && xml.NodeType == XmlNodeType.XmlDeclaration)
        {
            declaredEncoding = xml.GetAttribute("encoding");
        }

        if (await xml.MoveToContentAsync().ConfigureAwait(false) != XmlNodeType.Element
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
        while (advanced || await xml.ReadAsync().ConfigureAwait(false))
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
                    var (head, error) = await ReadBodyAsync(xml, logicalAddress, to).ConfigureAwait(false);
                    return (head is null ? null : head with { DeclaredEncoding = declaredEncoding }, error);
                }

                continue; // Header: its children are visited by the loop.
            }

            // Inside the Header: the last LogicalAddress (or To) wins, as on the reference platform.
            if (xml.LocalName == RivtaNamespaces.LogicalAddressElement && xml.NamespaceURI == RivtaNamespaces.Registry)
            {
                logicalAddress = await ReadTextAsync(xml).ConfigureAwait(false);
                advanced = true;
            }
            else if (xml.LocalName == RivtaNamespaces.ToElement && xml.NamespaceURI == RivtaNamespaces.WsAddressing)
            {
                to = await ReadTextAsync(xml).ConfigureAwait(false);
                advanced = true;
            }
        }

        return (null, new EnvelopeHeadError("The SOAP envelope has no Body."));
    }

    private static async ValueTask<(EnvelopeHead?, EnvelopeHeadError?)> ReadBodyAsync(XmlReader xml, string? logicalAddress, string? to)
    {
        if (xml.IsEmptyElement)
        {
            return (null, new EnvelopeHeadError("The SOAP Body is empty."));
        }

        while (await xml.ReadAsync().ConfigureAwait(false))
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

    private static async Task<string> ReadTextAsync(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            await xml.ReadAsync().ConfigureAwait(false);
            return string.Empty;
        }

        // Keep surrounding whitespace: the router must see it to answer VP004 with the whitespace hint.
        return await xml.ReadElementContentAsStringAsync().ConfigureAwait(false);
    }

    private sealed class HeadTooLargeException : Exception;

    /// <summary>
    /// A read-only stream over a <see cref="PipeReader"/> that examines but never consumes:
    /// each call to <see cref="Release"/> leaves the pipe as it was found.
    /// </summary>
    private sealed class PeekStream(PipeReader reader, int limit) : Stream
    {
        private ReadOnlySequence<byte> _buffer;
        private bool _holding;
        private bool _completed;
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
        {
            while (true)
            {
                if (_holding && _position < Math.Min(_buffer.Length, limit))
                {
                    var slice = _buffer.Slice(_position, Math.Min(_buffer.Length, limit) - _position);
                    var count = (int)Math.Min(slice.Length, destination.Length);
                    slice.Slice(0, count).CopyTo(destination.Span);
                    _position += count;
                    return count;
                }

                if (_position >= limit)
                {
                    throw new HeadTooLargeException();
                }

                if (_completed)
                {
                    return 0;
                }

                if (_position >= limit)
                {
                    throw new HeadTooLargeException();
                }

                if (_holding)
                {
                    // Nothing consumed, everything examined: the next read waits for more bytes.
                    reader.AdvanceTo(_buffer.Start, _buffer.End);
                    _holding = false;
                }

                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                _buffer = result.Buffer;
                _holding = true;
                _completed = result.IsCompleted || result.IsCanceled;
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
            => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public void Release()
        {
            if (_holding)
            {
                reader.AdvanceTo(_buffer.Start);
                _holding = false;
            }
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
