using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Testing;
using Yarp.ReverseProxy.Forwarder;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Benchmarks.Router;

/// <summary>
/// The router's cost, measured against the .NET ceiling: the same load (small GetMedicationHistory envelopes,
/// fixed concurrency, bounded duration) sent directly to a canned producer, through a bare IHttpForwarder hop
/// that does no SOAP work, and through the router. Then the working-set growth while 50 MB stream both ways.
/// Settings: BENCH_ROUTER_SECONDS per round (default 5), BENCH_ROUTER_ROUNDS (default 5),
/// BENCH_ROUTER_CONCURRENCY (default 32), BENCH_ROUTER_TARGETS
/// (comma-separated parts of target names, default all).
/// </summary>
public sealed class RouterBenchmark : IBenchmark
{
    public string Name => "router";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUTER_SECONDS"), out var s) ? s : 5;
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUTER_ROUNDS"), out var r) && r > 0 ? r : 5;
        var concurrency = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUTER_CONCURRENCY"), out var c) ? c : 32;
        var duration = TimeSpan.FromSeconds(seconds);
        const long maxRequests = 5_000_000;

        var answer = Encoding.UTF8.GetBytes(GetMedicationHistoryResponse());
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            await ctx.Request.Body.CopyToAsync(Stream.Null, ctx.RequestAborted);
            ctx.Response.ContentType = "text/xml; charset=UTF-8";
            ctx.Response.ContentLength = answer.Length;
            await ctx.Response.Body.WriteAsync(answer, ctx.RequestAborted);
        });
        await using var bareHop = await StartBareHopAsync(producer.Address);
        // BENCH_ROUTER_SETTINGS="Key=value;Key=value" adds platform settings, to measure what a setting costs.
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" };
        foreach (var pair in (Environment.GetEnvironmentVariable("BENCH_ROUTER_SETTINGS") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            settings[parts[0].Trim()] = parts.Length > 1 ? parts[1].Trim() : null;
        }

        await using var platform = await TestPlatform.StartAsync(settings);
        await new CatalogApi(platform.Http).ConnectAsync("BENCH-CONSUMER", "SE-BENCH", GetMedicationHistoryNamespace, producer.Address.ToString());

        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = concurrency * 2,
            AutomaticDecompression = DecompressionMethods.None,
        });
        var staticCall = (Envelope: Encoding.UTF8.GetBytes(GetMedicationHistory("SE-BENCH")), Sender: "BENCH-CONSUMER");

        // The demo world's built-in journals, called in-process by the router: Nils has no records (an answer as small as
        // the static producer's), Tolvan has records in JRN1 and JRN2 (one built-in call, and the national call over both).
        var builtInEmpty = (Envelope: Encoding.UTF8.GetBytes(GetMedicationHistory("SE2321000016-JRN1", "195507139821")), Sender: "TJP-DEMO-CONSUMER");
        var builtInTolvan = (Envelope: Encoding.UTF8.GetBytes(GetMedicationHistory("SE2321000016-JRN1", "191212121212")), Sender: "TJP-DEMO-CONSUMER");
        var aggregatedTolvan = (Envelope: Encoding.UTF8.GetBytes(GetMedicationHistory("5565594230", "191212121212")), Sender: "TJP-DEMO-CONSUMER");
        var aggregatedNils = (Envelope: Encoding.UTF8.GetBytes(GetMedicationHistory("5565594230", "195507139821")), Sender: "TJP-DEMO-CONSUMER");

        Func<CancellationToken, Task<bool>> Caller(Uri target, (byte[] Envelope, string Sender) call) => async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(call.Envelope) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
            request.Headers.TryAddWithoutValidation("x-vp-sender-id", call.Sender);
            using var response = await client.SendAsync(request, token);
            await response.Content.CopyToAsync(Stream.Null, token);
            return response.StatusCode == HttpStatusCode.OK;
        };

        output.WriteLine($"load: {concurrency} concurrent consumers, {rounds} rounds of {seconds} s per target, targets interleaved, loopback, {Environment.ProcessorCount} cores");
        var targets = new (string Name, Uri Uri, (byte[] Envelope, string Sender) Call)[]
        {
            ("direct to producer", producer.Address, staticCall),
            ("bare IHttpForwarder hop", bareHop.Address, staticCall),
            ("router (/vp)", platform.Router(), staticCall),
            ("router to built-in JRN1, no records", platform.Router(), builtInEmpty),
            ("router to built-in JRN1, Tolvan", platform.Router(), builtInTolvan),
            ("aggregated JRN1+JRN2, Tolvan", platform.Router(), aggregatedTolvan),
            // The aggregating services' own cost: the hop, the request, the engagement index, an answer without branches.
            ("aggregated, no engagements (Nils)", platform.Router(), aggregatedNils),
        };

        // BENCH_ROUTER_TARGETS=router (or direct, bare) narrows the run, e.g. to profile one target alone.
        var only = Environment.GetEnvironmentVariable("BENCH_ROUTER_TARGETS");
        targets = [.. targets.Where(t => string.IsNullOrEmpty(only) || only.Split(',').Any(o => t.Name.Contains(o.Trim(), StringComparison.OrdinalIgnoreCase)))];
        foreach (var (name, uri, call) in targets)
        {
            // Warm-up: JIT, connection pools, tiered compilation.
            await LoadDriver.RunAsync(name, concurrency, TimeSpan.FromSeconds(Math.Max(2, seconds)), maxRequests, Caller(uri, call), cancellationToken);
        }

        // Rounds interleave the targets so a slow spell of the machine hits all of them alike; the median round counts.
        var runs = targets.ToDictionary(t => t.Name, _ => new List<LoadResult>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, uri, call) in targets)
            {
                var result = await LoadDriver.RunAsync(name, concurrency, duration, maxRequests, Caller(uri, call), cancellationToken);
                runs[name].Add(result);
                output.WriteLine($"  round {round + 1}: {result}");
            }
        }

        var results = runs.ToDictionary(r => r.Key, r => LoadResult.Median(r.Value));
        output.WriteLine("median of the rounds per target (throughput, latencies and costs each):");
        foreach (var (name, _, _) in targets)
        {
            output.WriteLine(results[name]);
        }

        if (results.TryGetValue("bare IHttpForwarder hop", out var bare) && results.TryGetValue("router (/vp)", out var router))
        {
            output.WriteLine($"router / bare hop: throughput {router.RequestsPerSecond / bare.RequestsPerSecond:F2}x (target >= 0.90), p99 {router.P99Ms / bare.P99Ms:F2}x (target <= 1.20)");
        }

        if (results.TryGetValue("router (/vp)", out var routed) && results.TryGetValue("router to built-in JRN1, no records", out var empty))
        {
            output.WriteLine($"built-in (in-process) / static producer: throughput {empty.RequestsPerSecond / routed.RequestsPerSecond:F2}x (target >= 0.90)");
        }

        if (results.TryGetValue("router to built-in JRN1, Tolvan", out var one) && results.TryGetValue("aggregated JRN1+JRN2, Tolvan", out var aggregated))
        {
            output.WriteLine($"aggregated over two built-ins / one built-in call: throughput {aggregated.RequestsPerSecond / one.RequestsPerSecond:F2}x (target >= 0.80)");
        }

        foreach (var (name, _, _) in targets)
        {
            output.WriteLine($"{name}: p99 / p50 {results[name].P99Ms / results[name].P50Ms:F2}x (target <= 4)");
        }

        await StreamingMemoryAsync(output, platform, cancellationToken);
    }

    private static async Task StreamingMemoryAsync(TextWriter output, TestPlatform platform, CancellationToken cancellationToken)
    {
        const long size = 50_000_000; // 50 MB each way, under the default 50 MiB request limit
        await using var producer = await TestProducer.StartAsync(async ctx =>
        {
            await ctx.Request.Body.CopyToAsync(Stream.Null, ctx.RequestAborted);
            ctx.Response.ContentType = "text/xml; charset=UTF-8";
            await ctx.Response.WriteAsync("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><r xmlns=\"urn:bench\"><!--");
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'b');
            for (long sent = 0; sent < size; sent += chunk.Length)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }

            await ctx.Response.WriteAsync("--></r></soap:Body></soap:Envelope>");
        });
        await new CatalogApi(platform.Http).ConnectAsync("BENCH-CONSUMER", "SE-BENCH-BIG", GetMedicationHistoryNamespace, producer.Address.ToString());

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try
                {
                    await Task.Delay(5, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var head = Encoding.UTF8.GetBytes(GetMedicationHistory("SE-BENCH-BIG", extraBody: "<!--").Split("</urn1:GetMedicationHistory>")[0]);
        var tail = Encoding.UTF8.GetBytes("--></urn1:GetMedicationHistory></soapenv:Body></soapenv:Envelope>");
        using var request = new HttpRequestMessage(HttpMethod.Post, platform.Router())
        {
            Content = new GeneratedContent(head, size, tail),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
        request.Headers.TryAddWithoutValidation("x-vp-sender-id", "BENCH-CONSUMER");
        var watch = Stopwatch.StartNew();
        using var response = await platform.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        long received = 0;
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received += read;
            }
        }

        watch.Stop();
        sampling.Cancel();
        await sampler;
        output.WriteLine($"streaming 50 MB up and 50 MB down through the router: HTTP {(int)response.StatusCode}, {received / 1_000_000} MB received in {watch.ElapsedMilliseconds} ms");
        output.WriteLine($"peak working-set growth: {(peak - baseline) / 1024.0 / 1024.0:F1} MB (target <= 32 MB; client, router and producer share this process)");
    }

    /// <summary>A request body produced on the fly: never held in memory.</summary>
    private sealed class GeneratedContent(byte[] head, long fillerBytes, byte[] tail) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(head);
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (long sent = 0; sent < fillerBytes; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }

            await stream.WriteAsync(tail);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>The ceiling: Kestrel + IHttpForwarder with the default transformer, no SOAP work at all.</summary>
    private static Task<TestProducer> StartBareHopAsync(Uri destination)
    {
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ActivityHeadersPropagator = null,
        });
        var prefix = destination.GetLeftPart(UriPartial.Authority);
        IHttpForwarder? forwarder = null;
        return TestProducer.StartAsync(
            async ctx => await (forwarder ??= ctx.RequestServices.GetRequiredService<IHttpForwarder>()).SendAsync(ctx, prefix, invoker),
            services => services.AddHttpForwarder());
    }
}
