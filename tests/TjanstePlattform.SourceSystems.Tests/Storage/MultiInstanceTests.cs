using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Contracts.Scheduling;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Platform;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;
using TjanstePlattform.Testing.Postgres;

namespace TjanstePlattform.SourceSystems.Tests.Storage;

/// <summary>
/// Two whole platforms (instances "tjp-a" and "tjp-b") over one PostgreSQL database, as behind a load balancer:
/// one catalog, one engagement index, one state of the built-in source systems.
/// </summary>
[TestFixture]
public sealed class MultiInstanceTests
{
    private TestPlatform _a = null!;
    private TestPlatform _b = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var connectionString = await PostgresServer.NewDatabaseAsync();
        Dictionary<string, string?> Settings(string instance) => new()
        {
            ["Storage:Provider"] = nameof(StorageProvider.PostgreSql),
            ["Storage:ConnectionString"] = connectionString,
            ["Platform:InstanceId"] = instance,
            // Ten minutes: a change that arrives within the test's bounds came by NOTIFY, not by the periodic check.
            ["Catalog:StoreCheckInterval"] = "00:10:00",
        };

        _a = await TestPlatform.StartAsync(Settings("tjp-a"));
        _b = await TestPlatform.StartAsync(Settings("tjp-b"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Test]
    public async Task A_routing_added_through_one_instance_reaches_the_other_instances_routing_snapshot()
    {
        var catalogOfB = _b.Services.GetRequiredService<ICatalogSnapshotSource>();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        catalogOfB.Changed += snapshot =>
        {
            if (snapshot.ServiceProductions.Any(p => p.LogicalAddress == "SE-MULTI-1"))
            {
                arrived.TrySetResult();
            }
        };

        await new CatalogApi(_a.Http).AddServiceProductionAsync("SE-MULTI-1", "urn:riv:crm:scheduling:GetBookingDetailsResponder:1", "http://127.0.0.1:9/x");

        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(catalogOfB.Current!.ServiceProductions.Select(p => p.LogicalAddress), Does.Contain("SE-MULTI-1"));
    }

    [Test]
    public async Task An_engagement_stored_through_one_instance_is_found_through_the_other()
    {
        var e = new Engagement("199001012385", "riv:crm:scheduling", "booking", "SE-MULTI-LA", "multi-1", "NA", "20250101120000", "SE-SRC", "SE-DC", "5565594230", null, null);
        await _a.Services.GetRequiredService<IEngagementStore>().ApplyAsync([new EngagementWrite(false, e, EngagementKey.Of(e))], "20250101120000", null);

        var found = _b.Services.GetRequiredService<IEngagementStore>().Find(new EngagementQuery("199001012385", "riv:crm:scheduling"));

        Assert.That(found.Select(f => f.BusinessObjectInstanceIdentifier), Is.EqualTo(new[] { "multi-1" }));
    }

    [Test]
    public async Task Two_patients_racing_for_one_time_through_different_instances_get_one_booking()
    {
        var start = "20351019090000";
        var end = "20351019093000";

        var results = await Task.WhenAll(
            new Calls(_a).MakeAsync(DemoWorldFixture.Bok1, DemoWorldFixture.Tolvan, start, end, Calls.Actor(DemoWorldFixture.Tolvan)),
            new Calls(_b).MakeAsync(DemoWorldFixture.Bok1, DemoWorldFixture.Siv, start, end, Calls.Actor(DemoWorldFixture.Siv)));

        Assert.That(results.Select(r => r.Body.ResultCode), Is.EquivalentTo(new[] { ResultCodeEnum.Ok, ResultCodeEnum.Error }),
            string.Join(" / ", results.Select(r => r.Body.ResultText)));
    }

    [Test]
    public async Task The_demo_world_seeded_through_one_instance_is_served_by_both()
    {
        var throughA = await new Calls(_a).MedicationHistoryAsync(DemoWorldFixture.National, DemoWorldFixture.Tolvan);
        var throughB = await new Calls(_b).MedicationHistoryAsync(DemoWorldFixture.National, DemoWorldFixture.Tolvan);

        Assert.That(throughA.GetMedicationHistoryResponseValue.MedicationMedicalRecord, Is.Not.Empty);
        Assert.That(throughB.GetMedicationHistoryResponseValue.MedicationMedicalRecord, Has.Count.EqualTo(throughA.GetMedicationHistoryResponseValue.MedicationMedicalRecord.Count));
    }

    [Test]
    public void Each_instance_keeps_its_own_instance_id()
    {
        var a = _a.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value.InstanceId;
        var b = _b.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value.InstanceId;

        Assert.That((a, b), Is.EqualTo(("tjp-a", "tjp-b")));
    }
}
