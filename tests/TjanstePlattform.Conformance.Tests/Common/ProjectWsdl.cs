using System.Xml;
using System.Xml.Linq;

namespace TjanstePlattform.Conformance.Tests.Common;

/// <summary>Checks a project interaction WSDL: RIVTA BP 2.1 shape, relative imports that resolve, the contract's names.</summary>
public static class ProjectWsdl
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    public static void AssertWellFormed(string path, string targetNamespace, string soapAction, XName requestElement, XName responseElement)
    {
        Assert.That(File.Exists(path), Is.True, $"WSDL {path} is missing");
        XDocument wsdl;
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            wsdl = XDocument.Load(reader);
        }

        var definitions = wsdl.Root!;
        Assert.That(definitions.Name, Is.EqualTo(Wsdl + "definitions"));
        Assert.That(definitions.Attribute("targetNamespace")?.Value, Is.EqualTo(targetNamespace));

        // Every schema import is relative and resolves to a file inside the tree (the router serves them as ?xsd=).
        var imports = definitions.Descendants(Xs + "import").ToList();
        Assert.That(imports, Is.Not.Empty);
        var directory = Path.GetDirectoryName(path)!;
        foreach (var import in imports)
        {
            var location = import.Attribute("schemaLocation")!.Value;
            Assert.That(Uri.IsWellFormedUriString(location, UriKind.Absolute), Is.False, $"import {location} must be relative");
            var file = Path.GetFullPath(Path.Combine(directory, location));
            Assert.That(File.Exists(file), Is.True, $"import {location} does not resolve ({file})");
        }

        // The messages name the contract's elements, and the request carries the LogicalAddress header part.
        var parts = definitions.Elements(Wsdl + "message").SelectMany(m => m.Elements(Wsdl + "part"))
            .Select(p => Resolve(p, p.Attribute("element")!.Value))
            .ToList();
        Assert.That(parts, Does.Contain(requestElement).And.Contain(responseElement)
            .And.Contain(XName.Get("LogicalAddress", "urn:riv:itintegration:registry:1")));
        Assert.That(definitions.Descendants(Soap + "header").Select(h => h.Attribute("part")?.Value), Does.Contain("LogicalAddress"));
        Assert.That(definitions.Descendants(Soap + "operation").Select(o => o.Attribute("soapAction")?.Value), Is.EqualTo(new[] { soapAction }));
        Assert.That(definitions.Descendants(Soap + "binding").Single().Attribute("style")?.Value, Is.EqualTo("document"));
        Assert.That(definitions.Descendants(Soap + "address").Single().Attribute("location")?.Value, Does.StartWith("http"));

        // The imported schemas declare those elements.
        var treeRoot = Path.GetFullPath(Path.Combine(directory, "..", ".."));
        var schemas = SchemaTree.Load(treeRoot);
        foreach (var element in new[] { requestElement, responseElement })
        {
            Assert.That(schemas.GlobalElements.Contains(new XmlQualifiedName(element.LocalName, element.NamespaceName)), Is.True, $"{element} is not declared by the tree");
        }
    }

    private static XName Resolve(XElement context, string qualifiedName)
    {
        var colon = qualifiedName.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? context.GetDefaultNamespace() : context.GetNamespaceOfPrefix(qualifiedName[..colon]);
        return (ns ?? XNamespace.None) + qualifiedName[(colon + 1)..];
    }
}
