using System.Globalization;
using System.Security;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Platform;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Aggregation.Merge;

/// <summary>
/// The aggregated answer as a sequence of UTF-8 segments written one after the other: the envelope with the
/// ProcessingStatus header, the response element, every branch's records (by producer, each in the order received),
/// the descriptor's closing element, the branches' extensions, and the closing tags. Nothing is re-parsed: each
/// branch fragment already declares every namespace it uses, and the envelope declares no default namespace, so
/// the fragments mean inside it exactly what they meant in the producers' answers.
/// </summary>
public sealed class AggregatedResponse
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly XmlWriterSettings FragmentSettings = new()
    {
        Encoding = Utf8,
        ConformanceLevel = ConformanceLevel.Fragment,
        OmitXmlDeclaration = true,
        Indent = false,
        NewLineHandling = NewLineHandling.None,
        CloseOutput = false,
    };

    private AggregatedResponse(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        Segments = segments;
        Length = segments.Sum(s => (long)s.Length);
    }

    /// <summary>The body, in order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Segments { get; }

    /// <summary>The body's length in bytes (Content-Length).</summary>
    public long Length { get; }

    /// <summary>Builds the answer; <paramref name="branches"/> are already in the order they are merged.</summary>
    public static AggregatedResponse Build(AggregatedContract contract, IReadOnlyList<BranchOutcome> branches, string correlationId, TimeZoneInfo zone)
    {
        var head = new StringBuilder(256)
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            .Append("<soap:Envelope xmlns:soap=\"").Append(RivtaNamespaces.Soap11Envelope).Append("\"><soap:Header>");
        var segments = new List<ReadOnlyMemory<byte>>(branches.Count * 2 + 6)
        {
            Utf8.GetBytes(head.ToString()),
            ProcessingStatus(branches, zone),
            Utf8.GetBytes($"</soap:Header><soap:Body><tns:{contract.ResponseElement} xmlns:tns=\"{SecurityElement.Escape(contract.Namespace)}\">"),
        };

        // An always-empty answer (RequestExemptionStatuses) carries nothing of the producers'.
        var merged = contract.EmptyAnswer ? [] : branches.Where(b => b.Succeeded).ToArray();
        foreach (var branch in merged)
        {
            if (!branch.Records.IsEmpty)
            {
                segments.Add(branch.Records);
            }
        }

        // Every further merged element after all records, kind by kind, as the schemas order them (careDocumentation*, hasMore*).
        for (var kind = 0; kind < contract.MoreRecords.Count; kind++)
        {
            foreach (var branch in merged)
            {
                if (kind < branch.MoreRecords.Count && !branch.MoreRecords[kind].IsEmpty)
                {
                    segments.Add(branch.MoreRecords[kind]);
                }
            }
        }

        if (contract.Closing is not null)
        {
            segments.Add(Closing(contract.Closing, correlationId));
        }

        foreach (var branch in merged)
        {
            if (!branch.Extensions.IsEmpty)
            {
                segments.Add(branch.Extensions);
            }
        }

        segments.Add(Utf8.GetBytes($"</tns:{contract.ResponseElement}></soap:Body></soap:Envelope>"));
        return new AggregatedResponse(segments);
    }

    /// <summary>
    /// The <c>{urn:riv:interoperability:headers:1}ProcessingStatus</c> header: one record per called source system.
    /// lastSuccessfulSynch is written (empty) on a failed record too: the schema requires the element, and the
    /// reference's omission of it makes its NoDataSynchFailed records schema-invalid.
    /// </summary>
    public static byte[] ProcessingStatus(IReadOnlyList<BranchOutcome> branches, TimeZoneInfo zone)
    {
        using var buffer = new MemoryStream(256 + branches.Count * 256);
        using (var writer = XmlWriter.Create(buffer, FragmentSettings))
        {
            const string ns = RivtaNamespaces.InteroperabilityHeaders;
            writer.WriteStartElement("ProcessingStatus", ns);
            foreach (var branch in branches)
            {
                var at = Timestamp(branch.At, zone);
                writer.WriteStartElement("ProcessingStatusList", ns);
                writer.WriteElementString("logicalAddress", ns, XmlSafe(branch.LogicalAddress));
                if (branch.Failure is not { } failure)
                {
                    writer.WriteElementString("statusCode", ns, "DataFromSource");
                    writer.WriteElementString("isResponseFromCache", ns, "false");
                    writer.WriteElementString("isResponseInSynch", ns, "true");
                    writer.WriteElementString("lastSuccessfulSynch", ns, at);
                }
                else
                {
                    writer.WriteElementString("statusCode", ns, "NoDataSynchFailed");
                    writer.WriteElementString("isResponseFromCache", ns, "false");
                    writer.WriteElementString("isResponseInSynch", ns, "false");
                    writer.WriteElementString("lastSuccessfulSynch", ns, string.Empty);
                    writer.WriteElementString("lastUnsuccessfulSynch", ns, at);
                    writer.WriteStartElement("lastUnsuccessfulSynchError", ns);
                    writer.WriteElementString("causingAgent", ns, BranchFailure.Spell(failure.CausingAgent));
                    writer.WriteElementString("code", ns, failure.Code);
                    writer.WriteElementString("text", ns, XmlSafe(failure.Text));
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>RIVTA timestamp: yyyyMMddHHmmss in the platform's time zone.</summary>
    public static string Timestamp(DateTimeOffset at, TimeZoneInfo zone) => RivtaTime.Format(at, zone);

    private static byte[] Closing(XElement template, string correlationId)
    {
        var closing = new XElement(template);
        foreach (var text in closing.DescendantNodes().OfType<XText>())
        {
            if (text.Value.Contains(AggregatedContract.CorrelationIdPlaceholder, StringComparison.Ordinal))
            {
                text.Value = text.Value.Replace(AggregatedContract.CorrelationIdPlaceholder, XmlSafe(correlationId), StringComparison.Ordinal);
            }
        }

        using var buffer = new MemoryStream(256);
        using (var writer = XmlWriter.Create(buffer, FragmentSettings))
        {
            closing.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Drops characters XML cannot carry (an exception text, a header value), so the answer always stays well-formed.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }

        return safe.ToString();
    }
}
