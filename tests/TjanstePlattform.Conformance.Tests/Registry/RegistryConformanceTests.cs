using System.Text;
using System.Xml.Linq;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Contracts.Monitoring.PingForConfiguration;
using TjanstePlattform.Contracts.Registry;
using TjanstePlattform.Contracts.Registry.GetLogicalAddresseesByServiceContract;
using TjanstePlattform.Contracts.Registry.GetSupportedServiceContracts;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Conformance.Tests.Registry;

/// <summary>
/// The platform's own look-ups (GetLogicalAddresseesByServiceContract 2, GetSupportedServiceContracts 2,
/// PingForConfiguration 1): contract types, the project's WSDL trees and samples, and the platform's answers,
/// all held against the official infrastructure_itintegration_registry_2.0 and itintegration_monitoring_1.0 releases.
/// </summary>
public class RegistryConformanceTests
{
    private const string OfficialRegistry = "infrastructure_itintegration_registry_2.0";
    private const string OfficialMonitoring = "itintegration_monitoring_1.0";
    private const string ProjectRegistry = "infrastructure_itintegration_registry";
    private const string ProjectMonitoring = "itintegration_monitoring";
    private const string OfficialRequest = "platform/05_tak_GetLogicalAddresseesByServiceContract_v2_request.xml";
    private static readonly XName LogicalAddress = XName.Get("LogicalAddress", RegistryNamespaces.ItIntegrationRegistry1);
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    private static IEnumerable<TestCaseData> RegistrySamples() =>
        ProjectSamples.Cases("GetLogicalAddresseesByServiceContract").Concat(ProjectSamples.Cases("GetSupportedServiceContracts"));

    private static IEnumerable<TestCaseData> MonitoringSamples() => ProjectSamples.Cases("PingForConfiguration");

    [Test]
    public void Official_GetLogicalAddressees_request_is_valid_and_round_trips_through_the_contract_types()
    {
        var envelope = OfficialSamples.Load(OfficialRequest);
        var official = SchemaTree.Official(OfficialRegistry);
        SchemaValidation.AssertValid(official, envelope.BodyRoot, OfficialRequest);

        var request = MessageContractCodec.Read<GetLogicalAddresseesByServiceContractRequest>(envelope.Document, GetLogicalAddresseesByServiceContractNamespaces.SoapAction);
        Assert.That(request.GetLogicalAddresseesByServiceContract!.ServiceConsumerHsaId, Is.EqualTo("5565594230"));
        Assert.That(request.GetLogicalAddresseesByServiceContract.ServiceContractNameSpace.ServiceContractNamespace,
            Is.EqualTo("urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1"));

        // The sample puts its LogicalAddress header in the registry 2 core namespace (with SoapUI's '?'), not the
        // BP 2.1 header namespace: the contract type does not bind it and the router would answer VP003.
        Assert.That(request.LogicalAddress, Is.Null);

        request.LogicalAddress = "5565594230";
        var written = SoapEnvelope.Parse(MessageContractCodec.Write(request, GetLogicalAddresseesByServiceContractNamespaces.SoapAction).ToString());
        SchemaValidation.AssertValid(official, written.BodyRoot, "re-serialized request");
        SchemaValidation.AssertValid(official, written.Header(LogicalAddress)!, "re-serialized LogicalAddress header");
        XmlEquivalence.AssertEquivalent(envelope.BodyRoot, written.BodyRoot, OfficialRequest);
    }

    [TestCaseSource(nameof(RegistrySamples))]
    public void Project_registry_sample_is_valid_against_the_official_and_project_schemas(string name)
    {
        var envelope = ProjectSamples.Load(name);
        Assert.That(envelope.IsEnvelope, Is.True);
        Assert.That(envelope.Header(LogicalAddress)?.Value, Is.EqualTo("5565594230"));
        foreach (var tree in new[] { SchemaTree.Official(OfficialRegistry), SchemaTree.Project(ProjectRegistry) })
        {
            SchemaValidation.AssertValid(tree, envelope.BodyRoot, name);
            SchemaValidation.AssertValid(tree, envelope.Header(LogicalAddress)!, $"{name} LogicalAddress");
        }
    }

    [TestCaseSource(nameof(MonitoringSamples))]
    public void Project_ping_sample_is_valid_against_the_official_and_project_schemas(string name)
    {
        var envelope = ProjectSamples.Load(name);
        foreach (var tree in new[] { SchemaTree.Official(OfficialMonitoring), SchemaTree.Project(ProjectMonitoring) })
        {
            SchemaValidation.AssertValid(tree, envelope.BodyRoot, name);
            SchemaValidation.AssertValid(tree, envelope.Header(LogicalAddress)!, $"{name} LogicalAddress");
        }

        var request = MessageContractCodec.Read<PingForConfigurationRequest>(envelope.Document, PingForConfigurationNamespaces.SoapAction);
        Assert.That(request.LogicalAddress, Is.EqualTo(envelope.Header(LogicalAddress)!.Value));
        Assert.That(request.PingForConfiguration!.ServiceContractNamespace, Is.EqualTo(PingForConfigurationNamespaces.Responder));
    }

    [Test]
    public void Project_wsdls_have_the_rivta_shape_and_resolve_their_imports()
    {
        foreach (var (tree, op, responder, version) in new[]
                 {
                     (ProjectRegistry, "GetLogicalAddresseesByServiceContract", GetLogicalAddresseesByServiceContractNamespaces.Responder, "2.0"),
                     (ProjectRegistry, "GetSupportedServiceContracts", GetSupportedServiceContractsNamespaces.Responder, "2.0"),
                     (ProjectMonitoring, "PingForConfiguration", PingForConfigurationNamespaces.Responder, "1.0"),
                 })
        {
            var major = version[..1];
            var domain = tree == ProjectRegistry ? "infrastructure:itintegration:registry" : "itintegration:monitoring";
            ProjectWsdl.AssertWellFormed(
                SchemaTree.ProjectPath(tree, "interactions", $"{op}Interaction", $"{op}Interaction_{version}_RIVTABP21.wsdl"),
                $"urn:riv:{domain}:{op}:{major}:rivtabp21",
                $"{responder}:{op}",
                XName.Get(op, responder),
                XName.Get(op + "Response", responder));
        }
    }

    [Test]
    public void Contract_types_write_responses_valid_against_the_official_schemas()
    {
        var addressees = new GetLogicalAddresseesByServiceContractResponse(new GetLogicalAddresseesByServiceContractResponseType
        {
            LogicalAddressRecord =
            [
                new LogicalAddresseeRecordType { LogicalAddress = "SE-SUB-1", Filter = [new FilterType { ServiceDomain = "riv:clinicalprocess:activityprescription:actoutcome", Categorization = ["caa-gmh"] }] },
                new LogicalAddresseeRecordType { LogicalAddress = "*" },
            ],
        });
        var supported = new GetSupportedServiceContractsResponse(new GetSupportedServiceContractsResponseType
        {
            ServiceContractNamespace = [new ServiceContractNamespaceType(PingForConfigurationNamespaces.Responder)],
        });
        var ping = new PingForConfigurationResponse(new PingForConfigurationResponseType
        {
            Version = "1.0.0",
            PingDateTime = "20250101120000",
            Configuration = [new ConfigurationType("HsaId", "5565594230")],
        });

        SchemaValidation.AssertValid(SchemaTree.Official(OfficialRegistry),
            SoapEnvelope.Parse(MessageContractCodec.Write(addressees, "*").ToString()).BodyRoot, "GetLogicalAddresseesByServiceContractResponse");
        SchemaValidation.AssertValid(SchemaTree.Official(OfficialRegistry),
            SoapEnvelope.Parse(MessageContractCodec.Write(supported, "*").ToString()).BodyRoot, "GetSupportedServiceContractsResponse");
        SchemaValidation.AssertValid(SchemaTree.Official(OfficialMonitoring),
            SoapEnvelope.Parse(MessageContractCodec.Write(ping, "*").ToString()).BodyRoot, "PingForConfigurationResponse");
    }

    [Test]
    public async Task The_platforms_answers_to_the_project_samples_are_valid_against_the_official_schemas()
    {
        await using var platform = await TestPlatform.StartAsync();
        platform.Http.DefaultRequestHeaders.Add("x-vp-sender-id", "TEST-CONSUMER");
        foreach (var (path, sample, tree, expected) in new[]
                 {
                     (DemoCatalog.GetLogicalAddresseesPath, "GetLogicalAddresseesByServiceContract/01_happy_path_demo_consumer.xml", OfficialRegistry, "GetLogicalAddresseesByServiceContractResponse"),
                     (DemoCatalog.GetSupportedServiceContractsPath, "GetSupportedServiceContracts/01_happy_path_demo_consumer.xml", OfficialRegistry, "GetSupportedServiceContractsResponse"),
                     (DemoCatalog.PingForConfigurationPath, "PingForConfiguration/01_happy_path_platform.xml", OfficialMonitoring, "PingForConfigurationResponse"),
                 })
        {
            var response = await platform.Http.PostAsync(path, new StringContent(File.ReadAllText(ProjectSamples.PathOf(sample)), Encoding.UTF8, "text/xml"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
            var answer = SoapEnvelope.Parse(text);
            Assert.That(answer.BodyRoot.Name.LocalName, Is.EqualTo(expected));
            SchemaValidation.AssertValid(SchemaTree.Official(tree), answer.BodyRoot, $"answer to {sample}");
        }
    }

    [Test]
    public async Task The_official_GetLogicalAddressees_request_is_answered_with_the_subscribers_valid_today()
    {
        await using var platform = await TestPlatform.StartAsync();
        platform.Http.DefaultRequestHeaders.Add("x-vp-sender-id", "TEST-CONSUMER");
        var catalog = new CatalogApi(platform.Http);
        var official = File.ReadAllText(OfficialSamples.PathOf(OfficialRequest));
        XNamespace ns = GetLogicalAddresseesByServiceContractNamespaces.Responder;

        // Other parts (the engagement index) may register their own subscriptions: those are the baseline.
        var before = SoapEnvelope.Parse(await (await platform.Http.PostAsync(DemoCatalog.GetLogicalAddresseesPath, new StringContent(official, Encoding.UTF8, "text/xml"))).Content.ReadAsStringAsync())
            .BodyRoot.Elements(ns + "logicalAddressRecord").Select(r => r.Element(ns + "logicalAddress")!.Value).ToList();
        const string ProcessNotification = "urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1";
        var today = DateOnly.FromDateTime(DateTime.Now);
        await catalog.AddCooperationAsync("5565594230", "SE-SUBSCRIBER-A", ProcessNotification,
            filters: [new System.Text.Json.Nodes.JsonObject { ["serviceDomain"] = "riv:clinicalprocess:activityprescription:actoutcome", ["categorizations"] = new System.Text.Json.Nodes.JsonArray("caa-gmh") }]);
        await catalog.AddCooperationAsync("5565594230", "SE-SUBSCRIBER-B", ProcessNotification);
        await catalog.AddCooperationAsync("5565594230", "SE-EXPIRED", ProcessNotification, validFrom: "2020-01-01", validTo: today.AddDays(-1).ToString("yyyy-MM-dd"));
        await catalog.AddCooperationAsync("5565594230", "SE-FUTURE", ProcessNotification, validFrom: today.AddDays(1).ToString("yyyy-MM-dd"));
        await catalog.AddCooperationAsync("SOMEONE-ELSE", "SE-OTHER", ProcessNotification);

        var response = await platform.Http.PostAsync(DemoCatalog.GetLogicalAddresseesPath, new StringContent(official, Encoding.UTF8, "text/xml"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        var body = SoapEnvelope.Parse(text).BodyRoot;
        SchemaValidation.AssertValid(SchemaTree.Official(OfficialRegistry), body, "answer to the official request");
        var records = body.Elements(ns + "logicalAddressRecord").ToDictionary(r => r.Element(ns + "logicalAddress")!.Value);
        Assert.That(records.Keys.Except(before), Is.EquivalentTo(new[] { "SE-SUBSCRIBER-A", "SE-SUBSCRIBER-B" }),
            "only authorizations valid today, for this consumer (the reference also returns expired and future ones)");
        var filter = records["SE-SUBSCRIBER-A"].Element(ns + "filter")!;
        Assert.That(filter.Element(ns + "serviceDomain")!.Value, Is.EqualTo("riv:clinicalprocess:activityprescription:actoutcome"));
        Assert.That(filter.Elements(ns + "categorization").Select(c => c.Value), Is.EqualTo(new[] { "caa-gmh" }));
        Assert.That(records["SE-SUBSCRIBER-B"].Elements(ns + "filter"), Is.Empty);
    }
}
