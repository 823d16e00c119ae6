using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Soap.Validation;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;
using static TjanstePlattform.SourceSystems.Tests.Records.RecordCalls;

namespace TjanstePlattform.SourceSystems.Tests.Records;

/// <summary>
/// The official logistics 3.0 release as it ships (with its unreferenced hl7cda subtree) given to the platform through
/// Contracts:Directories: its WSDL is served, and the router (Validation:Mode Reject) validates GetCarePlans requests with it.
/// </summary>
public class ReleaseFolderPlatformTests : DemoWorldFixture
{
    private static readonly XNamespace Gcp = "urn:riv:clinicalprocess:logistics:logistics:GetCarePlansResponder:2";
    private static readonly XNamespace GcpCore = "urn:riv:clinicalprocess:logistics:logistics:3";

    private static string Release => RivtaOracle.PathOf("as-released", "clinicalprocess_logistics_logistics_3.0");

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Contracts:Directories:0"] = Release,
        ["Validation:Mode"] = "Reject",
    };

    [Test]
    public async Task The_release_loads_and_its_GetCarePlans_wsdl_is_served()
    {
        var validator = Platform.Services.GetRequiredService<IContractSchemaValidator>();
        using var response = await Platform.Http.GetAsync("/vp/clinicalprocess/logistics/logistics/GetCarePlans/2/rivtabp21?wsdl");
        var wsdl = await response.Content.ReadAsStringAsync();

        Assert.That(validator.Trees.Failed, Is.Empty, string.Join(Environment.NewLine, validator.Trees.Failed));
        Assert.That(validator.Trees.Loaded, Does.Contain(Path.GetFullPath(Release)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(wsdl, Does.Contain("GetCarePlansResponderInterface").And.Contain("?xsd="));
    }

    [Test]
    public async Task The_router_validates_GetCarePlans_requests_against_the_release()
    {
        var valid = new XElement(Gcp + "GetCarePlans", PersonId(Gcp, GcpCore, Tolvan));
        var invalid = new XElement(Gcp + "GetCarePlans", new XElement(Gcp + "patientId", new XElement(GcpCore + "id", Tolvan)));

        var (okStatus, okEnvelope) = await CallAsync(Platform, National, valid);
        var (badStatus, badEnvelope) = await CallAsync(Platform, National, invalid);

        Assert.That(okStatus, Is.EqualTo(HttpStatusCode.OK), okEnvelope.ToString());
        Assert.That(BodyChild(okEnvelope).Elements(Gcp + "carePlan"), Has.Exactly(2).Items, okEnvelope.Element(SoapEnv + "Header")?.ToString());
        Assert.That(badStatus, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(BodyChild(badEnvelope).Element("faultstring")!.Value, Does.StartWith("VP015"));
    }

    [Test]
    public async Task The_platforms_own_logistics_schema_and_the_release_agree_on_the_demo_answer()
    {
        var (_, envelope) = await CallAsync(Platform, "SE2120001231-KOM1", new XElement(Gcp + "GetCarePlans", PersonId(Gcp, GcpCore, Tolvan)));
        var body = BodyChild(envelope);
        var platformOwn = Platform.Services.GetRequiredService<IContractSchemaValidator>().Validate(StrictSchemaValidation.Standalone(body));

        Assert.That(platformOwn.IsValid, Is.True, platformOwn.Describe());
        AssertOfficiallyValid(body, "KOM1's answer");
    }
}
