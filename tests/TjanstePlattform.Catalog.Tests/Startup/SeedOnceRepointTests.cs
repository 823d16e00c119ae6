using System.Text.Json;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Catalog.Tests.Startup;

/// <summary>Demo routings seeded once follow the platform to a new port; they are not re-created once deleted.</summary>
public class SeedOnceRepointTests
{
    private const string Journal = "SE2321000016-JRN1";

    private static async Task<JsonElement[]> RoutingsAsync(TestPlatform platform) =>
        (await JsonSerializer.DeserializeAsync<JsonElement[]>(await platform.Http.GetStreamAsync("/api/v1/serviceProductions")))!
            .Where(p => p.GetProperty("logicalAddress").GetString() == Journal).ToArray();

    [Test]
    public async Task A_restart_on_another_port_repoints_the_demo_routings_and_keeps_deletions()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tjp-tests", Guid.NewGuid().ToString("N"));
        try
        {
            long deleted;
            await using (var first = await TestPlatform.StartAsync(dataDirectory: directory))
            {
                var routings = await RoutingsAsync(first);
                Assert.That(routings, Is.Not.Empty);
                Assert.That(routings.Select(r => r.GetProperty("physicalAddress").GetString()), Has.All.StartWith(first.BaseAddress.ToString().TrimEnd('/')));
                deleted = routings[0].GetProperty("id").GetInt64();
                using var response = await first.Http.DeleteAsync($"/api/v1/serviceProductions/{deleted}");
                Assert.That(response.IsSuccessStatusCode, Is.True);
            }

            await using var second = await TestPlatform.StartAsync(dataDirectory: directory);
            var after = await RoutingsAsync(second);
            Assert.That(after, Is.Not.Empty);
            Assert.That(after.Select(r => r.GetProperty("physicalAddress").GetString()), Has.All.StartWith(second.BaseAddress.ToString().TrimEnd('/')),
                "seed-once routings that point at the platform follow it");
            Assert.That(after.Select(r => r.GetProperty("id").GetInt64()), Has.None.EqualTo(deleted), "a deleted demo routing stays deleted");
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
}
