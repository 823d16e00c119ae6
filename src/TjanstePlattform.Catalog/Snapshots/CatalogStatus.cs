namespace TjanstePlattform.Catalog.Snapshots;

/// <summary>Where the snapshot being served was loaded from.</summary>
public enum CatalogLoadSource
{
    /// <summary>Nothing loaded: every routed call answers VP008, readiness is DOWN.</summary>
    None,

    /// <summary>The catalog store (normal operation).</summary>
    Store,

    /// <summary>The local snapshot file: the store could not be read at start.</summary>
    LocalFile,
}

/// <summary>The catalog's state for <c>/status</c> and readiness.</summary>
public interface ICatalogStatus
{
    CatalogLoadSource Source { get; }

    /// <summary>When the snapshot was last reloaded on request (<c>/resetcache</c>).</summary>
    DateTimeOffset? LastReset { get; }

    /// <summary>When the current snapshot was swapped in.</summary>
    DateTimeOffset? LoadedAt { get; }

    /// <summary>The last error reading the store, if the last attempt failed.</summary>
    string? LastError { get; }

    /// <summary>True when changes are waiting for <c>POST /api/v1/versions</c> (manual publish mode).</summary>
    bool HasPendingChanges { get; }
}

/// <summary>Reloads the snapshot from the store (<c>/resetcache</c>).</summary>
public interface ICatalogReloader
{
    /// <summary>The reloaded snapshot, or null when the store could not be read (the current snapshot stays in use).</summary>
    Task<CatalogSnapshot?> ReloadAsync(CancellationToken cancellationToken);
}
