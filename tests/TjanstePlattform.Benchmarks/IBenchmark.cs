namespace TjanstePlattform.Benchmarks;

/// <summary>
/// One benchmark. Each part adds its own class in its own folder; <c>Program</c> finds them by reflection.
/// Every load loop is bounded in count and time and talks to loopback only.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. <c>router</c>, <c>ei</c>, <c>aggregation</c>.</summary>
    string Name { get; }

    /// <summary>Runs and prints its figures to <paramref name="output"/>.</summary>
    Task RunAsync(TextWriter output, CancellationToken cancellationToken);
}
