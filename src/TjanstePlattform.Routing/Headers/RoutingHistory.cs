namespace TjanstePlattform.Routing.Headers;

/// <summary>
/// <c>x-rivta-routing-history</c>: the comma-separated instance ids of the platforms a call has passed (PLATFORM.md §2,
/// as skltp/vp does it). Absent: this platform's id. Holding this platform's id (element by element, trimmed): the call
/// went round (VP014). Otherwise <c>,&lt;our id&gt;</c> is appended.
/// </summary>
public static class RoutingHistory
{
    /// <summary>True when <paramref name="history"/> already names <paramref name="instanceId"/>: a routing loop.</summary>
    public static bool Contains(string? history, string instanceId)
    {
        if (string.IsNullOrEmpty(history))
        {
            return false;
        }

        var span = history.AsSpan();
        foreach (var range in span.Split(','))
        {
            if (span[range].Trim().Equals(instanceId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The history sent on to the producer: our id alone, or appended after a comma.</summary>
    public static string Append(string? history, string instanceId)
        => string.IsNullOrWhiteSpace(history) ? instanceId : history + "," + instanceId;
}
