using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace TjanstePlattform.Host.Storage;

/// <summary>
/// Runs before the platform is built, over the SQLite stores: <c>PRAGMA quick_check</c> on each file, and the
/// "held data" marker compared with what each file holds now. A damaged file, or one that is missing or empty while the
/// marker says it held data, stops the start with one line naming the file (<see cref="StoreDamagedException"/>),
/// unless <c>Storage:ContinueOnDamage=true</c>: then the problems are returned to be logged as warnings. A missing
/// catalog with its snapshot file present is not a refusal: the catalog restores itself from the snapshot.
/// </summary>
internal static class StoreIntegrityCheck
{
    /// <summary>The problems found (empty when all is well); throws when they must stop the start.</summary>
    public static IReadOnlyList<string> Run(IConfiguration configuration)
    {
        var stores = SqliteStoreFiles.From(configuration);
        if (stores.Storage.IsPostgreSql)
        {
            return [];
        }

        var held = StoreMarkers.Read(stores.MarkerPath);
        var problems = new List<string>();
        foreach (var file in stores.Files)
        {
            var mark = held.GetValueOrDefault(file.FileName) ?? new StoreMark(0, false);
            var heldBefore = mark.Rows;
            var exists = File.Exists(file.Path) && new FileInfo(file.Path).Length > 0;
            if (!exists)
            {
                if (heldBefore > 0 && !(file.Name == "catalog" && File.Exists(stores.SnapshotPath)))
                {
                    problems.Add($"{file.Path} is missing or empty but held {heldBefore} rows (see {stores.MarkerPath}): restore it from a backup (tjp backup).");
                }

                continue;
            }

            if (mark.WalPending && !File.Exists(file.Path + "-wal"))
            {
                problems.Add($"{file.Path}-wal is missing while it held writes not yet checkpointed into {file.FileName} (a copy of the .db alone, or a deleted -wal after a crash): restore from a backup (tjp backup).");
                continue;
            }

            var problem = Check(file, heldBefore);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0 && !stores.Storage.ContinueOnDamage)
        {
            throw new StoreDamagedException(
                $"Refusing to start: {string.Join(" ", problems)} Start with --Storage:ContinueOnDamage=true to run on what is left.");
        }

        return problems;
    }

    private static string? Check(SqliteStoreFile file, long heldBefore)
    {
        try
        {
            using var connection = file.Open();
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            var results = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read() && results.Count < 3)
                {
                    results.Add(reader.GetString(0));
                }
            }

            if (results is not ["ok"])
            {
                return $"{file.Path} is damaged ({string.Join("; ", results)}).";
            }

            var now = file.Count(connection);
            return heldBefore > 0 && now == 0
                ? $"{file.Path} is empty but held {heldBefore} rows: it was replaced or its -wal file lost; restore it from a backup (tjp backup)."
                : null;
        }
        catch (SqliteException ex)
        {
            return $"{file.Path} cannot be read as a database ({ex.Message}).";
        }
    }
}

/// <summary>The platform refuses to start over a damaged or emptied store; the message is the one line to print.</summary>
public sealed class StoreDamagedException(string message) : Exception(message);

/// <summary>
/// The "held data" marker beside the SQLite stores: for each file the rows it held at its last checkpoint, and whether
/// writes were pending in its -wal file (set when a burst of writes begins, cleared by the checkpoint after it).
/// </summary>
internal static class StoreMarkers
{
    public static Dictionary<string, StoreMark> Read(string path)
    {
        try
        {
            return File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, StoreMark>>(File.ReadAllText(path)) ?? []
                : [];
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return [];
        }
    }

    /// <summary>Written whole to a temporary file and moved over the old one: never half a marker.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, StoreMark> marks)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(marks));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>What one store file held at its last checkpoint, and whether later writes were pending in its -wal file.</summary>
internal sealed record StoreMark(long Rows, bool WalPending);
