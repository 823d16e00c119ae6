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
            segments.AddRange(branch.RecordParts);
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
        // Written as text: a fixed shape of a few elements per branch, where an XmlWriter's buffers would cost more than the header.
        var xml = new StringBuilder(128 + branches.Count * 384)
            .Append("<ProcessingStatus xmlns=\"").Append(RivtaNamespaces.InteroperabilityHeaders).Append("\">");
        foreach (var branch in branches)
        {
            var at = Timestamp(branch.At, zone);
            xml.Append("<ProcessingStatusList>");
            Element(xml, "logicalAddress", branch.LogicalAddress);
            if (branch.Failure is not { } failure)
            {
                xml.Append("<statusCode>DataFromSource</statusCode><isResponseFromCache>false</isResponseFromCache><isResponseInSynch>true</isResponseInSynch>");
                Element(xml, "lastSuccessfulSynch", at);
            }
            else
            {
                xml.Append("<statusCode>NoDataSynchFailed</statusCode><isResponseFromCache>false</isResponseFromCache><isResponseInSynch>false</isResponseInSynch><lastSuccessfulSynch></lastSuccessfulSynch>");
                Element(xml, "lastUnsuccessfulSynch", at);
                xml.Append("<lastUnsuccessfulSynchError>");
                Element(xml, "causingAgent", BranchFailure.Spell(failure.CausingAgent));
                Element(xml, "code", failure.Code);
                Element(xml, "text", failure.Text);
                xml.Append("</lastUnsuccessfulSynchError>");
            }

            xml.Append("</ProcessingStatusList>");
        }

        return Utf8.GetBytes(xml.Append("</ProcessingStatus>").ToString());
    }

    private static void Element(StringBuilder xml, string name, string value) =>
        Escaped(xml.Append('<').Append(name).Append('>'), XmlSafe(value)).Append("</").Append(name).Append('>');

    /// <summary>Element text escaped as an XmlWriter escapes it: &amp;, &lt; and &gt;.</summary>
    private static StringBuilder Escaped(StringBuilder xml, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => xml.Append("&amp;"),
                '<' => xml.Append("&lt;"),
                '>' => xml.Append("&gt;"),
                _ => xml.Append(c),
            };
        }

        return xml;
    }

    /// <summary>RIVTA timestamp: yyyyMMddHHmmss in the platform's time zone.</summary>
    public static string Timestamp(DateTimeOffset at, TimeZoneInfo zone) => RivtaTime.Format(at, zone);

    /// <summary>The closing element rendered once per descriptor; each call only puts its correlation id in.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<XElement, string> RenderedClosings = new();

    private static byte[] Closing(XElement template, string correlationId)
    {
        var rendered = RenderedClosings.GetValue(template, static closing =>
        {
            using var buffer = new MemoryStream(256);
            using (var writer = XmlWriter.Create(buffer, ProducerAnswerReader.FragmentSettings))
            {
                closing.WriteTo(writer);
            }

            return Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        });
        return Utf8.GetBytes(rendered.Contains(AggregatedContract.CorrelationIdPlaceholder, StringComparison.Ordinal)
            ? rendered.Replace(AggregatedContract.CorrelationIdPlaceholder, Escaped(new StringBuilder(correlationId.Length), XmlSafe(correlationId)).ToString(), StringComparison.Ordinal)
            : rendered);
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
