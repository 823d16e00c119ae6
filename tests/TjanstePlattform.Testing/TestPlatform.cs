using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Host.Serve;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Testing;

/// <summary>
/// The whole platform on real Kestrel at 127.0.0.1:0 with its own temporary data directory.
/// Tests reach it over HTTP like any consumer; <see cref="StartAsync"/> returns once the platform is ready.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsDirectory;

    private TestPlatform(WebApplication app, string dataDirectory, bool ownsDirectory, Uri baseAddress)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>For example <c>http://127.0.0.1:54321</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The data directory (SQLite files); deleted on dispose unless given by the test.</summary>
    public string DataDirectory { get; }

    /// <summary>A client with <see cref="BaseAddress"/> set.</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The router endpoint for a path below <c>/vp/</c>.</summary>
    public Uri Router(string path = "clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21")
        => new(BaseAddress, "/vp/" + path.TrimStart('/'));

    /// <summary>
    /// Starts a platform. <paramref name="settings"/> are configuration keys (<c>Routing:Timeouts:Default</c> …);
    /// <paramref name="dataDirectory"/> reuses a directory (restart tests).
    /// </summary>
    public static async Task<TestPlatform> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        string? dataDirectory = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var ownsDirectory = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "tjp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);

        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Storage:Directory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning",

            // Tests of a built-in service (EI validation, the look-ups …) call its own path; the product default (closed)
            // is checked in Routing.Tests BuiltInProducerTests, which passes false here.
            "--Platform:BuiltInDirectAccess=true",
        };
        if (settings is not null)
        {
            args.AddRange(settings.Select(kv => $"--{kv.Key}={kv.Value}"));
        }

        var app = PlatformApplication.Build([.. args], configure);
        await app.StartAsync();
        var address = await app.Services.GetRequiredService<IPlatformAddress>().GetBaseAddressAsync();
        await app.Services.GetRequiredService<PlatformReadiness>().WhenReady.WaitAsync(TimeSpan.FromSeconds(60));
        return new TestPlatform(app, dataDirectory, ownsDirectory, address);
    }

    /// <summary>
    /// Starts a platform whose catalog is <paramref name="catalog"/> (a <see cref="FixedCatalog"/>), without the demo
    /// world: the built-in source systems could not reach EI through a catalog that does not route to it.
    /// </summary>
    public static Task<TestPlatform> StartWithCatalogAsync(
        TjanstePlattform.Catalog.Snapshots.ICatalogSnapshotSource catalog, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["SourceSystems:Enabled"] = "false" };
        return StartAsync(merged, configure: b => b.Services.AddSingleton(catalog));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a background task: the temp folder is cleaned by the OS.
            }
        }
    }
}
