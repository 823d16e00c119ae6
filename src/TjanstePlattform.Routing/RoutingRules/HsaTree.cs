using System.Collections.Frozen;
using System.Xml;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Routing.RoutingRules;

/// <summary>
/// The HSA unit tree (HSA-katalogen) the router climbs when no routing or authorization exists for a unit itself:
/// a care unit inherits from its parents up to the root <c>SE</c>. Loaded from an HSA unit file
/// (<c>Routing:HsaFile</c>): <c>&lt;hsaUnit&gt;</c> elements with <c>hsaIdentity</c> and either <c>parent</c>
/// (an HSA-id) or <c>DN</c> (the parent is the unit whose DN is this one without its first RDN).
/// </summary>
public sealed class HsaTree
{
    /// <summary>The root every chain of parents ends in.</summary>
    public const string Root = "SE";

    private readonly FrozenDictionary<string, string> _parents;

    private HsaTree(FrozenDictionary<string, string> parents) => _parents = parents;

    public static HsaTree Empty { get; } = new(FrozenDictionary<string, string>.Empty);

    public int Count => _parents.Count;

    /// <summary>The parents of <paramref name="hsaId"/>, nearest first, ending with <see cref="Root"/>; empty for unknown ids.</summary>
    public IEnumerable<string> ParentsOf(string hsaId)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { hsaId };
        var current = hsaId;
        while (_parents.TryGetValue(current, out var parent) && seen.Add(parent))
        {
            yield return parent;
            current = parent;
        }
    }

    public static HsaTree Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = SafeXml.CreateReader(stream);
        var units = new List<(string Id, string? Parent, string? Dn)>();
        string? id = null, parent = null, dn = null;
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "hsaUnit":
                        id = parent = dn = null;
                        break;
                    case "hsaIdentity":
                        id = reader.ReadElementContentAsString().Trim();
                        continue; // ReadElementContentAsString has moved on already.
                    case "parent":
                        parent = reader.ReadElementContentAsString().Trim();
                        continue;
                    case "DN":
                    case "dn":
                        dn = reader.ReadElementContentAsString().Trim();
                        continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "hsaUnit" && !string.IsNullOrEmpty(id))
            {
                units.Add((id, parent, dn));
            }

            reader.Read();
        }

        var byDn = units.Where(u => u.Dn is not null)
            .GroupBy(u => NormalizeDn(u.Dn!), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var parents = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in units)
        {
            parents[unit.Id] = unit.Parent is { Length: > 0 } p ? p : ParentFromDn(unit.Dn, byDn);
        }

        return new HsaTree(parents.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    private static string ParentFromDn(string? dn, Dictionary<string, string> byDn)
    {
        if (dn is null)
        {
            return Root;
        }

        var rdns = NormalizeDn(dn).Split(',');
        for (var skip = 1; skip < rdns.Length; skip++)
        {
            if (byDn.TryGetValue(string.Join(',', rdns.Skip(skip)), out var parent))
            {
                return parent;
            }
        }

        return Root;
    }

    private static string NormalizeDn(string dn) =>
        string.Join(',', dn.Split(',').Select(part => part.Trim()));
}
