using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Offline;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Testing;
using static TjanstePlattform.Catalog.Tests.CatalogTestClient;

namespace TjanstePlattform.Catalog.Tests.Api;

/// <summary>Published versions: every change set numbered with who/when/why, listed, fetched, rolled back; manual publishing.</summary>
public class VersionApiTests
{
    private const string Contract = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";

    [Test]
    public async Task Every_change_is_a_numbered_version_with_author_and_comment_that_can_be_fetched_and_rolled_back()
    {
        await using var platform = await TestPlatform.StartAsync();
        var start = platform.Snapshot().Version;

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/serviceProductions") { Content = JsonBody(Production(logicalAddress: "SE-V1")) };
        request.Headers.Add("X-Catalog-Author", "anna");
        request.Headers.Add("X-Catalog-Comment", "Connect region");
        var first = await platform.Http.SendAsync(request);
        Assert.That(first.Headers.GetValues("X-Catalog-Version").Single(), Is.EqualTo((start + 1).ToString()));
        var second = await platform.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: "SE-V2"));
        Assert.That(second.Headers.GetValues("X-Catalog-Version").Single(), Is.EqualTo((start + 2).ToString()));
        Assert.That(platform.Snapshot().Version, Is.EqualTo(start + 2));

        var versions = (await (await platform.Http.GetAsync("/api/v1/versions")).JsonAsync()).AsArray();
        Assert.That((long)versions[0]!["number"]!, Is.EqualTo(start + 2), "newest first");
        var v1 = versions.Single(v => (long)v!["number"]! == start + 1)!;
        Assert.That((string?)v1["publishedBy"], Is.EqualTo("anna"));
        Assert.That((string?)v1["comment"], Is.EqualTo("Connect region"));
        Assert.That((string?)v1["publishedAt"], Is.Not.Null);

        var document = await (await platform.Http.GetAsync($"/api/v1/versions/{start + 1}")).JsonAsync();
        Assert.That((string?)document["format"], Is.EqualTo("tjp-catalog/1"));
        var addresses = document["serviceProductions"]!.AsArray().Select(p => (string?)p!["logicalAddress"]).ToList();
        Assert.That(addresses, Does.Contain("SE-V1").And.Not.Contain("SE-V2"));

        var rollback = await platform.Http.PostAsync($"/api/v1/versions/{start + 1}/rollback", null);
        Assert.That(rollback.StatusCode, Is.EqualTo(HttpStatusCode.Created), await rollback.Content.ReadAsStringAsync());
        var rolled = await rollback.JsonAsync();
        Assert.That((long)rolled["number"]!, Is.EqualTo(start + 3), "a rollback is published as a new version");
        Assert.That((string?)rolled["comment"], Is.EqualTo($"Rollback to version {start + 1}"));

        var snapshot = platform.Snapshot();
        Assert.That(snapshot.Version, Is.EqualTo(start + 3));
        Assert.That(snapshot.RoutingsFor("SE-V1", Contract), Has.Count.EqualTo(1));
        Assert.That(snapshot.RoutingsFor("SE-V2", Contract), Is.Empty, "the router no longer sees the later routing");
        Assert.That((await (await platform.Http.GetAsync("/api/v1/serviceProductions?logicalAddress=SE-V2")).JsonAsync()).AsArray(), Is.Empty);

        await (await platform.Http.GetAsync("/api/v1/versions/9999")).AssertProblemAsync(HttpStatusCode.NotFound, CatalogProblems.NotFound, "version 9999");
        await (await platform.Http.PostAsync("/api/v1/versions/9999/rollback", null)).AssertProblemAsync(HttpStatusCode.NotFound, CatalogProblems.NotFound);
        await (await platform.Http.PostAsync("/api/v1/versions", null)).AssertProblemAsync(HttpStatusCode.Conflict, CatalogProblems.NothingToPublish);
    }

    [Test]
    public async Task In_manual_mode_changes_stay_pending_until_published()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Catalog:PublishMode"] = "Manual" });
        var status = platform.Services.GetRequiredService<ICatalogStatus>();
        var start = platform.Snapshot().Version;
        Assert.That(status.HasPendingChanges, Is.False, "the built-ins are published even in manual mode");

        var created = await platform.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: "SE-PENDING"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Headers.Contains("X-Catalog-Version"), Is.False);
        Assert.That(platform.Snapshot().RoutingsFor("SE-PENDING", Contract), Is.Empty, "not routable before it is published");
        Assert.That(status.HasPendingChanges, Is.True);
        Assert.That((await (await platform.Http.GetAsync("/api/v1/serviceProductions?logicalAddress=SE-PENDING")).JsonAsync()).AsArray(), Has.Count.EqualTo(1), "the API shows pending entries");

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/versions") { Content = JsonBody(new { comment = "Week 12 changes" }) };
        request.Headers.Add("X-Catalog-Author", "operator");
        var published = await platform.Http.SendAsync(request);
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Created), await published.Content.ReadAsStringAsync());
        var info = await published.JsonAsync();
        Assert.That((long)info["number"]!, Is.EqualTo(start + 1));
        Assert.That((string?)info["publishedBy"], Is.EqualTo("operator"));
        Assert.That((string?)info["comment"], Is.EqualTo("Week 12 changes"));
        Assert.That(platform.Snapshot().RoutingsFor("SE-PENDING", Contract), Has.Count.EqualTo(1));
        Assert.That(status.HasPendingChanges, Is.False);
    }

    [Test]
    public async Task A_change_made_by_another_writer_is_seen_before_the_next_edit()
    {
        var data = Path.Combine(Path.GetTempPath(), "tjp-tests", "catalog-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var platform = await TestPlatform.StartAsync(dataDirectory: data);

            // A second editor on the same data directory (the CLI's --data mode) adds a routing.
            await using (var cli = await OfflineCatalog.OpenAsync(data))
            {
                var outcome = await cli.Editor.EditAsync(e => e.AddServiceProduction(new ServiceProductionRequest("SE-P", "SE-OTHER-WRITER", Contract, "http://127.0.0.1:9/x", "RIVTABP21")), new CatalogAuthor("cli"));
                Assert.That(outcome.IsSuccess, Is.True, outcome.Problem?.Detail);
            }

            // The platform's next edit starts from the store, so the other writer's routing is neither lost nor given the same id.
            var created = await platform.Http.PostJsonAsync("/api/v1/serviceProductions", Production(logicalAddress: "SE-AFTER"));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            var snapshot = platform.Snapshot();
            Assert.That(snapshot.RoutingsFor("SE-OTHER-WRITER", Contract), Has.Count.EqualTo(1));
            Assert.That(snapshot.RoutingsFor("SE-AFTER", Contract), Has.Count.EqualTo(1));
            Assert.That(snapshot.ServiceProductions.Select(p => p.Id), Is.Unique);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static StringContent JsonBody(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
