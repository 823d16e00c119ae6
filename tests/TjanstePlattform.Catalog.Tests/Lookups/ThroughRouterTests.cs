using System.Net;
using System.Text;
using System.Xml.Linq;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Catalog.Tests.Lookups;

/// <summary>The platform's look-ups are ordinary producers in the catalog: reached through /vp like any contract.</summary>
public class ThroughRouterTests
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _platform = await TestPlatform.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task The_demo_consumer_pings_the_platform_through_the_router()
    {
        var (status, body) = await RouteAsync(DemoCatalog.PingForConfigurationRouterPath, PingForConfigurationTests.Ping("5565594230"), DemoCatalog.Consumer);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.Name, Is.EqualTo(XName.Get("PingForConfigurationResponse", DemoCatalog.PingForConfigurationContract)));
    }

    [Test]
    public async Task The_official_GetLogicalAddressees_request_is_answered_through_the_router_once_its_receiver_is_set()
    {
        var official = File.ReadAllText(RivtaOracle.PathOf("samples", "platform", "05_tak_GetLogicalAddresseesByServiceContract_v2_request.xml"));

        // As published, its LogicalAddress header is '?' in the registry 2 core namespace, not the BP 2.1 header: VP003.
        var (status, fault) = await RouteAsync(DemoCatalog.GetLogicalAddresseesRouterPath, official, DemoCatalog.Consumer);
        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(fault.Element("faultstring")!.Value, Does.StartWith("VP003"));

        var addressed = official
            .Replace("<urn:LogicalAddress>?</urn:LogicalAddress>", "<itr:LogicalAddress xmlns:itr=\"urn:riv:itintegration:registry:1\">5565594230</itr:LogicalAddress>", StringComparison.Ordinal);
        var (answered, body) = await RouteAsync(DemoCatalog.GetLogicalAddresseesRouterPath, addressed, DemoCatalog.Consumer);
        Assert.That(answered, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.Name.LocalName, Is.EqualTo("GetLogicalAddresseesByServiceContractResponse"));
    }

    [Test]
    public async Task SokVagvalsInfo_is_answered_through_the_router_and_an_unauthorized_consumer_gets_VP007()
    {
        const string request = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:itr="urn:riv:itintegration:registry:1" xmlns:v2="urn:skl:tp:vagvalsinfo:v2">
              <soapenv:Header><itr:LogicalAddress>5565594230</itr:LogicalAddress></soapenv:Header>
              <soapenv:Body><v2:hamtaAllaTjanstekontrakt/></soapenv:Body>
            </soapenv:Envelope>
            """;
        var (status, body) = await RouteAsync(DemoCatalog.SokVagvalsInfoRouterPath, request, DemoCatalog.Consumer);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.Elements().Select(e => e.Elements().First().Value), Does.Contain(DemoCatalog.SokVagvalsInfoContract));

        var (refused, fault) = await RouteAsync(DemoCatalog.SokVagvalsInfoRouterPath, request, "SOMEONE-UNKNOWN");
        Assert.That(refused, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(fault.Element("faultstring")!.Value, Does.StartWith("VP007"));
    }

    private async Task<(HttpStatusCode Status, XElement Body)> RouteAsync(string path, string envelope, string sender)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _platform.Router(path)) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Add("x-vp-sender-id", sender);
        using var response = await _platform.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, XDocument.Parse(text).Root!.Element(Soap + "Body")!.Elements().Single());
    }
}
