using System.Globalization;
using Microsoft.Extensions.Options;

namespace TjanstePlattform.SourceSystems;

/// <summary>Now, in Swedish local time as RIVTA writes it (<c>YYYYMMDDhhmmss</c>, no zone), from an injectable <see cref="TimeProvider"/>.</summary>
internal sealed class SourceSystemClock(TimeProvider time, IOptions<SourceSystemsOptions> options)
{
    private readonly TimeZoneInfo _zone = TjanstePlattform.Platform.RivtaTime.Zone(options.Value.TimeZone);

    public TimeProvider TimeProvider => time;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>Local wall-clock time.</summary>
    public DateTime Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary><c>YYYYMMDDhhmmss</c>.</summary>
    public string Timestamp => Now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}

/// <summary>RIVTA timestamps and dates as text.</summary>
internal static class RivtaTime
{
    public static bool IsTimestamp(string? value) =>
        value is { Length: 14 } && DateTime.TryParseExact(value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsDate(string? value) =>
        value is { Length: 8 } && DateTime.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static DateTime ParseTimestamp(string value) => DateTime.ParseExact(value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static string Format(DateTime value) => value.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
