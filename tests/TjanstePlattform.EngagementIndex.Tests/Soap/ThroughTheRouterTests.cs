using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Testing;

namespace TjanstePlattform.EngagementIndex.Tests.Soap;

/// <summary>The index as an ordinary producer: registered in the catalog at its own logical address and reached through the router.</summary>
[TestFixture]
public sealed class ThroughTheRouterTests
{
    private const string DemoConsumer = "TJP-DEMO-CONSUMER";
    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _platform = await TestPlatform.StartAsync(EiSettings.Isolated());

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [TestCase("Update", "urn:riv:itintegration:engagementindex:UpdateResponder:1")]
    [TestCase("ProcessNotification", "urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1")]
    [TestCase("FindContent", "urn:riv:itintegration:engagementindex:FindContentResponder:1")]
    [TestCase("GetUpdates", "urn:riv:itintegration:engagementindex:GetUpdatesResponder:1")]
    public void Each_contract_is_routed_at_the_index_owner_to_the_platforms_own_endpoint(string operation, string contract)
    {
        var snapshot = _platform.Services.GetRequiredService<ICatalogSnapshotSource>().Current!;

        var routing = snapshot.RoutingsFor("5565594230", contract).Single();

        Assert.That(routing.PhysicalAddress, Is.EqualTo(new Uri(_platform.BaseAddress, $"/platform/engagementindex/{operation}/1/rivtabp21").ToString()));
        Assert.That(routing.RivtaProfile, Is.EqualTo("RIVTABP21"));
    }

    [Test]
    public void The_index_consumer_may_deliver_ProcessNotification_to_the_index_itself()
    {
        var snapshot = _platform.Services.GetRequiredService<ICatalogSnapshotSource>().Current!;

        Assert.That(snapshot.AuthorizationsFor("5565594230", "5565594230", "urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Update_and_FindContent_work_through_the_router_for_the_demo_consumer()
    {
        var e = new E(Resident: "194001010001");

        var update = await EiSoap.PostAsync(_platform.Http, "/vp/itintegration/engagementindex/Update/1/rivtabp21", EiSoap.Update(EiSoap.Owner, e), DemoConsumer);
        var find = await EiSoap.PostAsync(_platform.Http, "/vp/itintegration/engagementindex/FindContent/1/rivtabp21", EiSoap.FindContent("194001010001"), DemoConsumer);

        Assert.That(update.ResultCode, Is.EqualTo("OK"), update.Text);
        Assert.That(find.Status, Is.EqualTo(HttpStatusCode.OK), find.Text);
        Assert.That(find.Body.Elements().Single().Field("logicalAddress"), Is.EqualTo("SE2321000016-TEST"));
    }

    [Test]
    public async Task An_EI_fault_passes_through_the_router_unchanged()
    {
        var answer = await EiSoap.PostAsync(_platform.Http, "/vp/itintegration/engagementindex/Update/1/rivtabp21",
            EiSoap.Update(EiSoap.Owner, new E(DataController: "")), DemoConsumer);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(answer.FaultString, Is.EqualTo("EI004: The payload does not validate, error messge: mandatory field \"dataController\" is missing"));
    }

    [Test]
    public async Task The_router_serves_the_projects_WSDL_for_the_index()
    {
        using var response = await _platform.Http.GetAsync("/vp/itintegration/engagementindex/FindContent/1/rivtabp21?wsdl");
        var wsdl = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), wsdl);
        Assert.That(wsdl, Does.Contain("FindContentResponderInterface").And.Contain("/vp/itintegration/engagementindex/FindContent/1/rivtabp21"));
    }
}
