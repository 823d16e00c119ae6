using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Soap.Tests.Service;

/// <summary>
/// An answer whose records are shared objects gives the envelope XmlSerializer would have written, with each record
/// rendered once and put in as its bytes: the same elements in the same places, the producer's answer object unchanged.
/// </summary>
public class SharedRecordEnvelopeTests
{
    private const string Ns = "urn:example:answer:1";
    private const string CoreNs = "urn:example:core:1";

    [XmlType(Namespace = CoreNs)]
    public sealed class Record
    {
        [XmlElement("id", Order = 0)]
        public string Id { get; set; } = "";

        [XmlElement("text", Order = 1)]
        public string? Text { get; set; }
    }

    [XmlType(Namespace = Ns)]
    public sealed class Answer
    {
        [XmlElement("record", Order = 0)]
        public List<Record> Records { get; set; } = [];

        [XmlElement("result", Order = 1)]
        public string? Result { get; set; }

        [XmlAnyElement(Order = 2)]
        public XmlElement[]? Any { get; set; }
    }

    /// <summary>An answer type whose records come after another element: not spliced.</summary>
    [XmlType(Namespace = Ns)]
    public sealed class LateRecords
    {
        [XmlElement("result", Order = 0)]
        public string? Result { get; set; }

        [XmlElement("record", Order = 1)]
        public List<Record> Records { get; set; } = [];
    }

    private static readonly XmlSerializer Serializer = SoapBodies.SerializerFor(typeof(Answer), "AnswerResponse", Ns);
    private static readonly XmlSerializerNamespaces Prefixes = SoapBodies.Prefixed([Ns, CoreNs]);

    private static XElement WithoutDeclarations(ReadOnlyMemory<byte> envelope)
    {
        var root = XElement.Parse(Encoding.UTF8.GetString(envelope.Span));
        foreach (var element in root.DescendantsAndSelf())
        {
            element.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        }

        return root;
    }

    private static SharedRecordRenderer Renderer => SharedRecordRenderer.For(typeof(Answer), "record", Ns)!;

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    public void The_envelope_is_the_one_the_serializer_writes(int records)
    {
        var answer = new Answer
        {
            Records = [.. Enumerable.Range(0, records).Select(i => new Record { Id = $"R{i}", Text = i == 1 ? "a < b & c" : null })],
            Result = "OK",
            Any = [new XmlDocument { InnerXml = "<x:extra xmlns:x=\"urn:example:extension\">kept</x:extra>" }.DocumentElement!],
        };

        var plain = SoapBodies.Envelope(answer, Serializer, Prefixes);
        var spliced = SoapBodies.Envelope(answer, Serializer, Prefixes, shared: Renderer);
        var again = SoapBodies.Envelope(answer, Serializer, Prefixes, shared: Renderer);

        Assert.That(XNode.DeepEquals(WithoutDeclarations(spliced), WithoutDeclarations(plain)), Is.True,
            $"{Encoding.UTF8.GetString(spliced.Span)}{Environment.NewLine}!={Environment.NewLine}{Encoding.UTF8.GetString(plain.Span)}");
        Assert.That(again.ToArray(), Is.EqualTo(spliced.ToArray()));
        Assert.That(answer.Records, Has.Count.EqualTo(records), "the producer's answer object is not changed");
    }

    [Test]
    public void An_answer_with_records_only_closes_after_them()
    {
        var answer = new Answer { Records = [new Record { Id = "ONLY" }], Result = null };

        var spliced = SoapBodies.Envelope(answer, Serializer, Prefixes, shared: Renderer);

        Assert.That(XNode.DeepEquals(WithoutDeclarations(spliced), WithoutDeclarations(SoapBodies.Envelope(answer, Serializer, Prefixes))), Is.True,
            Encoding.UTF8.GetString(spliced.Span));
    }

    [Test]
    public void A_record_object_is_rendered_once()
    {
        var record = new Record { Id = "FIRST" };
        _ = SoapBodies.Envelope(new Answer { Records = [record], Result = "OK" }, Serializer, Prefixes, shared: Renderer);

        // Shared records never change; changing one anyway shows the next envelope reused the first rendering.
        record.Id = "CHANGED";
        var next = Encoding.UTF8.GetString(SoapBodies.Envelope(new Answer { Records = [record], Result = "OK" }, Serializer, Prefixes, shared: Renderer).Span);

        Assert.That(next, Does.Contain("FIRST").And.Not.Contain("CHANGED"));
    }

    [Test]
    public void Records_that_are_not_the_first_children_are_written_by_the_serializer()
    {
        var late = SharedRecordRenderer.For(typeof(LateRecords), "record", Ns)!;
        Assert.That(late.IsFirstChild, Is.False);
        Assert.That(Renderer.IsFirstChild, Is.True);

        var serializer = SoapBodies.SerializerFor(typeof(LateRecords), "LateResponse", Ns);
        var answer = new LateRecords { Result = "OK", Records = [new Record { Id = "R" }] };
        Assert.That(SoapBodies.Envelope(answer, serializer, Prefixes, shared: late).ToArray(), Is.EqualTo(SoapBodies.Envelope(answer, serializer, Prefixes).ToArray()));
    }

    [Test]
    public void An_answer_of_another_type_than_the_renderers_is_written_by_the_serializer()
    {
        var serializer = SoapBodies.SerializerFor(typeof(LateRecords), "LateResponse", Ns);
        var answer = new LateRecords { Result = "OK", Records = [new Record { Id = "R" }] };

        Assert.That(SoapBodies.Envelope(answer, serializer, Prefixes, shared: Renderer).ToArray(),
            Is.EqualTo(SoapBodies.Envelope(answer, serializer, Prefixes).ToArray()));
    }
}
