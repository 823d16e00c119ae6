using TjanstePlattform.Catalog.Model;

namespace TjanstePlattform.Catalog.Store;

/// <summary>
/// Where the catalog is kept: the working (pending) entities, the published versions and a few settings.
/// SQLite by default; a PostgreSQL implementation can take its place behind this interface (several router
/// instances then share one store, the <see cref="CatalogStoreState.Revision"/> guards concurrent writers).
/// Implementations throw <see cref="CatalogStoreException"/> when the store cannot be read or written.
/// </summary>
public interface ICatalogStore
{
    /// <summary>Opens (creating when needed) and reads the working state. Throws when the store is unreadable.</summary>
    Task<CatalogStoreState> LoadAsync(CancellationToken cancellationToken);

    /// <summary>The revision counter, bumped by every save: cheap check whether another writer changed the store.</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the difference between <paramref name="before"/> and <paramref name="after"/> (by entity id), the next
    /// id, optional settings and optionally a newly published version, in one transaction. Fails with
    /// <see cref="CatalogConcurrencyException"/> when the revision is no longer <paramref name="expectedRevision"/>.
    /// Returns the new revision.
    /// </summary>
    Task<long> SaveAsync(CatalogSave save, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>The latest published version, or null when nothing was ever published.</summary>
    Task<CatalogVersion?> GetLatestVersionAsync(CancellationToken cancellationToken);

    Task<CatalogVersion?> GetVersionAsync(long number, CancellationToken cancellationToken);

    /// <summary>Every published version, newest first, without content.</summary>
    Task<IReadOnlyList<CatalogVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Returns when another writer may have changed the store, or after <paramref name="timeout"/> (then the caller
    /// compares revisions anyway). A shared store wakes at once (PostgreSQL: LISTEN/NOTIFY); by default it only waits.
    /// </summary>
    Task WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.Delay(timeout, cancellationToken);
}

/// <summary>What a store holds when it is opened.</summary>
public sealed record CatalogStoreState(
    CatalogDocument Working,
    long NextId,
    long Revision,
    IReadOnlyDictionary<string, string> Settings);

/// <summary>One atomic write to the store.</summary>
public sealed record CatalogSave(
    CatalogDocument Before,
    CatalogDocument After,
    long NextId,
    CatalogVersion? Publish = null,
    IReadOnlyDictionary<string, string>? Settings = null);

/// <summary>The store could not be read or written (missing, corrupt, locked, unreachable).</summary>
public class CatalogStoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Another writer changed the store since it was read; reload and retry.</summary>
public sealed class CatalogConcurrencyException(string message) : CatalogStoreException(message);
