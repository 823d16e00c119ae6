using System.Diagnostics;
using System.Text;
using TjanstePlattform.Soap.Envelope;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Benchmarks.Envelope;

/// <summary>The cost of peeking one small envelope's head (the router's only per-call XML work), single-threaded.</summary>
public sealed class EnvelopeHeadBenchmark : IBenchmark
{
    public string Name => "envelope";

    public Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(GetMedicationHistory("SE-BENCH"));
        const int warmup = 20_000, runs = 200_000;
        for (var i = 0; i < warmup; i++)
        {
            EnvelopeHeadReader.Read(bytes);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs && !cancellationToken.IsCancellationRequested; i++)
        {
            EnvelopeHeadReader.Read(bytes);
        }

        watch.Stop();
        var perCall = watch.Elapsed.TotalMilliseconds * 1000 / runs;
        var bytesPerCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / runs;
        output.WriteLine($"envelope head peek ({bytes.Length} bytes): {perCall:F2} µs and {bytesPerCall} bytes allocated per call");
        return Task.CompletedTask;
    }
}
