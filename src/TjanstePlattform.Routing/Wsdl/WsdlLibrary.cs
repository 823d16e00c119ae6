using TjanstePlattform.Platform;
using System.Collections.Frozen;
using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Routing.Wsdl;

/// <summary>One servable WSDL: the router path it answers on, its file and the tree root it may import from.</summary>
public sealed record WsdlEntry(string Path, string File, string Root);

/// <summary>
/// Every WSDL the router can serve with <c>?wsdl</c>, keyed by its conventional endpoint path derived from the
/// WSDL target namespace: <c>urn:riv:crm:scheduling:MakeBooking:1:rivtabp21</c> → <c>crm/scheduling/MakeBooking/1/rivtabp21</c>.
/// Where several versions share a path, the highest wins, and configured directories win over the built-in tree.
/// Each is also served on its short path <c>&lt;Interaction&gt;/&lt;major&gt;/&lt;profile&gt;</c>
/// (<c>MakeBooking/1/rivtabp21</c>) unless two domains share that name, as the reference serves them; entries of
/// <see cref="ContractsOptions.WsdlConfigFile"/> add any other path.
/// </summary>
public sealed partial class WsdlLibrary
{
    private readonly FrozenDictionary<string, WsdlEntry> _byPath;
    private readonly Dictionary<string, WsdlEntry> _shortPaths = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<WsdlEntry> _all;

    public WsdlLibrary(IOptions<ContractsOptions> options, ILogger<WsdlLibrary> logger)
    {
        var entries = new Dictionary<string, WsdlEntry>(StringComparer.OrdinalIgnoreCase);
        var directories = new List<string> { options.Value.BuiltInDirectory };
        directories.AddRange(options.Value.Directories);
        foreach (var directory in directories.Where(Directory.Exists))
        {
            var root = System.IO.Path.GetFullPath(directory);
            foreach (var file in Directory.EnumerateFiles(root, "*.wsdl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var path = PathOf(file);
                if (path is not null)
                {
                    entries[path] = new WsdlEntry(path, file, root);
                }
                else
                {
                    Skipped(logger, file);
                }
            }
        }

        // Short paths, only where unambiguous: GetSubjectOfCareSchedule/1/rivtabp21.
        foreach (var group in entries.Values.GroupBy(e => ShortPath(e.Path), StringComparer.OrdinalIgnoreCase))
        {
            if (group.Key is not null && group.Count() == 1 && !entries.ContainsKey(group.Key))
            {
                _shortPaths[group.Key] = group.Single() with { Path = group.Key };
            }
        }

        foreach (var mapped in WsdlConfig.Load(options.Value.WsdlConfigFile))
        {
            entries[mapped.Path] = mapped;
        }

        _all = [.. entries.Values.OrderBy(e => e.Path, StringComparer.Ordinal)];
        foreach (var (path, entry) in _shortPaths)
        {
            entries.TryAdd(path, entry);
        }

        _byPath = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Loaded(logger, _all.Count, string.Join(", ", directories));
    }

    /// <summary>Every WSDL on its full (or mapped) path; short paths are aliases, not listed.</summary>
    public IEnumerable<WsdlEntry> All => _all;

    /// <summary>The last three segments of a conventional path (<c>Interaction/major/profile</c>), or null.</summary>
    public static string? ShortPath(string path)
    {
        var segments = path.Split('/');
        return segments.Length > 3 ? string.Join('/', segments[^3..]) : null;
    }

    public WsdlEntry? Find(string path) => _byPath.GetValueOrDefault(path.Trim('/'));

    /// <summary>The endpoint path of a WSDL from its target namespace, or null when it is not RIVTA-named.</summary>
    public static string? PathOf(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var reader = SafeXml.CreateReader(stream);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return null;
            }

            var ns = reader.GetAttribute("targetNamespace");
            const string prefix = "urn:riv:";
            return ns is not null && ns.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                ? ns[prefix.Length..].Replace(':', '/')
                : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = LogEventIds.RouterWsdlLoaded, Level = LogLevel.Information, Message = "Serving {Count} WSDLs from {Directories}")]
    private static partial void Loaded(ILogger logger, int count, string directories);

    [LoggerMessage(EventId = LogEventIds.RouterWsdlSkipped, Level = LogLevel.Debug, Message = "Not serving {File}: its target namespace is not urn:riv:…")]
    private static partial void Skipped(ILogger logger, string file);
}
