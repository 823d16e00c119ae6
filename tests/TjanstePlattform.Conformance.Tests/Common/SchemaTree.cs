using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Conformance.Tests.Common;

/// <summary>
/// Loads a RIVTA schema tree (every <c>*.xsd</c> below a folder, relative imports resolved inside the
/// folder only) into one compiled <see cref="XmlSchemaSet"/>. Compiled sets are cached per folder:
/// they are read-only once compiled, so tests may share them.
/// </summary>
public static class SchemaTree
{
    private static readonly ConcurrentDictionary<string, Lazy<XmlSchemaSet>> Cache = new(StringComparer.Ordinal);

    /// <summary>An official tree below <c>../shared/rivta/schemas</c>, e.g. <c>crm_requeststatus_1.0.1</c>.</summary>
    public static XmlSchemaSet Official(string treeFolder)
    {
        var path = RivtaOracle.PathOf("schemas", treeFolder);
        if (!Directory.Exists(path))
        {
            Assert.Fail($"Official schema tree {treeFolder} is missing: expected {path}.");
        }

        return Load(path);
    }

    /// <summary>A single official schema file (and what it imports), e.g. the interoperability headers XSD.</summary>
    public static XmlSchemaSet OfficialFile(params string[] parts)
    {
        var path = RivtaOracle.PathOf(["schemas", .. parts]);
        if (!File.Exists(path))
        {
            Assert.Fail($"Official schema {string.Join('/', parts)} is missing: expected {path}.");
        }

        return Cache.GetOrAdd(Path.GetFullPath(path), p => new Lazy<XmlSchemaSet>(() => Compile([p], Path.GetDirectoryName(p)!))).Value;
    }

    /// <summary>A tree of the project's own <c>wsdl/</c> folder, e.g. <c>crm_requeststatus</c>.</summary>
    public static XmlSchemaSet Project(string treeFolder)
    {
        var path = ProjectPath(treeFolder);
        if (!Directory.Exists(path))
        {
            Assert.Fail($"Project schema tree wsdl/{treeFolder} is missing: expected {path}.");
        }

        return Load(path);
    }

    /// <summary>The absolute path of a folder below the repository's <c>wsdl/</c>.</summary>
    public static string ProjectPath(params string[] parts) => Path.Combine([RivtaOracle.RepositoryRoot, "wsdl", .. parts]);

    /// <summary>Every <c>*.xsd</c> below <paramref name="directory"/>, compiled once.</summary>
    public static XmlSchemaSet Load(string directory)
    {
        var root = Path.GetFullPath(directory);
        return Cache.GetOrAdd(root, r => new Lazy<XmlSchemaSet>(() =>
            Compile(Directory.EnumerateFiles(r, "*.xsd", SearchOption.AllDirectories).Order(StringComparer.Ordinal), r))).Value;
    }

    private static XmlSchemaSet Compile(IEnumerable<string> files, string root)
    {
        var errors = new List<string>();
        var set = new XmlSchemaSet { XmlResolver = new TreeResolver(root) };
        set.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} ({e.Exception?.SourceUri}:{e.Exception?.LineNumber})");
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var file in files)
        {
            using var reader = XmlReader.Create(file, settings);
            var schema = XmlSchema.Read(reader, (_, e) => errors.Add($"{file}: {e.Message}"))!;

            // A tree may hold a schema both as a file and as another file's import target; the
            // resolved absolute URI is the same, so the set keeps one copy.
            if (!set.Schemas().Cast<XmlSchema>().Any(s => string.Equals(s.SourceUri, new Uri(file).AbsoluteUri, StringComparison.Ordinal)))
            {
                schema.SourceUri = new Uri(file).AbsoluteUri;
                set.Add(schema);
            }
        }

        set.Compile();
        if (errors.Count > 0)
        {
            Assert.Fail($"Schema tree {root} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        return set;
    }

    /// <summary>Resolves relative imports to files under the tree root and nothing else.</summary>
    private sealed class TreeResolver(string root) : XmlResolver
    {
        private readonly string _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (!absoluteUri.IsFile)
            {
                throw new XmlException($"Only files inside {_root} may be imported, not {absoluteUri}.");
            }

            var path = Path.GetFullPath(absoluteUri.LocalPath);
            if (!path.StartsWith(_root, StringComparison.Ordinal))
            {
                throw new XmlException($"Import {path} is outside the schema tree {_root}.");
            }

            return File.OpenRead(path);
        }
    }
}
