using TjanstePlattform.Soap.Service;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Aggregation.Merge;

/// <summary>What came back from one fan-out call through the router, body already buffered (bounded).</summary>
public sealed record ProducerAnswer(int StatusCode, ReadOnlyMemory<byte> Body);

/// <summary>
/// Reads one source system's answer with a forward-only reader and keeps what the merge needs: each record element
/// copied whole (so unknown children and extensions travel untouched), each other-namespace child of the response
/// element likewise, and nothing else (the producer's own result is replaced by the descriptor's closing element).
/// The whole document is read before the branch counts as a success: a malformed answer fails only its branch.
/// </summary>
internal static partial class ProducerAnswerReader
{
    /// <summary>How every merged fragment is written: UTF-8, no declaration, no indentation, newlines untouched.</summary>
    internal static readonly XmlWriterSettings FragmentSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        ConformanceLevel = ConformanceLevel.Fragment,
        OmitXmlDeclaration = true,
        Indent = false,
        NewLineHandling = NewLineHandling.None,
        CloseOutput = false,
    };

    public static BranchOutcome Read(ProducerAnswer answer, AggregatedContract contract, string logicalAddress, DateTimeOffset at)
    {
        var status = answer.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (answer.StatusCode is < 200 or >= 300)
        {
            return BranchOutcome.Failed(logicalAddress, at, ReadFault(answer, status));
        }

        if (answer.Body.IsEmpty)
        {
            return BranchOutcome.Failed(logicalAddress, at, new BranchFailure(CausingAgent.ServiceProducer, status, "The source system answered with an empty body."));
        }

        try
        {
            using var records = new MemoryStream();
            using var extensions = new MemoryStream();
            var more = contract.MoreRecords.Select(_ => new MemoryStream()).ToArray();
            var moreWriters = more.Select(m => XmlWriter.Create(m, FragmentSettings)).ToArray();
            int count;
            using (var reader = SoapXml.CreateReader(answer.Body, SoapLimits.Default))
            using (var recordWriter = XmlWriter.Create(records, FragmentSettings))
            using (var extensionWriter = XmlWriter.Create(extensions, FragmentSettings))
            {
                var (found, error) = MoveToBodyChild(reader);
                if (!found)
                {
                    return BranchOutcome.Failed(logicalAddress, at, new BranchFailure(CausingAgent.ServiceProducer, status, error!));
                }

                if (reader.LocalName == "Fault" && reader.NamespaceURI == RivtaNamespaces.Soap11Envelope)
                {
                    var (text, agent) = FaultText(reader);
                    return BranchOutcome.Failed(logicalAddress, at, new BranchFailure(agent, status, text));
                }

                if (reader.LocalName != contract.ResponseElement || reader.NamespaceURI != contract.Namespace)
                {
                    return BranchOutcome.Failed(logicalAddress, at, new BranchFailure(CausingAgent.ServiceProducer, status,
                        $"Expected the answer element {{{contract.Namespace}}}{contract.ResponseElement}, found {{{reader.NamespaceURI}}}{reader.LocalName}."));
                }

                count = CopyChildren(reader, contract, recordWriter, extensionWriter, moreWriters);

                // The rest of the envelope must be well-formed too.
                while (reader.Read())
                {
                }
            }

            foreach (var writer in moreWriters)
            {
                writer.Dispose();
            }

            return BranchOutcome.Success(logicalAddress, at, records.ToArray(), count, extensions.ToArray(), [.. more.Select(m => (ReadOnlyMemory<byte>)m.ToArray())]);
        }
        catch (XmlException ex)
        {
            return BranchOutcome.Failed(logicalAddress, at, new BranchFailure(CausingAgent.ServiceProducer, status, $"The answer is not well-formed XML: {ex.Message}"));
        }
        catch (Exception ex) when (ex is ArgumentException or DecoderFallbackException or InvalidOperationException)
        {
            return BranchOutcome.Failed(logicalAddress, at, new BranchFailure(CausingAgent.ServiceProducer, status, $"The answer could not be read: {ex.Message}"));
        }
    }

    /// <summary>Positions the reader on the first element inside soap:Body.</summary>
    private static (bool Found, string? Error) MoveToBodyChild(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Envelope" || reader.NamespaceURI != RivtaNamespaces.Soap11Envelope)
        {
            return (false, "The answer is not a SOAP 1.1 envelope.");
        }

        if (reader.IsEmptyElement)
        {
            return (false, "The answer's SOAP envelope is empty.");
        }

        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
            {
                reader.Read();
                continue;
            }

            if (reader.LocalName != "Body" || reader.NamespaceURI != RivtaNamespaces.Soap11Envelope)
            {
                reader.Skip(); // Header: nothing in it is merged.
                continue;
            }

            if (reader.IsEmptyElement)
            {
                break;
            }

            reader.Read();
            while (!reader.EOF && reader.Depth >= 2)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return (true, null);
                }

                reader.Read();
            }

            break;
        }

        return (false, "The answer's SOAP Body is empty.");
    }

    /// <summary>Copies the response element's children; returns the number of records.</summary>
    private static int CopyChildren(XmlReader reader, AggregatedContract contract, XmlWriter records, XmlWriter extensions, XmlWriter[] more)
    {
        if (reader.IsEmptyElement)
        {
            return 0;
        }

        var depth = reader.Depth;
        var count = 0;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (contract.Classify(reader.LocalName, reader.NamespaceURI))
            {
                case AggregatedContract.MergedRecord:
                    CopyElement(reader, records);
                    count++;
                    break;
                case AggregatedContract.MergedExtension:
                    CopyElement(reader, extensions);
                    break;
                case AggregatedContract.NotMerged:
                    reader.Skip();
                    break;
                case var kind:
                    CopyElement(reader, more[kind]);
                    break;
            }
        }

        return count;
    }

    /// <summary>
    /// Copies the element the reader is on, whole, into a self-contained fragment: every namespace in scope in the
    /// source is declared on the copied element, so prefixes used only in text (an xsi:type value) still resolve.
    /// Leaves the reader on the node after the element.
    /// </summary>
    internal static void CopyElement(XmlReader reader, XmlWriter writer)
    {
        var scope = ((IXmlNamespaceResolver)reader).GetNamespacesInScope(XmlNamespaceScope.ExcludeXml);
        var prefix = reader.Prefix;
        var isEmpty = reader.IsEmptyElement;
        var depth = reader.Depth;
        writer.WriteStartElement(prefix, reader.LocalName, reader.NamespaceURI);
        var declared = new HashSet<string>(StringComparer.Ordinal) { prefix };
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI == XmlNamespaces.Xmlns)
                {
                    declared.Add(reader.Prefix.Length == 0 ? string.Empty : reader.LocalName);
                }

                writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        foreach (var (declaredPrefix, uri) in scope)
        {
            // The envelope's own namespace is left behind with the envelope.
            if (declared.Contains(declaredPrefix) || uri.Length == 0 || uri == RivtaNamespaces.Soap11Envelope)
            {
                continue;
            }

            if (declaredPrefix.Length == 0)
            {
                writer.WriteAttributeString("xmlns", uri);
            }
            else
            {
                writer.WriteAttributeString("xmlns", declaredPrefix, XmlNamespaces.Xmlns, uri);
            }
        }

        if (isEmpty)
        {
            writer.WriteEndElement();
            reader.Read();
            return;
        }

        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            writer.WriteNode(reader, true);
        }

        writer.WriteFullEndElement();
        reader.Read();
    }

    /// <summary>A non-2xx answer: a SOAP fault (the router's VP fault or the producer's own) or an error status.</summary>
    private static BranchFailure ReadFault(ProducerAnswer answer, string status)
    {
        if (!answer.Body.IsEmpty)
        {
            try
            {
                using var reader = SoapXml.CreateReader(answer.Body, SoapLimits.Default);
                var (found, _) = MoveToBodyChild(reader);
                if (found && reader.LocalName == "Fault" && reader.NamespaceURI == RivtaNamespaces.Soap11Envelope)
                {
                    var (text, agent) = FaultText(reader);
                    return new BranchFailure(agent, status, text);
                }
            }
            catch (Exception ex) when (ex is XmlException or ArgumentException or DecoderFallbackException)
            {
                // Not XML: fall through to the status alone.
            }
        }

        return new BranchFailure(CausingAgent.ServiceProducer, status, $"The source system answered HTTP status {status} without a SOAP fault.");
    }

    /// <summary>faultstring (and detail text), and whom to blame: a VP fault is the platform's, anything else the producer's.</summary>
    private static (string Text, CausingAgent Agent) FaultText(XmlReader reader)
    {
        string? faultString = null;
        string? detail = null;
        var depth = reader.Depth;
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                {
                    switch (reader.LocalName)
                    {
                        case "faultstring":
                            faultString = reader.ReadElementContentAsString().Trim();
                            continue;
                        case "detail":
                            detail = string.Join(' ', DetailTexts(reader));
                            continue;
                    }

                    reader.Skip();
                    continue;
                }

                reader.Read();
            }
        }

        faultString = string.IsNullOrEmpty(faultString) ? "SOAP fault without faultstring." : faultString;
        var agent = VpFault().IsMatch(faultString) ? CausingAgent.VirtualizationPlatform : CausingAgent.ServiceProducer;
        var text = string.IsNullOrWhiteSpace(detail) ? faultString : $"{faultString} ({detail.Trim()})";
        return (text, agent);
    }

    private static List<string> DetailTexts(XmlReader reader)
    {
        var texts = new List<string>();
        using (var subtree = reader.ReadSubtree())
        {
            while (subtree.Read())
            {
                if (subtree.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && subtree.Value.Trim() is { Length: > 0 } text)
                {
                    texts.Add(text);
                }
            }
        }

        // The subtree reader leaves the reader on detail's end (or on the empty element): step past it.
        reader.Skip();
        return texts;
    }

    [GeneratedRegex(@"^VP\d{3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex VpFault();

    private static class XmlNamespaces
    {
        public const string Xmlns = "http://www.w3.org/2000/xmlns/";
    }
}
