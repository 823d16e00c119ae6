using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Benchmarks.Aggregation;

/// <summary>
/// The aggregating service under fan-out (issue 6): GetMedicationHistory over 20 source systems that each take 50 ms,
/// then the same with one source system that never answers, then 10 concurrent consumers. Everything on loopback:
/// the whole platform (router, catalog, engagement index, aggregator) and one Kestrel producer behind 20 routings.
/// Prints the aggregated call's latency next to the slowest source system's own latency (measured inside the
/// producer, per correlation id) — the target is slowest + ≤ 20 ms, never the sum — and, with one source system
/// hanging, next to the deadline.
/// </summary>
public sealed class AggregationBenchmark : IBenchmark
{
    private const string Contract = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";
    private const string RouterPath = "clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21";
    private const string Consumer = "SE-BENCH-1177";
    private const string EiWriter = "SE-BENCH-EI";
    private const string National = "5565594230";
    private const int Producers = 20;
    private static readonly TimeSpan ProducerDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(1000);

    public string Name => "aggregation";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var producerTimes = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        await using var producer = await TestProducer.StartAsync(async context =>
        {
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(ProducerDelay, context.RequestAborted); // the source system's own work
            context.Response.ContentType = "text/xml; charset=UTF-8";
            await context.Response.WriteAsync(ProducerAnswer, context.RequestAborted);
            var correlation = context.Request.Headers["x-skltp-correlation-id"].ToString();
            producerTimes.GetOrAdd(correlation, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
        using var silent = new SilentProducer();
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Aggregation:Deadline"] = Deadline.ToString(),
            ["Aggregation:ProducerTimeout"] = "00:00:05",
            ["SourceSystems:Enabled"] = "false",
            ["Logging:LogLevel:TjanstePlattform.Aggregation"] = "Error",
            // The router rightly logs every call the aggregator abandons at the deadline; not news here.
            ["Logging:LogLevel:TjanstePlattform.Routing"] = "Error",
        });

        var api = new CatalogApi(platform.Http);
        await api.AddCooperationAsync(EiWriter, National, "urn:riv:itintegration:engagementindex:UpdateResponder:1");
        await api.AddCooperationAsync(Consumer, National, Contract);
        await api.AddCooperationAsync(Consumer, "*", Contract);
        var systems = Enumerable.Range(1, Producers).Select(i => $"SE-BENCH-SYS-{i:D2}").ToArray();
        foreach (var system in systems)
        {
            await api.AddServiceProductionAsync(system, Contract, producer.Address.ToString(), serviceProducer: system);
        }

        const string hanging = "SE-BENCH-HANGS";
        await api.AddServiceProductionAsync(hanging, Contract, silent.Address.ToString(), serviceProducer: hanging);
        const string allAnswer = "191212120020";
        const string oneHangs = "191212120019";
        await IndexAsync(platform, allAnswer, systems);
        await IndexAsync(platform, oneHangs, [.. systems.Take(Producers - 1), hanging]);

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };
        var router = platform.Router(RouterPath);

        // Warm-up: JIT, connection pools, SQLite caches.
        for (var i = 0; i < 10; i++)
        {
            await CallAsync(http, router, allAnswer, $"warm-{i}", cancellationToken);
        }

        // 1. Twenty producers of 50 ms each, one consumer.
        var totals = new List<double>();
        var slowest = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var correlation = $"single-{i}";
            totals.Add(await CallAsync(http, router, allAnswer, correlation, cancellationToken));
            slowest.Add(producerTimes.TryGetValue(correlation, out var times) && times.Count == Producers ? times.Max() : double.NaN);
        }

        var overheads = totals.Zip(slowest, (t, s) => t - s).ToList();
        output.WriteLine($"{Producers} producers x {ProducerDelay.TotalMilliseconds:0} ms (sum {Producers * ProducerDelay.TotalMilliseconds:0} ms), 40 sequential calls:");
        output.WriteLine($"  total latency     p50 {P(totals, 50),7:0.0} ms   p95 {P(totals, 95),7:0.0} ms   max {totals.Max(),7:0.0} ms");
        output.WriteLine($"  slowest producer  p50 {P(slowest, 50),7:0.0} ms   p95 {P(slowest, 95),7:0.0} ms");
        output.WriteLine($"  total - slowest   p50 {P(overheads, 50),7:0.0} ms   p95 {P(overheads, 95),7:0.0} ms   (target <= 20 ms)");

        // 2. The same with one producer that never answers: the deadline decides.
        var hangingTotals = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            hangingTotals.Add(await CallAsync(http, router, oneHangs, $"hang-{i}", cancellationToken, expectFailures: 1));
        }

        var pastDeadline = hangingTotals.Select(t => t - Deadline.TotalMilliseconds).ToList();
        output.WriteLine($"{Producers - 1} producers x {ProducerDelay.TotalMilliseconds:0} ms + 1 hanging, deadline {Deadline.TotalMilliseconds:0} ms, 5 sequential calls:");
        output.WriteLine($"  total latency     p50 {P(hangingTotals, 50),7:0.0} ms   max {hangingTotals.Max(),7:0.0} ms");
        output.WriteLine($"  total - deadline  p50 {P(pastDeadline, 50),7:0.0} ms   max {pastDeadline.Max(),7:0.0} ms   (target <= 20 ms)");

        // 3. Ten concurrent consumers for a bounded time.
        const int consumers = 10;
        var window = TimeSpan.FromSeconds(10);
        var loaded = new ConcurrentBag<double>();
        var errors = 0;
        var stopwatch = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(window);
        var workers = Enumerable.Range(0, consumers).Select(async worker =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    loaded.Add(await CallAsync(http, router, allAnswer, $"load-{worker}-{n}", CancellationToken.None));
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var sorted = loaded.ToList();
        output.WriteLine($"{consumers} concurrent consumers, {window.TotalSeconds:0} s, {Producers} producers each:");
        output.WriteLine($"  {sorted.Count} aggregated calls ({sorted.Count * Producers} producer calls), {sorted.Count / elapsed:0.0} aggregated calls/s, {errors} errors");
        output.WriteLine($"  latency under load p50 {P(sorted, 50):0.0} ms   p95 {P(sorted, 95):0.0} ms");
    }

    private static async Task<double> CallAsync(HttpClient http, Uri router, string patient, string correlation, CancellationToken cancellationToken, int expectFailures = 0)
    {
        using var request = SoapMessages.Post(router, Request(patient), Consumer);
        request.Headers.TryAddWithoutValidation("x-skltp-correlation-id", correlation);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var failures = Count(text, "NoDataSynchFailed");
        if (response.StatusCode != HttpStatusCode.OK || failures != expectFailures || Count(text, "DataFromSource") != Producers - expectFailures)
        {
            throw new InvalidOperationException($"Unexpected aggregated answer ({(int)response.StatusCode}): {text[..Math.Min(text.Length, 2000)]}");
        }

        return elapsed;
    }

    private static async Task IndexAsync(TestPlatform platform, string patient, IEnumerable<string> systems)
    {
        var engagements = string.Concat(systems.Select(s =>
            "<ur:engagementTransaction><core:deleteFlag>false</core:deleteFlag><core:engagement>" +
            $"<core:registeredResidentIdentification>{patient}</core:registeredResidentIdentification>" +
            "<core:serviceDomain>riv:clinicalprocess:activityprescription:actoutcome</core:serviceDomain><core:categorization>caa-gmh</core:categorization>" +
            $"<core:logicalAddress>{s}</core:logicalAddress><core:businessObjectInstanceIdentifier>NA</core:businessObjectInstanceIdentifier>" +
            "<core:clinicalProcessInterestId>NA</core:clinicalProcessInterestId><core:mostRecentContent>20250101120000</core:mostRecentContent>" +
            $"<core:sourceSystem>{s}</core:sourceSystem><core:dataController>SE-BENCH-DC</core:dataController></core:engagement></ur:engagementTransaction>"));
        var envelope =
            "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:reg=\"urn:riv:itintegration:registry:1\" " +
            "xmlns:ur=\"urn:riv:itintegration:engagementindex:UpdateResponder:1\" xmlns:core=\"urn:riv:itintegration:engagementindex:1\">" +
            $"<soapenv:Header><reg:LogicalAddress>{National}</reg:LogicalAddress></soapenv:Header><soapenv:Body><ur:Update>{engagements}</ur:Update></soapenv:Body></soapenv:Envelope>";
        using var request = SoapMessages.Post(platform.Router("itintegration/engagementindex/Update/1/rivtabp21"), envelope, EiWriter);
        using var response = await platform.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !text.Contains(">OK<", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"EI Update failed: {text}");
        }
    }

    private static string Request(string patient) =>
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:urn=\"urn:riv:itintegration:registry:1\" " +
        $"xmlns:urn1=\"{Contract}\" xmlns:urn2=\"urn:riv:clinicalprocess:activityprescription:actoutcome:2\">" +
        $"<soapenv:Header><urn:LogicalAddress>{National}</urn:LogicalAddress></soapenv:Header><soapenv:Body><urn1:GetMedicationHistory>" +
        $"<urn1:patientId><urn2:id>{patient}</urn2:id><urn2:type>1.2.752.129.2.1.3.1</urn2:type></urn1:patientId></urn1:GetMedicationHistory></soapenv:Body></soapenv:Envelope>";

    /// <summary>A producer answer with two records of about 1 KiB each.</summary>
    private static readonly string ProducerAnswer = BuildAnswer();

    private static string BuildAnswer()
    {
        var record = new StringBuilder("<r:medicationMedicalRecord><c:medicationMedicalRecordHeader><c:documentId>D</c:documentId>");
        for (var i = 0; i < 20; i++)
        {
            record.Append(CultureInfo.InvariantCulture, $"<c:note>Läkemedel {i}: 1 tablett 2 gånger dagligen vid behov</c:note>");
        }

        record.Append("</c:medicationMedicalRecordHeader></r:medicationMedicalRecord>");
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" +
            $"<r:GetMedicationHistoryResponse xmlns:r=\"{Contract}\" xmlns:c=\"urn:riv:clinicalprocess:activityprescription:actoutcome:2\">" +
            record + record + "<r:result><c:resultCode>OK</c:resultCode><c:logId>1</c:logId></r:result></r:GetMedicationHistoryResponse></soap:Body></soap:Envelope>";
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static double P(IReadOnlyList<double> values, int percentile)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
