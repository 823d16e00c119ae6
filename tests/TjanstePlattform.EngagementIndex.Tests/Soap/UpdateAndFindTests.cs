using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.Testing;

namespace TjanstePlattform.EngagementIndex.Tests.Soap;

/// <summary>Update semantics, the key rules and FindContent filters, over HTTP against the whole platform.</summary>
[TestFixture]
public sealed class UpdateAndFindTests
{
    private const string Domain = "riv:clinicalprocess:activityprescription:actoutcome";
    private TestPlatform _platform = null!;
    private int _next;

    private HttpClient Http => _platform.Http;

    [OneTimeSetUp]
    public async Task StartAsync() => _platform = await TestPlatform.StartAsync(EiSettings.Isolated());

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    /// <summary>A resident of its own for each test: the fixture shares one index.</summary>
    private string NewResident() => $"1980{Interlocked.Increment(ref _next):D8}";

    [Test]
    public async Task Update_stores_and_FindContent_finds_with_the_owner_forced_and_times_kept_by_the_index()
    {
        var resident = NewResident();
        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident, Owner: "SOMEONE-ELSE", CreationTime: "20000101000000", UpdateTime: "20000101000000"));

        var found = await EiSoap.FindAsync(Http, resident);

        Assert.That(found, Has.Count.EqualTo(1));
        var e = found[0];
        Assert.Multiple(() =>
        {
            Assert.That(e.Field("registeredResidentIdentification"), Is.EqualTo(resident));
            Assert.That(e.Field("serviceDomain"), Is.EqualTo(Domain));
            Assert.That(e.Field("categorization"), Is.EqualTo("caa-gmh"));
            Assert.That(e.Field("logicalAddress"), Is.EqualTo("SE2321000016-TEST"));
            Assert.That(e.Field("sourceSystem"), Is.EqualTo("SE2321000016-SRC"));
            Assert.That(e.Field("dataController"), Is.EqualTo("SE2321000016-DC"));
            Assert.That(e.Field("mostRecentContent"), Is.EqualTo("20240101120000"));
            Assert.That(e.Field("owner"), Is.EqualTo(EiSoap.Owner));
            Assert.That(e.Field("creationTime"), Does.Match("^[0-9]{14}$").And.Not.EqualTo("20000101000000"));
            Assert.That(e.Field("updateTime"), Is.Null, "a new engagement has not been updated");
        });
    }

    [Test]
    public async Task MostRecentContent_is_overwritten_even_by_an_older_value_and_sets_updateTime()
    {
        var resident = NewResident();
        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident, MostRecentContent: "20240601120000"));
        var created = (await EiSoap.FindAsync(Http, resident))[0].Field("creationTime");

        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident, MostRecentContent: "20230101120000"));

        var found = await EiSoap.FindAsync(Http, resident);
        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0].Field("mostRecentContent"), Is.EqualTo("20230101120000"));
        Assert.That(found[0].Field("creationTime"), Is.EqualTo(created));
        Assert.That(found[0].Field("updateTime"), Does.Match("^[0-9]{14}$"));
    }

    [Test]
    public async Task An_identical_resend_changes_nothing()
    {
        var resident = NewResident();
        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident));
        var store = _platform.Services.GetRequiredService<IEngagementFinder>();
        var before = await store.FindAsync(new EngagementQuery(resident, Domain));

        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident));

        var after = await store.FindAsync(new EngagementQuery(resident, Domain));
        Assert.That(after, Is.EqualTo(before));
        Assert.That(after[0].UpdateTime, Is.Null);
    }

    [Test]
    public async Task DeleteFlag_removes_the_engagement_and_deleting_an_unknown_one_is_fine()
    {
        var resident = NewResident();
        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident), new E(Resident: resident, BusinessObjectInstanceIdentifier: "keep"));

        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.UpdateOf(EiSoap.Owner,
            EiSoap.Transaction(new E(Resident: resident, MostRecentContent: "20990101000000"), delete: true),
            EiSoap.Transaction(new E(Resident: resident, BusinessObjectInstanceIdentifier: "never-stored"), delete: true)));

        Assert.That(answer.ResultCode, Is.EqualTo("OK"), answer.Text);
        var found = await EiSoap.FindAsync(Http, resident);
        Assert.That(found.Select(e => e.Field("businessObjectInstanceIdentifier")), Is.EqualTo(new[] { "keep" }));
    }

    [Test]
    public async Task Empty_optional_key_fields_are_stored_as_NA()
    {
        var resident = NewResident();
        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident, Categorization: "", BusinessObjectInstanceIdentifier: null, ClinicalProcessInterestId: ""));

        var found = await EiSoap.FindAsync(Http, resident, filters: "<ur:categorization>NA</ur:categorization>");

        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0].Field("businessObjectInstanceIdentifier"), Is.EqualTo("NA"));
        Assert.That(found[0].Field("clinicalProcessInterestId"), Is.EqualTo("NA"));

        // Sending "NA" explicitly is the same engagement, not a second one.
        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident, Categorization: "NA", BusinessObjectInstanceIdentifier: "NA", ClinicalProcessInterestId: "NA"));
        Assert.That(await EiSoap.FindAsync(Http, resident), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Keys_of_different_field_splits_do_not_collide()
    {
        var resident = NewResident();
        await EiSoap.UpdateOkAsync(Http,
            new E(Resident: resident, BusinessObjectInstanceIdentifier: "ab", ClinicalProcessInterestId: "c"),
            new E(Resident: resident, BusinessObjectInstanceIdentifier: "a", ClinicalProcessInterestId: "bc"),
            new E(Resident: resident, LogicalAddress: "SE1", SourceSystem: "23"),
            new E(Resident: resident, LogicalAddress: "SE12", SourceSystem: "3"));

        Assert.That(await EiSoap.FindAsync(Http, resident), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task FindContent_filters_are_exact_and_mostRecentContent_is_a_lower_bound()
    {
        var resident = NewResident();
        await EiSoap.UpdateOkAsync(Http,
            new E(Resident: resident, BusinessObjectInstanceIdentifier: "early", MostRecentContent: "20240101000000"),
            new E(Resident: resident, BusinessObjectInstanceIdentifier: "exact", MostRecentContent: "20240601000000"),
            new E(Resident: resident, BusinessObjectInstanceIdentifier: "late", MostRecentContent: "20241231235959", Categorization: "other", LogicalAddress: "SE-OTHER"),
            new E(Resident: resident, BusinessObjectInstanceIdentifier: "none", MostRecentContent: null, SourceSystem: "SRC-2", DataController: "DC-2"),
            new E(Resident: resident, ServiceDomain: "riv:crm:scheduling", BusinessObjectInstanceIdentifier: "scheduling"));

        async Task<string[]> Find(string filters) =>
            (await EiSoap.FindAsync(Http, resident, filters: filters)).Select(e => e.Field("businessObjectInstanceIdentifier")!).Order().ToArray();

        Assert.Multiple(async () =>
        {
            Assert.That(await Find(""), Is.EqualTo(new[] { "early", "exact", "late", "none" }));
            Assert.That(await Find("<ur:mostRecentContent>20240601000000</ur:mostRecentContent>"), Is.EqualTo(new[] { "exact", "late" }));
            Assert.That(await Find("<ur:categorization>other</ur:categorization>"), Is.EqualTo(new[] { "late" }));
            Assert.That(await Find("<ur:categorization>CAA-GMH</ur:categorization>"), Is.Empty, "filters are exact");
            Assert.That(await Find("<ur:logicalAddress>SE-OTHER</ur:logicalAddress>"), Is.EqualTo(new[] { "late" }));
            Assert.That(await Find("<ur:businessObjectInstanceIdentifier>exact</ur:businessObjectInstanceIdentifier>"), Is.EqualTo(new[] { "exact" }));
            Assert.That(await Find("<ur:clinicalProcessInterestId>NA</ur:clinicalProcessInterestId><ur:sourceSystem>SRC-2</ur:sourceSystem>"), Is.EqualTo(new[] { "none" }));
            Assert.That(await Find("<ur:dataController>DC-2</ur:dataController>"), Is.EqualTo(new[] { "none" }));
            Assert.That(await Find($"<ur:owner>{EiSoap.Owner}</ur:owner>"), Has.Length.EqualTo(4));
            Assert.That(await Find("<ur:owner>REMOTE</ur:owner>"), Is.Empty);
        });
        Assert.That((await EiSoap.FindAsync(Http, resident, "riv:crm:scheduling")).Single().Field("businessObjectInstanceIdentifier"), Is.EqualTo("scheduling"));
    }

    [Test]
    public async Task The_answer_to_FindContent_is_a_proper_RIVTA_response()
    {
        var resident = NewResident();
        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident));

        var answer = await EiSoap.PostAsync(Http, EiSoap.FindContentPath, EiSoap.FindContent(resident));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.ContentType, Is.EqualTo("text/xml; charset=UTF-8"));
        Assert.That(answer.Body.Name.NamespaceName, Is.EqualTo("urn:riv:itintegration:engagementindex:FindContentResponder:1"));
        Assert.That(answer.Body.Name.LocalName, Is.EqualTo("FindContentResponse"));
        var engagement = answer.Body.Elements().Single();
        Assert.That(engagement.Name.NamespaceName, Is.EqualTo("urn:riv:itintegration:engagementindex:FindContentResponder:1"));
        Assert.That(engagement.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[]
        {
            "registeredResidentIdentification", "serviceDomain", "categorization", "logicalAddress", "businessObjectInstanceIdentifier",
            "clinicalProcessInterestId", "mostRecentContent", "sourceSystem", "creationTime", "dataController", "owner",
        }));
        Assert.That(engagement.Elements().Select(e => e.Name.NamespaceName).Distinct(), Is.EqualTo(new[] { "urn:riv:itintegration:engagementindex:1" }));
    }

    [Test]
    public async Task The_in_process_finder_sees_what_Update_stored()
    {
        var resident = NewResident();
        await EiSoap.UpdateOkAsync(Http, new E(Resident: resident), new E(Resident: resident, Categorization: "other"));
        var finder = _platform.Services.GetRequiredService<IEngagementFinder>();

        var all = await finder.FindAsync(new EngagementQuery(resident, Domain));
        var filtered = await finder.FindAsync(new EngagementQuery(resident, Domain, Categorization: "caa-gmh"));

        Assert.That(all, Has.Count.EqualTo(2));
        Assert.That(filtered.Single().Owner, Is.EqualTo(EiSoap.Owner));
    }

    [Test]
    public async Task Concurrent_Updates_on_overlapping_keys_lose_nothing()
    {
        var resident = NewResident();
        const int writers = 8;
        const int perWriter = 50;

        // Writer w sends keys w*25 .. w*25+49: every key but the first and last 25 is written by two writers.
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var engagements = Enumerable.Range(w * 25, perWriter)
                .Select(k => new E(Resident: resident, BusinessObjectInstanceIdentifier: $"key-{k:D3}", MostRecentContent: $"2024010100{w:D2}00"))
                .ToArray();
            using var http = new HttpClient { BaseAddress = _platform.BaseAddress };
            var answer = await EiSoap.PostAsync(http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner, engagements));
            Assert.That(answer.ResultCode, Is.EqualTo("OK"), answer.Text);
        })).ToArray();
        await Task.WhenAll(tasks);

        var keys = (await EiSoap.FindAsync(Http, resident)).Select(e => e.Field("businessObjectInstanceIdentifier")).ToList();
        Assert.That(keys, Is.Unique);
        Assert.That(keys, Has.Count.EqualTo((writers - 1) * 25 + perWriter));
    }

    [Test]
    public async Task The_official_Update_sample_is_accepted_with_its_misplaced_mostRecentContent()
    {
        var envelope = await File.ReadAllTextAsync(RivtaOracle.PathOf("samples", "engagementindex", "02_ei_Update_request_caa-gmh_from_GAMH_soapui.xml"));

        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, envelope);

        Assert.That(answer.ResultCode, Is.EqualTo("OK"), answer.Text);
        var found = await EiSoap.FindAsync(Http, "121212121212", filters: "<ur:categorization>caa-gmh</ur:categorization>");
        Assert.That(found.Select(e => e.Field("logicalAddress")).Order(), Is.EqualTo(new[] { "HSA-ID-4", "HSA-ID-5", "HSA-ID-6" }));
        Assert.That(found.Select(e => e.Field("mostRecentContent")), Is.All.EqualTo("20140617153000"));
    }

    [Test]
    public async Task The_official_FindContent_sample_is_answered()
    {
        var envelope = await File.ReadAllTextAsync(RivtaOracle.PathOf("samples", "engagementindex", "01_ei_FindContent_request.xml"));

        var answer = await EiSoap.PostAsync(Http, EiSoap.FindContentPath, envelope);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        Assert.That(answer.Body.Name.LocalName, Is.EqualTo("FindContentResponse"));
    }

    [Test]
    public async Task The_contracts_example_Update_body_is_refused_for_its_overlong_logical_address()
    {
        // The example in the contract release puts prose in logicalAddress (longer than 64): the reference refuses it too.
        var body = await File.ReadAllTextAsync(RivtaOracle.PathOf("samples", "engagementindex", "02b_ei_Update_body_contract_example.xml"));
        body = body[body.IndexOf("<tns:Update", StringComparison.Ordinal)..];
        var envelope = $"<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header><LogicalAddress xmlns=\"urn:riv:itintegration:registry:1\">{EiSoap.Owner}</LogicalAddress></soapenv:Header><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";

        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, envelope);

        Assert.That(answer.FaultString, Is.EqualTo("EI004: The payload does not validate, error messge: Field \"logicalAddress\" is to long"));
    }
}
