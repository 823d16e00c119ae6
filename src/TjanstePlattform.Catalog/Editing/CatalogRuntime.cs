using TjanstePlattform.Platform;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Catalog.Store;

namespace TjanstePlattform.Catalog.Editing;

/// <summary>
/// The catalog in memory: the working state, the latest published version and its snapshot. Writers are
/// serialized by one lock and go through the store; readers (the router) only read <see cref="Current"/>,
/// an immutable snapshot replaced with a single volatile write.
/// </summary>
internal sealed partial class CatalogRuntime : ICatalogSnapshotSource, ICatalogReloader, ICatalogStatus, ICatalogEditor, IDisposable
{
    /// <summary>Set once the seed-once built-in registrations have been applied: they are never seeded again.</summary>
    internal const string SeededSetting = "builtins.seeded";

    private readonly ICatalogStore _store;
    private readonly SnapshotFile _file;
    private readonly CatalogOptions _options;
    private readonly TimeProvider _time;
    private readonly LocalDate _today;
    private readonly ILogger<CatalogRuntime> _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private CatalogSnapshot? _current;
    private State? _state;

    private readonly BuiltIn.BuiltInWiring? _wiring;

    public CatalogRuntime(ICatalogStore store, SnapshotFile file, IOptions<CatalogOptions> options, TimeProvider time, ILogger<CatalogRuntime> logger, BuiltIn.BuiltInWiring? wiring = null)
    {
        _wiring = wiring;
        _store = store;
        _file = file;
        _options = options.Value;
        _time = time;
        _today = new LocalDate(time);
        _logger = logger;
    }

    public event Action<CatalogSnapshot>? Changed;

    public CatalogSnapshot? Current => Volatile.Read(ref _current);

    public CatalogLoadSource Source { get; private set; } = CatalogLoadSource.None;

    public DateTimeOffset? LastReset { get; private set; }

    public DateTimeOffset? LoadedAt { get; private set; }

    public string? LastError { get; private set; }

    public bool HasPendingChanges => _state is { } s && !(s.Latest?.Document ?? CatalogDocument.Empty).SameContentAs(s.Working);

    public CatalogDocument Working => _state?.Working ?? CatalogDocument.Empty;

    /// <summary>True when the store held nothing at all when it was first loaded (demo data may be seeded).</summary>
    public bool StoreWasEmpty { get; private set; }

    /// <summary>True once the store has been read; false while serving from the local file or nothing.</summary>
    public bool StoreAvailable => _state is not null;

    internal IReadOnlyDictionary<string, string> Settings => _state?.Settings ?? new Dictionary<string, string>();

    private DateOnly Today => _today.Today;

    /// <summary>Loads at start: the store, else the local file, else nothing (VP008 until a reload succeeds).</summary>
    public async Task<CatalogLoadSource> LoadAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await TryLoadStoreAsync(cancellationToken).ConfigureAwait(false))
            {
                if (StoreWasEmpty)
                {
                    await RestoreFromFileAsync(cancellationToken).ConfigureAwait(false);
                }

                return Source;
            }

            var (version, error) = await _file.TryReadAsync(cancellationToken).ConfigureAwait(false);
            if (version is not null && TryCreateSnapshot(version, out var snapshot))
            {
                LogServingFromFile(_file.Path, version.Number, LastError ?? "unknown");
                Swap(snapshot, CatalogLoadSource.LocalFile);
                return Source;
            }

            LogNoCatalog(LastError ?? "unknown", error ?? "unusable snapshot file");
            return CatalogLoadSource.None;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// An empty store beside a snapshot file lost its data (a deleted or replaced catalog.db): the last published
    /// version comes back from the file, as working state and as that version, instead of the demo being seeded over it.
    /// </summary>
    private async Task RestoreFromFileAsync(CancellationToken cancellationToken)
    {
        var (version, _) = await _file.TryReadAsync(cancellationToken).ConfigureAwait(false);
        if (version is null || !TryCreateSnapshot(version, out _))
        {
            return;
        }

        try
        {
            var settings = new Dictionary<string, string>(_state!.Settings, StringComparer.Ordinal) { [SeededSetting] = "restored" };
            await _store.SaveAsync(new CatalogSave(_state.Working, version.Document, version.Document.MaxId() + 1, version, settings), _state.Revision, cancellationToken).ConfigureAwait(false);
            StoreWasEmpty = false;
            await TryLoadStoreAsync(cancellationToken).ConfigureAwait(false);
            LogRestoredFromFile(_file.Path, version.Number);
        }
        catch (CatalogStoreException ex)
        {
            LastError = ex.Message;
            LogStoreFailed(ex.Message);
        }
    }

    public async Task<CatalogSnapshot?> ReloadAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            LastReset = _time.GetUtcNow();
            return await TryLoadStoreAsync(cancellationToken).ConfigureAwait(false) ? Current : null;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Reloads when another instance changed the store (revision differs from the one last read): how a catalog
    /// change made through any instance reaches this instance's routing snapshot. True when it reloaded.
    /// </summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state is { } state && await _store.GetRevisionAsync(cancellationToken).ConfigureAwait(false) == state.Revision)
            {
                return false;
            }

            return await TryLoadStoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogStoreException ex)
        {
            LastError = ex.Message;
            return false;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task<CatalogResult<CatalogEditOutcome<T>>> EditAsync<T>(
        Func<CatalogEdit, CatalogResult<T>> edit, CatalogAuthor author, bool dryRun = false, CancellationToken cancellationToken = default)
        => EditAsync(edit, author, dryRun, cancellationToken, forcePublish: false);

    /// <summary>As <see cref="EditAsync{T}(Func{CatalogEdit, CatalogResult{T}}, CatalogAuthor, bool, CancellationToken)"/>; <paramref name="forcePublish"/> publishes even in manual mode (the platform's own wiring).</summary>
    internal async Task<CatalogResult<CatalogEditOutcome<T>>> EditAsync<T>(
        Func<CatalogEdit, CatalogResult<T>> edit, CatalogAuthor author, bool dryRun, CancellationToken cancellationToken, bool forcePublish)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var state = await FreshStateAsync(cancellationToken).ConfigureAwait(false);
                if (state.Problem is not null)
                {
                    return state.Problem;
                }

                var working = new CatalogEdit(state.Value!.Working, state.Value.NextId, Today, state.Value.Settings);
                var result = edit(working);
                if (result.Problem is not null)
                {
                    return result.Problem;
                }

                if (dryRun || !working.HasChanges)
                {
                    return new CatalogEditOutcome<T>(result.Value!, working.Changes, null, dryRun);
                }

                try
                {
                    var published = await SaveAsync(state.Value, working, author, publish: (forcePublish || _options.PublishMode == CatalogPublishMode.Automatic) && (working.Changes.Count > 0 || working.ReplacedAll is not null), cancellationToken).ConfigureAwait(false);
                    return new CatalogEditOutcome<T>(result.Value!, working.Changes, published, false);
                }
                catch (CatalogConcurrencyException) when (attempt == 0)
                {
                    _state = null; // another writer: read the store again and re-run the edit once
                }
                catch (CatalogStoreException ex)
                {
                    LastError = ex.Message;
                    LogStoreFailed(ex.Message);
                    return CatalogProblems.Unavailable(ex.Message);
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<CatalogResult<CatalogVersion>> PublishAsync(CatalogAuthor author, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = await FreshStateAsync(cancellationToken).ConfigureAwait(false);
            if (state.Problem is not null)
            {
                return state.Problem;
            }

            var current = state.Value!;
            if (current.Latest is not null && current.Latest.Document.SameContentAs(current.Working))
            {
                return new CatalogProblem(CatalogProblems.NothingToPublish, "Nothing to publish", 409,
                    $"The working catalog equals the latest published version {current.Latest.Number}.");
            }

            var edit = new CatalogEdit(current.Working, current.NextId, Today, current.Settings);
            return await SaveOrProblemAsync(current, edit, author, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<CatalogResult<CatalogVersion>> RollbackAsync(long number, CatalogAuthor author, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = await FreshStateAsync(cancellationToken).ConfigureAwait(false);
            if (state.Problem is not null)
            {
                return state.Problem;
            }

            CatalogVersion? target;
            try
            {
                target = await _store.GetVersionAsync(number, cancellationToken).ConfigureAwait(false);
            }
            catch (CatalogStoreException ex)
            {
                return CatalogProblems.Unavailable(ex.Message);
            }

            if (target is null)
            {
                return new CatalogProblem(CatalogProblems.NotFound, "Not found", 404, $"No published version {number} exists.");
            }

            var edit = new CatalogEdit(state.Value!.Working, state.Value.NextId, Today, state.Value.Settings);
            edit.ReplaceAll(target.Document, $"rollback to version {number}");
            _wiring?.Reapply(edit);
            return await SaveOrProblemAsync(state.Value, edit, author with { Comment = author.Comment ?? $"Rollback to version {number}" }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task<CatalogResult<CatalogEditOutcome<CatalogCounts>>> ImportAsync(CatalogDocument document, CatalogAuthor author, bool dryRun = false, CancellationToken cancellationToken = default) =>
        EditAsync<CatalogCounts>(edit =>
        {
            var validated = CatalogImport.Validate(document, edit.NextId, edit.Today);
            if (validated.Problem is not null)
            {
                return validated.Problem;
            }

            CatalogImport.ReplaceWithReport(edit, validated.Value!);
            _wiring?.Reapply(edit);
            return edit.ToDocument().Counts;
        }, author, dryRun, cancellationToken);

    public async Task<IReadOnlyList<CatalogVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken = default) =>
        await _store.ListVersionsAsync(cancellationToken).ConfigureAwait(false);

    public Task<CatalogVersion?> GetVersionAsync(long number, CancellationToken cancellationToken = default) =>
        _store.GetVersionAsync(number, cancellationToken);

    public void Dispose() => _lock.Dispose();

    private async Task<CatalogResult<CatalogVersion>> SaveOrProblemAsync(State state, CatalogEdit edit, CatalogAuthor author, CancellationToken cancellationToken)
    {
        try
        {
            return (await SaveAsync(state, edit, author, publish: true, cancellationToken).ConfigureAwait(false))!;
        }
        catch (CatalogStoreException ex)
        {
            _state = null;
            LastError = ex.Message;
            LogStoreFailed(ex.Message);
            return CatalogProblems.Unavailable(ex.Message);
        }
    }

    /// <summary>Stores the edit (and a new version when publishing), then swaps the snapshot before returning.</summary>
    private async Task<CatalogVersion?> SaveAsync(State state, CatalogEdit edit, CatalogAuthor author, bool publish, CancellationToken cancellationToken)
    {
        var after = edit.ToDocument();
        CatalogVersion? version = null;
        if (publish)
        {
            version = new CatalogVersion((state.Latest?.Number ?? 0) + 1, _time.GetUtcNow(), author.Name, author.Comment ?? edit.ReplacedAll ?? Summarize(edit.Changes), after);
        }

        var revision = await _store.SaveAsync(new CatalogSave(state.Working, after, edit.NextId, version, edit.Settings), state.Revision, cancellationToken).ConfigureAwait(false);
        _state = new State(after, edit.NextId, revision, edit.Settings, version ?? state.Latest);
        if (version is not null)
        {
            Swap(CatalogSnapshot.From(version), CatalogLoadSource.Store);
            await WriteFileAsync(version).ConfigureAwait(false);
            LogPublished(version.Number, version.PublishedBy, version.Comment ?? string.Empty);
        }

        return version;
    }

    /// <summary>The state to edit: re-read when another writer (the CLI on the same data directory) changed the store.</summary>
    private async Task<CatalogResult<State>> FreshStateAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_state is { } state && await _store.GetRevisionAsync(cancellationToken).ConfigureAwait(false) == state.Revision)
            {
                return state;
            }
        }
        catch (CatalogStoreException ex)
        {
            LastError = ex.Message;
            return CatalogProblems.Unavailable(ex.Message);
        }

        return await TryLoadStoreAsync(cancellationToken).ConfigureAwait(false)
            ? _state!
            : CatalogProblems.Unavailable(LastError ?? "The catalog store cannot be read.");
    }

    private async Task<bool> TryLoadStoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            var loaded = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
            var latest = await _store.GetLatestVersionAsync(cancellationToken).ConfigureAwait(false);
            var firstLoad = Source != CatalogLoadSource.Store && _state is null && LoadedAt is null;
            if (firstLoad)
            {
                StoreWasEmpty = latest is null && loaded.Working.IsEmpty && !loaded.Settings.ContainsKey(SeededSetting);
            }

            _state = new State(loaded.Working, loaded.NextId, loaded.Revision, loaded.Settings, latest);
            LastError = null;
            var snapshot = latest is null
                ? new CatalogSnapshot(0, _time.GetUtcNow(), [], [])
                : CatalogSnapshot.From(latest);
            if (Current is null || Current.Version != snapshot.Version || Source != CatalogLoadSource.Store || LastReset is not null)
            {
                Swap(snapshot, CatalogLoadSource.Store);
            }

            if (latest is not null)
            {
                await WriteFileAsync(latest).ConfigureAwait(false);
            }

            return true;
        }
        catch (CatalogStoreException ex)
        {
            _state = null;
            LastError = ex.Message;
            LogStoreFailed(ex.Message);
            return false;
        }
    }

    private void Swap(CatalogSnapshot snapshot, CatalogLoadSource source)
    {
        Volatile.Write(ref _current, snapshot);
        Source = source;
        LoadedAt = _time.GetUtcNow();
        var handlers = Changed;
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<CatalogSnapshot>>())
        {
            try
            {
                handler(snapshot);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(ex);
            }
        }
    }

    private async Task WriteFileAsync(CatalogVersion version)
    {
        try
        {
            await _file.WriteAsync(version, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The file is a fallback only: failing to write it must not fail the change itself.
            LogFileWriteFailed(_file.Path, ex.Message);
        }
    }

    private bool TryCreateSnapshot(CatalogVersion version, out CatalogSnapshot snapshot)
    {
        try
        {
            var problem = CatalogImport.Validate(version.Document, 1, Today);
            if (problem.Problem is not null)
            {
                LogFileInvalid(_file.Path, problem.Problem.Detail);
                snapshot = null!;
                return false;
            }

            snapshot = CatalogSnapshot.From(version);
            return true;
        }
        catch (ArgumentException ex)
        {
            LogFileInvalid(_file.Path, ex.Message);
            snapshot = null!;
            return false;
        }
    }

    private static string Summarize(IReadOnlyList<CatalogChange> changes) => changes.Count switch
    {
        0 => "no changes",
        1 => $"{changes[0].Action} {changes[0].Description}",
        _ => $"{changes[0].Action} {changes[0].Description} (+{changes.Count - 1} more changes)",
    };

    [LoggerMessage(EventId = LogEventIds.CatalogPublished, Level = LogLevel.Information, Message = "Catalog version {Version} published by {Author}: {Comment}")]
    private partial void LogPublished(long version, string author, string comment);

    [LoggerMessage(EventId = LogEventIds.CatalogStoreFailed, Level = LogLevel.Error, Message = "The catalog store cannot be used: {Reason}")]
    private partial void LogStoreFailed(string reason);

    [LoggerMessage(EventId = LogEventIds.CatalogServingFromFile, Level = LogLevel.Warning, Message = "Serving the catalog from the local snapshot file {Path} (version {Version}) because the store cannot be read: {Reason}")]
    private partial void LogServingFromFile(string path, long version, string reason);

    [LoggerMessage(EventId = LogEventIds.CatalogNoCatalog, Level = LogLevel.Critical, Message = "No catalog loaded: the store cannot be read ({StoreError}) and there is no local fallback ({FileError}). Every routed call answers VP008.")]
    private partial void LogNoCatalog(string storeError, string fileError);

    [LoggerMessage(EventId = LogEventIds.CatalogFileWriteFailed, Level = LogLevel.Warning, Message = "Could not write the local catalog snapshot {Path}: {Reason}")]
    private partial void LogFileWriteFailed(string path, string reason);

    [LoggerMessage(EventId = LogEventIds.CatalogFileInvalid, Level = LogLevel.Error, Message = "The local catalog snapshot {Path} is unusable: {Reason}")]
    private partial void LogFileInvalid(string path, string reason);

    [LoggerMessage(EventId = LogEventIds.StorageCatalogRestoredFromSnapshot, Level = LogLevel.Warning, Message = "The catalog store was empty: version {Version} restored from the snapshot file {Path} (the demo catalog is not seeded over it)")]
    private partial void LogRestoredFromFile(string path, long version);

    [LoggerMessage(EventId = LogEventIds.CatalogSubscriberFailed, Level = LogLevel.Error, Message = "A catalog snapshot subscriber failed")]
    private partial void LogSubscriberFailed(Exception exception);

    private sealed record State(CatalogDocument Working, long NextId, long Revision, IReadOnlyDictionary<string, string> Settings, CatalogVersion? Latest);
}
