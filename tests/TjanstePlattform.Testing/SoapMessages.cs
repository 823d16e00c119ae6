using System.Net.Http.Headers;
using System.Text;

namespace TjanstePlattform.Testing;

/// <summary>Hand-written RIVTA envelopes for tests that need exact bytes on the wire.</summary>
public static class SoapMessages
{
    public const string GetMedicationHistoryNamespace = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";

    /// <summary>A BP 2.1 GetMedicationHistory request; <paramref name="logicalAddress"/> null leaves the header out.</summary>
    public static string GetMedicationHistory(string? logicalAddress, string patientId = "191212121212", string extraBody = "") => $"""
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:riv:itintegration:registry:1" xmlns:urn1="{GetMedicationHistoryNamespace}" xmlns:urn2="urn:riv:clinicalprocess:activityprescription:actoutcome:2">
          <soapenv:Header>{(logicalAddress is null ? "" : $"<urn:LogicalAddress>{logicalAddress}</urn:LogicalAddress>")}</soapenv:Header>
          <soapenv:Body>
            <urn1:GetMedicationHistory>
              <urn1:patientId><urn2:id>{patientId}</urn2:id><urn2:type>1.2.752.129.2.1.3.1</urn2:type></urn1:patientId>{extraBody}
            </urn1:GetMedicationHistory>
          </soapenv:Body>
        </soapenv:Envelope>
        """;

    /// <summary>A minimal producer answer.</summary>
    public static string GetMedicationHistoryResponse(string extraBody = "") => $"""
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetMedicationHistoryResponse xmlns="{GetMedicationHistoryNamespace}">{extraBody}<result><resultCode>OK</resultCode></result></GetMedicationHistoryResponse></soap:Body></soap:Envelope>
        """;

    /// <summary>A producer's own SOAP fault.</summary>
    public const string ProducerFault = """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Producer says no</faultstring></soap:Fault></soap:Body></soap:Envelope>
        """;

    /// <summary>Builds a POST with text/xml and the given sender.</summary>
    public static HttpRequestMessage Post(Uri uri, string envelope, string? senderId = "TEST-CONSUMER")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(envelope, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
        if (senderId is not null)
        {
            request.Headers.TryAddWithoutValidation("x-vp-sender-id", senderId);
        }

        return request;
    }
}
