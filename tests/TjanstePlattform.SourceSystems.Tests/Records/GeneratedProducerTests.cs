using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using TjanstePlattform.Soap.Validation;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;
using static TjanstePlattform.SourceSystems.Tests.Records.RecordCalls;

namespace TjanstePlattform.SourceSystems.Tests.Records;

/// <summary>
/// A producer for any contract of a loaded release (SourceSystems:GeneratedProducers, one setting): with every official
/// schema tree in Contracts:Directories and one generated producer for every interaction, a schema-valid request through
/// the router gets a schema-valid response — from the demo world's record file where there is one, else generated.
/// </summary>
public class GeneratedProducerTests : DemoWorldFixture
{
    private const string Generated = "SE2321000016-GEN1";

    public static IEnumerable<OfficialInteraction> Interactions => OfficialSchemaSets.Interactions;

    protected override IReadOnlyDictionary<string, string?>? Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Contracts:Directories:0"] = RivtaOracle.PathOf("schemas"),
                ["SourceSystems:GeneratedProducers:0:LogicalAddress"] = Generated,
            };
            var contracts = Interactions.Select(i => i.Namespace).Distinct(StringComparer.Ordinal).ToList();
            for (var i = 0; i < contracts.Count; i++)
            {
                settings[$"SourceSystems:GeneratedProducers:0:Contracts:{i}"] = contracts[i];
            }

            return settings;
        }
    }

    [TestCaseSource(nameof(Interactions))]
    public async Task A_valid_request_gets_a_valid_response(OfficialInteraction interaction)
    {
        var schemas = OfficialSchemaSets.Compile(interaction.Path);
        var request = SchemaInstanceGenerator.Generate(Declaration(schemas, interaction.Interaction, interaction.Namespace));
        Assert.That(StrictSchemaValidation.Validate(schemas, request), Is.Empty, "the request itself must be valid");

        var (status, envelope) = await CallAsync(Platform, Generated, request);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), envelope.ToString());
        var body = BodyChild(envelope);
        Assert.That(body.Name, Is.EqualTo(XName.Get(interaction.Interaction + "Response", interaction.Namespace)));
        // Valid when a tree declaring the contract accepts it (two releases may share a namespace, as the platform allows).
        var issues = Interactions.Where(i => i.Namespace == interaction.Namespace)
            .Select(i => StrictSchemaValidation.Validate(OfficialSchemaSets.Compile(i.Path), body)).OrderBy(i => i.Count).First();
        Assert.That(issues, Is.Empty, $"{string.Join(Environment.NewLine, issues)}{Environment.NewLine}{body}");
    }

    [Test]
    public async Task A_contract_with_a_record_file_answers_from_it_and_the_result_carries_the_calls_log_id()
    {
        XNamespace gcp = "urn:riv:clinicalprocess:logistics:logistics:GetCarePlansResponder:2";
        XNamespace core = "urn:riv:clinicalprocess:logistics:logistics:3";

        var (_, envelope) = await CallAsync(Platform, Generated, new XElement(gcp + "GetCarePlans", PersonId(gcp, core, Tolvan)));

        var body = BodyChild(envelope);
        Assert.That(body.Elements(gcp + "carePlan"), Has.Exactly(2).Items, "Tolvan's plans of every system in the record file");
        Assert.That(body.Element(gcp + "result")!.Element(core + "logId")!.Value, Is.Not.Empty.And.Not.EqualTo("{logId}"));
    }

    private static XmlSchemaElement Declaration(XmlSchemaSet schemas, string name, string ns) =>
        (XmlSchemaElement)schemas.GlobalElements[new XmlQualifiedName(name, ns)]!;
}
