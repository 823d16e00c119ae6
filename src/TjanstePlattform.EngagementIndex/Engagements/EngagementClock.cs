using System.Globalization;
using Microsoft.Extensions.Options;

namespace TjanstePlattform.EngagementIndex.Engagements;

/// <summary>
/// The index's time: RIVTA timestamps (<c>yyyyMMddHHmmss</c>) are Swedish local time without zone, so
/// creationTime/updateTime are written in <see cref="EngagementIndexOptions.TimeZone"/>. Built on
/// <see cref="TimeProvider"/> so tests can move time.
/// </summary>
public sealed class EngagementClock
{
    private readonly TimeZoneInfo _zone;

    public EngagementClock(TimeProvider time, IOptions<EngagementIndexOptions> options)
    {
        Time = time;
        _zone = TjanstePlattform.Platform.RivtaTime.Zone(options.Value.TimeZone);
    }

    public TimeProvider Time { get; }

    /// <summary>Now as a RIVTA timestamp.</summary>
    public string Timestamp => Local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>Today in the index's zone (validity of authorizations).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Local);

    private DateTime Local => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), _zone).DateTime;
}
