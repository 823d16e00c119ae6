using System.Net;
using System.Text;
using System.Xml.Linq;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Lookups;

/// <summary>GetSupportedServiceContracts 2 and SokVagvalsInfo v2 answered from the published catalog.</summary>
public class RegistryLookupTests
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Supported = DemoCatalog.GetSupportedServiceContractsContract;
    private static readonly XNamespace Core = "urn:riv:infrastructure:itintegration:registry:2";
    private static readonly XNamespace V2 = "urn:skl:tp:vagvalsinfo:v2";
    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _platform = await TestPlatform.StartAsync();
        // A caller of the look-ups' own paths is admitted like a router consumer: whitelisted, with a sender.
        _platform.Http.DefaultRequestHeaders.Add("x-vp-sender-id", "TEST-CONSUMER");
        await _platform.Http.PostJsonAsync("/api/v1/orders", Orders.OrderApiTests.Order(Date(Today), "https://lookup.example/x"));
        await _platform.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: "*", contract: "urn:riv:example:EverywhereResponder:1"));
        await _platform.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: "TEST-001", contract: "urn:riv:example:LaterResponder:1", validFrom: Date(Today.AddDays(1))));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task Supported_contracts_are_those_routed_today_at_the_address_or_everywhere()
    {
        var answer = await PostAsync(DemoCatalog.GetSupportedServiceContractsPath, SupportedRequest(null, "TEST-001"));
        var contracts = answer.Elements(Supported + "serviceContractNamespace").Select(e => e.Element(Core + "ServiceContractNamespace")!.Value).ToList();
        Assert.That(contracts, Does.Contain("urn:riv:clinicalprocess:activity:actions:GetActivitiesResponder:2").And.Contain("urn:riv:example:EverywhereResponder:1"));
        Assert.That(contracts, Does.Not.Contain("urn:riv:example:LaterResponder:1"), "not valid today");
    }

    [Test]
    public async Task With_a_consumer_only_the_contracts_it_is_authorized_for_are_supported()
    {
        var answer = await PostAsync(DemoCatalog.GetSupportedServiceContractsPath, SupportedRequest("KONS-001", "TEST-001"));
        Assert.That(answer.Elements(Supported + "serviceContractNamespace").Select(e => e.Element(Core + "ServiceContractNamespace")!.Value),
            Is.EqualTo(new[] { "urn:riv:clinicalprocess:activity:actions:GetActivitiesResponder:2" }));
    }

    [Test]
    public async Task A_request_without_a_logical_address_gets_a_client_fault()
    {
        var response = await _platform.Http.PostAsync(DemoCatalog.GetSupportedServiceContractsPath, Xml(SupportedRequest("KONS-001", " ")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var fault = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Soap + "Fault").Single();
        Assert.That(fault.Element("faultcode")!.Value, Is.EqualTo("soap:Client"));
        Assert.That(fault.Element("detail")!.Value, Does.Contain("logicalAdress"));
    }

    [Test]
    public async Task SokVagvalsInfo_lists_routings_authorizations_contracts_and_components()
    {
        var routings = await PostAsync(DemoCatalog.SokVagvalsInfoPath, VagvalsInfo("hamtaAllaVirtualiseringar"));
        Assert.That(routings.Name, Is.EqualTo(V2 + "hamtaAllaVirtualiseringarResponse"));
        var routing = routings.Elements(V2 + "virtualiseringsInfo").Single(v => v.Element(V2 + "adress")!.Value == "https://lookup.example/x");
        Assert.That(routing.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[]
        {
            "virtualiseringsInfoId", "receiverId", "rivProfil", "tjansteKontrakt", "fromTidpunkt", "tomTidpunkt", "adress",
        }));
        Assert.That(routing.Element(V2 + "receiverId")!.Value, Is.EqualTo("TEST-001"));
        Assert.That(routing.Element(V2 + "rivProfil")!.Value, Is.EqualTo("RIVTABP21"));
        Assert.That(routing.Element(V2 + "fromTidpunkt")!.Value, Does.StartWith(Date(Today) + "T00:00:00"));

        var authorizations = await PostAsync(DemoCatalog.SokVagvalsInfoPath, VagvalsInfo("hamtaAllaAnropsBehorigheter"));
        var authorization = authorizations.Elements(V2 + "anropsBehorighetsInfo").Single(a => a.Element(V2 + "senderId")!.Value == "KONS-001");
        Assert.That(authorization.Element(V2 + "receiverId")!.Value, Is.EqualTo("TEST-001"));

        var contracts = await PostAsync(DemoCatalog.SokVagvalsInfoPath, VagvalsInfo("hamtaAllaTjanstekontrakt"));
        var contract = contracts.Elements(V2 + "tjanstekontraktInfo").Single(c => c.Element(V2 + "namnrymd")!.Value == "urn:riv:clinicalprocess:activity:actions:GetActivitiesResponder:2");
        Assert.That((contract.Element(V2 + "majorVersion")!.Value, contract.Element(V2 + "minorVersion")!.Value, contract.Element(V2 + "beskrivning")!.Value),
            Is.EqualTo(("2", "0", "Returnerar aktiviteter.")));

        var components = await PostAsync(DemoCatalog.SokVagvalsInfoPath, VagvalsInfo("hamtaAllaTjanstekomponenter"));
        var producer = components.Elements(V2 + "tjanstekomponentInfo").Single(c => c.Element(V2 + "hsaId")!.Value == "PROD-001");
        var endpoint = producer.Element(V2 + "anropsAdressInfo")!;
        Assert.That(endpoint.Element(V2 + "adress")!.Value, Is.EqualTo("https://lookup.example/x"));
        Assert.That(endpoint.Element(V2 + "vagvalsInfo")!.Element(V2 + "logiskAdressBeskrivning")!.Value, Is.EqualTo("Logisk adress 1"));
        var consumer = components.Elements(V2 + "tjanstekomponentInfo").Single(c => c.Element(V2 + "hsaId")!.Value == "KONS-001");
        Assert.That(consumer.Element(V2 + "anropsbehorighetInfo")!.Element(V2 + "logiskAdressHsaId")!.Value, Is.EqualTo("TEST-001"));
    }

    private async Task<XElement> PostAsync(string path, string envelope)
    {
        var response = await _platform.Http.PostAsync(path, Xml(envelope));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return XDocument.Parse(text).Root!.Element(Soap + "Body")!.Elements().Single();
    }

    private static StringContent Xml(string envelope) => new(envelope, Encoding.UTF8, "text/xml");

    private static string SupportedRequest(string? consumer, string address) => $"""
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:itr="urn:riv:itintegration:registry:1" xmlns:g="{DemoCatalog.GetSupportedServiceContractsContract}">
          <soapenv:Header><itr:LogicalAddress>5565594230</itr:LogicalAddress></soapenv:Header>
          <soapenv:Body><g:GetSupportedServiceContracts>{(consumer is null ? "" : $"<g:serviceConsumerHsaId>{consumer}</g:serviceConsumerHsaId>")}<g:logicalAdress>{address}</g:logicalAdress></g:GetSupportedServiceContracts></soapenv:Body>
        </soapenv:Envelope>
        """;

    private static string VagvalsInfo(string operation) => $"""
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:v2="urn:skl:tp:vagvalsinfo:v2">
          <soapenv:Header/>
          <soapenv:Body><v2:{operation}/></soapenv:Body>
        </soapenv:Envelope>
        """;
}
