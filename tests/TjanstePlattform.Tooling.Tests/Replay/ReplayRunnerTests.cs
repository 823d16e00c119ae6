using System.Text;
using TjanstePlattform.Testing;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Replay;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static TjanstePlattform.Tooling.Tests.ToolingTestData;

namespace TjanstePlattform.Tooling.Tests.Replay;

/// <summary>Replay of the official sample folders against a WireMock target.</summary>
public class ReplayRunnerTests
{
    private static readonly Dictionary<string, string> Placeholders = new()
    {
        ["logicalAddress"] = "SE-PRODUCER",
        ["patientId"] = "191212121212",
        ["patientid"] = "191212121212",
        ["patientId2"] = "191212121212",
        ["patientIdType"] = "1.2.752.129.2.1.3.1",
        ["citizenId1"] = "191212121212",
    };

    private WireMockServer _target = null!;

    [SetUp]
    public void Start()
    {
        _target = WireMockServer.Start();
        _target.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=UTF-8").WithBody(GmhResponse()));
    }

    [TearDown]
    public void Stop() => _target.Stop();

    private Uri Target => new(_target.Urls[0]);

    private static async Task<ReplayReport> RunAsync(ReplayOptions options, params string[] inputs)
    {
        var loaded = ReplayInputs.Load(inputs, Placeholders);
        using var runner = new ReplayRunner(options, OfficialSchemas);
        return await runner.RunAsync(loaded.Cases);
    }

    [Test]
    public async Task Replays_every_request_envelope_of_the_GetMedicationHistory_samples_folder()
    {
        var folder = Sample("GetMedicationHistory");
        var loaded = ReplayInputs.Load([folder], Placeholders);
        string[] expected =
        [
            "01_request_noname.xml", "agp_TC1_request_national_address.xml", "agp_gatling_request_template.xml",
            "skltp-agg_gatling_GetMedicationHistory_request.xml", "testsuite_01_request_noname.xml",
            .. Enumerable.Range(2, 9).Select(i => $"testsuite_{i:D2}_request_WHEN_calling_GetMedicationHistory.xml"),
            "testsuite_11_request_Call_GetMedicationHistory.xml", "testsuite_12_request_Call_GetMedicationHistory.xml",
            "utf16_declared_request.xml",
        ];
        Assert.That(loaded.Cases.Select(c => c.Name), Is.EqualTo(expected));
        Assert.That(loaded.Ignored, Has.Count.EqualTo(14), "the twelve numbered mock answers and the two mock_ answers are listed, not replayed");

        using var runner = new ReplayRunner(new ReplayOptions { Target = Target, Sender = "TEST-CONSUMER" }, OfficialSchemas);
        var report = await runner.RunAsync(loaded.Cases);

        Assert.That(report.Cases.Select(c => c.Status), Is.All.EqualTo(CaseStatus.Passed), string.Join("\n", report.Cases.Select(c => $"{c.Case.Name}: {c.Reason}")));
        Assert.That(report.AllPassed, Is.True);
        var received = _target.LogEntries.Select(e => e.RequestMessage!).ToList();
        Assert.That(received, Has.Count.EqualTo(expected.Length));
        Assert.That(received, Has.All.Matches<WireMock.IRequestMessage>(r => r!.Method == "POST"
            && r.Headers!["Content-Type"].Single() == "text/xml; charset=UTF-8"
            && r.Headers["x-vp-sender-id"].Single() == "TEST-CONSUMER"));
        var version2 = received.Where(r => r.Body!.Contains(GmhResponder, StringComparison.Ordinal)).ToList();
        Assert.That(version2, Has.Count.EqualTo(15));
        Assert.That(version2.Select(r => r.AbsolutePath), Is.All.EqualTo("/vp/clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21"));
        Assert.That(version2.Select(r => r.Headers!["SOAPAction"].Single()), Is.All.EqualTo($"\"{GmhResponder}:GetMedicationHistory\""));
        Assert.That(received.Count(r => r.Body!.Contains("<urn2:id>191212121212</urn2:id>") && r.Body.Contains("<urn:LogicalAddress>SE-PRODUCER</urn:LogicalAddress>")), Is.GreaterThan(5),
            "the testsuite_* placeholders are filled from --property");
    }

    [Test]
    public async Task Replays_the_whole_samples_tree_one_case_per_request_envelope()
    {
        var report = await RunAsync(new ReplayOptions { Target = Target, Sender = "TEST-CONSUMER", Validate = false }, RivtaOracle.PathOf("samples"));
        Assert.That(report.Cases, Has.Count.EqualTo(30));
        Assert.That(report.Passed, Is.EqualTo(30), string.Join("\n", report.Cases.Where(c => c.Status != CaseStatus.Passed).Select(c => $"{c.Case.Name}: {c.Reason}")));
        Assert.That(_target.LogEntries.Count(), Is.EqualTo(30));
        var paths = _target.LogEntries.Select(e => e.RequestMessage!.AbsolutePath).ToHashSet();
        Assert.That(paths, Does.Contain("/vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21"));
        Assert.That(paths, Does.Contain("/vp/itintegration/monitoring/PingForConfiguration/1/rivtabp20"), "a wsa:To request goes to the rivtabp20 path");
        Assert.That(paths, Does.Contain("/vp/itintegration/engagementindex/Update/1/rivtabp21"));
    }

    [Test]
    public async Task An_unreachable_target_reports_a_transport_error_per_case_and_finishes_the_run()
    {
        var refusing = TestProducer.RefusingAddress();
        var report = await RunAsync(new ReplayOptions { Target = new Uri(refusing.GetLeftPart(UriPartial.Authority)) }, Sample("GetMedicationHistory"), SuiteProject);
        Assert.That(report.Cases, Has.Count.EqualTo(17 + 11));
        Assert.That(report.Cases.Select(c => c.Status), Is.All.EqualTo(CaseStatus.Error));
        Assert.That(report.Cases.Select(c => c.Reason), Is.All.StartsWith("Transport error: ").And.All.Not.Contains("VP0"));
        Assert.That(report.Cases[0].Reason, Does.Contain(refusing.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(report.AllPassed, Is.False);
    }

    [Test]
    public async Task A_target_that_never_answers_times_out_per_request()
    {
        using var silent = new SilentProducer();
        var report = await RunAsync(new ReplayOptions { Target = silent.Address, Timeout = TimeSpan.FromMilliseconds(300) },
            Sample("GetMedicationHistory", "agp_TC1_request_national_address.xml"), Sample("GetRequestActivities", "agp_TC1_request.xml"));
        Assert.That(report.Cases.Select(c => c.Status), Is.All.EqualTo(CaseStatus.Error));
        Assert.That(report.Cases.Select(c => c.Reason), Is.All.Contains("no complete answer").And.All.Contains("within 0.3 s"));
    }

    [Test]
    public async Task A_target_with_a_path_is_used_as_it_is_and_headers_and_logical_address_are_set()
    {
        var options = new ReplayOptions { Target = new Uri(Target, "/producer/gmh"), Sender = "CONSUMER-2", LogicalAddress = "SE-OVERRIDE" };
        options.Headers.Add(KeyValuePair.Create("x-rivta-original-serviceconsumer-hsaid", "ORIGINAL-1"));
        var report = await RunAsync(options, Sample("GetMedicationHistory", "agp_TC1_request_national_address.xml"), Sample("platform", "03a_vp_rivconv_input_rivtabp20_PingForConfiguration.xml"));

        Assert.That(report.AllPassed, Is.True, string.Join("\n", report.Cases.Select(c => c.Reason)));
        var received = _target.LogEntries.Select(e => e.RequestMessage!).ToList();
        Assert.That(received.Select(r => r.AbsolutePath), Is.All.EqualTo("/producer/gmh"));
        Assert.That(received[0].Body!, Does.Contain(">SE-OVERRIDE<").And.Not.Contain("5565594230</"));
        Assert.That(received[1].Body!, Does.Contain(">SE-OVERRIDE</").And.Contain("addressing"), "the basic profile 2.0 receiver (wsa:To) is replaced");
        Assert.That(received[0].Headers!["x-vp-sender-id"].Single(), Is.EqualTo("CONSUMER-2"));
        Assert.That(received[0].Headers!["x-rivta-original-serviceconsumer-hsaid"].Single(), Is.EqualTo("ORIGINAL-1"));
    }

    [Test]
    public async Task An_untouched_envelope_is_sent_byte_for_byte()
    {
        var file = Sample("GetRequestActivities", "agp_TC1_request.xml");
        await RunAsync(new ReplayOptions { Target = Target }, file);
        Assert.That(_target.LogEntries.Single().RequestMessage!.BodyAsBytes, Is.EqualTo(File.ReadAllBytes(file)));
    }

    [Test]
    public async Task A_fault_or_an_invalid_answer_fails_the_case_with_the_first_reason()
    {
        _target.Reset();
        _target.Given(Request.Create().UsingPost().WithHeader("SOAPAction", "*GetRequestActivities*"))
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "text/xml").WithBody(Fault));
        _target.Given(Request.Create().UsingPost().WithHeader("SOAPAction", "*GetMedicationHistory*"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml").WithBody(GmhResponse("<urn:unexpected/>")));

        var report = await RunAsync(new ReplayOptions { Target = Target, Validate = true },
            Sample("GetRequestActivities", "agp_TC1_request.xml"), Sample("GetMedicationHistory", "agp_TC1_request_national_address.xml"));

        Assert.That(report.Cases.Select(c => c.Status), Is.All.EqualTo(CaseStatus.Failed));
        Assert.That(report.Cases[0].Reason, Does.StartWith("Not SOAP Fault: SOAP Fault (HTTP 500) soap:Server: VP009"));
        Assert.That(report.Cases[1].Reason, Does.StartWith("Contract schema: Not schema-valid"));
    }

    [Test]
    public async Task No_validate_skips_the_contract_schema_check()
    {
        _target.Reset();
        _target.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody(GmhResponse("<urn:unexpected/>")));
        var report = await RunAsync(new ReplayOptions { Target = Target, Validate = false }, Sample("GetMedicationHistory", "agp_TC1_request_national_address.xml"));
        Assert.That(report.Cases.Single().Status, Is.EqualTo(CaseStatus.Passed));
        Assert.That(report.Cases.Single().Steps.Single().Assertions.Select(a => a.Type), Does.Not.Contain(SchemaComplianceAssertion.TypeId));
    }

    [Test]
    public async Task Without_a_target_a_bare_envelope_is_an_error_not_a_crash()
    {
        var report = await RunAsync(new ReplayOptions(), Sample("GetRequestActivities", "agp_TC1_request.xml"));
        Assert.That(report.Cases.Single().Status, Is.EqualTo(CaseStatus.Error));
        Assert.That(report.Cases.Single().Reason, Does.Contain("--target"));
    }

    [Test]
    public void Explicit_non_request_files_and_missing_paths_are_accounted_for()
    {
        var loaded = ReplayInputs.Load([Sample("GetMedicationHistory", "03_response_SoapFault.xml"), "/no/such/file.xml"]);
        Assert.That(loaded.Cases[0].SkipReason, Does.StartWith("not a request: a SOAP Fault"));
        Assert.That(loaded.Cases[1].InputError, Does.Contain("/no/such/file.xml"));
    }

    [Test]
    public void The_conventional_router_path_follows_the_contract_namespace()
    {
        Assert.That(RivtaEndpoints.RouterPath(GmhResponder), Is.EqualTo("/vp/clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21"));
        Assert.That(RivtaEndpoints.RouterPath("urn:riv:itintegration:monitoring:PingForConfigurationResponder:1", basicProfile20: true), Is.EqualTo("/vp/itintegration/monitoring/PingForConfiguration/1/rivtabp20"));
        Assert.That(RivtaEndpoints.RouterPath("urn:skl:tp:vagvalsinfo:v2"), Is.Null);
    }

    [Test]
    public async Task A_utf16_declared_utf8_request_is_read_and_sent()
    {
        var file = Sample("GetMedicationHistory", "utf16_declared_request.xml");
        var report = await RunAsync(new ReplayOptions { Target = Target }, file);
        Assert.That(report.Cases.Single().Status, Is.EqualTo(CaseStatus.Passed), report.Cases.Single().Reason);
        Assert.That(Encoding.UTF8.GetString(_target.LogEntries.Single().RequestMessage!.BodyAsBytes!), Does.Contain("191212121212"));
    }
}
