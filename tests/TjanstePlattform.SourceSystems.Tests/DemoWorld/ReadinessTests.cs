using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Platform;
using TjanstePlattform.Testing;

namespace TjanstePlattform.SourceSystems.Tests.DemoWorld;

/// <summary>The readiness gate <c>sourcesystems</c>: open once the seeding reached EI, and never held shut by an EI the catalog cannot reach.</summary>
public class ReadinessTests
{
    [Test]
    public async Task A_fresh_platform_is_ready_only_with_the_demo_world_in_EI()
    {
        await using var platform = await TestPlatform.StartAsync();

        var finder = platform.Services.GetRequiredService<EngagementIndex.Engagements.IEngagementFinder>();
        var found = await finder.FindAsync(new EngagementIndex.Engagements.EngagementQuery("191212121212", "riv:clinicalprocess:activityprescription:actoutcome", "caa-gmh"));
        Assert.That(found, Has.Count.EqualTo(2));
        Assert.That(platform.Services.GetRequiredService<PlatformReadiness>().Pending, Is.Empty);
    }

    [Test]
    public async Task A_catalog_without_a_routing_to_EI_does_not_keep_the_platform_from_being_ready()
    {
        // A replaced catalog (as router tests use) knows no EI: the seeding fails once everything else is up, the gate
        // opens at once instead of after the (here very long) seed timeout, and the reports keep being retried.
        var settings = new Dictionary<string, string?> { ["SourceSystems:EngagementIndex:SeedReadinessTimeout"] = "01:00:00" };

        await using var platform = await TestPlatform.StartAsync(settings, configure: b => b.Services.AddSingleton<ICatalogSnapshotSource>(FixedCatalog.With([], [])));

        Assert.That(platform.Services.GetRequiredService<PlatformReadiness>().IsReady, Is.True);
    }

    [Test]
    public async Task Disabled_source_systems_leave_no_trace_in_the_platform()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["SourceSystems:Enabled"] = "false" });

        using var api = await platform.Http.GetAsync("/api/v1/sourceSystems");
        var snapshot = platform.Services.GetRequiredService<ICatalogSnapshotSource>().Current!;
        var found = await platform.Services.GetRequiredService<EngagementIndex.Engagements.IEngagementFinder>()
            .FindAsync(new EngagementIndex.Engagements.EngagementQuery("191212121212", "riv:clinicalprocess:activityprescription:actoutcome"));

        Assert.That(api.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That(snapshot.RoutingsFor("SE2321000016-JRN1", "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2"), Is.Empty);
        Assert.That(found, Is.Empty);
    }
}
