using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace TjanstePlattform.Testing;

/// <summary>
/// The official interaction schemas of <c>../shared/rivta/schemas</c> (the test oracle), each compiled once with its
/// imports, found by the responder namespace they declare; and a strict validation of a body against them.
/// </summary>
public static class OfficialSchemaSets
{
    private static readonly ConcurrentDictionary<string, XmlSchemaSet> Compiled = new(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<OfficialInteraction>> AllInteractions = new(Find);

    /// <summary>Every interaction responder schema of the oracle's <c>schemas/</c> trees (the <c>_ext</c> add-ons left out).</summary>
    public static IReadOnlyList<OfficialInteraction> Interactions => AllInteractions.Value;

    /// <summary>The compiled responder schema (with its imports and the interoperability headers) declaring <paramref name="responderNamespace"/>.</summary>
    public static XmlSchemaSet For(string responderNamespace)
    {
        var match = Interactions.Where(i => i.Namespace == responderNamespace).ToList();
        if (match.Count == 0)
        {
            throw new InvalidOperationException($"No official interaction schema in {RivtaOracle.PathOf("schemas")} declares {responderNamespace}.");
        }

        return Compile(match[^1].Path);
    }

    /// <summary>Compiles one schema file with its imports (trusted local files).</summary>
    public static XmlSchemaSet Compile(string path) => Compiled.GetOrAdd(path, static p =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(p, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() }))
        {
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    });

    /// <summary>interoperability_headers_1.0.xsd (Actor, ProcessingStatus).</summary>
    public static XmlSchemaSet Headers => Compile(RivtaOracle.PathOf("schemas", "crm_requeststatus_1.0.1", "core_components", "interoperability_headers_1.0.xsd"));

    /// <summary>Every issue of <paramref name="element"/> against the official schema of its namespace (or <paramref name="schemas"/>); empty when valid.</summary>
    public static IReadOnlyList<string> Issues(XElement element, XmlSchemaSet? schemas = null) =>
        StrictSchemaValidation.Validate(schemas ?? For(element.Name.NamespaceName), element);

    private static IReadOnlyList<OfficialInteraction> Find()
    {
        var root = RivtaOracle.PathOf("schemas");
        var found = new List<OfficialInteraction>();
        foreach (var file in Directory.EnumerateFiles(root, "*Responder_*.xsd", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileNameWithoutExtension(file).EndsWith("_ext", StringComparison.Ordinal))
            {
                continue;
            }

            var ns = (string?)XElement.Load(file).Attribute("targetNamespace");
            if (ns is not null)
            {
                var tree = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0];
                found.Add(new OfficialInteraction(tree, ns, file));
            }
        }

        return found;
    }
}

/// <summary>One official interaction schema: its tree (folder below <c>schemas/</c>), its responder namespace and its file.</summary>
public sealed record OfficialInteraction(string Tree, string Namespace, string Path)
{
    /// <summary>The interaction's name (<c>…:GetCarePlansResponder:2</c> → <c>GetCarePlans</c>).</summary>
    public string Interaction => Namespace.Split(':')[^2].Replace("Responder", "", StringComparison.Ordinal);

    public override string ToString() => $"{Tree}: {Interaction}";
}
