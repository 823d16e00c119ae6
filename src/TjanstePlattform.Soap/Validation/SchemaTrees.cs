using System.Text;
using System.Xml;
using System.Xml.Schema;

namespace TjanstePlattform.Soap.Validation;

/// <summary>One compiled RIVTA schema tree (e.g. <c>wsdl/crm_requeststatus</c>).</summary>
internal sealed record SchemaTree(string Root, XmlSchemaSet Schemas);

/// <summary>Finds and compiles schema trees.</summary>
internal static class SchemaTrees
{
    /// <summary>
    /// The schema trees in <paramref name="directory"/>: a folder with <c>core_components</c> or
    /// <c>interactions</c> is a RIVTA tree; a folder with loose <c>*.xsd</c> files is a tree of its own;
    /// any other folder is searched further (so a folder of unpacked releases works). <c>samples</c> is skipped.
    /// </summary>
    public static IEnumerable<string> Find(string directory)
    {
        var dir = new DirectoryInfo(directory);
        if (Directory.Exists(Path.Combine(dir.FullName, "core_components")) || Directory.Exists(Path.Combine(dir.FullName, "interactions"))
            || dir.EnumerateFiles("*.xsd").Any())
        {
            yield return dir.FullName;
            yield break;
        }

        foreach (var sub in dir.EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (string.Equals(sub.Name, "samples", StringComparison.OrdinalIgnoreCase) || sub.Name.StartsWith('.'))
            {
                continue;
            }

            foreach (var tree in Find(sub.FullName))
            {
                yield return tree;
            }
        }
    }

    /// <summary>
    /// Compiles the schemas of a tree into one set. A RIVTA tree with an <c>interactions</c> folder is loaded from its
    /// interactions: every interaction schema and every schema an interaction WSDL imports, with whatever those import
    /// or include in turn — not every <c>*.xsd</c> found, since an official release may ship files nothing refers to
    /// (logistics 3.0's <c>core_components/hl7cda/</c>, whose HL7 CDA schemas clash with each other when compiled
    /// together). A tree without interactions (loose schemas) is compiled whole. Relative imports are resolved only
    /// to files below <paramref name="importRoot"/> (the configured directory), never the network.
    /// </summary>
    public static XmlSchemaSet Compile(string treeRoot, string importRoot)
    {
        var resolver = new ConfinedFileResolver(importRoot);
        var errors = new List<string>();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        // Warnings count: an import that cannot be resolved (refused by the resolver) is only a warning
        // to XmlSchemaSet, yet it leaves the tree incomplete.
        set.ValidationEventHandler += (_, e) =>
            errors.Add($"{e.Exception?.SourceUri} line {e.Exception?.LineNumber}: {e.Message}{(e.Exception?.InnerException is { } inner ? " (" + inner.Message + ")" : "")}");

        foreach (var file in EntrySchemas(treeRoot, resolver, errors))
        {
            var uri = new Uri(Path.GetFullPath(file));
            if (set.Schemas().Cast<XmlSchema>().Any(s => s.SourceUri == uri.AbsoluteUri))
            {
                continue; // already pulled in as another schema's import
            }

            using var stream = resolver.Open(uri);
            using var reader = XmlReader.Create(stream, ConfinedFileResolver.SchemaReaderSettings, uri.AbsoluteUri);
            var schema = XmlSchema.Read(reader, (_, e) => errors.Add($"{file}: {e.Message}"));
            if (schema is not null)
            {
                set.Add(schema);
            }
        }

        set.Compile();
        if (errors.Count > 0)
        {
            throw new XmlSchemaException(string.Join(" | ", errors));
        }

        return set;
    }

    /// <summary>
    /// The schemas a tree is loaded from: with an <c>interactions</c> folder, the interaction schemas and the schemas
    /// the interaction WSDLs import (their <c>wsdl:types</c>); without, every <c>*.xsd</c> of the tree.
    /// </summary>
    internal static IReadOnlyList<string> EntrySchemas(string treeRoot, string importRoot) => EntrySchemas(treeRoot, new ConfinedFileResolver(importRoot), []);

    private static List<string> EntrySchemas(string treeRoot, ConfinedFileResolver resolver, List<string> errors)
    {
        var interactions = Path.Combine(treeRoot, "interactions");
        if (!Directory.Exists(interactions))
        {
            return [.. Directory.EnumerateFiles(treeRoot, "*.xsd", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        }

        var entries = new SortedSet<string>(Directory.EnumerateFiles(interactions, "*.xsd", SearchOption.AllDirectories), StringComparer.Ordinal);
        foreach (var wsdl in Directory.EnumerateFiles(interactions, "*.wsdl", SearchOption.AllDirectories))
        {
            try
            {
                using var stream = resolver.Open(new Uri(Path.GetFullPath(wsdl)));
                using var reader = XmlReader.Create(stream, ConfinedFileResolver.SchemaReaderSettings);
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == XmlSchema.Namespace
                        && reader.LocalName is "import" or "include" && reader.GetAttribute("schemaLocation") is { Length: > 0 } location
                        && !location.Contains(':', StringComparison.Ordinal))
                    {
                        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(wsdl)!, location));
                        if (File.Exists(target))
                        {
                            entries.Add(target);
                        }
                        else
                        {
                            errors.Add($"{wsdl}: the imported schema {location} does not exist.");
                        }
                    }
                }
            }
            catch (XmlException ex)
            {
                errors.Add($"{wsdl}: {ex.Message}");
            }
        }

        return [.. entries];
    }

    /// <summary>
    /// Resolves schema imports to files below one root and nothing else (no http, no UNC, no
    /// <c>../</c> escape), and refuses files with a DTD — the same rules as for untrusted messages.
    /// </summary>
    private sealed class ConfinedFileResolver(string root) : XmlResolver
    {
        public static readonly XmlReaderSettings SchemaReaderSettings = new()
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            MaxCharactersFromEntities = 0,
        };

        private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (ofObjectToReturn is not null && ofObjectToReturn != typeof(Stream) && ofObjectToReturn != typeof(object))
            {
                throw new XmlException($"Unsupported entity type {ofObjectToReturn} for {absoluteUri}.");
            }

            return Open(absoluteUri);
        }

        public Stream Open(Uri uri)
        {
            if (!uri.IsFile || uri.IsUnc)
            {
                throw new XmlException($"Schema import {uri} refused: only files below {_root} are read.");
            }

            var path = Path.GetFullPath(uri.LocalPath);
            if (!path.StartsWith(_root, StringComparison.Ordinal))
            {
                throw new XmlException($"Schema import {path} refused: it is outside {_root}.");
            }

            var bytes = File.ReadAllBytes(path);

            // Read once with the safe settings so a DTD fails here rather than in the schema reader.
            using (var check = XmlReader.Create(new MemoryStream(bytes, writable: false), SchemaReaderSettings))
            {
                while (check.Read())
                {
                }
            }

            return new MemoryStream(bytes, writable: false);
        }
    }

    /// <summary>The platform's own <c>wsdl/</c>: beside the executable (the Host copies it), else in the repository.</summary>
    public static string? FindBuiltInDirectory()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wsdl");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "wsdl");
            if (File.Exists(Path.Combine(dir.FullName, "TjanstePlattform.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    internal static string Describe(Exception ex)
    {
        var text = new StringBuilder(ex.Message);
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            text.Append(" → ").Append(inner.Message);
        }

        return text.ToString();
    }
}
