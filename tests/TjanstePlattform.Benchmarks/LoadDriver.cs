using System.Diagnostics;

namespace TjanstePlattform.Benchmarks;

/// <summary>The figures of one load run.</summary>
public sealed record LoadResult(string Name, long Requests, long Errors, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Name,-28} {RequestsPerSecond,10:F0} req/s   p50 {P50Ms,7:F3} ms   p99 {P99Ms,7:F3} ms   errors {Errors}";
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
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, all.Length, errors, elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
