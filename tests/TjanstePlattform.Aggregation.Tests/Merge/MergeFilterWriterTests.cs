using System.Text;
using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Aggregation.Tests.Support;

namespace TjanstePlattform.Aggregation.Tests.Merge;

/// <summary>
/// A built-in producer's answer written through <see cref="MergeFilterWriter"/> gives the fragments
/// <see cref="ProducerAnswerReader"/> cuts from the same answer in an envelope: the same records, extensions and count.
/// </summary>
public class MergeFilterWriterTests
{
    private static readonly XNamespace Soap = Payloads.Soap;

    /// <summary>The response element as a handler would give it: every namespace it uses declared on it.</summary>
    private static XElement ResponseElement(string envelope)
    {
        var body = XElement.Parse(envelope).Element(Soap + "Body")!.Elements().Single();
        var copy = new XElement(body);
        foreach (var (prefix, uri) in InScope(body))
        {
            if (copy.Attributes().All(a => !a.IsNamespaceDeclaration || a.Value != uri))
            {
                copy.SetAttributeValue(prefix.Length == 0 ? "xmlns" : XNamespace.Xmlns + prefix, uri);
            }
        }

        return copy;
    }

    private static IEnumerable<(string Prefix, string Uri)> InScope(XElement element) =>
        element.AncestorsAndSelf().SelectMany(e => e.Attributes()).Where(a => a.IsNamespaceDeclaration && a.Value != Payloads.Soap)
            .Select(a => (a.Name.Namespace == XNamespace.None ? "" : a.Name.LocalName, a.Value)).DistinctBy(d => d.Item1);

    private static List<XElement> Fragments(ReadOnlyMemory<byte> fragment) =>
        XElement.Parse("<root>" + Encoding.UTF8.GetString(fragment.Span) + "</root>").Elements().Select(e =>
        {
            var copy = new XElement(e);
            foreach (var d in copy.DescendantsAndSelf())
            {
                d.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            }

            return copy;
        }).ToList();

    [Test]
    public void Records_and_extensions_are_the_ones_the_envelope_reader_keeps()
    {
        var envelope = Payloads.ScheduleAnswer("SE-UNIT-1", "191212121212", "b1", "b2");
        var expected = ProducerAnswerReader.Read(new ProducerAnswer(200, Encoding.UTF8.GetBytes(envelope)), BuiltIns.Schedule, "SE-UNIT-1", DateTimeOffset.UnixEpoch);

        var filter = new MergeFilterWriter(BuiltIns.Schedule);
        ResponseElement(envelope).WriteTo(filter);

        Assert.That(filter.Root, Is.EqualTo((BuiltIns.Schedule.ResponseElement, BuiltIns.Schedule.Namespace)));
        Assert.That(filter.RecordCount, Is.EqualTo(2).And.EqualTo(expected.RecordCount));
        var records = Fragments(filter.Records);
        var expectedRecords = Fragments(expected.Records);
        Assert.That(records, Has.Count.EqualTo(expectedRecords.Count));
        for (var i = 0; i < records.Count; i++)
        {
            Assert.That(XNode.DeepEquals(records[i], expectedRecords[i]), Is.True, $"{records[i]}{Environment.NewLine}!={Environment.NewLine}{expectedRecords[i]}");
        }

        Assert.That(XNode.DeepEquals(Fragments(filter.Extensions).Single(), Fragments(expected.Extensions).Single()), Is.True);
    }

    [Test]
    public void Each_record_declares_what_it_uses_so_it_stands_alone()
    {
        var filter = new MergeFilterWriter(BuiltIns.MedicationHistory);
        XElement.Parse(Payloads.GmhAnswer("DOC-A")).Element(Soap + "Body")!.Elements().Single().WriteTo(filter);

        // Parsed on its own, without the answer around it: every prefix resolves.
        var text = Encoding.UTF8.GetString(filter.Records.Span);
        var record = XElement.Parse(text);
        Assert.That(record.Name, Is.EqualTo(XName.Get(BuiltIns.MedicationHistory.Record, BuiltIns.MedicationHistory.Namespace)));
        Assert.That(record.Descendants().Any(e => e.Value == "DOC-A"), Is.True, text);
        Assert.That(filter.Extensions.IsEmpty, Is.True, "no extensions, no writer made");
    }

    [Test]
    public void The_producers_own_result_is_left_out()
    {
        var filter = new MergeFilterWriter(BuiltIns.MedicationHistory);
        XElement.Parse(Payloads.GmhAnswer("DOC-A")).Element(Soap + "Body")!.Elements().Single().WriteTo(filter);

        Assert.That(Encoding.UTF8.GetString(filter.Records.Span), Does.Not.Contain("resultCode"));
        Assert.That(filter.RecordCount, Is.EqualTo(1));
    }
}
