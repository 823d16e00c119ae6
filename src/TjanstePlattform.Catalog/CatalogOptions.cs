namespace TjanstePlattform.Catalog;

/// <summary>When changes reach the published catalog.</summary>
public enum CatalogPublishMode
{
    /// <summary>Every change is published as a new version at once (the router sees it before the API answers).</summary>
    Automatic,

    /// <summary>Changes stay pending until <c>POST /api/v1/versions</c> publishes them, as in TAK's admin.</summary>
    Manual,
}

/// <summary>The catalog's settings (section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    public CatalogPublishMode PublishMode { get; set; } = CatalogPublishMode.Automatic;

    /// <summary>The SQLite file in <c>Storage:Directory</c>.</summary>
    public string DatabaseFile { get; set; } = "catalog.db";

    /// <summary>The last good published version, kept beside the store: served when the store cannot be read at start.</summary>
    public string SnapshotFile { get; set; } = "catalog-snapshot.json";

    /// <summary>
    /// The platform name a JSON-beställning must name in <c>plattform</c> (e.g. <c>NTJP-TEST</c>); empty accepts any.
    /// </summary>
    public string? OrderPlatform { get; set; }

    /// <summary>
    /// With a shared store (PostgreSQL): how often the revision is compared even without a change notification,
    /// the fallback when the LISTEN connection is lost. A notified change is picked up at once.
    /// </summary>
    public TimeSpan StoreCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest body the entity endpoints accept.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest body the order and catalog import endpoints accept.</summary>
    public int MaxImportBytes { get; set; } = 64 * 1024 * 1024;
}
