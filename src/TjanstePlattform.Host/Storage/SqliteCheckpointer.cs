using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Host.Storage;

/// <summary>
/// Keeps the SQLite stores' database files current: when a -wal file has been quiet for one
/// <see cref="StorageOptions.CheckpointInterval"/> after a burst of writes it is checkpointed (TRUNCATE) into its
/// database file, and at shutdown every store is. The "held data" marker is kept beside them
/// (<see cref="StoreMarkers"/>): marked pending when a burst begins, rows recorded after each checkpoint.
/// </summary>
internal sealed partial class SqliteCheckpointer : BackgroundService
{
    private readonly SqliteStoreFiles _stores;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteCheckpointer> _logger;
    private readonly Dictionary<string, StoreMark> _marks;
    private readonly Dictionary<string, DateTime> _lastSeen = [];
    private readonly Lock _lock = new();

    public SqliteCheckpointer(SqliteStoreFiles stores, TimeProvider time, ILogger<SqliteCheckpointer> logger, IReadOnlyList<string> startProblems)
    {
        _stores = stores;
        _time = time;
        _logger = logger;
        _marks = StoreMarkers.Read(stores.MarkerPath);
        foreach (var problem in startProblems)
        {
            LogDamageIgnored(problem);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_stores.Storage.CheckpointInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Tick();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            foreach (var file in _stores.Files)
            {
                Checkpoint(file);
            }

            SaveMarks();
        }
    }

    /// <summary>One pass: mark the files being written, checkpoint the ones quiet since the last pass.</summary>
    internal void Tick()
    {
        lock (_lock)
        {
            var changed = false;
            foreach (var file in _stores.Files)
            {
                var wal = new FileInfo(file.Path + "-wal");
                if (!wal.Exists || wal.Length == 0)
                {
                    continue;
                }

                var mark = _marks.GetValueOrDefault(file.FileName) ?? new StoreMark(0, false);
                if (!_lastSeen.TryGetValue(file.FileName, out var seen) || seen != wal.LastWriteTimeUtc)
                {
                    // A burst is going on: mark it before it can be lost with the -wal file.
                    _lastSeen[file.FileName] = wal.LastWriteTimeUtc;
                    if (!mark.WalPending)
                    {
                        _marks[file.FileName] = mark with { WalPending = true };
                        changed = true;
                    }

                    continue;
                }

                changed |= Checkpoint(file);
            }

            if (changed)
            {
                SaveMarks();
            }
        }
    }

    /// <summary>Checkpoints one store and records its rows; false when it could not complete (readers busy, file gone).</summary>
    private bool Checkpoint(SqliteStoreFile file)
    {
        if (!File.Exists(file.Path))
        {
            return false;
        }

        try
        {
            using var connection = file.Open();
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read() || reader.GetInt64(0) != 0)
                {
                    return false; // busy: a reader holds an old snapshot; the next pass tries again
                }
            }

            _marks[file.FileName] = new StoreMark(file.Count(connection), WalPending: false);
            _lastSeen.Remove(file.FileName);
            return true;
        }
        catch (SqliteException ex)
        {
            LogCheckpointFailed(file.Path, ex.Message);
            return false;
        }
    }

    private void SaveMarks()
    {
        try
        {
            StoreMarkers.Write(_stores.MarkerPath, _marks);
        }
        catch (IOException ex)
        {
            LogCheckpointFailed(_stores.MarkerPath, ex.Message);
        }
    }

    [LoggerMessage(EventId = LogEventIds.StorageCheckpointFailed, Level = LogLevel.Warning, Message = "Checkpoint of {Path} failed: {Reason}")]
    private partial void LogCheckpointFailed(string path, string reason);

    [LoggerMessage(EventId = LogEventIds.StorageDamageIgnored, Level = LogLevel.Critical, Message = "Started over a damaged store (Storage:ContinueOnDamage=true): {Problem}")]
    private partial void LogDamageIgnored(string problem);
}
