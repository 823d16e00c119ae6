using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace TjanstePlattform.Testing;

/// <summary>
/// Validates one element (a Body child, a header, a bare document) against a compiled set, warnings included: .NET
/// only warns about an element it has no declaration for (PLATFORM.md §7), so an undeclared root is reported
/// explicitly and any other warning counts as a failure, except undeclared content inside a lax xs:any (elements and
/// their attributes), which the contracts allow.
/// </summary>
public static class StrictSchemaValidation
{
    /// <summary>Every error and warning, each with line, position and the reason; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(XmlSchemaSet schemas, XElement element)
    {
        if (schemas.GlobalElements[new XmlQualifiedName(element.Name.LocalName, element.Name.NamespaceName)] is null)
        {
            return [$"Root element {element.Name} is not declared by any schema in the set."];
        }

        var issues = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (sender, e) =>
        {
            // Below the (already checked) root, .NET only warns about content of a lax xs:any that no schema declares.
            if (e.Severity == XmlSeverityType.Warning && sender is XmlReader { Depth: > 0 }
                && (e.Message.StartsWith("Could not find schema information for the element", StringComparison.Ordinal)
                    || e.Message.StartsWith("Could not find schema information for the attribute", StringComparison.Ordinal)))
            {
                return;
            }

            issues.Add($"{e.Severity} at line {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        };

        using var reader = XmlReader.Create(new StringReader(Standalone(element)), settings);
        while (reader.Read())
        {
        }

        return issues;
    }

    /// <summary>
    /// The element as a document of its own, carrying every namespace declaration in scope in the original document
    /// (a prefix used only in text, e.g. an xsi:type value, stays resolvable).
    /// </summary>
    public static string Standalone(XElement element)
    {
        var copy = new XElement(element);
        for (var ancestor = element.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            foreach (var ns in ancestor.Attributes().Where(a => a.IsNamespaceDeclaration))
            {
                if (copy.Attribute(ns.Name) is null)
                {
                    copy.Add(new XAttribute(ns.Name, ns.Value));
                }
            }
        }

        return copy.ToString(SaveOptions.DisableFormatting);
    }
}
