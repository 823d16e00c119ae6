namespace TjanstePlattform.Catalog.Model;

/// <summary>
/// The whole catalog as one immutable value: the pending (working) state, a published version, an export.
/// Entities keep their ids across versions; an edit produces a new document that shares unchanged records.
/// </summary>
public sealed record CatalogDocument(
    IReadOnlyList<ServiceComponent> Components,
    IReadOnlyList<ServiceContractDefinition> ServiceContracts,
    IReadOnlyList<LogicalAddressDefinition> LogicalAddresses,
    IReadOnlyList<ServiceProduction> ServiceProductions,
    IReadOnlyList<Cooperation> Cooperations)
{
    public static CatalogDocument Empty { get; } = new([], [], [], [], []);

    /// <summary>True when no entity of any kind exists.</summary>
    public bool IsEmpty => Components.Count == 0 && ServiceContracts.Count == 0 && LogicalAddresses.Count == 0
        && ServiceProductions.Count == 0 && Cooperations.Count == 0;

    /// <summary>The highest id in use (ids are shared by every entity kind and never reused).</summary>
    public long MaxId() => new[]
    {
        Components.Select(e => e.Id).DefaultIfEmpty().Max(),
        ServiceContracts.Select(e => e.Id).DefaultIfEmpty().Max(),
        LogicalAddresses.Select(e => e.Id).DefaultIfEmpty().Max(),
        ServiceProductions.Select(e => e.Id).DefaultIfEmpty().Max(),
        Cooperations.Select(e => e.Id).DefaultIfEmpty().Max(),
    }.Max();

    /// <summary>Counts per entity kind, for status and version listings.</summary>
    public CatalogCounts Counts => new(Components.Count, ServiceContracts.Count, LogicalAddresses.Count, ServiceProductions.Count, Cooperations.Count);

    /// <summary>True when both documents hold equal entities (order ignored).</summary>
    public bool SameContentAs(CatalogDocument other) =>
        SameSet(Components, other.Components, ComponentKey) && SameSet(ServiceContracts, other.ServiceContracts, c => c)
        && SameSet(LogicalAddresses, other.LogicalAddresses, a => a) && SameSet(ServiceProductions, other.ServiceProductions, p => p)
        && SameSet(Cooperations, other.Cooperations, CooperationKey);

    private static object ComponentKey(ServiceComponent c) => c;

    // Filters are lists: compare them by value, not by list reference.
    private static object CooperationKey(Cooperation c) => (c with { Filters = [] },
        string.Join("|", c.Filters.Select(f => f.ServiceDomain + "=" + string.Join(",", f.Categorizations))));

    private static bool SameSet<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, object> key)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        var set = new HashSet<object>(a.Select(key));
        return b.All(e => set.Contains(key(e)));
    }
}

/// <summary>How many entities of each kind a catalog holds.</summary>
public sealed record CatalogCounts(int Components, int ServiceContracts, int LogicalAddresses, int ServiceProductions, int Cooperations);

/// <summary>One published catalog version (TAK: PubVersion): who published it, when, why, and the content.</summary>
public sealed record CatalogVersion(long Number, DateTimeOffset PublishedAt, string PublishedBy, string? Comment, CatalogDocument Document)
{
    public CatalogVersionInfo Info => new(Number, PublishedAt, PublishedBy, Comment, Document.Counts);
}

/// <summary>A published version without its content (version listings).</summary>
public sealed record CatalogVersionInfo(long Number, DateTimeOffset PublishedAt, string PublishedBy, string? Comment, CatalogCounts Counts);
