namespace TjanstePlattform.Platform;

/// <summary>
/// Today's date in the platform's local time zone: the day routings and authorizations are valid on, for the router,
/// the catalog's look-ups and edits and the aggregating services alike. Converting to local time costs more than the
/// rest of a routing decision, so the date is kept until the next local midnight (and at most a minute, so a
/// time-zone change is seen soon).
/// </summary>
public sealed class LocalDate(TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private Day? _day;

    public DateOnly Today
    {
        get
        {
            var utcNow = time.GetUtcNow();
            var day = _day;
            if (day is not null && utcNow >= day.FromUtc && utcNow < day.UntilUtc)
            {
                return day.Date;
            }

            var localNow = time.GetLocalNow();
            var date = DateOnly.FromDateTime(localNow.DateTime);
            var untilMidnight = localNow.Date.AddDays(1) - localNow.DateTime;
            _day = day = new Day(date, utcNow, utcNow + (untilMidnight < MaxAge ? untilMidnight : MaxAge));
            return day.Date;
        }
    }

    private sealed record Day(DateOnly Date, DateTimeOffset FromUtc, DateTimeOffset UntilUtc);
}
