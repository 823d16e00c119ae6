using System.Net;
using System.ServiceModel;
using System.Text;
using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Conformance.Tests.EngagementIndex;

/// <summary>
/// What the platform's engagement index answers, held against the official schemas, and a real WCF
/// (System.ServiceModel) client as consumer of its endpoints.
/// </summary>
[TestFixture]
public sealed class EngagementIndexPlatformTests
{
    private const string Official = "itintegration_engagementindex_1.0";
    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _platform = await TestPlatform.StartAsync(new Dictionary<string, string?>
        {
            // Only the samples' engagements: the demo world's own reports are not what these tests look at.
            ["SourceSystems:EngagementIndex:Enabled"] = "false",
        });

        // EI's own paths admit a caller as the router would: whitelisted, with a sender.
        _platform.Http.DefaultRequestHeaders.Add("x-vp-sender-id", "TEST-CONSUMER");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    private static IEnumerable<TestCaseData> HappySamples() =>
        new[] { "Update", "ProcessNotification", "FindContent", "GetUpdates" }
            .SelectMany(ProjectSamples.Cases)
            .Where(c => Path.GetFileName((string)c.Arguments[0]!)!.CompareTo("80", StringComparison.Ordinal) < 0);

    private static IEnumerable<TestCaseData> BadSamples() =>
        new[] { "Update", "ProcessNotification", "FindContent", "GetUpdates" }
            .SelectMany(ProjectSamples.Cases)
            .Where(c => Path.GetFileName((string)c.Arguments[0]!)!.StartsWith('9'));

    [TestCaseSource(nameof(HappySamples))]
    public async Task The_answer_to_a_happy_sample_is_valid_against_the_official_schema(string name)
    {
        var (status, answer) = await PostDirectAsync(name);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer);
        var envelope = SoapEnvelope.Parse(answer);
        Assert.That(envelope.BodyRoot.Name.LocalName, Is.EqualTo(name.Split('/')[0] + "Response"));
        SchemaValidation.AssertValid(SchemaTree.Official(Official), envelope.BodyRoot, $"answer to {name}");
    }

    [TestCaseSource(nameof(BadSamples))]
    public async Task A_bad_sample_gets_the_fault_its_comment_expects(string name)
    {
        var text = await File.ReadAllTextAsync(ProjectSamples.PathOf(name));
        // The comment says: faultstring "<text>"[; or .] … up to the end of the comment.
        var from = text.IndexOf("faultstring \"", StringComparison.Ordinal) + "faultstring \"".Length;
        var comment = text[from..text.IndexOf("-->", StringComparison.Ordinal)];
        var expected = comment[..comment.LastIndexOf('"')].ReplaceLineEndings(" ");

        var (status, answer) = await PostDirectAsync(name);

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError), answer);
        var envelope = SoapEnvelope.Parse(answer);
        Assert.That(envelope.IsFault, Is.True);
        Assert.That(envelope.BodyRoot.Element("faultstring")!.Value, Is.EqualTo(expected).And.Not.Empty);
    }

    [Test]
    public async Task A_WCF_client_updates_and_finds_engagements()
    {
        using var update = WcfConsumer.Factory<IUpdateResponder>(new Uri(_platform.BaseAddress, "/platform/engagementindex/Update/1/rivtabp21"));
        using var find = WcfConsumer.Factory<IFindContentResponder>(new Uri(_platform.BaseAddress, "/platform/engagementindex/FindContent/1/rivtabp21"));

        var stored = await update.CreateChannel().UpdateAsync(new UpdateRequest
        {
            LogicalAddress = "5565594230",
            Update =
            {
                EngagementTransaction =
                {
                    new EngagementTransactionType
                    {
                        Engagement = new EngagementType
                        {
                            RegisteredResidentIdentification = "195001010001",
                            ServiceDomain = "riv:crm:scheduling",
                            Categorization = "Booking",
                            LogicalAddress = "SE2321000016-BOK1",
                            BusinessObjectInstanceIdentifier = "WCF-1",
                            ClinicalProcessInterestId = "NA",
                            MostRecentContent = "20250301080000",
                            SourceSystem = "SE2321000016-BOK1",
                            DataController = "SE2321000016",
                        },
                    },
                },
            },
        });
        var found = await find.CreateChannel().FindContentAsync(new FindContentRequest
        {
            LogicalAddress = "5565594230",
            FindContent = { RegisteredResidentIdentification = "195001010001", ServiceDomain = "riv:crm:scheduling" },
        });

        Assert.That(stored.UpdateResponseBody.ResultCode, Is.EqualTo(ResultCodeEnum.OK));
        var engagement = found.FindContentResponseBody.Engagement.Single();
        Assert.That(engagement.BusinessObjectInstanceIdentifier, Is.EqualTo("WCF-1"));
        Assert.That(engagement.Owner, Is.EqualTo("5565594230"));
        Assert.That(engagement.CreationTime, Has.Length.EqualTo(14));
    }

    [Test]
    public async Task A_WCF_client_sees_the_EI_fault_text()
    {
        using var update = WcfConsumer.Factory<IUpdateResponder>(new Uri(_platform.BaseAddress, "/platform/engagementindex/Update/1/rivtabp21"));

        var fault = await Assert.ThrowsAsync<FaultException>(() => update.CreateChannel().UpdateAsync(new UpdateRequest
        {
            LogicalAddress = "SE-SOMEONE-ELSE",
            Update = { EngagementTransaction = { new EngagementTransactionType { Engagement = new EngagementType { RegisteredResidentIdentification = "195001010002" } } } },
        }));

        Assert.That(fault!.Message, Is.EqualTo("EI003: Invalid routing. Logical address is SE-SOMEONE-ELSE but the owner is 5565594230. They must be the same. See rule for Update-R7 in service contract"));
        Assert.That(fault.Code.IsSenderFault, Is.True);
    }

    private async Task<(HttpStatusCode Status, string Answer)> PostDirectAsync(string name)
    {
        var operation = name.Split('/')[0];
        var body = await File.ReadAllTextAsync(ProjectSamples.PathOf(name));
        using var content = new StringContent(body, Encoding.UTF8, "text/xml");
        using var response = await _platform.Http.PostAsync($"/platform/engagementindex/{operation}/1/rivtabp21", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
