using System.Text;
using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Aggregation.Tests.Support;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Aggregation.Tests.Merge;

/// <summary>
/// Records a producer shares are rendered once per record object, and what the merge takes of them is what
/// <see cref="MergeFilterWriter"/> makes of the whole answer: the same records, the rest of the answer unchanged.
/// </summary>
public class SharedRecordRendererTests
{
    private static readonly IReadOnlyList<string> Namespaces =
        [BuiltIns.MedicationHistory.Namespace, ActOutcomeNamespaces.Core, ActOutcomeNamespaces.Core21];

    private static MedicationMedicalRecordType Record(string documentId) => new()
    {
        MedicationMedicalRecordHeader = new PatientSummaryHeaderType
        {
            DocumentId = documentId,
            SourceSystemHSAId = "SE-JRN",
            PatientId = new PersonIdType { Id = "191212121212", Type = "1.2.752.129.2.1.3.1" },
        },
    };

    private static GetMedicationHistoryResponseType Answer(params MedicationMedicalRecordType[] records) => new()
    {
        MedicationMedicalRecord = [.. records],
        Result = new ResultType { ResultCode = ResultCodeEnum.OK, LogId = "log-1" },
        Any = [new XmlDocument { InnerXml = "<x:extra xmlns:x=\"urn:example:extension\">kept</x:extra>" }.DocumentElement!],
    };

    private static void Write(XmlWriter writer, object answer) =>
        SoapBodies.SerializerFor(typeof(GetMedicationHistoryResponseType), BuiltIns.MedicationHistory.ResponseElement, BuiltIns.MedicationHistory.Namespace)
            .Serialize(writer, answer, SoapBodies.Prefixed(Namespaces));

    private static (MergeFilterWriter Filter, IReadOnlyList<ReadOnlyMemory<byte>> Parts) RenderApart(SharedRecordRenderer renderer, GetMedicationHistoryResponseType answer)
    {
        var filter = new MergeFilterWriter(BuiltIns.MedicationHistory);
        Write(filter, renderer.WithoutRecords(answer, out var records));
        return (filter, renderer.Render(records, filter.RootNamespaces));
    }

    private static string Text(IReadOnlyList<ReadOnlyMemory<byte>> parts) => string.Concat(parts.Select(p => Encoding.UTF8.GetString(p.Span)));

    [Test]
    public void Records_rendered_apart_are_the_ones_the_filter_cuts_from_the_whole_answer()
    {
        var answer = Answer(Record("DOC-A"), Record("DOC-B"));
        var whole = new MergeFilterWriter(BuiltIns.MedicationHistory);
        Write(whole, answer);

        var renderer = SharedRecordRenderer.For(typeof(GetMedicationHistoryResponseType), BuiltIns.MedicationHistory.Record, BuiltIns.MedicationHistory.Namespace)!;
        var (filter, parts) = RenderApart(renderer, answer);

        Assert.That(parts, Has.Count.EqualTo(2).And.Count.EqualTo(whole.RecordCount));
        var expected = XElement.Parse("<r>" + Encoding.UTF8.GetString(whole.Records.Span) + "</r>").Elements().ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            // Each part stands alone: parsed by itself, every prefix resolves.
            var part = XElement.Parse(Encoding.UTF8.GetString(parts[i].Span));
            Assert.That(XNode.DeepEquals(part, expected[i]), Is.True, $"{part}{Environment.NewLine}!={Environment.NewLine}{expected[i]}");
        }

        Assert.That(filter.RecordCount, Is.Zero, "the records are left out of what the filter writes");
        Assert.That(Encoding.UTF8.GetString(filter.Extensions.Span), Is.EqualTo(Encoding.UTF8.GetString(whole.Extensions.Span)));
        Assert.That(answer.MedicationMedicalRecord, Has.Count.EqualTo(2), "the producer's answer object is not changed");
    }

    [Test]
    public void A_record_object_is_rendered_once_and_a_new_object_anew()
    {
        var renderer = SharedRecordRenderer.For(typeof(GetMedicationHistoryResponseType), BuiltIns.MedicationHistory.Record, BuiltIns.MedicationHistory.Namespace)!;
        var shared = Record("DOC-SHARED");
        var first = Text(RenderApart(renderer, Answer(shared)).Parts);

        // Shared records never change; changing one anyway shows the second answer reused the first rendering.
        shared.MedicationMedicalRecordHeader.DocumentId = "DOC-CHANGED";
        var again = Text(RenderApart(renderer, Answer(shared)).Parts);
        var fresh = Text(RenderApart(renderer, Answer(Record("DOC-CHANGED"))).Parts);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(first, Does.Contain("DOC-SHARED"));
        Assert.That(fresh, Does.Contain("DOC-CHANGED").And.Not.Contain("DOC-SHARED"));
    }

    [Test]
    public void An_answer_without_a_record_list_is_written_whole()
    {
        Assert.That(SharedRecordRenderer.For(typeof(XElement), BuiltIns.MedicationHistory.Record, BuiltIns.MedicationHistory.Namespace), Is.Null);
        Assert.That(SharedRecordRenderer.For(typeof(GetMedicationHistoryResponseType), BuiltIns.Schedule.Record, BuiltIns.Schedule.Namespace), Is.Null, "another contract's record element");
    }
}
