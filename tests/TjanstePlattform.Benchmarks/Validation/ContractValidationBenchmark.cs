using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Soap.Validation;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Benchmarks.Validation;

/// <summary>
/// How expensive <c>Validation:Mode=Log|Reject</c> is per message: schema loading once, then validations
/// per second of a small request and a large (≈140 KB) official response, on one thread and on all cores.
/// </summary>
public sealed class ContractValidationBenchmark : IBenchmark
{
    public string Name => "validation";

    public Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var load = Stopwatch.StartNew();
        var validator = new ServiceCollection()
            .AddLogging()
            .AddContractValidation(new ConfigurationBuilder().Build())
            .BuildServiceProvider()
            .GetRequiredService<IContractSchemaValidator>();
        var roots = validator.RootElements.Count;
        load.Stop();
        output.WriteLine($"schema load (first use): {load.ElapsedMilliseconds} ms, {validator.Trees.Loaded.Count} trees, {roots} root elements");

        var request = File.ReadAllBytes(Path.Combine(RivtaOracle.RepositoryRoot, "wsdl", "samples", "GetMedicationHistory", "03_happy_path_aggregated_active_in_period.xml"));
        var response = File.ReadAllBytes(RivtaOracle.PathOf("samples", "GetMedicationHistory", "06_response_Basic_Testcase.xml"));
        Measure(output, validator, "request  (GetMedicationHistory, " + request.Length + " B)", request, 20_000, cancellationToken);
        Measure(output, validator, "response (GetMedicationHistory, " + response.Length + " B)", response, 1_000, cancellationToken);
        return Task.CompletedTask;
    }

    private static void Measure(TextWriter output, IContractSchemaValidator validator, string what, byte[] message, int count, CancellationToken cancellationToken)
    {
        if (!validator.Validate(new MemoryStream(message)).IsValid)
        {
            throw new InvalidOperationException($"{what} is not valid; the benchmark would measure the error path.");
        }

        // Warm up with as many validations as are timed (at most 10 s): tiered JIT needs thousands of
        // calls before the hot path is fully optimized, and a cold first run would be timed 4x too slow.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < count && warmUp.Elapsed < TimeSpan.FromSeconds(10) && !cancellationToken.IsCancellationRequested; i++)
        {
            validator.Validate(new MemoryStream(message, writable: false));
        }

        foreach (var threads in new[] { 1, Environment.ProcessorCount })
        {
            var watch = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(10);
            var done = 0;
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, (_, state) =>
            {
                if (watch.Elapsed > deadline)
                {
                    state.Stop();
                    return;
                }

                validator.Validate(new MemoryStream(message, writable: false));
                Interlocked.Increment(ref done);
            });
            watch.Stop();
            var perSecond = done / watch.Elapsed.TotalSeconds;
            output.WriteLine(new StringBuilder()
                .Append($"{what}: {threads} thread(s): {done} validations in {watch.ElapsedMilliseconds} ms = ")
                .Append($"{perSecond:F0}/s, {watch.Elapsed.TotalMilliseconds * 1000 / Math.Max(done, 1) * threads:F0} µs each")
                .ToString());
        }
    }
}
