using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Aggregation.Engine;

/// <summary>Who asked, as the router told us (HTTP headers it always sets towards http producers).</summary>
/// <param name="Sender">x-vp-sender-id: the consumer the router identified.</param>
/// <param name="OriginalConsumer">x-rivta-original-serviceconsumer-hsaid (informational on the router; also authorizes here).</param>
/// <param name="CorrelationId">x-skltp-correlation-id, passed on to every fan-out call.</param>
/// <param name="SoapAction">The consumer's SOAPAction, passed on (some producers dispatch on it).</param>
public sealed record ConsumerIdentity(string Sender, string OriginalConsumer, string CorrelationId, string? SoapAction = null);

/// <summary>What the engine needs from one consumer request: its contract, the patient and the filters it carries.</summary>
public sealed record ConsumerRequest(
    AggregatedContract Contract,
    ReadOnlyMemory<byte> Envelope,
    string PatientId,
    string? SourceSystem,
    IReadOnlyList<string> Categorizations)
{
    /// <summary>
    /// Reads a consumer's envelope: the contract from the first Body child's namespace (never the URL), the patient id
    /// and the filter elements the descriptor names. Returns an error text for anything the engine cannot work with.
    /// </summary>
    public static (ConsumerRequest? Request, string? Error) Read(ReadOnlyMemory<byte> envelope, AggregatedContracts contracts)
    {
        XElement? body;
        try
        {
            body = FirstBodyChild(envelope);
        }
        catch (XmlException ex)
        {
            return (null, $"The request is not well-formed XML: {ex.Message}");
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.DecoderFallbackException)
        {
            return (null, $"The request could not be read: {ex.Message}");
        }

        if (body is null)
        {
            return (null, "The request is not a SOAP 1.1 envelope with a Body element.");
        }

        var contract = contracts.Find(body.Name.NamespaceName);
        if (contract is null)
        {
            return (null, $"The service contract {body.Name.NamespaceName} is not aggregated by this platform.");
        }

        if (body.Name.LocalName != contract.RequestElement || body.Name.NamespaceName != contract.Namespace)
        {
            return (null, $"Expected the request element {{{contract.Namespace}}}{contract.RequestElement}, found {body.Name}.");
        }

        XNamespace ns = contract.Namespace;
        foreach (var refused in contract.RefusedElements)
        {
            if (body.Element(ns + refused) is not null)
            {
                return (null, $"The request carries {refused}, which the aggregating service does not support: paging cannot go through an aggregation.");
            }
        }

        if (contract.ValidateRequest && contracts.Validator is { } validator)
        {
            var validation = validator.Validate(new ReadOnlyMemoryStream(envelope));
            if (!validation.IsValid)
            {
                return (null, $"The request is not valid against the service contract's schema: {validation.Describe()}");
            }
        }

        var patient = Follow(body, contract.Namespace, contract.PatientIdPath)?.Value.Trim();
        if (string.IsNullOrEmpty(patient))
        {
            return (null, $"The request has no patient id ({string.Join('/', contract.PatientIdPath)}).");
        }

        var sourceSystem = contract.SourceSystemFilterPath.Count == 0 ? null : Follow(body, contract.Namespace, contract.SourceSystemFilterPath)?.Value.Trim();
        var categorizations = contract.CategorizationFilter is null
            ? []
            : body.Elements(ns + contract.CategorizationFilter).Select(e => e.Value.Trim()).Where(v => v.Length > 0).ToArray();
        return (new ConsumerRequest(contract, envelope, patient, string.IsNullOrEmpty(sourceSystem) ? null : sourceSystem, categorizations), null);
    }

    private static XElement? FirstBodyChild(ReadOnlyMemory<byte> envelope)
    {
        using var stream = new ReadOnlyMemoryStream(envelope);
        using var reader = SafeXml.CreateReader(stream);
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Envelope" || reader.NamespaceURI != RivtaNamespaces.Soap11Envelope)
        {
            return null;
        }

        // Envelope children: skip Header entries, descend into Body, take its first element.
        if (reader.IsEmptyElement || !reader.Read())
        {
            return null;
        }

        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
            {
                if (reader.LocalName == "Body" && reader.NamespaceURI == RivtaNamespaces.Soap11Envelope)
                {
                    if (reader.IsEmptyElement)
                    {
                        return null;
                    }

                    reader.Read();
                    while (!reader.EOF && reader.Depth >= 2)
                    {
                        if (reader.NodeType == XmlNodeType.Element)
                        {
                            var element = (XElement)XNode.ReadFrom(reader);

                            // The rest must be well-formed too: every fan-out copy streams the whole envelope.
                            while (reader.Read())
                            {
                            }

                            return element;
                        }

                        reader.Read();
                    }

                    return null;
                }

                reader.Skip();
                continue;
            }

            reader.Read();
        }

        return null;
    }

    /// <summary>The first element at the path: the first step a child in the contract namespace, deeper steps by local name.</summary>
    private static XElement? Follow(XElement root, string contractNamespace, IReadOnlyList<string> path)
    {
        XNamespace ns = contractNamespace;
        var current = root.Element(ns + path[0]);
        for (var i = 1; current is not null && i < path.Count; i++)
        {
            current = current.Elements().FirstOrDefault(e => e.Name.LocalName == path[i]);
        }

        return current;
    }
}

/// <summary>A read-only stream over memory (no copy).</summary>
internal sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) : Stream
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

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
