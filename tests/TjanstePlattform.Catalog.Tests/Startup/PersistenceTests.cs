using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Startup;

public class PersistenceTests
{
    private string _data = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _data = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tjp-tests", "catalog-" + Guid.NewGuid().ToString("N"));
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
    public async Task A_restart_on_the_same_data_directory_keeps_routings_authorizations_and_the_version()
    {
        long productionId, cooperationId, version;
        await using (var first = await TestPlatform.StartAsync(dataDirectory: _data))
        {
            Assert.That(File.Exists(System.IO.Path.Combine(_data, "catalog.db")), Is.True, "catalog.db lives in Storage:Directory");
            productionId = (long)(await (await first.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: "SE-KEEP"))).JsonAsync())["id"]!;
            cooperationId = (long)(await (await first.Http.PostJsonAsync("/api/v1/cooperations", Cooperation(consumer: "SE-KEEPER", logicalAddress: "SE-KEEP"))).JsonAsync())["id"]!;
            version = first.Snapshot().Version;
        }

        await using var second = await TestPlatform.StartAsync(dataDirectory: _data);
        var snapshot = second.Snapshot();
        Assert.That(snapshot.ServiceProductions.Select(p => p.Id), Does.Contain(productionId));
        Assert.That(snapshot.Cooperations.Select(c => c.Id), Does.Contain(cooperationId));
        // The new port moves the built-ins' physical addresses: at most that one version is published at restart.
        Assert.That(snapshot.Version, Is.InRange(version, version + 1));
        Assert.That(second.Services.GetRequiredService<ICatalogStatus>().Source, Is.EqualTo(CatalogLoadSource.Store));

        var next = await second.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: "SE-KEEP-2"));
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((long)(await next.JsonAsync())["id"]!, Is.GreaterThan(Math.Max(productionId, cooperationId)), "ids are never reused");
    }
}
