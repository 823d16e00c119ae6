using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.BuiltIn;

public class BuiltInRegistrationTests
{
    private const string PlatformHsaId = "5565594230";
    private string _data = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _data = Path.Combine(Path.GetTempPath(), "tjp-tests", "catalog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_data);
    }

    [TearDown]
    public void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Test]
    public async Task A_fresh_catalog_holds_the_platform_lookups_and_the_demo_consumer()
    {
        await using var platform = await TestPlatform.StartAsync(dataDirectory: _data);
        var snapshot = platform.Snapshot();

        var ping = snapshot.RoutingsFor(PlatformHsaId, DemoCatalog.PingForConfigurationContract).Single();
        Assert.That(ping.PhysicalAddress, Is.EqualTo(new Uri(platform.BaseAddress, DemoCatalog.PingForConfigurationPath).ToString()));
        Assert.That(ping.RivtaProfile, Is.EqualTo("RIVTABP21"));
        Assert.That(snapshot.AuthorizationsFor(DemoCatalog.Consumer, PlatformHsaId, DemoCatalog.PingForConfigurationContract), Has.Count.EqualTo(1));
        foreach (var contract in new[] { DemoCatalog.GetLogicalAddresseesContract, DemoCatalog.GetSupportedServiceContractsContract, DemoCatalog.SokVagvalsInfoContract })
        {
            Assert.That(snapshot.RoutingsFor(PlatformHsaId, contract), Has.Count.EqualTo(1), contract);
        }
    }

    [Test]
    public async Task Built_in_physical_addresses_follow_the_base_address_but_a_repointed_routing_is_left_alone()
    {
        await using (var first = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Platform:BaseAddress"] = "http://127.0.0.1:1" }, _data))
        {
            Assert.That(first.Snapshot().RoutingsFor(PlatformHsaId, DemoCatalog.PingForConfigurationContract).Single().PhysicalAddress,
                Is.EqualTo("http://127.0.0.1:1" + DemoCatalog.PingForConfigurationPath));

            // A team points one built-in at its own system.
            var supported = first.Snapshot().RoutingsFor(PlatformHsaId, DemoCatalog.GetSupportedServiceContractsContract).Single();
            using var http = new HttpClient { BaseAddress = ListeningAddress(first) };
            Assert.That((await http.DeleteAsync($"/api/v1/serviceProductions/{supported.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            var repointed = await http.PostJsonAsync("/api/v1/serviceProductions", Production(
                logicalAddress: PlatformHsaId, contract: DemoCatalog.GetSupportedServiceContractsContract, address: "https://registry.example/GetSupportedServiceContracts/2", producer: "SE-REAL"));
            Assert.That(repointed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await using var second = await TestPlatform.StartAsync(dataDirectory: _data);
        var snapshot = second.Snapshot();
        Assert.That(snapshot.RoutingsFor(PlatformHsaId, DemoCatalog.PingForConfigurationContract).Single().PhysicalAddress,
            Is.EqualTo(new Uri(second.BaseAddress, DemoCatalog.PingForConfigurationPath).ToString()), "updated to the new base address");
        Assert.That(snapshot.RoutingsFor(PlatformHsaId, DemoCatalog.GetSupportedServiceContractsContract).Single().PhysicalAddress,
            Is.EqualTo("https://registry.example/GetSupportedServiceContracts/2"), "a repointed routing is not taken back");
    }

    /// <summary>Where Kestrel listens (Platform:BaseAddress only names what the catalog registers).</summary>
    private static Uri ListeningAddress(TestPlatform platform) =>
        new(platform.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    [Test]
    public async Task Demo_data_is_seeded_only_once_but_the_platform_wiring_at_every_start()
    {
        await using (var first = await TestPlatform.StartAsync(dataDirectory: _data))
        {
            var demo = first.Snapshot().AuthorizationsFor(DemoCatalog.Consumer, PlatformHsaId, DemoCatalog.PingForConfigurationContract).Single();
            var ping = first.Snapshot().RoutingsFor(PlatformHsaId, DemoCatalog.PingForConfigurationContract).Single();
            Assert.That((await first.Http.DeleteAsync($"/api/v1/cooperations/{demo.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((await first.Http.DeleteAsync($"/api/v1/serviceProductions/{ping.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        await using var second = await TestPlatform.StartAsync(dataDirectory: _data);
        Assert.That(second.Snapshot().AuthorizationsFor(DemoCatalog.Consumer, PlatformHsaId, DemoCatalog.PingForConfigurationContract), Is.Empty, "the deleted demo authorization stays deleted");
        Assert.That(second.Snapshot().RoutingsFor(PlatformHsaId, DemoCatalog.PingForConfigurationContract), Has.Count.EqualTo(1), "the platform's own routing is restored");
    }
}
