using TjanstePlattform.Catalog.Model;

namespace TjanstePlattform.Catalog.Editing;

/// <summary>
/// Changes the catalog: one change set at a time, validated, stored in one transaction and (in automatic
/// publish mode) published as a new version whose snapshot is swapped in before the call returns.
/// Used by the REST API, the CLI, order imports and the built-in registrations.
/// </summary>
public interface ICatalogEditor
{
    /// <summary>The pending (working) state; equal to the latest published version in automatic mode.</summary>
    CatalogDocument Working { get; }

    /// <summary>
    /// Runs <paramref name="edit"/> on a working copy. When it succeeds and changed something, the result is stored
    /// (and published unless the catalog is in manual mode). With <paramref name="dryRun"/> nothing is stored.
    /// </summary>
    Task<CatalogResult<CatalogEditOutcome<T>>> EditAsync<T>(Func<CatalogEdit, CatalogResult<T>> edit, CatalogAuthor author, bool dryRun = false, CancellationToken cancellationToken = default);

    /// <summary>Publishes the pending changes as a new version.</summary>
    Task<CatalogResult<CatalogVersion>> PublishAsync(CatalogAuthor author, CancellationToken cancellationToken = default);

    /// <summary>Makes version <paramref name="number"/> the content again, published as a new version.</summary>
    Task<CatalogResult<CatalogVersion>> RollbackAsync(long number, CatalogAuthor author, CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole catalog with an imported document (validated entity by entity).</summary>
    Task<CatalogResult<CatalogEditOutcome<CatalogCounts>>> ImportAsync(CatalogDocument document, CatalogAuthor author, bool dryRun = false, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CatalogVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken = default);

    Task<CatalogVersion?> GetVersionAsync(long number, CancellationToken cancellationToken = default);
}

/// <summary>Who makes a change and why: recorded on the version it publishes.</summary>
public sealed record CatalogAuthor(string Name, string? Comment = null);

/// <summary>What an edit produced: its value, the changes, and the version published (null when pending or a dry run).</summary>
public sealed record CatalogEditOutcome<T>(T Value, IReadOnlyList<CatalogChange> Changes, CatalogVersion? Published, bool DryRun);
