using TjanstePlattform.Platform;

namespace TjanstePlattform.Testing.Postgres;

/// <summary>
/// What a store test on either provider works in: a fresh temp folder (SQLite files), a fresh PostgreSQL database for
/// <see cref="StorageProvider.PostgreSql"/>, and the handles the test opened, all let go at the end.
/// </summary>
public sealed class StoreScratch : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private StoreScratch(string directory, string? connectionString)
    {
        Directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>The test's own folder.</summary>
    public string Directory { get; }

    /// <summary>The test's own PostgreSQL database; null for SQLite.</summary>
    public string? ConnectionString { get; }

    public static async Task<StoreScratch> CreateAsync(StorageProvider provider, string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tjp-tests", name + "-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new StoreScratch(directory, provider == StorageProvider.PostgreSql ? await PostgresServer.NewDatabaseAsync() : null);
    }

    /// <summary>Disposed with the scratch, in the order given.</summary>
    public T Own<T>(T owned)
        where T : IDisposable
    {
        _owned.Add(owned);
        return owned;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
