using System.IO.Pipelines;
using System.Text;
using TjanstePlattform.Soap.Envelope;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Soap.Tests.Envelope;

public class EnvelopeHeadReaderTests
{
    private const string Bp21 = """
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:riv:itintegration:registry:1">
          <soapenv:Header><urn:LogicalAddress>SE123</urn:LogicalAddress></soapenv:Header>
          <soapenv:Body><x:GetMedicationHistory xmlns:x="urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2"><x:patientId/></x:GetMedicationHistory></soapenv:Body>
        </soapenv:Envelope>
        """;

    [Test]
    public void Reads_receiver_and_contract_of_a_bp21_request()
    {
        var (head, error) = EnvelopeHeadReader.Read(Encoding.UTF8.GetBytes(Bp21));
        Assert.That(error, Is.Null);
        Assert.That(head!.Receiver, Is.EqualTo("SE123"));
        Assert.That(head.Profile, Is.EqualTo(RivProfile.RivtaBp21));
        Assert.That(head.ContractNamespace, Is.EqualTo("urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2"));
        Assert.That(head.BodyElementName, Is.EqualTo("GetMedicationHistory"));
    }

    [Test]
    public void Reads_the_official_router_sample_with_any_prefix()
    {
        var bytes = File.ReadAllBytes(RivtaOracle.PathOf("samples", "platform", "01_vp_rivtabp21_request_GetSubjectOfCareSchedule.xml"));
        var (head, error) = EnvelopeHeadReader.Read(bytes);
        Assert.That(error, Is.Null);
        Assert.That(head!.Receiver, Is.EqualTo("RIVTA21REQUEST"));
        Assert.That(head.ContractNamespace, Is.EqualTo("urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1"));
    }

    [Test]
    public void Reads_a_bp20_wsa_To_receiver()
    {
        var bytes = File.ReadAllBytes(RivtaOracle.PathOf("samples", "platform", "03a_vp_rivconv_input_rivtabp20_PingForConfiguration.xml"));
        var (head, error) = EnvelopeHeadReader.Read(bytes);
        Assert.That(error, Is.Null);
        Assert.That(head!.Profile, Is.EqualTo(RivProfile.RivtaBp20));
        Assert.That(head.Receiver, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void Keeps_whitespace_around_the_receiver()
    {
        var (head, _) = EnvelopeHeadReader.Read(Encoding.UTF8.GetBytes(Bp21.Replace(">SE123<", "> SE123 <")));
        Assert.That(head!.Receiver, Is.EqualTo(" SE123 "));
    }

    [Test]
    public void Last_LogicalAddress_wins()
    {
        var xml = Bp21.Replace("<urn:LogicalAddress>SE123</urn:LogicalAddress>", "<urn:LogicalAddress>A</urn:LogicalAddress><urn:LogicalAddress>B</urn:LogicalAddress>");
        var (head, _) = EnvelopeHeadReader.Read(Encoding.UTF8.GetBytes(xml));
        Assert.That(head!.Receiver, Is.EqualTo("B"));
    }

    [TestCase("<!DOCTYPE x [<!ENTITY e \"boom\">]><x/>")]
    [TestCase("not xml at all")]
    [TestCase("<x>unclosed")]
    [TestCase("<a xmlns=\"urn:x\"/>")]
    [TestCase("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>")]
    [TestCase("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header/></s:Envelope>")]
    public void Rejects_what_is_not_a_readable_soap_request(string body)
    {
        var (head, error) = EnvelopeHeadReader.Read(Encoding.UTF8.GetBytes(body));
        Assert.That(head, Is.Null);
        Assert.That(error, Is.Not.Null);
    }

    [Test]
    public async Task Peeking_consumes_nothing_even_when_bytes_arrive_in_small_pieces()
    {
        var bytes = Encoding.UTF8.GetBytes(Bp21);
        var pipe = new Pipe();
        var writer = Task.Run(async () =>
        {
            foreach (var chunk in bytes.Chunk(7))
            {
                await pipe.Writer.WriteAsync(chunk);
            }

            await pipe.Writer.CompleteAsync();
        });

        var (head, error) = await EnvelopeHeadReader.PeekAsync(pipe.Reader, CancellationToken.None);
        Assert.That(error, Is.Null);
        Assert.That(head!.Receiver, Is.EqualTo("SE123"));
        await writer;

        using var copy = new MemoryStream();
        await pipe.Reader.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(bytes));
    }

    [Test]
    public void Gives_up_when_no_body_appears_within_the_head_limit()
    {
        var huge = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><x xmlns=\"urn:x\">"
            + new string('a', EnvelopeHeadReader.MaxHeadBytes + 10) + "</x></s:Header><s:Body><y xmlns=\"urn:y\"/></s:Body></s:Envelope>";
        var (head, error) = EnvelopeHeadReader.Read(Encoding.UTF8.GetBytes(huge));
        Assert.That(head, Is.Null);
        Assert.That(error!.Detail, Does.Contain("first"));
    }
}
