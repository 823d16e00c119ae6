using System.Collections.Frozen;
using TjanstePlattform.Catalog.Model;

namespace TjanstePlattform.Catalog.Snapshots;

/// <summary>
/// An immutable, indexed view of one published catalog version. The router reads only this:
/// no lock, no database call, case-insensitive keys, no allocation per lookup.
/// </summary>
public sealed class CatalogSnapshot
{
    private static readonly IReadOnlyList<ServiceProduction> NoProductions = [];
    private static readonly IReadOnlyList<Cooperation> NoCooperations = [];

    private readonly FrozenDictionary<(string LogicalAddress, string Contract), ServiceProduction[]> _routings;
    private readonly FrozenDictionary<(string Consumer, string LogicalAddress, string Contract), Cooperation[]> _authorizations;

    public CatalogSnapshot(long version, DateTimeOffset publishedAt, IReadOnlyList<ServiceProduction> productions, IReadOnlyList<Cooperation> cooperations)
    {
        Version = version;
        PublishedAt = publishedAt;
        ServiceProductions = productions;
        Cooperations = cooperations;
        _routings = productions
            .GroupBy(p => (p.LogicalAddress, p.ServiceContract), PairComparer.Instance)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), PairComparer.Instance);
        _authorizations = cooperations
            .GroupBy(c => (c.ServiceConsumer, c.LogicalAddress, c.ServiceContract), TripleComparer.Instance)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), TripleComparer.Instance);
    }

    /// <summary>The snapshot of a published version, with every entity kind.</summary>
    public static CatalogSnapshot From(CatalogVersion version) =>
        new(version.Number, version.PublishedAt, version.Document.ServiceProductions, version.Document.Cooperations)
        {
            Components = version.Document.Components,
            ServiceContracts = version.Document.ServiceContracts,
            LogicalAddresses = version.Document.LogicalAddresses,
        };

    /// <summary>The service components (tjänstekomponenter) of this version.</summary>
    public IReadOnlyList<ServiceComponent> Components { get; init; } = [];

    /// <summary>The service contracts (tjänstekontrakt) of this version.</summary>
    public IReadOnlyList<ServiceContractDefinition> ServiceContracts { get; init; } = [];

    /// <summary>The logical addresses of this version.</summary>
    public IReadOnlyList<LogicalAddressDefinition> LogicalAddresses { get; init; } = [];

    /// <summary>An empty catalog (version 0).</summary>
    public static CatalogSnapshot Empty { get; } = new(0, DateTimeOffset.MinValue, [], []);

    /// <summary>The published version number this snapshot shows.</summary>
    public long Version { get; }

    public DateTimeOffset PublishedAt { get; }

    public IReadOnlyList<ServiceProduction> ServiceProductions { get; }

    public IReadOnlyList<Cooperation> Cooperations { get; }

    /// <summary>Every routing for the exact (logical address, contract) pair, whatever its validity.</summary>
    public IReadOnlyList<ServiceProduction> RoutingsFor(string logicalAddress, string serviceContract) =>
        _routings.TryGetValue((logicalAddress, serviceContract), out var found) ? found : NoProductions;

    /// <summary>Every authorization for the exact (consumer, logical address, contract) triple, whatever its validity.</summary>
    public IReadOnlyList<Cooperation> AuthorizationsFor(string serviceConsumer, string logicalAddress, string serviceContract) =>
        _authorizations.TryGetValue((serviceConsumer, logicalAddress, serviceContract), out var found) ? found : NoCooperations;

    private sealed class PairComparer : IEqualityComparer<(string, string)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((string, string) x, (string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }

    private sealed class TripleComparer : IEqualityComparer<(string, string, string)>
    {
        public static readonly TripleComparer Instance = new();

        public bool Equals((string, string, string) x, (string, string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1)
            && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2)
            && StringComparer.OrdinalIgnoreCase.Equals(x.Item3, y.Item3);

        public int GetHashCode((string, string, string) obj) =>
            HashCode.Combine(
                StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1),
                StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2),
                StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item3));
    }
}

/// <summary>
/// Where the current snapshot comes from. <see cref="Current"/> is null until the catalog has been loaded
/// (readiness DOWN, every routed call VP008).
/// </summary>
public interface ICatalogSnapshotSource
{
    CatalogSnapshot? Current { get; }

    /// <summary>Raised after a new snapshot has been swapped in.</summary>
    event Action<CatalogSnapshot>? Changed;
}
