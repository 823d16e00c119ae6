using System.Net;
using System.ServiceModel;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Aggregation.Tests.Support;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;
using TjanstePlattform.Contracts.Interoperability;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Aggregation.Tests.EndToEnd;

/// <summary>
/// GetMedicationHistory 2 at the national logical address, end to end: a consumer through the router, the real
/// engagement index and catalog, WireMock source systems behind the router. The reference's canned cases, each
/// answer checked against the official schemas (body and ProcessingStatus header).
/// </summary>
public class MedicationHistoryAggregationTests
{
    private AggregationWorld _world = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _world = await AggregationWorld.StartAsync(new Dictionary<string, string?>
    {
        // Short enough for the silent producer's case, long enough for loopback answers on a busy machine.
        ["Aggregation:ProducerTimeout"] = "00:00:02",
        ["Aggregation:Deadline"] = "00:00:10",
        // The router's pause before its one connect retry (2 s by default) would outlast that producer timeout.
        ["Routing:Timeouts:ConnectRetryPause"] = "00:00:00",
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await _world.DisposeAsync();

    private static XElement Body(SoapAnswer answer) => answer.Body;

    private static IEnumerable<string> DocumentIds(SoapAnswer answer) =>
        answer.Body.Descendants(XName.Get("documentId", Payloads.GmhCore)).Select(d => d.Value);

    private static void AssertValid(SoapAnswer answer)
    {
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        OfficialSchemas.AssertValid(OfficialSchemas.MedicationHistory, answer.Body, "the aggregated answer");
        Assert.That(answer.ProcessingStatus, Is.Not.Null, "an aggregated answer always carries ProcessingStatus");
        OfficialSchemas.AssertValid(OfficialSchemas.Headers, answer.ProcessingStatus!, "the ProcessingStatus header");
        Assert.That(answer.Body.Elements().Last(e => e.Name.Namespace == Payloads.Gmh).Name.LocalName, Is.EqualTo("result"));
        Assert.That(answer.Body.Descendants(XName.Get("resultCode", Payloads.GmhCore)).Single().Value, Is.EqualTo("INFO"));
    }

    [Test]
    public async Task Several_producers_with_data_are_merged_in_a_stable_order_with_one_record_each()
    {
        var patient = AggregationWorld.NewPatient();
        var systems = new List<string>();
        foreach (var document in new[] { "DOC-1", "DOC-2", "DOC-3" })
        {
            systems.Add(await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer(document)));
        }

        await _world.IndexAsync([.. systems.Select(s => IndexedEngagement.Medication(patient, s))]);

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient), correlationId: "corr-several");

        AssertValid(answer);
        var ordered = systems.Select((s, i) => (System: s, Document: $"DOC-{i + 1}")).OrderBy(p => p.System, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.That(DocumentIds(answer), Is.EqualTo(ordered.Select(p => p.Document)), "merged by producer, in the order of the ProcessingStatus");
        Assert.That(answer.Statuses.Select(s => (s.LogicalAddress, s.StatusCode)), Is.EqualTo(ordered.Select(p => (p.System, "DataFromSource"))));
        Assert.That(answer.Statuses.Select(s => s.LastSuccessfulSynch), Has.All.Match("^[0-9]{14}$"));
        Assert.That(answer.Headers["x-skltp-correlation-id"], Is.EqualTo("corr-several"));
        Assert.That(answer.Body.Descendants(XName.Get("logId", Payloads.GmhCore)).Single().Value, Is.EqualTo("corr-several"));
    }

    [Test]
    public async Task A_patient_without_engagements_gets_an_empty_answer_and_an_empty_ProcessingStatus()
    {
        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(AggregationWorld.NewPatient()));

        AssertValid(answer);
        Assert.That(DocumentIds(answer), Is.Empty);
        Assert.That(answer.Statuses, Is.Empty);
    }

    [Test]
    public async Task A_producer_without_data_counts_as_DataFromSource()
    {
        var patient = AggregationWorld.NewPatient();
        var empty = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhEmptyAnswer());
        await _world.IndexAsync(IndexedEngagement.Medication(patient, empty));

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient));

        AssertValid(answer);
        Assert.That(DocumentIds(answer), Is.Empty);
        Assert.That(answer.Statuses.Single(), Is.EqualTo(answer.Statuses.Single() with { LogicalAddress = empty, StatusCode = "DataFromSource", CausingAgent = null }));
    }

    [Test]
    public async Task A_producer_that_never_answers_times_out_with_504_while_the_others_answer()
    {
        var patient = AggregationWorld.NewPatient();
        using var silent = new SilentProducer();
        var hanging = AggregationWorld.NewAddress("HANGS");
        await _world.RegisterAsync(Payloads.Gmh, hanging, silent.Address);
        var fast = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-FAST"));
        await _world.IndexAsync(IndexedEngagement.Medication(patient, hanging), IndexedEngagement.Medication(patient, fast));

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient));

        AssertValid(answer);
        Assert.That(DocumentIds(answer), Is.EqualTo(new[] { "DOC-FAST" }));
        var late = answer.Statuses.Single(s => s.LogicalAddress == hanging);
        Assert.That(late.StatusCode, Is.EqualTo("NoDataSynchFailed"));
        Assert.That(late.Code, Is.EqualTo("504"));
        Assert.That(late.CausingAgent, Is.EqualTo("service_producer"));
        Assert.That(late.Text, Does.Contain("within the aggregating service's timeout of 2000 ms"));
        Assert.That(answer.Statuses.Single(s => s.LogicalAddress == fast).StatusCode, Is.EqualTo("DataFromSource"));
    }

    [Test]
    public async Task A_producers_SOAP_fault_fails_only_its_branch()
    {
        var patient = AggregationWorld.NewPatient();
        var faulty = await _world.ProducerAsync(Payloads.Gmh, Payloads.OfficialSoapFault(), status: 500);
        var good = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-GOOD"));
        await _world.IndexAsync(IndexedEngagement.Medication(patient, faulty), IndexedEngagement.Medication(patient, good));

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient));

        AssertValid(answer);
        Assert.That(DocumentIds(answer), Is.EqualTo(new[] { "DOC-GOOD" }));
        Assert.That(answer.Statuses.Single(s => s.LogicalAddress == faulty), Is.EqualTo(new StatusRecord(
            faulty, "NoDataSynchFailed", "", "service_producer", "500", "That's an error! (Illegal values!)")));
    }

    [Test]
    public async Task A_producer_the_router_cannot_reach_is_the_platforms_failure()
    {
        var patient = AggregationWorld.NewPatient();
        var unreachable = AggregationWorld.NewAddress("DOWN");
        await _world.RegisterAsync(Payloads.Gmh, unreachable, TestProducer.RefusingAddress());
        await _world.IndexAsync(IndexedEngagement.Medication(patient, unreachable));

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient));

        AssertValid(answer);
        var status = answer.Statuses.Single();
        Assert.That((status.StatusCode, status.CausingAgent, status.Code), Is.EqualTo(("NoDataSynchFailed", "virtualization_platform", "500")));
        Assert.That(status.Text, Does.StartWith("VP009 [TJP] "));
    }

    [Test]
    public async Task An_engagement_the_consumer_may_not_read_is_neither_called_nor_reported()
    {
        var patient = AggregationWorld.NewPatient();
        var forbidden = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-SECRET"), authorize: false);
        var allowed = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-ALLOWED"));
        await _world.IndexAsync(IndexedEngagement.Medication(patient, forbidden), IndexedEngagement.Medication(patient, allowed));

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient));

        AssertValid(answer);
        Assert.That(DocumentIds(answer), Is.EqualTo(new[] { "DOC-ALLOWED" }));
        Assert.That(answer.Statuses.Select(s => s.LogicalAddress), Is.EqualTo(new[] { allowed }));
        Assert.That(_world.CallsTo(forbidden), Is.Empty);
    }

    [Test]
    public async Task An_original_consumers_authorization_admits_the_engagement()
    {
        var patient = AggregationWorld.NewPatient();
        const string original = "SE-ORIGINAL-APP";
        var system = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-ORIG"), authorize: false);
        await _world.Api.AddCooperationAsync(original, system, Payloads.Gmh);
        await _world.IndexAsync(IndexedEngagement.Medication(patient, system));

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient), originalConsumer: original);

        AssertValid(answer);
        var status = answer.Statuses.Single();
        Assert.That(status.LogicalAddress, Is.EqualTo(system), "the aggregator admits it for the original consumer …");
        Assert.That(status.StatusCode, Is.EqualTo("DataFromSource"), "… and its call through the router is authorized by the same rule");
        Assert.That(DocumentIds(answer), Is.EqualTo(new[] { "DOC-ORIG" }));
    }

    [Test]
    public async Task An_engagement_at_the_platforms_own_address_is_never_called()
    {
        var patient = AggregationWorld.NewPatient();
        var behindUs = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-LOOP"));
        var good = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-OK"));
        await _world.IndexAsync(IndexedEngagement.Medication(patient, good));

        // EI refuses our own address in an Update (EI005), so the engagement is written straight into the store, as a
        // ProcessNotification from another index or an old database could leave it.
        var own = new Engagement(patient, "riv:clinicalprocess:activityprescription:actoutcome", "caa-gmh", Payloads.National, "NA", "NA",
            "20250101120000", behindUs, "SE-DATA-CONTROLLER", "SE-OTHER-INDEX", "20250101120000", "20250101120000");
        var store = _world.Platform.Services.GetRequiredService<IEngagementStore>();
        await store.ApplyAsync([new EngagementWrite(false, own, EngagementKey.Of(own))], "20250101120000", null);

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient));

        AssertValid(answer);
        Assert.That(DocumentIds(answer), Is.EqualTo(new[] { "DOC-OK" }));
        Assert.That(answer.Statuses.Select(s => s.LogicalAddress), Is.EqualTo(new[] { good }));
        Assert.That(_world.CallsTo(behindUs), Is.Empty);
    }

    [Test]
    public async Task A_malformed_answer_fails_only_its_branch()
    {
        var patient = AggregationWorld.NewPatient();
        var broken = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-BROKEN")[..5000]);
        var notXml = await _world.ProducerAsync(Payloads.Gmh, "Internal error, try again later", contentType: "text/plain");
        var good = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-GOOD"));
        await _world.IndexAsync(IndexedEngagement.Medication(patient, broken), IndexedEngagement.Medication(patient, notXml), IndexedEngagement.Medication(patient, good));

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient));

        AssertValid(answer);
        Assert.That(DocumentIds(answer), Is.EqualTo(new[] { "DOC-GOOD" }), "nothing of the broken answer leaks into the merge");
        foreach (var failed in new[] { broken, notXml })
        {
            var status = answer.Statuses.Single(s => s.LogicalAddress == failed);
            Assert.That((status.StatusCode, status.CausingAgent, status.Code), Is.EqualTo(("NoDataSynchFailed", "service_producer", "200")));
            Assert.That(status.Text, Does.Contain("not well-formed XML"));
        }
    }

    [Test]
    public async Task A_source_system_named_in_the_request_is_the_only_one_called()
    {
        var patient = AggregationWorld.NewPatient();
        var wanted = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-WANTED"));
        var other = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-OTHER"));
        await _world.IndexAsync(IndexedEngagement.Medication(patient, wanted), IndexedEngagement.Medication(patient, other));

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient, sourceSystem: wanted));

        AssertValid(answer);
        Assert.That(DocumentIds(answer), Is.EqualTo(new[] { "DOC-WANTED" }));
        Assert.That(_world.CallsTo(other), Is.Empty);
    }

    [Test]
    public async Task Every_producer_gets_the_request_with_only_its_address_changed_and_the_consumers_identity()
    {
        var patient = AggregationWorld.NewPatient();
        var one = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-A"));
        var two = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-B"));
        await _world.IndexAsync(IndexedEngagement.Medication(patient, one), IndexedEngagement.Medication(patient, two));
        const string original = "SE-PATIENT-APP";
        await _world.Api.AddCooperationAsync(original, "*", Payloads.Gmh);

        var answer = await _world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(patient), correlationId: "corr-identity", originalConsumer: original);

        AssertValid(answer);
        foreach (var system in new[] { one, two })
        {
            var call = _world.CallsTo(system).Single();
            Assert.That(call.Header("x-vp-sender-id"), Is.EqualTo(AggregationWorld.Consumer));
            Assert.That(call.Header("x-rivta-original-serviceconsumer-hsaid"), Is.EqualTo(original));
            Assert.That(call.Header("x-skltp-correlation-id"), Is.EqualTo("corr-identity"));
            Assert.That(call.Header("x-rivta-routing-history"), Is.EqualTo("tjp-local"), "one router hop: the consumer's history is not carried into the fan-out");
            var body = call.BodyXml();
            Assert.That(body.Descendants(XName.Get("LogicalAddress", Payloads.Registry)).Single().Value, Is.EqualTo(system));
            Assert.That(body.Descendants(XName.Get("consumerNote", Payloads.ExtensionNamespace)).Single().Value, Is.EqualTo("kept"), "extensions travel untouched");
        }
    }

    [Test]
    public async Task A_WCF_consumer_reads_the_aggregated_answer_and_its_ProcessingStatus()
    {
        var patient = AggregationWorld.NewPatient();
        var system = await _world.ProducerAsync(Payloads.Gmh, Payloads.GmhAnswer("DOC-WCF"));
        await _world.IndexAsync(IndexedEngagement.Medication(patient, system));
        var factory = WcfConsumer.Factory<IGetMedicationHistoryResponderInterface>(_world.Platform.Router(Payloads.GmhRouterPath), AggregationWorld.Consumer);
        var client = factory.CreateChannel();
        try
        {
            var response = await client.GetMedicationHistoryAsync(new GetMedicationHistoryRequest(Payloads.National, new GetMedicationHistoryType
            {
                PatientId = new PersonIdType { Id = patient, Type = "1.2.752.129.2.1.3.1" },
            }));

            Assert.That(response.GetMedicationHistoryResponseValue.MedicationMedicalRecord, Has.Count.EqualTo(1),
                () => string.Join("; ", response.ProcessingStatus?.ProcessingStatusList.Select(s => $"{s.LogicalAddress} {s.StatusCode} {s.LastUnsuccessfulSynchError?.Text}") ?? []));
            Assert.That(response.GetMedicationHistoryResponseValue.Result.ResultCode.ToString(), Is.EqualTo("INFO"));
            var record = response.ProcessingStatus!.ProcessingStatusList.Single();
            Assert.That(record.LogicalAddress, Is.EqualTo(system));
            Assert.That(record.StatusCode, Is.EqualTo(StatusCodeEnum.DataFromSource));
            Assert.That(record.IsResponseInSynch, Is.True);
        }
        finally
        {
            ((IClientChannel)client).Abort();
            factory.Abort();
        }
    }

    [Test]
    public async Task Calling_the_aggregating_endpoint_without_the_routers_headers_is_a_SOAP_fault()
    {
        // A direct caller (direct access on) is admitted with a sender only; the router's other headers are missing.
        using var request = Payloads.Post(new Uri(_world.Platform.BaseAddress, "/platform/aggregation/GetMedicationHistory/2/rivtabp21"),
            Payloads.GmhRequest(AggregationWorld.NewPatient()), sender: "SE-DIRECT-CALLER");
        using var response = await _world.Platform.Http.SendAsync(request);
        var answer = await SoapAnswer.ReadAsync(response);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(answer.Headers["Content-Type"], Does.StartWith("text/xml"));
        Assert.That(answer.Body.Element("faultcode")!.Value, Is.EqualTo("soap:Client"));
        Assert.That(answer.FaultString, Is.EqualTo(
            "Mandatory HTTP header x-rivta-original-serviceconsumer-hsaid is missing; Mandatory HTTP header x-skltp-correlation-id is missing"));
    }

    [Test]
    public async Task The_national_address_is_registered_as_the_producer_of_the_aggregated_contracts()
    {
        using var response = await _world.Platform.Http.GetAsync("/api/v1/serviceProductions");
        var text = await response.Content.ReadAsStringAsync();

        foreach (var (contract, path) in new[]
        {
            (Payloads.Gmh, "/platform/aggregation/GetMedicationHistory/2/rivtabp21"),
            (Payloads.Schedule, "/platform/aggregation/GetSubjectOfCareSchedule/1/rivtabp21"),
            (Payloads.Requests, "/platform/aggregation/GetRequestActivities/1/rivtabp21"),
        })
        {
            Assert.That(text, Does.Contain(contract));
            Assert.That(text, Does.Contain(_world.Platform.BaseAddress.GetLeftPart(UriPartial.Authority) + path));
        }
    }
}
