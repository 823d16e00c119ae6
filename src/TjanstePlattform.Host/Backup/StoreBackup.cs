using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using TjanstePlattform.Host.Storage;

namespace TjanstePlattform.Host.Backup;

/// <summary>
/// <c>tjp backup &lt;target&gt;</c>: a consistent copy of every SQLite store into a folder, taken with SQLite's online
/// backup API (correct while the platform runs and writes: each copy is one snapshot, -wal content included), plus
/// the catalog snapshot file and a "held data" marker of the copies. Restore: stop the platform and copy the folder's files into
/// <c>Storage:Directory</c>. With PostgreSQL the answer is <c>pg_dump</c> (the README says how).
/// </summary>
public static class StoreBackup
{
    /// <summary>Exit code 0 done, 1 nothing could be backed up here (PostgreSQL, or the target is not usable), 2 usage.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, string target, TextWriter output)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            await output.WriteLineAsync("Usage: tjp backup <target folder> [--Storage:Directory=<dir>]").ConfigureAwait(false);
            return 2;
        }

        var stores = SqliteStoreFiles.From(configuration);
        if (stores.Storage.IsPostgreSql)
        {
            await output.WriteLineAsync("tjp backup: the stores are in PostgreSQL; back them up with pg_dump (pg_dump -Fc -d <database> -f tjp.dump), restore with pg_restore.").ConfigureAwait(false);
            return 1;
        }

        var folder = Path.GetFullPath(target);
        var sourceFolder = Path.GetFullPath(stores.Storage.Directory);
        if (string.Equals(folder, sourceFolder, StringComparison.Ordinal))
        {
            await output.WriteLineAsync($"tjp backup: the target must not be the data directory {sourceFolder}.").ConfigureAwait(false);
            return 1;
        }

        Directory.CreateDirectory(folder);
        var copied = 0;
        var marks = new Dictionary<string, StoreMark>(StringComparer.Ordinal);
        foreach (var file in stores.Files)
        {
            if (!File.Exists(file.Path))
            {
                await output.WriteLineAsync($"  {file.FileName}: none (the {file.Name} store has not been created)").ConfigureAwait(false);
                continue;
            }

            var destination = Path.Combine(folder, file.FileName);
            foreach (var stale in new[] { destination, destination + "-wal", destination + "-shm" })
            {
                File.Delete(stale);
            }

            using (var source = file.Open(SqliteOpenMode.ReadOnly))
            using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString()))
            {
                source.Open();
                copy.Open();
                source.BackupDatabase(copy);
                using var command = copy.CreateCommand();
                command.CommandText = "PRAGMA journal_mode = DELETE"; // one self-contained file
                command.ExecuteNonQuery();
                var rows = file.Count(copy);
                marks[file.FileName] = new StoreMark(rows, WalPending: false);
                await output.WriteLineAsync($"  {file.FileName}: {rows} rows").ConfigureAwait(false);
            }

            copied++;
        }

        if (File.Exists(stores.SnapshotPath))
        {
            File.Copy(stores.SnapshotPath, Path.Combine(folder, Path.GetFileName(stores.SnapshotPath)), overwrite: true);
        }

        // The marker of the copies themselves: a restored folder is checked against what the backup held.
        StoreMarkers.Write(Path.Combine(folder, SqliteStoreFiles.MarkerFileName), marks);

        await output.WriteLineAsync($"Backed up {copied} store(s) from {sourceFolder} to {folder}.").ConfigureAwait(false);
        return 0;
    }
}
