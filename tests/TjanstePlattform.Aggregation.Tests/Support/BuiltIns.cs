using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation.Descriptors;

namespace TjanstePlattform.Aggregation.Tests.Support;

/// <summary>The built-in descriptors as the engine sees them, for tests below the HTTP level.</summary>
internal static class BuiltIns
{
    public static AggregationOptions Options(TimeSpan? producerTimeout = null, TimeSpan? deadline = null)
    {
        var options = new AggregationOptions
        {
            ProducerTimeout = producerTimeout ?? TimeSpan.FromSeconds(27),
            Deadline = deadline ?? TimeSpan.FromSeconds(28),
        };
        new AggregationOptionsSetup(Microsoft.Extensions.Options.Options.Create(new TjanstePlattform.Platform.PlatformOptions())).PostConfigure(null, options);
        return options;
    }

    public static AggregatedContracts All { get; } = new(Microsoft.Extensions.Options.Options.Create(Options()));

    public static AggregatedContract MedicationHistory => All.Find(BuiltInContracts.GetMedicationHistoryNamespace)!;

    public static AggregatedContract Schedule => All.Find(BuiltInContracts.GetSubjectOfCareScheduleNamespace)!;

    public static AggregatedContract Requests => All.Find(BuiltInContracts.GetRequestActivitiesNamespace)!;
}
