using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace TjanstePlattform.SourceSystems;

/// <summary>
/// The worlds <c>SourceSystems:World</c> selects. <c>demo</c> is the demo world (<c>DemoWorld/Data</c>). <c>reference</c>
/// is the public test data of the reference platform's aggregating-service test stub (skltp/agp, agp-teststub): its
/// persons TC1–TC10, systems HSA-ID-1…7, consumers and HSA tree, in <c>Worlds/reference</c>. A world is data plus a few
/// configuration defaults, which lie beneath every other configuration source, so an explicit setting still wins.
/// </summary>
public static class SourceSystemWorlds
{
    public const string Demo = "demo";
    public const string Reference = "reference";

    /// <summary>The reference world's HSA unit file in its folder (for <c>Routing:HsaFile</c>).</summary>
    public const string HsaFileName = "hsa.xml";

    public static readonly IReadOnlyList<string> Names = [Demo, Reference];

    public static readonly string UnknownWorldMessage = $"SourceSystems:World must be one of: {string.Join(", ", Names)}.";

    public static bool IsKnown(string? world) => Names.Contains(world ?? "", StringComparer.OrdinalIgnoreCase);

    /// <summary>The folder of a world's data files next to the executable (the data directory unless one is configured).</summary>
    public static string Folder(string world) =>
        string.Equals(world, Demo, StringComparison.OrdinalIgnoreCase)
            ? Path.Combine(AppContext.BaseDirectory, "DemoWorld", "Data")
            : Path.Combine(AppContext.BaseDirectory, "Worlds", world.ToLowerInvariant());

    /// <summary>
    /// The configuration defaults of the selected world (none for the demo world or an unknown name, which options
    /// validation refuses by name), added as the lowest-precedence source.
    /// </summary>
    public static void AddDefaults(ConfigurationManager configuration)
    {
        var world = configuration[$"{SourceSystemsOptions.SectionName}:{nameof(SourceSystemsOptions.World)}"];
        if (!string.Equals(world, Reference, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Folder(Reference);
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                // TC7 (trädklättring): the child unit SE0000000005-1234 sits below SE0000000003-1234.
                ["Routing:HsaFile"] = Path.Combine(folder, HsaFileName),
                // The stub's timings scaled down so a suite runs in seconds: HSA-ID-3 (3 s) is later than this, HSA-ID-2
                // (1 s) in time, as in the stub (timeout ± 1 s). Named here because SourceSystems does not reference
                // Aggregation.
                ["Aggregation:ProducerTimeout"] = "00:00:02",
            },
        });
    }
}
