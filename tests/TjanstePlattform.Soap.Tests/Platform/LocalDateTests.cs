using TjanstePlattform.Platform;

namespace TjanstePlattform.Soap.Tests.Platform;

/// <summary>The day routings and authorizations are checked against: local, and never stale after midnight.</summary>
public class LocalDateTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.CreateCustomTimeZone("CET-test", TimeSpan.FromHours(1), "CET", "CET");

    [Test]
    public void The_day_turns_at_local_midnight_not_at_utc_midnight()
    {
        // 22:59:59 UTC is 23:59:59 in UTC+1.
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 22, 22, 59, 59, TimeSpan.Zero), Stockholm);
        var date = new LocalDate(clock);
        Assert.That(date.Today, Is.EqualTo(new DateOnly(2026, 11, 22)));

        clock.Now = clock.Now.AddSeconds(1);
        Assert.That(date.Today, Is.EqualTo(new DateOnly(2026, 11, 23)), "the cached day ends at local midnight");

        clock.Now = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero);
        Assert.That(date.Today, Is.EqualTo(new DateOnly(2026, 11, 24)));
    }

    [Test]
    public void A_clock_set_back_is_followed()
    {
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero), Stockholm);
        var date = new LocalDate(clock);
        Assert.That(date.Today, Is.EqualTo(new DateOnly(2026, 11, 22)));

        clock.Now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.That(date.Today, Is.EqualTo(new DateOnly(2026, 1, 1)));
    }

    [Test]
    public void A_time_zone_change_is_seen_within_a_minute()
    {
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);
        var date = new LocalDate(clock);
        Assert.That(date.Today, Is.EqualTo(new DateOnly(2026, 11, 22)));

        clock.Zone = TimeZoneInfo.CreateCustomTimeZone("UTC+14-test", TimeSpan.FromHours(14), "LINT", "LINT");
        clock.Now = clock.Now.AddMinutes(1);
        Assert.That(date.Today, Is.EqualTo(new DateOnly(2026, 11, 23)));
    }

    private sealed class SettableClock(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public TimeZoneInfo Zone { get; set; } = zone;

        public override DateTimeOffset GetUtcNow() => Now;

        public override TimeZoneInfo LocalTimeZone => Zone;
    }
}
