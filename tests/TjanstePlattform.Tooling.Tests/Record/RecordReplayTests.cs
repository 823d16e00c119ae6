using System.Net;
using System.Text;
using System.Text.Json;
using TjanstePlattform.Testing;
using TjanstePlattform.Tooling.Record;
using TjanstePlattform.Tooling.Replay;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static TjanstePlattform.Tooling.Tests.ToolingTestData;

namespace TjanstePlattform.Tooling.Tests.Record;

/// <summary>tjp record in front of a WireMock producer, then tjp replay of the folder it wrote.</summary>
public class RecordReplayTests
{
    private const string Path21 = "/vp/clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21";
    private const string Person = "191212121212";
    private const string OtherPerson = "197001011234";

    private WireMockServer _target = null!;
    private string _folder = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _target = WireMockServer.Start();
        Answer(records: 3);
        _target.Given(Request.Create().UsingPost().WithHeader("x-case", "fault"))
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "text/xml; charset=UTF-8").WithBody(Fault));
        _folder = Path.Combine(Path.GetTempPath(), "tjp-record-tests", Guid.NewGuid().ToString("N"));
        _client = new HttpClient();
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _target.Stop();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Answer(int records)
    {
        var record = $"<urn:medicationMedicalRecord><urn1:medicationMedicalRecordHeader><urn1:documentId>d1</urn1:documentId><urn1:patientId><urn1:id>{Person}</urn1:id></urn1:patientId></urn1:medicationMedicalRecordHeader></urn:medicationMedicalRecord>";
        _target.Given(Request.Create().UsingPost().WithHeader("x-case", "records"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=UTF-8")
                .WithBody(GmhResponse(string.Concat(Enumerable.Repeat(record, records)))));
    }

    private static string Envelope(string person) => $"""
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:riv:itintegration:registry:1" xmlns:urn1="{GmhResponder}" xmlns:urn2="{GmhCore}">
          <soapenv:Header><urn:LogicalAddress>SE2321000131-E000000000001</urn:LogicalAddress></soapenv:Header>
          <soapenv:Body><urn1:GetMedicationHistory><urn1:patientId><urn2:id>{person}</urn2:id><urn2:type>1.2.752.129.2.1.3.1</urn2:type></urn1:patientId></urn1:GetMedicationHistory></soapenv:Body>
        </soapenv:Envelope>
        """;

    private async Task<HttpResponseMessage> SendAsync(RecordingProxy proxy, string testCase, string person = Person)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(proxy.Address, Path21 + "?trace=1"))
        {
            Content = new StringContent(Envelope(person), Encoding.UTF8, "text/xml"),
        };
        message.Headers.Add("x-vp-sender-id", "TEST-CONSUMER");
        message.Headers.Add("x-case", testCase);
        message.Headers.Add("SOAPAction", $"\"{GmhResponder}:GetMedicationHistory\"");
        return await _client.SendAsync(message);
    }

    private Task<RecordingProxy> StartProxyAsync(bool mask = false) => RecordingProxy.StartAsync(new RecordingProxyOptions
    {
        Listen = new Uri("http://127.0.0.1:0"),
        Target = new Uri(_target.Urls[0]),
        OutputDirectory = _folder,
        MaskPersonIds = mask,
    });

    [Test]
    public async Task Forwards_calls_unchanged_and_writes_one_pair_with_a_sidecar_per_call()
    {
        await using var proxy = await StartProxyAsync();
        Assert.That(proxy.Address.Port, Is.Not.Zero);
        Assert.That(proxy.Address.Host, Is.EqualTo("127.0.0.1"));

        using var ok = await SendAsync(proxy, "records");
        using var fault = await SendAsync(proxy, "fault");
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(fault.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await fault.Content.ReadAsStringAsync(), Is.EqualTo(Fault));
        await proxy.WaitForRecordingsAsync(2);

        var forwarded = _target.LogEntries.Select(e => e.RequestMessage!).ToList();
        Assert.That(forwarded.Select(r => r.AbsolutePath), Is.All.EqualTo(Path21));
        Assert.That(forwarded[0].RawQuery, Is.EqualTo("?trace=1"));
        Assert.That(forwarded[0].Headers!["x-vp-sender-id"].Single(), Is.EqualTo("TEST-CONSUMER"));
        Assert.That(forwarded[0].Body!, Is.EqualTo(Envelope(Person)));

        Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName).Order(), Is.EqualTo(new[]
        {
            "0001-GetMedicationHistory.json", "0001-GetMedicationHistory.request.xml", "0001-GetMedicationHistory.response.xml",
            "0002-GetMedicationHistory.json", "0002-GetMedicationHistory.request.xml", "0002-GetMedicationHistory.response.xml",
        }));
        Assert.That(File.ReadAllText(Path.Combine(_folder, "0001-GetMedicationHistory.request.xml")), Is.EqualTo(Envelope(Person)));
        Assert.That(File.ReadAllText(Path.Combine(_folder, "0001-GetMedicationHistory.response.xml")), Is.EqualTo(await ok.Content.ReadAsStringAsync()));

        var first = JsonSerializer.Deserialize<RecordedCall>(File.ReadAllText(Path.Combine(_folder, "0001-GetMedicationHistory.json")), RecordedCall.JsonOptions)!;
        Assert.That(first.Request.Path, Is.EqualTo(Path21));
        Assert.That(first.Request.Query, Is.EqualTo("?trace=1"));
        Assert.That(first.Request.Contract, Is.EqualTo(GmhResponder));
        Assert.That(first.Request.LogicalAddress, Is.EqualTo("SE2321000131-E000000000001"));
        Assert.That(first.Request.Headers["x-vp-sender-id"], Is.EqualTo(new[] { "TEST-CONSUMER" }));
        Assert.That(first.Response.Status, Is.EqualTo(200));
        Assert.That(first.Expect.SoapFault, Is.False);
        Assert.That(first.Expect.Records.Select(r => (r.Name, r.Count)), Is.EqualTo(new[] { ("medicationMedicalRecord", 3), ("result", 1) }));
        Assert.That(first.DurationMs, Is.GreaterThanOrEqualTo(0));

        var second = JsonSerializer.Deserialize<RecordedCall>(File.ReadAllText(Path.Combine(_folder, "0002-GetMedicationHistory.json")), RecordedCall.JsonOptions)!;
        Assert.That((second.Expect.Status, second.Expect.SoapFault), Is.EqualTo((500, true)));
        Assert.That(second.Expect.FaultString, Does.StartWith("VP009"));
    }

    [Test]
    public async Task The_recorded_folder_replays_with_assertions_derived_from_the_answers()
    {
        await using (var proxy = await StartProxyAsync())
        {
            (await SendAsync(proxy, "records")).Dispose();
            (await SendAsync(proxy, "fault")).Dispose();
            await proxy.WaitForRecordingsAsync(2);
        }

        _target.ResetLogEntries();
        var loaded = ReplayInputs.Load([_folder]);
        Assert.That(loaded.Cases.Select(c => c.Name), Is.EqualTo(new[] { "0001-GetMedicationHistory.request.xml", "0002-GetMedicationHistory.request.xml" }));
        Assert.That(loaded.Ignored, Is.Empty, "the answer halves of recordings are not inputs of their own");

        using var runner = new ReplayRunner(new ReplayOptions { Target = new Uri(_target.Urls[0]) });
        var report = await runner.RunAsync(loaded.Cases);
        Assert.That(report.Cases.Select(c => c.Status), Is.All.EqualTo(CaseStatus.Passed), string.Join("\n", report.Cases.Select(c => c.Reason)));
        Assert.That(report.Cases[0].Steps.Single().Assertions.Select(a => a.Name), Is.SupersetOf(new[]
        {
            "Recorded HTTP status", "Recorded: not a SOAP Fault", "Recorded medicationMedicalRecord count", "Recorded result count",
        }));
        Assert.That(report.Cases[1].Steps.Single().Assertions.Select(a => a.Name), Does.Contain("Recorded SOAP Fault"));

        var replayed = _target.LogEntries.Select(e => e.RequestMessage!).ToList();
        Assert.That(replayed.Select(r => r.AbsolutePath + r.RawQuery), Is.All.EqualTo(Path21 + "?trace=1"), "the recorded path goes after a bare --target");
        Assert.That(replayed.Select(r => r.Headers!["x-case"].Single()), Is.EqualTo(new[] { "records", "fault" }), "recorded headers are sent again");

        // The producer changes its answer: the derived record count catches it.
        _target.Reset();
        Answer(records: 2);
        var changed = await runner.RunAsync(loaded.Cases.Take(1).ToList());
        Assert.That(changed.Cases.Single().Status, Is.EqualTo(CaseStatus.Failed));
        Assert.That(changed.Cases.Single().Reason, Is.EqualTo("Recorded medicationMedicalRecord count: Expected 3 medicationMedicalRecord, got 2."));
    }

    [Test]
    public async Task Masks_person_ids_consistently_and_leaves_hsa_ids_alone()
    {
        await using (var proxy = await StartProxyAsync(mask: true))
        {
            (await SendAsync(proxy, "records", Person)).Dispose();
            (await SendAsync(proxy, "records", OtherPerson)).Dispose();
            await proxy.WaitForRecordingsAsync(2);
        }

        Assert.That(_target.LogEntries.First().RequestMessage!.Body, Does.Contain(Person), "the call itself is forwarded unmasked");
        var request1 = File.ReadAllText(Path.Combine(_folder, "0001-GetMedicationHistory.request.xml"));
        var response1 = File.ReadAllText(Path.Combine(_folder, "0001-GetMedicationHistory.response.xml"));
        var request2 = File.ReadAllText(Path.Combine(_folder, "0002-GetMedicationHistory.request.xml"));
        var all = string.Concat(Directory.GetFiles(_folder).Select(File.ReadAllText));
        Assert.That(all, Does.Not.Contain(Person).And.Not.Contain(OtherPerson));
        Assert.That(request1, Does.Contain("<urn2:id>190001010001</urn2:id>"));
        Assert.That(response1, Does.Contain("<urn1:id>190001010001</urn1:id>"), "the same person gets the same stand-in in the answer");
        Assert.That(request2, Does.Contain("<urn2:id>190001010002</urn2:id>"));
        Assert.That(request1, Does.Contain("SE2321000131-E000000000001"));
        var sidecar = JsonSerializer.Deserialize<RecordedCall>(File.ReadAllText(Path.Combine(_folder, "0001-GetMedicationHistory.json")), RecordedCall.JsonOptions)!;
        Assert.That(sidecar.PersonIdsMasked, Is.True);
    }

    [Test]
    public async Task Numbering_continues_after_the_recordings_already_in_the_folder()
    {
        await using (var proxy = await StartProxyAsync())
        {
            (await SendAsync(proxy, "records")).Dispose();
            await proxy.WaitForRecordingsAsync(1);
        }

        await using (var proxy = await StartProxyAsync())
        {
            (await SendAsync(proxy, "records")).Dispose();
            await proxy.WaitForRecordingsAsync(1);
        }

        Assert.That(Directory.GetFiles(_folder, "*.json").Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "0001-GetMedicationHistory.json", "0002-GetMedicationHistory.json" }));
    }

    [Test]
    public async Task An_unreachable_target_answers_502_and_records_nothing()
    {
        await using var proxy = await RecordingProxy.StartAsync(new RecordingProxyOptions
        {
            Listen = new Uri("http://127.0.0.1:0"),
            Target = TestProducer.RefusingAddress(),
            OutputDirectory = _folder,
        });
        using var response = await SendAsync(proxy, "records");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("could not be reached"));
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
        Assert.That(proxy.RecordedCount, Is.Zero);
    }
}
