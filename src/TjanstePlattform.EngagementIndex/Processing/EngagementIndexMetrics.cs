using TjanstePlattform.Platform;

namespace TjanstePlattform.EngagementIndex.Processing;

/// <summary>Counts EI requests by operation and result (OK or FAULT) on the platform's meter.</summary>
internal static class EngagementIndexMetrics
{
    private const string Ok = "OK";
    private const string Fault = "FAULT";

    public static async Task<T> CountUpdateAsync<T>(string operation, Task<T> work)
    {
        var result = Fault;
        try
        {
            var answer = await work.ConfigureAwait(false);
            result = Ok;
            return answer;
        }
        finally
        {
            PlatformTelemetry.EngagementIndexUpdates.Add(1,
                new KeyValuePair<string, object?>(PlatformTelemetry.Tags.Operation, operation),
                new KeyValuePair<string, object?>(PlatformTelemetry.Tags.Result, result));
        }
    }

    public static T CountFind<T>(Func<T> find)
    {
        var result = Fault;
        try
        {
            var answer = find();
            result = Ok;
            return answer;
        }
        finally
        {
            PlatformTelemetry.EngagementIndexFinds.Add(1, new KeyValuePair<string, object?>(PlatformTelemetry.Tags.Result, result));
        }
    }

    public static void Notification(string subscriber, bool delivered)
    {
        var tag = new KeyValuePair<string, object?>(PlatformTelemetry.Tags.Subscriber, subscriber);
        PlatformTelemetry.EngagementIndexNotifications.Add(1, tag,
            new KeyValuePair<string, object?>(PlatformTelemetry.Tags.Result, delivered ? "delivered" : "dead_lettered"));
        if (!delivered)
        {
            PlatformTelemetry.EngagementIndexDeadLetters.Add(1, tag);
        }
    }
}
