using System.Xml;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Soap.Validation;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Soap.Tests.Validation;

/// <summary>
/// Official release folders as they ship (Contracts:Directories): a tree is loaded from what its interactions import,
/// so an unreferenced subtree (logistics 3.0's hl7cda) is never compiled; a tree that cannot be loaded is named, the
/// others still load.
/// </summary>
public class ReleaseFolderTests
{
    private const string GetCarePlans = "urn:riv:clinicalprocess:logistics:logistics:GetCarePlansResponder:2";

    private static IContractSchemaValidator Create(params string[] directories)
    {
        var settings = directories.Select((d, i) => new KeyValuePair<string, string?>($"Contracts:Directories:{i}", d))
            .Append(new("Contracts:IncludeBuiltIn", "false"));
        return new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Critical))
            .AddContractValidation(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider()
            .GetRequiredService<IContractSchemaValidator>();
    }

    private static string CarePlansRequest(string patientId) => $"""
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:itr="urn:riv:itintegration:registry:1">
          <soapenv:Header><itr:LogicalAddress>5565594230</itr:LogicalAddress></soapenv:Header>
          <soapenv:Body>
            <GetCarePlans xmlns="{GetCarePlans}" xmlns:core="urn:riv:clinicalprocess:logistics:logistics:3">{patientId}</GetCarePlans>
          </soapenv:Body>
        </soapenv:Envelope>
        """;

    [Test]
    public void The_logistics_release_as_it_ships_loads_without_its_unreferenced_hl7cda_subtree_and_validates_GetCarePlans()
    {
        var release = RivtaOracle.PathOf("as-released", "clinicalprocess_logistics_logistics_3.0");
        Assert.That(Directory.Exists(Path.Combine(release, "core_components", "hl7cda")), Is.True, "the as-released copy must keep its hl7cda subtree");

        var validator = Create(release);

        Assert.That(validator.Trees.Failed, Is.Empty, string.Join(Environment.NewLine, validator.Trees.Failed));
        Assert.That(validator.Trees.Loaded, Is.EqualTo(new[] { Path.GetFullPath(release) }));
        Assert.That(validator.IsKnown(new XmlQualifiedName("GetCarePlans", GetCarePlans)), Is.True);
        Assert.That(validator.Validate(CarePlansRequest("<patientId><core:id>191212121212</core:id><core:type>1.2.752.129.2.1.3.1</core:type></patientId>")).IsValid, Is.True);
        var invalid = validator.Validate(CarePlansRequest("<patientId><core:id>191212121212</core:id></patientId>"));
        Assert.That(invalid.IsValid, Is.False);
        Assert.That(invalid.Describe(), Does.Contain("type"));
    }

    [Test]
    public void Only_schemas_the_interactions_reach_are_compiled()
    {
        var release = RivtaOracle.PathOf("as-released", "clinicalprocess_logistics_logistics_3.0");

        var entries = SchemaTrees.EntrySchemas(release, release);

        Assert.That(entries.Select(Path.GetFileName), Does.Contain("GetCarePlansResponder_2.0.xsd").And.Contain("itintegration_registry_1.0.xsd"));
        Assert.That(entries, Has.None.Contains("hl7cda"));
    }

    [Test]
    public void Every_official_schema_tree_loads()
    {
        var root = RivtaOracle.PathOf("schemas");
        var trees = Directory.GetDirectories(root).Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToArray();

        var validator = Create(root);

        Assert.That(validator.Trees.Failed, Is.Empty, string.Join(Environment.NewLine, validator.Trees.Failed));
        Assert.That(validator.Trees.Loaded, Is.EquivalentTo(trees));
    }

    [Test]
    public void A_tree_that_cannot_be_loaded_is_named_and_the_others_still_load()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tjp-tests", Guid.NewGuid().ToString("N"));
        var broken = Path.Combine(folder, "broken_domain_1.0");
        Directory.CreateDirectory(Path.Combine(broken, "interactions", "BrokenInteraction"));
        File.WriteAllText(Path.Combine(broken, "interactions", "BrokenInteraction", "BrokenResponder_1.0.xsd"), """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:riv:broken:BrokenResponder:1" elementFormDefault="qualified">
              <xs:import namespace="urn:riv:broken:1" schemaLocation="../../core_components/missing_1.0.xsd"/>
              <xs:element name="Broken" type="xs:string"/>
            </xs:schema>
            """);
        var good = RivtaOracle.PathOf("schemas", "coreprocess_residentparticipation_residentparticipation_1.0");
        try
        {
            var validator = Create(folder, good);

            Assert.That(validator.Trees.Failed.Keys, Is.EqualTo(new[] { broken }));
            Assert.That(validator.Trees.Failed[broken], Does.Contain("missing_1.0.xsd"));
            Assert.That(validator.Trees.Loaded, Is.EqualTo(new[] { Path.GetFullPath(good) }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
