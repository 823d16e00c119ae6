using System.Text;
using System.Xml;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Soap.Service;

/// <summary>Why a request could not be read; <see cref="Exception.Message"/> is the English detail for the fault.</summary>
public sealed class SoapReadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads a request envelope: the platform's safe XML settings (no DTD, no resolver), every element checked against
/// <see cref="SoapLimits"/> while it is read, so cost is linear in size and the DOM's depth is bounded.
/// </summary>
public static class SoapEnvelopeReader
{
    public static SoapRequest Read(ReadOnlyMemory<byte> envelope, SoapLimits limits, SoapCallContext call)
    {
        if (envelope.IsEmpty)
        {
            throw new SoapReadException("The request body is empty.");
        }

        if (AttributeScan.FirstOverLimit(envelope.Span, limits.MaxAttributesPerElement) is var offset and >= 0)
        {
            throw new SoapReadException(
                $"The request breaks a limit: an element at byte {offset} has more than {limits.MaxAttributesPerElement} attributes (Soap:Limits:MaxAttributesPerElement).");
        }

        var document = Load(envelope, limits);
        var root = document.DocumentElement;
        if (root is null || root.LocalName != "Envelope")
        {
            throw new SoapReadException($"The request is not a SOAP 1.1 envelope: its document element is {root?.LocalName ?? "missing"}.");
        }

        if (root.NamespaceURI != RivtaNamespaces.Soap11Envelope)
        {
            throw new SoapReadException($"The request is not a SOAP 1.1 envelope: Envelope namespace '{root.NamespaceURI}' is not {RivtaNamespaces.Soap11Envelope}.");
        }

        var headers = new List<XmlElement>();
        XmlElement? body = null;
        var sawBody = false;
        for (var part = root.FirstChild; part is not null; part = part.NextSibling)
        {
            if (part is not XmlElement element || element.NamespaceURI != RivtaNamespaces.Soap11Envelope)
            {
                continue;
            }

            if (element.LocalName == "Header")
            {
                for (var entry = element.FirstChild; entry is not null; entry = entry.NextSibling)
                {
                    if (entry is XmlElement header)
                    {
                        headers.Add(header);
                    }
                }
            }
            else if (element.LocalName == "Body" && !sawBody)
            {
                sawBody = true;
                for (var child = element.FirstChild; child is not null && body is null; child = child.NextSibling)
                {
                    body = child as XmlElement;
                }
            }
        }

        if (body is null)
        {
            throw new SoapReadException(sawBody ? "The SOAP Body has no element." : "The envelope has no SOAP Body.");
        }

        if (body.LocalName == "Fault" && body.NamespaceURI == RivtaNamespaces.Soap11Envelope)
        {
            throw new SoapReadException("The request body is a SOAP Fault.");
        }

        return new SoapRequest(envelope, headers, body, call);
    }

    private static XmlDocument Load(ReadOnlyMemory<byte> envelope, SoapLimits limits)
    {
        try
        {
            using var stream = new ReadOnlyMemoryStream(envelope);
            return Load(XmlReader.Create(stream, SafeXml.ReaderSettings()), limits);
        }
        catch (XmlException ex) when (ex is not SoapLimitExceededException && ex.Message.Contains("byte order mark", StringComparison.OrdinalIgnoreCase))
        {
            // A body that declares encoding="utf-16" but is UTF-8 without a BOM (typical .NET output): read it as the
            // UTF-8 it is, as the reference platform does, instead of refusing it.
            return Load(XmlReader.Create(new StringReader(Encoding.UTF8.GetString(envelope.Span)), SafeXml.ReaderSettings()), limits);
        }
    }

    private static XmlDocument Load(XmlReader reader, SoapLimits limits)
    {
        try
        {
            using var limited = new LimitedXmlReader(reader, limits);
            var document = new XmlDocument { XmlResolver = null, PreserveWhitespace = true };
            document.Load(limited);
            return document;
        }
        catch (SoapLimitExceededException ex)
        {
            throw new SoapReadException($"The request breaks a limit: {ex.Message}", ex);
        }
        catch (XmlException ex) when (!ex.Message.Contains("byte order mark", StringComparison.OrdinalIgnoreCase))
        {
            throw new SoapReadException($"The request is not well-formed XML: {ex.Message}", ex);
        }
    }
}

/// <summary>A read-only stream over memory (no copy).</summary>
public sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => memory.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, memory.Length - _position);
        memory.Span.Slice(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
