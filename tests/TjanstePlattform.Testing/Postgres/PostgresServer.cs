using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TjanstePlattform.Testing.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster for tests: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free
/// loopback port with its Unix socket in that folder (as the <c>postgres</c> user when the tests run as root), a fresh
/// database per fixture (<see cref="CreateDatabaseAsync"/>), stopped and deleted by <see cref="DisposeAsync"/>.
/// One per test assembly: <see cref="SharedAsync"/> starts it on first use; the assembly's SetUpFixture calls
/// <see cref="StopSharedAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string InstallHint = "apt-get install -y postgresql";

    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static PostgresServer? _shared;
    private static int _databases;

    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin, string root, int port, bool asPostgresUser)
    {
        _bin = bin;
        _root = root;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The assembly's cluster, started on first use.</summary>
    public static async Task<PostgresServer> SharedAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            return _shared ??= await StartAsync();
        }
        finally
        {
            SharedLock.Release();
        }
    }

    /// <summary>Stops the assembly's cluster if one was started (from a SetUpFixture's OneTimeTearDown).</summary>
    public static async Task StopSharedAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            if (_shared is not null)
            {
                await _shared.DisposeAsync();
                _shared = null;
            }
        }
        finally
        {
            SharedLock.Release();
        }
    }

    /// <summary>A fresh, empty database on the shared cluster; returns its Npgsql connection string.</summary>
    public static async Task<string> NewDatabaseAsync() => await (await SharedAsync()).CreateDatabaseAsync();

    /// <summary>
    /// Starts a cluster. Not <paramref name="durable"/> (tests): fsync and synchronous commit off, as a throw-away
    /// cluster needs no crash safety. <paramref name="durable"/> (benchmarks): PostgreSQL's defaults, commits flushed.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin: {InstallHint} (or run .ci/install-postgresql).");
        var root = Path.Combine(Path.GetTempPath(), "tjp-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres:postgres", root], asUser: false);
        }

        var server = new PostgresServer(bin, root, FreePort(), asPostgresUser);
        try
        {
            await server.RunBinAsync("initdb", ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            await server.RunBinAsync("pg_ctl", ["start", "-w", "-t", "60", "-D", server.DataDirectory, "-l", Path.Combine(root, "server.log"),
                "-o", $"-p {server.Port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=300"
                    + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"tjp_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
    }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunBinAsync("pg_ctl", ["stop", "-w", "-D", DataDirectory, "-m", "immediate"]);
            }
            catch (InvalidOperationException)
            {
                // Already gone: nothing to stop.
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunBinAsync(string tool, IReadOnlyList<string> arguments) => RunAsync(Path.Combine(_bin, tool), arguments, _asPostgresUser);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asUser)
    {
        var start = new ProcessStartInfo(asUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        // pg_ctl start leaves the server holding inherited pipes: read to end only after exit, with a bound.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var text = await Task.WhenAny(error, Task.Delay(TimeSpan.FromSeconds(2))) == error ? await error : "";
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {text}");
        }

        _ = output;
    }
}
