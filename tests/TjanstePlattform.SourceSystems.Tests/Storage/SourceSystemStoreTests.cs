using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TjanstePlattform.Contracts.Scheduling;
using TjanstePlattform.Platform;
using TjanstePlattform.SourceSystems.Engagements;
using TjanstePlattform.SourceSystems.Storage;
using TjanstePlattform.Testing.Postgres;

namespace TjanstePlattform.SourceSystems.Tests.Storage;

/// <summary>
/// The source-system store on both providers, opened twice over the same data as two platform instances would:
/// read-check-write transactions never interleave, and each EI report is handed out once.
/// </summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.PostgreSql)]
public sealed class SourceSystemStoreTests(StorageProvider provider)
{
    private StoreScratch _scratch = null!;

    [SetUp]
    public async Task Open() => _scratch = await StoreScratch.CreateAsync(provider, "ss-store");

    [TearDown]
    public void Close() => _scratch.Dispose();

    private ISourceSystemStore OpenStore()
    {
        ISourceSystemStore store;
        if (_scratch.ConnectionString is null)
        {
            var sqlite = new SqliteSourceSystemStore(Path.Combine(_scratch.Directory, "sourcesystems.db"));
            _scratch.Own(sqlite);
            store = sqlite;
        }
        else
        {
            var database = new PostgresDatabase(_scratch.ConnectionString, NullLogger<PostgresDatabase>.Instance);
            _scratch.Own(database);
            store = new PostgresSourceSystemStore(database, TimeProvider.System);
        }

        store.Initialize();
        return store;
    }

    /// <summary>Two handles on one database (PostgreSQL); SQLite has one process per file, so one handle twice.</summary>
    private ISourceSystemStore[] TwoInstances()
    {
        var first = OpenStore();
        return [first, _scratch.ConnectionString is null ? first : OpenStore()];
    }

    private static StoredBooking Booking(string id, string patient) => new(
        "SYS", id, patient, "20300101100000", "20300101103000", "room-1", BookingStatus.Active,
        new TimeslotType { StartTimeInclusive = "20300101100000", EndTimeExclusive = "20300101103000", HealthcareFacility = "SE-HF" },
        null, null, null, "20250101120000");

    [Test]
    public async Task Concurrent_bookings_of_one_slot_through_two_instances_book_it_once()
    {
        var instances = TwoInstances();

        var booked = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => instances[i % 2].WriteAsync(w =>
        {
            if (w.BookingAt("SYS", "20300101100000", "room-1") is not null)
            {
                return false;
            }

            w.InsertBooking(Booking("b" + i, "patient-" + i));
            return true;
        }))));

        Assert.That(booked.Count(b => b), Is.EqualTo(1));
        Assert.That(instances[1].ActiveBookings("SYS"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_orders_through_two_instances_never_exceed_the_remaining_count()
    {
        var instances = TwoInstances();
        await instances[0].WriteAsync(w => { w.SetSetting("remaining", "3"); return 0; });

        var ordered = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => instances[i % 2].WriteAsync(w =>
        {
            var remaining = int.Parse(w.GetSetting("remaining")!, CultureInfo.InvariantCulture);
            if (remaining == 0)
            {
                return false;
            }

            w.SetSetting("remaining", (remaining - 1).ToString(CultureInfo.InvariantCulture));
            return true;
        }))));

        Assert.That(ordered.Count(o => o), Is.EqualTo(3));
    }

    [Test]
    public async Task A_due_report_is_handed_to_one_instance_only()
    {
        if (provider != StorageProvider.PostgreSql)
        {
            Assert.Ignore("One SQLite file has one platform process.");
        }

        var (a, b) = (OpenStore(), OpenStore());
        var now = DateTimeOffset.UtcNow;
        await a.WriteAsync(w => w.EnqueueReport("SE-SENDER", [], now));

        var toA = a.DueReports(now, 10);
        var toB = b.DueReports(now, 10);

        Assert.That(toA.Count + toB.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Sequence_numbers_are_unique_across_instances()
    {
        var instances = TwoInstances();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => instances[i % 2].WriteAsync(w => w.NextNumber("orders", 1000)))));

        Assert.That(numbers.Distinct().Count(), Is.EqualTo(20));
        Assert.That(numbers.Min(), Is.EqualTo(1000));
    }
}
