using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;

namespace TjanstePlattform.Testing;

/// <summary>
/// A catalog that cannot come from the REST API (which refuses overlaps and empty addresses): lets router tests
/// reach VP006, VP008 and VP010. <c>null</c> snapshot = catalog never loaded.
/// </summary>
public sealed class FixedCatalog(CatalogSnapshot? snapshot) : ICatalogSnapshotSource
{
    public CatalogSnapshot? Current { get; } = snapshot;

    public event Action<CatalogSnapshot>? Changed
    {
        add { }
        remove { }
    }

    public static FixedCatalog With(IReadOnlyList<ServiceProduction> productions, IReadOnlyList<Cooperation> cooperations) =>
        new(new CatalogSnapshot(1, DateTimeOffset.UtcNow, productions, cooperations));

    public static Validity Always => new(new DateOnly(2000, 1, 1), new DateOnly(2999, 12, 31));
}
