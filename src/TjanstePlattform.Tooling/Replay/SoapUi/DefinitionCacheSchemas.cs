using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using TjanstePlattform.Tooling.Assertions.Schemas;

namespace TjanstePlattform.Tooling.Replay.SoapUi;

/// <summary>
/// The XSDs a SoapUI project carries in its interfaces' <c>con:definitionCache</c> (the WSDL and every schema it
/// imports, as SoapUI loaded them). They are written once per distinct content to a folder under the temp
/// directory, keeping their relative layout so that <c>xs:import schemaLocation="../core_components/…"</c>
/// resolves, and compiled by the platform's validator. Used by the project's Schema Compliance assertions for the
/// contracts the run's schemas (the platform's, or <c>--schemas</c>) do not know.
/// </summary>
public static class DefinitionCacheSchemas
{
    private const string XmlSchemaType = "http://www.w3.org/2001/XMLSchema";
    private const int MaxParts = 2_000;

    /// <summary>A validator over the project's cached schemas, or null when it carries none.</summary>
    public static IResponseSchemaValidator? Load(XElement project, string? cacheRoot = null)
    {
        var con = project.Name.Namespace;
        var caches = project.Elements(con + "interface")
            .Select(i => i.Element(con + "definitionCache"))
            .OfType<XElement>()
            .Select(cache => cache.Elements(con + "part")
                .Where(p => string.Equals(p.Element(con + "type")?.Value.Trim(), XmlSchemaType, StringComparison.Ordinal))
                .Select(p => (Url: p.Element(con + "url")?.Value.Trim() ?? string.Empty, Content: p.Element(con + "content")?.Value ?? string.Empty))
                .Where(p => p.Content.Length > 0)
                .Take(MaxParts)
                .ToList())
            .Where(parts => parts.Count > 0)
            .ToList();
        if (caches.Count == 0)
        {
            return null;
        }

        var folder = Path.Combine(cacheRoot ?? Path.Combine(Path.GetTempPath(), "tjp-replay", "definition-cache"), Hash(caches));
        if (!Directory.Exists(folder))
        {
            Write(caches, folder);
        }

        return ContractSchemas.Create(folder);
    }

    // Staged and moved into place so that a parallel run never sees half a folder.
    private static void Write(List<List<(string Url, string Content)>> caches, string folder)
    {
        var staging = folder + ".tmp-" + Guid.NewGuid().ToString("N");
        for (var index = 0; index < caches.Count; index++)
        {
            var parts = caches[index];
            var paths = parts.Select(p => Segments(p.Url)).ToList();
            var common = CommonDirectory(paths);
            for (var i = 0; i < parts.Count; i++)
            {
                var relative = paths[i].Skip(common).ToArray();
                if (relative.Length == 0)
                {
                    relative = [$"part{i}.xsd"];
                }
                else if (!relative[^1].EndsWith(".xsd", StringComparison.OrdinalIgnoreCase))
                {
                    relative[^1] += ".xsd"; // the validator compiles *.xsd only
                }

                var file = Path.Combine([staging, index.ToString(System.Globalization.CultureInfo.InvariantCulture), .. relative]);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, parts[i].Content, Encoding.UTF8);
            }
        }

        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            Directory.Delete(staging, recursive: true); // another run wrote the same content first
        }
    }

    // The URL's path as safe file-name segments: no '..', no rooted or drive parts, no invalid characters.
    private static string[] Segments(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.AbsolutePath) : url;
        var invalid = Path.GetInvalidFileNameChars();
        return path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not "." and not ".." && !s.EndsWith(':'))
            .Select(s => new string(s.Select(c => invalid.Contains(c) ? '_' : c).ToArray()))
            .ToArray();
    }

    // The number of leading directory segments every part shares.
    private static int CommonDirectory(List<string[]> paths)
    {
        var common = paths.Min(p => p.Length - 1);
        for (var depth = 0; depth < common; depth++)
        {
            if (paths.Any(p => !string.Equals(p[depth], paths[0][depth], StringComparison.Ordinal)))
            {
                return depth;
            }
        }

        return Math.Max(common, 0);
    }

    private static string Hash(List<List<(string Url, string Content)>> caches)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in caches.SelectMany((parts, i) => parts.Select(p => (i, p.Url, p.Content))))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{part.i}\n{part.Url}\n{part.Content.Length}\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(part.Content));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..24].ToLowerInvariant();
    }
}
