using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Testing;
using TjanstePlattform.Testing.Postgres;
using static TjanstePlattform.Benchmarks.EngagementIndex.EngagementIndexBenchmark;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Benchmarks.Storage;

/// <summary>
/// The stores side by side (issue 17): EI Update throughput and FindContent p50/p99 on SQLite and on PostgreSQL (a
/// throw-away cluster with PostgreSQL's durable defaults), then routed calls per second through one instance and
/// through two instances over one PostgreSQL catalog (the client spreads calls round-robin). Settings (environment or
/// <c>--NAME=value</c>): BENCH_STORAGE_ENGAGEMENTS (100000; the figure is 1000000), BENCH_STORAGE_FINDS (5000),
/// BENCH_STORAGE_SECONDS (5 per routed run), BENCH_STORAGE_CONCURRENCY (16 routed callers, 4 Update senders).
/// </summary>
public sealed class StorageBenchmark : IBenchmark
{
    public string Name => "storage";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var engagements = Setting("BENCH_STORAGE_ENGAGEMENTS", 100_000);
        var finds = Setting("BENCH_STORAGE_FINDS", 5_000);
        var seconds = Setting("BENCH_STORAGE_SECONDS", 5);
        var concurrency = Setting("BENCH_STORAGE_CONCURRENCY", 16);
        output.WriteLine($"{engagements:N0} engagements per provider, {finds:N0} FindContent, routed runs of {seconds} s with {concurrency} callers, loopback, {Environment.ProcessorCount} cores");

        await using var postgres = await PostgresServer.StartAsync(durable: true);
        var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error", ["SourceSystems:EngagementIndex:Enabled"] = "false" };

        await using (var sqlite = await TestPlatform.StartAsync(quiet))
        {
            await EngagementIndexAsync("SQLite", sqlite, engagements, finds, output, cancellationToken);
        }

        var connectionString = await postgres.CreateDatabaseAsync();
        var onPostgres = new Dictionary<string, string?>(quiet)
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = connectionString,
        };
        await using (var pg = await TestPlatform.StartAsync(onPostgres))
        {
            await EngagementIndexAsync("PostgreSQL", pg, engagements, finds, output, cancellationToken);
        }

        // Routed calls: one instance, then two over one catalog.
        var answer = Encoding.UTF8.GetBytes(GetMedicationHistoryResponse());
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            await ctx.Request.Body.CopyToAsync(Stream.Null, ctx.RequestAborted);
            ctx.Response.ContentType = "text/xml; charset=UTF-8";
            ctx.Response.ContentLength = answer.Length;
            await ctx.Response.Body.WriteAsync(answer, ctx.RequestAborted);
        });
        var routed = new Dictionary<string, string?>(quiet)
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["SourceSystems:Enabled"] = "false",
        };
        await using var a = await TestPlatform.StartAsync(new Dictionary<string, string?>(routed) { ["Platform:InstanceId"] = "tjp-a" });
        await using var b = await TestPlatform.StartAsync(new Dictionary<string, string?>(routed) { ["Platform:InstanceId"] = "tjp-b" });
        await new CatalogApi(a.Http).ConnectAsync("BENCH-CONSUMER", "SE-BENCH", GetMedicationHistoryNamespace, producer.Address.ToString());
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = concurrency * 2 });
        var envelope = Encoding.UTF8.GetBytes(GetMedicationHistory("SE-BENCH"));
        var routers = new[] { a.Router(), b.Router() };

        // Wait until B routes too (its snapshot follows A's change by NOTIFY): one OK answer from each.
        foreach (var router in routers)
        {
            var deadline = Stopwatch.StartNew();
            while (!await CallAsync(client, router, envelope, cancellationToken) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        var next = 0L;
        Func<CancellationToken, Task<bool>> Spread(int instances) => token =>
            CallAsync(client, routers[(int)(Interlocked.Increment(ref next) % instances)], envelope, token);
        await LoadDriver.RunAsync("warm-up", concurrency, TimeSpan.FromSeconds(2), long.MaxValue, Spread(2), cancellationToken);
        var one = await LoadDriver.RunAsync("routed, 1 instance", concurrency, TimeSpan.FromSeconds(seconds), long.MaxValue, Spread(1), cancellationToken);
        var two = await LoadDriver.RunAsync("routed, 2 instances, 1 PG", concurrency, TimeSpan.FromSeconds(seconds), long.MaxValue, Spread(2), cancellationToken);
        output.WriteLine(one);
        output.WriteLine(two);
        output.WriteLine($"two instances / one: {two.RequestsPerSecond / one.RequestsPerSecond:F2}x (one process, one machine: both instances share its {Environment.ProcessorCount} cores and the client)");
    }

    private static async Task<bool> CallAsync(HttpClient client, Uri target, byte[] envelope, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(envelope) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
        request.Headers.TryAddWithoutValidation("x-vp-sender-id", "BENCH-CONSUMER");
        using var response = await client.SendAsync(request, token);
        await response.Content.CopyToAsync(Stream.Null, token);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task EngagementIndexAsync(string provider, TestPlatform platform, int engagements, int finds, TextWriter output, CancellationToken cancellationToken)
    {
        var batches = Math.Max(1, engagements / BatchSize);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 8 }) { BaseAddress = platform.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        // EI's own path admits a direct caller as the router would: with a sender (the platform opens it for tests).
        client.DefaultRequestHeaders.Add("x-vp-sender-id", "BENCH-EI-WRITER");
        var stopwatch = Stopwatch.StartNew();
        var (loaded, failures) = await LoadAsync(client, batches, 4, $"{provider}: Update failed", output, cancellationToken);
        stopwatch.Stop();
        var stored = platform.Services.GetRequiredService<IEngagementStore>().Count();
        output.WriteLine($"{provider,-10} Update: {loaded:N0} engagements in {stopwatch.Elapsed.TotalSeconds:N1} s = {loaded / stopwatch.Elapsed.TotalSeconds:N0} engagements/s ({failures} failed batches, {stored:N0} stored)");

        var finder = platform.Services.GetRequiredService<IEngagementFinder>();
        var patients = (int)Math.Max(1, stored / PerPatient);
        var random = new Random(42);
        // A patient's first FindContent reads the store; SQLite answers a repeated one from memory until the index changes.
        var first = new List<double>(finds);
        var again = new List<double>(finds);
        var seen = new HashSet<int>();
        for (var i = 0; i < finds + 500; i++)
        {
            var patient = random.Next(patients);
            var started = Stopwatch.GetTimestamp();
            var found = await finder.FindAsync(new EngagementQuery(Patient(patient), Domain), cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (found.Count != PerPatient)
            {
                output.WriteLine($"{provider}: FindContent found {found.Count} engagements, expected {PerPatient}");
                return;
            }

            var firstRead = seen.Add(patient);
            if (i >= 500)
            {
                (firstRead ? first : again).Add(elapsed);
            }
        }

        output.WriteLine($"{provider,-10} FindContent in-process at {stored:N0} engagements, a patient's first: {Percentiles(first)}");
        output.WriteLine($"{provider,-10} FindContent in-process at {stored:N0} engagements, repeated:        {Percentiles(again)}");
    }
}
