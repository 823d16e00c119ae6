using System.Xml;
using System.Xml.Schema;
using TjanstePlattform.Soap.Validation;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Soap.Tests.Validation;

/// <summary>The generator builds a schema-valid request and response for every interaction of the official schema trees.</summary>
public class SchemaInstanceGeneratorTests
{
    public static IEnumerable<OfficialInteraction> Interactions => OfficialSchemaSets.Interactions;

    [TestCaseSource(nameof(Interactions))]
    public void Generates_a_valid_request_and_response(OfficialInteraction interaction)
    {
        var schemas = OfficialSchemaSets.Compile(interaction.Path);
        foreach (var name in new[] { interaction.Interaction, interaction.Interaction + "Response" })
        {
            var declaration = (XmlSchemaElement)schemas.GlobalElements[new XmlQualifiedName(name, interaction.Namespace)]!;
            Assert.That(declaration, Is.Not.Null, name);

            var instance = SchemaInstanceGenerator.Generate(declaration);

            var issues = StrictSchemaValidation.Validate(schemas, instance);
            Assert.That(issues, Is.Empty, $"{name}:{Environment.NewLine}{string.Join(Environment.NewLine, issues)}{Environment.NewLine}{instance}");
        }
    }

    [TestCase(@"(19|20)\d\d(0[1-9]|1[012])(0[1-9]|[12][0-9]|3[01])", "19110101")]
    [TestCase(@"[0-9]{12}", "000000000000")]
    [TestCase(@"[A-Z]{2}\d+-[a-z]?", "AA1-")]
    public void Samples_a_pattern(string pattern, string expected) =>
        Assert.That(SchemaInstanceGenerator.PatternSample(pattern), Is.EqualTo(expected));

    [Test]
    public void Prefers_OK_among_enumerated_result_codes_and_respects_a_pattern()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, XmlReader.Create(new StringReader("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
              <xs:element name="r"><xs:complexType><xs:sequence>
                <xs:element name="code"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="ERROR"/><xs:enumeration value="OK"/></xs:restriction></xs:simpleType></xs:element>
                <xs:element name="ts"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="(19|20)\d\d(0[1-9]|1[012])"/></xs:restriction></xs:simpleType></xs:element>
                <xs:element name="n" minOccurs="0" type="xs:string"/>
              </xs:sequence><xs:attribute name="a" type="xs:int" use="required"/></xs:complexType></xs:element>
            </xs:schema>
            """)));
        schemas.Compile();

        var instance = SchemaInstanceGenerator.Generate((XmlSchemaElement)schemas.GlobalElements[new XmlQualifiedName("r", "urn:t")]!);

        Assert.That(instance.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), Is.EqualTo("<r a=\"1\" xmlns=\"urn:t\"><code>OK</code><ts>191101</ts></r>"));
    }
}
