using System.Net;
using TjanstePlattform.Testing;

namespace TjanstePlattform.EngagementIndex.Tests.Soap;

/// <summary>ProcessNotification from another index, and GetUpdates with paging.</summary>
[TestFixture]
public sealed class ProcessNotificationAndGetUpdatesTests
{
    private TestPlatform _platform = null!;

    private HttpClient Http => _platform.Http;

    [OneTimeSetUp]
    public async Task StartAsync() => _platform = await TestPlatform.StartAsync(EiSettings.Isolated(new Dictionary<string, string?>
    {
        ["EngagementIndex:GetUpdatesPageSize"] = "5",
    }));

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task Engagements_of_another_index_are_stored_with_their_owner_and_our_own_are_dropped()
    {
        const string resident = "197001010001";
        var answer = await EiSoap.PostAsync(Http, EiSoap.ProcessNotificationPath, EiSoap.ProcessNotificationOf(EiSoap.Owner,
            EiSoap.Transaction(new E(Resident: resident, Owner: "REMOTE-EI")),
            EiSoap.Transaction(new E(Resident: resident, Owner: EiSoap.Owner, BusinessObjectInstanceIdentifier: "ours"))));

        Assert.That(answer.ResultCode, Is.EqualTo("OK"), answer.Text);
        var found = await EiSoap.FindAsync(Http, resident);
        Assert.That(found.Select(e => (e.Field("owner"), e.Field("businessObjectInstanceIdentifier"))), Is.EqualTo(new[] { ("REMOTE-EI", "NA") }));
    }

    [Test]
    public async Task A_remote_engagement_replaces_its_locally_owned_twin()
    {
        const string resident = "197001010002";
        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident));

        var answer = await EiSoap.PostAsync(Http, EiSoap.ProcessNotificationPath, EiSoap.ProcessNotificationOf(EiSoap.Owner,
            EiSoap.Transaction(new E(Resident: resident, Owner: "REMOTE-EI", MostRecentContent: "20250101000000"))));

        Assert.That(answer.ResultCode, Is.EqualTo("OK"), answer.Text);
        var found = await EiSoap.FindAsync(Http, resident);
        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0].Field("owner"), Is.EqualTo("REMOTE-EI"));
        Assert.That(found[0].Field("mostRecentContent"), Is.EqualTo("20250101000000"));
    }

    [Test]
    public async Task A_remote_delete_removes_the_remote_engagement()
    {
        const string resident = "197001010003";
        await EiSoap.PostAsync(Http, EiSoap.ProcessNotificationPath, EiSoap.ProcessNotificationOf(EiSoap.Owner,
            EiSoap.Transaction(new E(Resident: resident, Owner: "REMOTE-EI"))));

        await EiSoap.PostAsync(Http, EiSoap.ProcessNotificationPath, EiSoap.ProcessNotificationOf(EiSoap.Owner,
            EiSoap.Transaction(new E(Resident: resident, Owner: "REMOTE-EI"), delete: true)));

        Assert.That(await EiSoap.FindAsync(Http, resident), Is.Empty);
    }

    [Test]
    public async Task The_official_ProcessNotification_sample_is_accepted()
    {
        // Schema-invalid (a 10-digit person id) yet accepted by the reference EI: accepted here too.
        var envelope = await File.ReadAllTextAsync(RivtaOracle.PathOf("samples", "engagementindex", "03_ei_ProcessNotification_request.xml"));

        var answer = await EiSoap.PostAsync(Http, EiSoap.ProcessNotificationPath, envelope);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(answer.ResultCode, Is.EqualTo("OK"));
        var found = await EiSoap.FindAsync(Http, "1111111111", "TEST-DOMAIN");
        Assert.That(found.Single().Field("owner"), Is.EqualTo("remote-owner"));
    }

    [Test]
    public async Task GetUpdates_pages_whole_residents_in_order_until_complete()
    {
        const string domain = "riv:test:getupdates";
        var residents = Enumerable.Range(1, 7).Select(i => $"19600101{i:D4}").ToArray();
        // Two engagements per resident, the fourth resident with six: pages of about five engagements never split one.
        var engagements = residents.SelectMany(r => Enumerable.Range(0, r.EndsWith('4') ? 6 : 2)
            .Select(i => new E(Resident: r, ServiceDomain: domain, BusinessObjectInstanceIdentifier: $"b{i}"))).ToArray();
        await EiSoap.UpdateOkAsync(Http, engagements);

        var seen = new List<(string Resident, int Count)>();
        string? last = null;
        var pages = 0;
        while (true)
        {
            var answer = await EiSoap.PostAsync(Http, EiSoap.GetUpdatesPath, EiSoap.GetUpdates(domain, "20000101000000", last));
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
            pages++;
            var groups = answer.Body.Elements().Where(e => e.Name.LocalName == "registeredResidentEngagement").ToList();
            foreach (var group in groups)
            {
                var resident = group.Elements().First(e => e.Name.LocalName == "registeredResidentIdentification").Value;
                seen.Add((resident, group.Elements().Count(e => e.Name.LocalName == "engagement")));
                last = resident;
            }

            if (answer.Body.Elements().First(e => e.Name.LocalName == "responseIsComplete").Value == "true")
            {
                break;
            }

            Assert.That(pages, Is.LessThan(10), "paging does not end");
        }

        Assert.That(seen.Select(s => s.Resident), Is.EqualTo(residents));
        Assert.That(seen.Select(s => s.Count), Is.EqualTo(new[] { 2, 2, 2, 6, 2, 2, 2 }));
        Assert.That(pages, Is.GreaterThan(2));
    }

    [Test]
    public async Task GetUpdates_leaves_out_what_changed_before_the_time_stamp()
    {
        const string domain = "riv:test:getupdates-since";
        await EiSoap.UpdateOkAsync(Http, new E(Resident: "196002020001", ServiceDomain: domain));

        var answer = await EiSoap.PostAsync(Http, EiSoap.GetUpdatesPath, EiSoap.GetUpdates(domain, "29990101000000"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(answer.Body.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "responseIsComplete" }));
        Assert.That(answer.Body.Elements().Single().Value, Is.EqualTo("true"));
    }
}
