using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Aggregation.Engine;
using TjanstePlattform.Routing.Internal;
using TjanstePlattform.Soap.Service;
using TjanstePlattform.Testing;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Benchmarks.Aggregation;

/// <summary>
/// One fan-out branch to a built-in journal, piece by piece, on one thread without a network: the router's decision,
/// binding the request, the producer's handler, writing its answer into the merge — next to what one routed call to the
/// same journal costs in the built-in itself (read, bind, handle, write the envelope). µs and bytes allocated per call,
/// so a change to one piece shows in its own line. BENCH_BRANCH_ITERATIONS (default 20,000).
/// </summary>
public sealed class FanOutBranchBenchmark : IBenchmark
{
    public string Name => "fanout-branch";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("BENCH_BRANCH_ITERATIONS"), out var n) && n > 0 ? n : 20_000;
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });
        var services = platform.Services;
        var contracts = services.GetRequiredService<AggregatedContracts>();
        var caller = (IProducerCaller)ActivatorUtilities.CreateInstance(services, typeof(RouterProducerCaller));
        var router = services.GetRequiredService<IInternalRouter>();
        var dispatcher = services.GetRequiredService<ISoapDispatcher>();
        var builtIns = services.GetRequiredService<BuiltInProducers>();
        var limits = services.GetRequiredService<IOptions<SoapLimits>>().Value;

        var aggregated = Encoding.UTF8.GetBytes(GetMedicationHistory("5565594230", "191212121212"));
        var single = Encoding.UTF8.GetBytes(GetMedicationHistory("SE2321000016-JRN1", "191212121212"));
        var consumer = new ConsumerIdentity("TJP-DEMO-CONSUMER", "TJP-DEMO-CONSUMER", "bench-correlation");
        SoapCallContext Context() => new(new HeaderDictionary
        {
            ["x-vp-sender-id"] = "TJP-DEMO-CONSUMER",
            ["x-rivta-original-serviceconsumer-hsaid"] = "TJP-DEMO-CONSUMER",
            ["x-skltp-correlation-id"] = "bench-correlation",
        }, "/", viaRouter: true);
        ConsumerRequest Request() => ConsumerRequest.Read(SoapEnvelopeReader.Read(aggregated, limits, Context()), contracts).Request!;

        var request = Request();
        var call = new InternalDirectCall(request.Contract.Namespace, request.Contract.RequestElement, "SE2321000016-JRN1", request.Soap!.Headers,
            consumer.Sender, consumer.OriginalConsumer, consumer.CorrelationId);
        var route = router.FindDirect(call) ?? throw new InvalidOperationException("JRN1 is not reached directly.");
        var body = request.Bind(route.RequestType);
        var journal = builtIns.Find(new Uri(platform.BaseAddress, "/sourcesystems/SE2321000016-JRN1/GetMedicationHistory/2/rivtabp21"))
            ?? throw new InvalidOperationException("JRN1 is not a built-in.");

        output.WriteLine($"{iterations} calls each, one thread, JRN1 for Tolvan");
        Measure(output, "read the envelope (SoapEnvelopeReader)", iterations, () => SoapEnvelopeReader.Read(aggregated, limits, Context()));
        Measure(output, "read the consumer request (AgP)", iterations, () => Request());
        Measure(output, "router decision (FindDirect)", iterations, () => router.FindDirect(call));
        Measure(output, "bind the request", iterations, () => SoapBodies.Bind(request.Soap!.Body, route.RequestType));
        Measure(output, "handler (SendDirectAsync)", iterations, () => router.SendDirectAsync(route, call, _ => body, CancellationToken.None).AsTask().GetAwaiter().GetResult());
        var answer = router.SendDirectAsync(route, call, _ => body, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Measure(output, "answer into the merge (DirectAnswerReader)", iterations,
            () => TjanstePlattform.Aggregation.Merge.DirectAnswerReader.Read(answer, request.Contract, "SE2321000016-JRN1", DateTimeOffset.UtcNow));
        var responseBody = answer.Result.Body!;
        var serializer = SoapBodies.SerializerFor(responseBody.GetType(), request.Contract.ResponseElement, request.Contract.Namespace);
        var prefixes = SoapBodies.Prefixed([request.Contract.Namespace, "urn:riv:clinicalprocess:activityprescription:actoutcome:2", "urn:riv:clinicalprocess:activityprescription:actoutcome:2.1"]);
        Measure(output, "the same answer as an envelope (SoapBodies.Envelope)", iterations, () => SoapBodies.Envelope(responseBody, serializer, prefixes));
        var shared = SharedRecordRenderer.For(responseBody.GetType(), request.Contract.Record, request.Contract.Namespace);
        Measure(output, "the same envelope, records rendered once (SharedRecordRenderer)", iterations,
            () => SoapBodies.Envelope(responseBody, serializer, prefixes, shared: shared));
        Measure(output, "whole direct branch (PrepareDirect + run)", iterations,
            () => caller.PrepareDirect(request, "SE2321000016-JRN1", consumer)!(CancellationToken.None).AsTask().GetAwaiter().GetResult());
        var engine = services.GetRequiredService<AggregationEngine>();
        var finder = services.GetRequiredService<TjanstePlattform.EngagementIndex.Engagements.IEngagementFinder>();
        var query = new TjanstePlattform.EngagementIndex.Engagements.EngagementQuery("191212121212", request.Contract.ServiceDomain, request.Contract.Categorizations.FirstOrDefault());
        Measure(output, "engagement index look-up (FindContent for Tolvan)", iterations, () => finder.FindAsync(query, CancellationToken.None).GetAwaiter().GetResult());
        Measure(output, "whole aggregation, two direct branches (engine)", iterations,
            () => engine.AggregateAsync(request, consumer, CancellationToken.None).GetAwaiter().GetResult());
        var result = engine.AggregateAsync(request, consumer, CancellationToken.None).GetAwaiter().GetResult();
        Measure(output, "aggregated answer (AggregatedResponse.Build)", iterations,
            () => TjanstePlattform.Aggregation.Merge.AggregatedResponse.Build(request.Contract, result.Branches, "bench-correlation", TimeZoneInfo.Utc));
        var aggregating = builtIns.Find(new Uri(platform.BaseAddress, "/platform/aggregation/GetMedicationHistory/2/rivtabp21"))
            ?? builtIns.Find(new Uri(platform.BaseAddress, "/" + request.Contract.Path.TrimStart('/')))
            ?? throw new InvalidOperationException("The aggregating service is not a built-in.");
        Measure(output, "one aggregated call in the aggregating service (dispatch)", iterations,
            () => dispatcher.DispatchAsync(aggregating, aggregated, Context(), CancellationToken.None).AsTask().GetAwaiter().GetResult());
        Measure(output, "one call in the built-in (dispatch: read, bind, handle, envelope)", iterations,
            () => dispatcher.DispatchAsync(journal, single, Context(), CancellationToken.None).AsTask().GetAwaiter().GetResult());
    }

    private static void Measure(TextWriter output, string name, int iterations, Func<object?> action)
    {
        // Warm-up by time, not count: tiered compilation promotes hot methods in the background after ~100 ms.
        var warm = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warm) < TimeSpan.FromMilliseconds(600))
        {
            action();
        }

        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            action();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)iterations;
        output.WriteLine($"  {name,-66} {elapsed.TotalMicroseconds / iterations,8:F1} us {bytes / 1024,8:F1} KB");
    }
}
