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
/// </summary>
public sealed partial class WsdlLibrary
{
    private readonly FrozenDictionary<string, WsdlEntry> _byPath;

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

        _byPath = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Loaded(logger, _byPath.Count, string.Join(", ", directories));
    }

    public IEnumerable<WsdlEntry> All => _byPath.Values.OrderBy(e => e.Path, StringComparer.Ordinal);

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
