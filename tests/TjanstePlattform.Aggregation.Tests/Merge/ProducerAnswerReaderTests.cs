using System.Text;
using System.Xml.Linq;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Aggregation.Tests.Support;

namespace TjanstePlattform.Aggregation.Tests.Merge;

/// <summary>One answer read into self-contained fragments, or a failure that blames the right component.</summary>
public class ProducerAnswerReaderTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static BranchOutcome Read(int status, string body, Aggregation.Descriptors.AggregatedContract? contract = null) =>
        ProducerAnswerReader.Read(new ProducerAnswer(status, Encoding.UTF8.GetBytes(body)), contract ?? BuiltIns.Schedule, "SE-UNIT-1", At);

    private static IReadOnlyList<XElement> Fragments(ReadOnlyMemory<byte> fragment) =>
        XElement.Parse("<root>" + Encoding.UTF8.GetString(fragment.Span) + "</root>").Elements().ToList();

    [Test]
    public void Records_are_copied_whole_with_their_namespaces_and_extensions_kept_apart()
    {
        var outcome = Read(200, Payloads.ScheduleAnswer("SE-UNIT-1", "191212121212", "b1", "b2"));

        Assert.That(outcome.Succeeded, Is.True);
        Assert.That(outcome.RecordCount, Is.EqualTo(2));
        var records = Fragments(outcome.Records);
        XNamespace core = Payloads.ScheduleCore;
        Assert.That(records.Select(r => r.Element(core + "bookingId")!.Value), Is.EqualTo(new[] { "b1", "b2" }));
        Assert.That(records[0].Element(core + "purpose")!.Value, Is.EqualTo("<p>Länk & info</p>"), "CDATA content survives");
        Assert.That(records[0].Element(XName.Get("isInvitation", "urn:riv:crm:scheduling:1.1")), Is.Not.Null, "minor-version element kept");

        var extensions = Fragments(outcome.Extensions);
        Assert.That(extensions.Single().Name, Is.EqualTo(XName.Get("sourceNote", Payloads.ExtensionNamespace)));
        Assert.That(extensions.Single().Attribute(XName.Get("from", Payloads.ExtensionNamespace))!.Value, Is.EqualTo("SE-UNIT-1"));
    }

    [Test]
    public void A_prefix_used_only_in_text_stays_declared_on_the_copied_record()
    {
        var answer = $"<s:Envelope xmlns:s=\"{Payloads.Soap}\" xmlns:r=\"{Payloads.Requests}\" xmlns:c=\"{Payloads.RequestsCore}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:q=\"urn:example:types\">" +
            "<s:Body><r:GetRequestActivitiesResponse><r:requestActivity><c:subjectOfCareId xsi:type=\"q:Special\">191212121212</c:subjectOfCareId></r:requestActivity>" +
            "<r:unknownContractElement>dropped</r:unknownContractElement></r:GetRequestActivitiesResponse></s:Body></s:Envelope>";

        var outcome = Read(200, answer, BuiltIns.Requests);

        var record = Fragments(outcome.Records).Single();
        Assert.That(record.GetNamespaceOfPrefix("q")?.NamespaceName, Is.EqualTo("urn:example:types"));
        Assert.That(outcome.Extensions.IsEmpty, Is.True, "contract-namespace elements other than the record are not merged");
    }

    [Test]
    public void The_producers_own_result_is_dropped()
    {
        var outcome = Read(200, Payloads.GmhEmptyAnswer(), BuiltIns.MedicationHistory);

        Assert.That(outcome.Succeeded, Is.True);
        Assert.That(outcome.RecordCount, Is.Zero);
        Assert.That(outcome.Records.IsEmpty && outcome.Extensions.IsEmpty, Is.True);
    }

    [TestCase("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><ns2:GetSubjectOfCareScheduleResponse xmlns:ns2=\"urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1\"><ns2:timeslotDetail>", "not well-formed")]
    [TestCase("this is not xml", "not well-formed")]
    [TestCase("<html><body>Service Unavailable</body></html>", "not a SOAP 1.1 envelope")]
    [TestCase("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><x:Other xmlns:x=\"urn:x\"/></soap:Body></soap:Envelope>", "Expected the answer element")]
    [TestCase("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>", "Body is empty")]
    [TestCase("", "empty body")]
    public void A_malformed_answer_fails_its_branch_as_the_producers_fault(string body, string reason)
    {
        var outcome = Read(200, body);

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Failure!.CausingAgent, Is.EqualTo(CausingAgent.ServiceProducer));
        Assert.That(outcome.Failure.Code, Is.EqualTo("200"));
        Assert.That(outcome.Failure.Text, Does.Contain(reason));
    }

    [Test]
    public void The_producers_SOAP_fault_is_its_own_and_a_VP_fault_is_the_platforms()
    {
        var producer = Read(500, Payloads.OfficialSoapFault());
        var platform = Read(500, Encoding.UTF8.GetString(Soap.Faults.SoapFaultWriter.Render(Soap.Faults.VpFaults.NotAuthorized(Payloads.Schedule, "SE-UNIT-1", "SE-1177"), "TJP")));

        Assert.That(producer.Failure, Is.EqualTo(new BranchFailure(CausingAgent.ServiceProducer, "500", "That's an error! (Illegal values!)")));
        Assert.That(platform.Failure!.CausingAgent, Is.EqualTo(CausingAgent.VirtualizationPlatform));
        Assert.That(platform.Failure.Code, Is.EqualTo("500"));
        Assert.That(platform.Failure.Text, Does.StartWith("VP007 [TJP] ").And.Contain("senderId: SE-1177"));
    }

    [Test]
    public void An_error_status_without_a_fault_keeps_the_status_as_code()
    {
        var outcome = Read(503, "<html>down</html>");

        Assert.That(outcome.Failure!.Code, Is.EqualTo("503"));
        Assert.That(outcome.Failure.Text, Does.Contain("HTTP status 503"));
    }
}
