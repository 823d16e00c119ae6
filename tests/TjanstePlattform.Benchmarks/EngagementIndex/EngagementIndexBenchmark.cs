using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.EngagementIndex;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Benchmarks.EngagementIndex;

/// <summary>
/// The engagement index at scale: loads N engagements (default 1,000,000) through the Update endpoint in batches of
/// 1000 (100 patients × 10 engagements each), each answered only once durably committed; then FindContent latency
/// for a patient with 10 engagements, over HTTP and in-process; then the database size.
/// Targets (issue 5): ≥ 20,000 engagements/s, FindContent p50 ≤ 0.5 ms and p99 ≤ 2 ms at 1 M engagements.
/// Settings (environment or <c>--name=value</c> after the benchmark name): BENCH_EI_ENGAGEMENTS (1000000),
/// BENCH_EI_CONCURRENCY (4 Update senders), BENCH_EI_LOAD_SECONDS (900: the load stops there, figures are for what
/// was loaded), BENCH_EI_FINDS (20000 FindContent calls per measurement).
/// </summary>
public sealed class EngagementIndexBenchmark : IBenchmark
{
    internal const string Domain = "riv:clinicalprocess:activityprescription:actoutcome";
    internal const int BatchSize = 1000;
    internal const int PerPatient = 10;

    public string Name => "ei";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var engagements = Setting("BENCH_EI_ENGAGEMENTS", 1_000_000);
        var concurrency = Setting("BENCH_EI_CONCURRENCY", 4);
        var loadLimit = TimeSpan.FromSeconds(Setting("BENCH_EI_LOAD_SECONDS", 900));
        var finds = Setting("BENCH_EI_FINDS", 20_000);
        var batches = Math.Max(1, engagements / BatchSize);

        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Error",
            ["SourceSystems:EngagementIndex:Enabled"] = "false",
        });
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = concurrency * 2 })
        {
            BaseAddress = platform.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };

        // EI's own path admits a direct caller as the router would: with a sender (the platform opens it for tests).
        client.DefaultRequestHeaders.Add("x-vp-sender-id", "BENCH-EI-WRITER");
        output.WriteLine($"load: {batches * BatchSize:N0} engagements in Update batches of {BatchSize} ({PerPatient} per patient), " +
            $"{concurrency} concurrent senders, at most {loadLimit.TotalSeconds:N0} s, loopback, {Environment.ProcessorCount} cores");

        // Load.
        var stopwatch = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(loadLimit);
        var (loaded, failures) = await LoadAsync(client, batches, concurrency, "Update failed", output, limit.Token);
        stopwatch.Stop();
        var stored = platform.Services.GetRequiredService<TjanstePlattform.EngagementIndex.Storage.IEngagementStore>().Count();
        output.WriteLine($"Update: {loaded:N0} engagements in {stopwatch.Elapsed.TotalSeconds:N1} s = {loaded / stopwatch.Elapsed.TotalSeconds:N0} engagements/s " +
            $"(durable: synchronous=FULL, WAL; {failures} failed batches; {stored:N0} in the index){(limit.IsCancellationRequested ? " — stopped by the time limit" : "")}");
        if (stored == 0)
        {
            return;
        }

        var patients = (int)(stored / PerPatient);
        var random = new Random(42);

        // FindContent over HTTP, one caller at a time (latency, not throughput).
        var findLatencies = new List<double>(finds);
        for (var i = 0; i < finds + 1000; i++)
        {
            var envelope = FindContent(Patient(random.Next(patients)));
            using var content = new StringContent(envelope, Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/platform/engagementindex/FindContent/1/rivtabp21", content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i == 0 && CountOf(body, "<ns2:registeredResidentIdentification>") != PerPatient)
            {
                output.WriteLine($"FindContent did not find {PerPatient} engagements: {body[..Math.Min(400, body.Length)]}");
            }

            if (i >= 1000)
            {
                findLatencies.Add(elapsed);
            }
        }

        output.WriteLine($"FindContent over HTTP (SOAP in and out, loopback, 1 caller, {PerPatient} engagements per answer): {Percentiles(findLatencies)}");

        // The same query in-process (what the aggregating services call).
        var finder = platform.Services.GetRequiredService<IEngagementFinder>();
        var inProcess = new List<double>(finds);
        for (var i = 0; i < finds + 1000; i++)
        {
            var query = new EngagementQuery(Patient(random.Next(patients)), Domain);
            var started = Stopwatch.GetTimestamp();
            var found = await finder.FindAsync(query, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (found.Count != PerPatient)
            {
                output.WriteLine($"IEngagementFinder found {found.Count} engagements for {query.RegisteredResidentIdentification}");
                break;
            }

            if (i >= 1000)
            {
                inProcess.Add(elapsed);
            }
        }

        output.WriteLine($"FindContent in-process (IEngagementFinder): {Percentiles(inProcess)}");

        // Size on disk.
        var database = Path.Combine(platform.DataDirectory, EngagementIndexExtensions.DatabaseFileName);
        long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
        output.WriteLine($"database: {Size(database) / 1048576.0:N1} MiB + WAL {Size(database + "-wal") / 1048576.0:N1} MiB " +
            $"= {(Size(database) + Size(database + "-wal")) / (double)stored:N0} bytes per engagement");
        output.WriteLine("targets: >= 20,000 engagements/s; FindContent p50 <= 0.5 ms, p99 <= 2 ms at 1,000,000 engagements");
    }

    internal static string Patient(int index) => (190001010000L + index).ToString(CultureInfo.InvariantCulture);

    /// <summary>Batch b: patients b*100 .. b*100+99, ten engagements each (ten source systems), one domain.</summary>
    /// <summary>
    /// Sends Update batches 0 … <paramref name="batches"/> − 1 to EI's own path from <paramref name="concurrency"/> senders
    /// until all are sent or <paramref name="stop"/>; the engagements stored and the failed batches (the first one printed).
    /// </summary>
    internal static async Task<(long Loaded, int Failures)> LoadAsync(HttpClient client, int batches, int concurrency, string failureLabel, TextWriter output, CancellationToken stop)
    {
        var next = -1;
        var loaded = 0L;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int batch;
            while ((batch = Interlocked.Increment(ref next)) < batches && !stop.IsCancellationRequested)
            {
                using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(UpdateBatch(batch)));
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
                using var response = await client.PostAsync("/platform/engagementindex/Update/1/rivtabp21", content, CancellationToken.None);
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.OK && text.Contains(">OK<", StringComparison.Ordinal))
                {
                    Interlocked.Add(ref loaded, BatchSize);
                }
                else if (Interlocked.Increment(ref failures) == 1)
                {
                    output.WriteLine($"{failureLabel}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                }
            }
        }, CancellationToken.None)));
        return (loaded, failures);
    }

    internal static string UpdateBatch(int batch)
    {
        var text = new StringBuilder(BatchSize * 700);
        text.Append("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:reg=\"urn:riv:itintegration:registry:1\" ")
            .Append("xmlns:u=\"urn:riv:itintegration:engagementindex:UpdateResponder:1\" xmlns:c=\"urn:riv:itintegration:engagementindex:1\">")
            .Append("<soapenv:Header><reg:LogicalAddress>5565594230</reg:LogicalAddress></soapenv:Header><soapenv:Body><u:Update>");
        for (var p = 0; p < BatchSize / PerPatient; p++)
        {
            var patient = Patient(batch * (BatchSize / PerPatient) + p);
            for (var s = 0; s < PerPatient; s++)
            {
                text.Append("<u:engagementTransaction><c:deleteFlag>false</c:deleteFlag><c:engagement>")
                    .Append("<c:registeredResidentIdentification>").Append(patient).Append("</c:registeredResidentIdentification>")
                    .Append("<c:serviceDomain>").Append(Domain).Append("</c:serviceDomain>")
                    .Append("<c:categorization>caa-gmh</c:categorization>")
                    .Append("<c:logicalAddress>SE2321000016-S").Append(s.ToString("D3", CultureInfo.InvariantCulture)).Append("</c:logicalAddress>")
                    .Append("<c:businessObjectInstanceIdentifier>NA</c:businessObjectInstanceIdentifier>")
                    .Append("<c:clinicalProcessInterestId>NA</c:clinicalProcessInterestId>")
                    .Append("<c:mostRecentContent>20250115093000</c:mostRecentContent>")
                    .Append("<c:sourceSystem>SE2321000016-S").Append(s.ToString("D3", CultureInfo.InvariantCulture)).Append("</c:sourceSystem>")
                    .Append("<c:dataController>SE2321000016</c:dataController>")
                    .Append("</c:engagement></u:engagementTransaction>");
            }
        }

        return text.Append("</u:Update></soapenv:Body></soapenv:Envelope>").ToString();
    }

    private static string FindContent(string patient) =>
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:reg=\"urn:riv:itintegration:registry:1\" " +
        "xmlns:f=\"urn:riv:itintegration:engagementindex:FindContentResponder:1\"><soapenv:Header><reg:LogicalAddress>5565594230</reg:LogicalAddress></soapenv:Header>" +
        $"<soapenv:Body><f:FindContent><f:registeredResidentIdentification>{patient}</f:registeredResidentIdentification><f:serviceDomain>{Domain}</f:serviceDomain></f:FindContent></soapenv:Body></soapenv:Envelope>";

    internal static string Percentiles(List<double> latencies)
    {
        if (latencies.Count == 0)
        {
            return "n=0";
        }

        latencies.Sort();
        double At(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        return string.Create(CultureInfo.InvariantCulture, $"n={latencies.Count:N0} p50={At(0.50):F3} ms p90={At(0.90):F3} ms p99={At(0.99):F3} ms max={latencies[^1]:F3} ms");
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>An environment variable, or <c>--NAME=value</c> on the command line.</summary>
    internal static int Setting(string name, int fallback)
    {
        var argument = Environment.GetCommandLineArgs().FirstOrDefault(a => a.StartsWith($"--{name}=", StringComparison.OrdinalIgnoreCase));
        var text = argument?[(name.Length + 3)..] ?? Environment.GetEnvironmentVariable(name);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
