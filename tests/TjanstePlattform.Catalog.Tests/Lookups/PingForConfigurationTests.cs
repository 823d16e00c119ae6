using System.Net;
using System.Text;
using System.Xml.Linq;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Catalog.Tests.Lookups;

public class PingForConfigurationTests
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Responder = DemoCatalog.PingForConfigurationContract;
    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _platform = await TestPlatform.StartAsync();

        // A caller of the look-up's own path is admitted like a router consumer: whitelisted, with a sender.
        _platform.Http.DefaultRequestHeaders.Add("x-vp-sender-id", "TEST-CONSUMER");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task The_platform_answers_a_ping_at_its_direct_path()
    {
        var response = await PostAsync(DemoCatalog.PingForConfigurationPath, Ping("5565594230"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/xml; charset=UTF-8"));
        var answer = XDocument.Parse(text).Root!.Element(Soap + "Body")!.Element(Responder + "PingForConfigurationResponse")!;
        Assert.That(answer.Element(Responder + "version")!.Value, Is.Not.Empty);
        Assert.That(answer.Element(Responder + "pingDateTime")!.Value, Does.Match("^[0-9]{14}$"));
        var configuration = answer.Elements(Responder + "configuration").ToDictionary(c => c.Element(Responder + "name")!.Value, c => c.Element(Responder + "value")!.Value);
        Assert.That(configuration["HsaId"], Is.EqualTo("5565594230"));
        Assert.That(configuration["logicalAddress"], Is.EqualTo("5565594230"));
    }

    [Test]
    public async Task The_ping_time_is_Swedish_local_time_like_ProcessingStatus()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var response = await PostAsync(DemoCatalog.PingForConfigurationPath, Ping("5565594230"));
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        var text = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Responder + "pingDateTime").Single().Value;
        var local = DateTime.ParseExact(text, "yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, sweden), TimeSpan.Zero);
        Assert.That(utc, Is.InRange(before, after), $"{text} read as Swedish time");
    }

    [TestCase("<not xml", "not well-formed")]
    [TestCase("<!DOCTYPE x [<!ENTITY e 'x'>]><x/>", "not well-formed")]
    [TestCase("<x/>", "not a SOAP 1.1 envelope")]
    public async Task Unreadable_requests_get_a_client_fault(string body, string reason)
    {
        var response = await PostAsync(DemoCatalog.PingForConfigurationPath, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var fault = XDocument.Parse(text).Descendants(Soap + "Fault").Single();
        Assert.That(fault.Element("faultcode")!.Value, Is.EqualTo("soap:Client"));
        Assert.That(fault.Element("detail")!.Element("detailString")!.Value, Does.Contain(reason));
    }

    [Test]
    public async Task A_body_of_another_contract_gets_a_client_fault_naming_the_expected_element()
    {
        var body = Ping("x").Replace(DemoCatalog.PingForConfigurationContract, "urn:riv:other:Responder:1", StringComparison.Ordinal);
        var response = await PostAsync(DemoCatalog.PingForConfigurationPath, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(text, Does.Contain("Invalid request: Expected {urn:riv:itintegration:monitoring:PingForConfigurationResponder:1}PingForConfiguration in the Body but found {urn:riv:other:Responder:1}"));
    }

    internal static string Ping(string logicalAddress) => $"""
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:riv:itintegration:registry:1" xmlns:urn1="{DemoCatalog.PingForConfigurationContract}">
          <soapenv:Header><urn:LogicalAddress>{logicalAddress}</urn:LogicalAddress></soapenv:Header>
          <soapenv:Body>
            <urn1:PingForConfiguration>
              <urn1:serviceContractNamespace>{DemoCatalog.PingForConfigurationContract}</urn1:serviceContractNamespace>
              <urn1:logicalAddress>{logicalAddress}</urn1:logicalAddress>
            </urn1:PingForConfiguration>
          </soapenv:Body>
        </soapenv:Envelope>
        """;

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        _platform.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "text/xml"));
}
