using System.Reflection;
using TjanstePlattform.Benchmarks;

// `dotnet cake --target=Bench` or `dotnet run -c Release --project tests/TjanstePlattform.Benchmarks -- [all|name ...]`
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var wanted = args.Length == 0 || args.Contains("all") ? benchmarks : benchmarks.Where(b => args.Contains(b.Name)).ToList();
if (wanted.Count == 0)
{
    Console.Error.WriteLine($"No benchmark named {string.Join(", ", args)}. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}

using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
foreach (var benchmark in wanted)
{
    Console.WriteLine($"== {benchmark.Name}");
    await benchmark.RunAsync(Console.Out, cts.Token);
    Console.WriteLine();
}

return 0;
