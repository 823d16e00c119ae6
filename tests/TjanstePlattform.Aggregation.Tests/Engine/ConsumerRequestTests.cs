using System.Text;
using TjanstePlattform.Aggregation.Engine;
using TjanstePlattform.Aggregation.Tests.Support;

namespace TjanstePlattform.Aggregation.Tests.Engine;

/// <summary>The contract comes from the body, the patient and filters from the descriptor's paths; bad input is named.</summary>
public class ConsumerRequestTests
{
    [Test]
    public void Contract_patient_and_source_system_filter_are_read_from_the_body()
    {
        var (request, error) = ConsumerRequests.Read(Utf8.Bytes(Payloads.GmhRequest("191212121212", sourceSystem: "SE-SYS-1")));

        Assert.That(error, Is.Null);
        Assert.That(request!.Contract.Name, Is.EqualTo("GetMedicationHistory-2"));
        Assert.That(request.PatientId, Is.EqualTo("191212121212"));
        Assert.That(request.SourceSystem, Is.EqualTo("SE-SYS-1"));
        Assert.That(request.Categorizations, Is.Empty);
    }

    [Test]
    public void Type_of_request_values_become_the_categorization_filter()
    {
        var (request, _) = ConsumerRequests.Read(Utf8.Bytes(Payloads.RequestsRequest("191212121212", "1", "3")));

        Assert.That(request!.Categorizations, Is.EqualTo(new[] { "1", "3" }));
        Assert.That(request.PatientId, Is.EqualTo("191212121212"));
    }

    [Test]
    public void An_official_consumer_request_is_understood()
    {
        var bytes = File.ReadAllBytes(Testing.RivtaOracle.PathOf("samples", "GetSubjectOfCareSchedule", "agp_TC1_request_with_Actor.xml"));
        var (request, error) = ConsumerRequests.Read(bytes);

        Assert.That(error, Is.Null);
        Assert.That(request!.Contract.Name, Is.EqualTo("GetSubjectOfCareSchedule-1"));
        Assert.That(request.PatientId, Is.EqualTo("121212121212"));
    }

    [TestCase("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><x:Other xmlns:x=\"urn:riv:other:OtherResponder:1\"/></soapenv:Body></soapenv:Envelope>", "is not aggregated by this platform")]
    [TestCase("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><x:GetMedicationHistory xmlns:x=\"urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2\"/></soapenv:Body></soapenv:Envelope>", "no patient id (patientId/id)")]
    [TestCase("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><x:GetMedicationHistory xmlns:x=\"urn:riv", "not well-formed")]
    [TestCase("<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>", "not well-formed")]
    [TestCase("<Envelope/>", "is not a SOAP 1.1 envelope")]
    public void Bad_requests_are_refused_with_a_precise_reason(string envelope, string reason)
    {
        var (request, error) = ConsumerRequests.Read(Encoding.UTF8.GetBytes(envelope));

        Assert.That(request, Is.Null);
        Assert.That(error, Does.Contain(reason));
    }
}
