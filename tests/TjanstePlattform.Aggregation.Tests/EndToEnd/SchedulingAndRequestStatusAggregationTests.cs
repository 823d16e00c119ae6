using System.Net;
using System.Xml.Linq;
using TjanstePlattform.Aggregation.Tests.Support;

namespace TjanstePlattform.Aggregation.Tests.EndToEnd;

/// <summary>
/// The two other built-in descriptors end to end: bookings fan out per unit with healthcare_facility rewritten and
/// the Actor header passed on; referral status narrowed by typeOfRequest. Answers checked against the official schemas.
/// </summary>
public class SchedulingAndRequestStatusAggregationTests
{
    private AggregationWorld _world = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _world = await AggregationWorld.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _world.DisposeAsync();

    [Test]
    public async Task Bookings_fan_out_per_unit_with_healthcare_facility_set_to_each_unit()
    {
        var patient = AggregationWorld.NewPatient();
        var system = AggregationWorld.NewAddress("BOOKING-SYSTEM");
        var unitB = await _world.ProducerAsync(Payloads.Schedule, "", address: AggregationWorld.NewAddress("UNIT-B"));
        var unitA = AggregationWorld.NewAddress("UNIT-A");
        var unitC = AggregationWorld.NewAddress("UNIT-C");
        var ordered = new[] { unitA, unitB, unitC }.Order(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var unit in new[] { unitA, unitB, unitC })
        {
            _world.Producers.Given(WireMock.RequestBuilders.Request.Create().WithPath("/" + unit).UsingPost())
                .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=UTF-8")
                    .WithBody(Payloads.ScheduleAnswer(unit, patient, $"{unit}-1", $"{unit}-2")));
        }

        await _world.RegisterAsync(Payloads.Schedule, unitA, new Uri(_world.Producers.Urls[0] + "/" + unitA));
        await _world.RegisterAsync(Payloads.Schedule, unitC, new Uri(_world.Producers.Urls[0] + "/" + unitC));
        await _world.IndexAsync(
            IndexedEngagement.Booking(patient, unitA, system),
            IndexedEngagement.Booking(patient, unitB, system),
            IndexedEngagement.Booking(patient, unitC, system));

        var answer = await _world.CallAsync(Payloads.ScheduleRouterPath, Payloads.ScheduleRequest(patient));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        OfficialSchemas.AssertValid(OfficialSchemas.Scheduling, answer.Body, "the aggregated schedule");
        OfficialSchemas.AssertValid(OfficialSchemas.Headers, answer.ProcessingStatus!, "the ProcessingStatus header");
        Assert.That(answer.Statuses.Select(s => (s.LogicalAddress, s.StatusCode)), Is.EqualTo(ordered.Select(u => (u, "DataFromSource"))),
            "one call per unit although all share one source system");

        XNamespace core = Payloads.ScheduleCore;
        Assert.That(answer.Body.Descendants(core + "bookingId").Select(b => b.Value),
            Is.EqualTo(ordered.SelectMany(u => new[] { $"{u}-1", $"{u}-2" })));
        Assert.That(answer.Body.Elements(XName.Get("sourceNote", Payloads.ExtensionNamespace)).Select(e => e.Value),
            Is.EqualTo(ordered.Select(u => $"from {u}")), "response-level extensions follow the records, by producer");
        Assert.That(answer.Body.Descendants(core + "purpose").First().Value, Is.EqualTo("<p>Länk & info</p>"));

        foreach (var unit in ordered)
        {
            var body = _world.CallsTo(unit).Single().BodyXml();
            Assert.That(body.Descendants(XName.Get("healthcare_facility", Payloads.Schedule)).Single().Value, Is.EqualTo(unit));
            Assert.That(body.Descendants(XName.Get("LogicalAddress", Payloads.Registry)).Single().Value, Is.EqualTo(unit));
            Assert.That(body.Descendants(XName.Get("actorType", Payloads.Headers)).Single().Value, Is.EqualTo("subject_of_care"), "the Actor header travels on");
        }
    }

    [Test]
    public async Task The_official_consumer_request_is_aggregated()
    {
        // The official sample asks for Tolvan (121212121212), whom no other test indexes.
        var unit = await _world.ProducerAsync(Payloads.Schedule, Payloads.ScheduleAnswer("PLACEHOLDER", "121212121212", "official-1"));
        await _world.IndexAsync(IndexedEngagement.Booking("121212121212", unit, unit));
        var request = await File.ReadAllTextAsync(Testing.RivtaOracle.PathOf("samples", "GetSubjectOfCareSchedule", "agp_TC1_request_with_Actor.xml"));

        var answer = await _world.CallAsync(Payloads.ScheduleRouterPath, request);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        OfficialSchemas.AssertValid(OfficialSchemas.Scheduling, answer.Body, "the aggregated schedule");
        OfficialSchemas.AssertValid(OfficialSchemas.Headers, answer.ProcessingStatus!, "the ProcessingStatus header");
        Assert.That(answer.Statuses.Single().LogicalAddress, Is.EqualTo(unit));
        Assert.That(answer.Body.Descendants(XName.Get("bookingId", Payloads.ScheduleCore)).Single().Value, Is.EqualTo("official-1"));
    }

    [Test]
    public async Task Type_of_request_narrows_the_referral_systems_called()
    {
        var patient = AggregationWorld.NewPatient();
        var one = await _world.ProducerAsync(Payloads.Requests, "");
        var two = await _world.ProducerAsync(Payloads.Requests, "");
        _world.Producers.Given(WireMock.RequestBuilders.Request.Create().WithPath("/" + one).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=UTF-8")
                .WithBody(Payloads.RequestsAnswer(patient, one, "1", "REQ-ONE")));
        _world.Producers.Given(WireMock.RequestBuilders.Request.Create().WithPath("/" + two).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=UTF-8")
                .WithBody(Payloads.RequestsAnswer(patient, two, "2", "REQ-TWO")));
        await _world.IndexAsync(IndexedEngagement.Referral(patient, one, "1"), IndexedEngagement.Referral(patient, two, "2"));

        var narrowed = await _world.CallAsync(Payloads.RequestsRouterPath, Payloads.RequestsRequest(patient, "2"));
        var all = await _world.CallAsync(Payloads.RequestsRouterPath, Payloads.RequestsRequest(patient));

        foreach (var answer in new[] { narrowed, all })
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
            OfficialSchemas.AssertValid(OfficialSchemas.RequestStatus, answer.Body, "the aggregated referral status");
            OfficialSchemas.AssertValid(OfficialSchemas.Headers, answer.ProcessingStatus!, "the ProcessingStatus header");
        }

        XNamespace core = Payloads.RequestsCore;
        Assert.That(narrowed.Body.Descendants(core + "senderRequestId").Select(e => e.Value), Is.EqualTo(new[] { "REQ-TWO" }));
        Assert.That(narrowed.Statuses.Select(s => s.LogicalAddress), Is.EqualTo(new[] { two }));
        Assert.That(all.Statuses, Has.Count.EqualTo(2));
        Assert.That(_world.CallsTo(one), Has.Count.EqualTo(1), "only the unnarrowed call reached the type-1 system");
    }
}
