using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Contracts.Scheduling;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;

namespace TjanstePlattform.SourceSystems.Tests.DemoWorld;

/// <summary>State survives a restart: the store in <c>Storage:Directory</c> keeps bookings and orders, and the demo world is imported only once.</summary>
public class PersistenceTests
{
    [Test]
    public async Task Bookings_cancellations_and_remaining_orders_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tjp-tests", Guid.NewGuid().ToString("N"));
        // Both starts on one port, as `dotnet run` on its configured port: the catalog keeps the seeded routings'
        // physical addresses from the first start (a seed-once routing is not repointed when the port changes).
        var settings = new Dictionary<string, string?> { ["urls"] = $"http://127.0.0.1:{FreePort()}" };
        try
        {
            string bookingId;
            await using (var first = await TestPlatform.StartAsync(settings, dataDirectory: directory))
            {
                var calls = new Calls(first);
                var made = await calls.MakeAsync(DemoWorldFixture.Bok1, DemoWorldFixture.Siv, "20351024090000", "20351024093000", Calls.Actor(DemoWorldFixture.Siv));
                bookingId = made.Body.BookingId!;
                var cancelled = await calls.CancelAsync(DemoWorldFixture.Bok1, "BOK1-1002", Calls.Actor(DemoWorldFixture.Tolvan));
                Assert.That(cancelled.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
            }

            await using var second = await TestPlatform.StartAsync(settings, dataDirectory: directory);
            var again = new Calls(second);
            var siv = await again.ScheduleAsync(DemoWorldFixture.Bok1, DemoWorldFixture.Siv, Calls.Actor(DemoWorldFixture.Siv));
            var tolvan = await again.ScheduleAsync(DemoWorldFixture.Bok1, DemoWorldFixture.Tolvan, Calls.Actor(DemoWorldFixture.Tolvan));
            var free = await again.AvailableAsync(DemoWorldFixture.Bok1, DemoWorldFixture.Siv, Calls.Actor(DemoWorldFixture.Siv), "20351024", "20351024");
            var engagements = await second.Services.GetRequiredService<IEngagementFinder>().FindAsync(new EngagementQuery(DemoWorldFixture.Tolvan, "riv:crm:scheduling"));

            Assert.That(siv.Body.TimeslotDetail.Select(t => t.BookingId), Does.Contain(bookingId));
            Assert.That(tolvan.Body.TimeslotDetail.Select(t => t.BookingId), Does.Contain("BOK1-1001").And.Not.Contain("BOK1-1002"), "the data file was not imported again");
            Assert.That(free.Body.TimeslotDetail.Select(t => t.StartTimeInclusive), Does.Not.Contain("20351024090000"));
            Assert.That(engagements.Select(e => e.BusinessObjectInstanceIdentifier), Does.Not.Contain("BOK1-1002"), "the seeding was not repeated either");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
