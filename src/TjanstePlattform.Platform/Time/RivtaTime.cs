using System.Globalization;

namespace TjanstePlattform.Platform;

/// <summary>
/// RIVTA timestamps (<c>yyyyMMddHHmmss</c>) are Swedish local time without a zone, whatever the machine's zone is:
/// PingForConfiguration, ProcessingStatus and the source systems all write them so.
/// </summary>
public static class RivtaTime
{
    public const string SwedishTimeZoneId = "Europe/Stockholm";

    /// <summary>Swedish time (the machine's local zone only where the time-zone database lacks it).</summary>
    public static TimeZoneInfo Sweden { get; } = Zone(SwedishTimeZoneId);

    /// <summary>The zone <paramref name="id"/> names, or the machine's local zone when it is unknown.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Local;

    /// <summary><paramref name="at"/> as <c>yyyyMMddHHmmss</c> in <paramref name="zone"/> (Swedish time by default).</summary>
    public static string Format(DateTimeOffset at, TimeZoneInfo? zone = null) =>
        TimeZoneInfo.ConvertTime(at, zone ?? Sweden).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
