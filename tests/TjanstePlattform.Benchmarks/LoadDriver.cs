using System.Diagnostics;

namespace TjanstePlattform.Benchmarks;

/// <summary>The figures of one load run.</summary>
public sealed record LoadResult(string Name, long Requests, long Errors, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    /// <summary>Bytes allocated in the whole process per request (client, hop and producer together).</summary>
    public double AllocatedPerRequest { get; init; }

    /// <summary>Garbage collections during the run (gen0, gen1, gen2).</summary>
    public (int Gen0, int Gen1, int Gen2) Collections { get; init; }

    /// <summary>Process CPU time per request in microseconds (client, hop and producer together).</summary>
    public double CpuMicrosecondsPerRequest { get; init; }

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Each figure's median over several runs of the same target (a noisy machine skews single runs).</summary>
    public static LoadResult Median(IReadOnlyList<LoadResult> runs)
    {
        static double Mid(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        var byThroughput = runs.OrderBy(r => r.RequestsPerSecond).ElementAt(runs.Count / 2);
        return byThroughput with
        {
            P50Ms = Mid(runs.Select(r => r.P50Ms)),
            P99Ms = Mid(runs.Select(r => r.P99Ms)),
            CpuMicrosecondsPerRequest = Mid(runs.Select(r => r.CpuMicrosecondsPerRequest)),
            AllocatedPerRequest = Mid(runs.Select(r => r.AllocatedPerRequest)),
        };
    }

    public override string ToString() =>
        $"{Name,-28} {RequestsPerSecond,10:F0} req/s   p50 {P50Ms,7:F3} ms   p99 {P99Ms,7:F3} ms   errors {Errors}   "
        + $"cpu {CpuMicrosecondsPerRequest,6:F1} us/req   alloc {AllocatedPerRequest / 1024,6:F1} KB/req   gc {Collections.Gen0}/{Collections.Gen1}/{Collections.Gen2}";
}

/// <summary>
/// Closed-loop load: a fixed number of workers each send a request, wait for the answer, send the next — until the
/// duration or the request cap is reached, whichever comes first. Loopback only.
/// </summary>
public static class LoadDriver
{
    public static async Task<LoadResult> RunAsync(
        string name, int concurrency, TimeSpan duration, long maxRequests,
        Func<CancellationToken, Task<bool>> call, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        long issued = 0, errors = 0;
        var latencies = new List<double>[concurrency];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var mine = latencies[i] = new List<double>(4096);
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var t0 = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await call(stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        var count = Math.Max(1, all.Length);
        return new LoadResult(name, all.Length, errors, elapsed, Percentile(all, 0.50), Percentile(all, 0.99))
        {
            AllocatedPerRequest = (double)allocated / count,
            Collections = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2),
            CpuMicrosecondsPerRequest = cpu.TotalMicroseconds / count,
        };
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
