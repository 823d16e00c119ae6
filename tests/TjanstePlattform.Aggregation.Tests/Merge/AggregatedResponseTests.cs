using System.Text;
using System.Xml.Linq;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Aggregation.Tests.Support;

namespace TjanstePlattform.Aggregation.Tests.Merge;

/// <summary>The merged envelope: records by producer, closing element, extensions, and a schema-valid ProcessingStatus.</summary>
public class AggregatedResponseTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static XDocument Render(AggregatedResponse response)
    {
        using var buffer = new MemoryStream();
        foreach (var segment in response.Segments)
        {
            buffer.Write(segment.Span);
        }

        Assert.That(buffer.Length, Is.EqualTo(response.Length), "Content-Length must match the bytes written");
        return XDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Test]
    public void Records_merge_in_producer_order_and_the_answer_is_valid_against_the_official_schemas()
    {
        var branches = new[]
        {
            ProducerAnswerReader.Read(new ProducerAnswer(200, Utf8.Bytes(Payloads.GmhAnswer("DOC-A"))), BuiltIns.MedicationHistory, "SYS-A", At),
            BranchOutcome.Failed("SYS-B", At, new BranchFailure(CausingAgent.ServiceProducer, "504", "late <&> \u0001")),
            ProducerAnswerReader.Read(new ProducerAnswer(200, Utf8.Bytes(Payloads.GmhAnswer("DOC-C"))), BuiltIns.MedicationHistory, "SYS-C", At),
        };

        var document = Render(AggregatedResponse.Build(BuiltIns.MedicationHistory, branches, "corr-42", Stockholm));

        XNamespace soap = Payloads.Soap;
        XNamespace core = Payloads.GmhCore;
        var body = document.Root!.Element(soap + "Body")!.Elements().Single();
        Assert.That(body.Descendants(core + "documentId").Select(d => d.Value), Is.EqualTo(new[] { "DOC-A", "DOC-C" }));
        Assert.That(body.Elements().Last().Name.LocalName, Is.EqualTo("result"));
        Assert.That(body.Elements().Last().Element(core + "resultCode")!.Value, Is.EqualTo("INFO"));
        Assert.That(body.Elements().Last().Element(core + "logId")!.Value, Is.EqualTo("corr-42"));
        OfficialSchemas.AssertValid(OfficialSchemas.MedicationHistory, body, "the merged body");

        var status = document.Root.Element(soap + "Header")!.Elements().Single();
        OfficialSchemas.AssertValid(OfficialSchemas.Headers, status, "the ProcessingStatus header");
        var records = status.Elements().Select(StatusRecord.From).ToList();
        Assert.That(records.Select(r => (r.LogicalAddress, r.StatusCode)), Is.EqualTo(new[]
        {
            ("SYS-A", "DataFromSource"), ("SYS-B", "NoDataSynchFailed"), ("SYS-C", "DataFromSource"),
        }));
        Assert.That(records[0].LastSuccessfulSynch, Is.EqualTo("20250601120000"), "Swedish local time (CEST) without zone");
        Assert.That(records[1].Text, Is.EqualTo("late <&> "), "characters XML cannot carry are dropped, the rest escaped");
        Assert.That(records[1].LastSuccessfulSynch, Is.Empty);
    }

    [Test]
    public void No_producers_give_an_empty_answer_with_an_empty_ProcessingStatus()
    {
        var document = Render(AggregatedResponse.Build(BuiltIns.Schedule, [], "corr", Stockholm));

        XNamespace soap = Payloads.Soap;
        var body = document.Root!.Element(soap + "Body")!.Elements().Single();
        var status = document.Root.Element(soap + "Header")!.Elements().Single();
        Assert.That(body.Name, Is.EqualTo(XName.Get("GetSubjectOfCareScheduleResponse", Payloads.Schedule)));
        Assert.That(body.HasElements, Is.False);
        Assert.That(status.HasElements, Is.False);
        OfficialSchemas.AssertValid(OfficialSchemas.Scheduling, body, "the empty body");
        OfficialSchemas.AssertValid(OfficialSchemas.Headers, status, "the empty ProcessingStatus");
    }
}
