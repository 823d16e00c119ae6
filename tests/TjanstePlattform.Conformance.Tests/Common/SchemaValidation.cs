using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Conformance.Tests.Common;

/// <summary>Strict schema validation (<see cref="StrictSchemaValidation"/>) with NUnit assertions for the conformance suites.</summary>
public static class SchemaValidation
{
    /// <summary>Every error and warning, each with line, position and the reason; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(XmlSchemaSet schemas, XElement element) => StrictSchemaValidation.Validate(schemas, element);

    /// <summary>Validates and fails the test with every issue listed.</summary>
    public static void AssertValid(XmlSchemaSet schemas, XElement element, string what)
    {
        var issues = Validate(schemas, element);
        Assert.That(issues, Is.Empty, $"{what} is not schema-valid:{Environment.NewLine}{string.Join(Environment.NewLine, issues)}");
    }

    /// <summary>The element as a document of its own, with every namespace declaration in scope in the original.</summary>
    public static string Standalone(XElement element) => StrictSchemaValidation.Standalone(element);
}
