using System.ServiceModel;
using Microsoft.Extensions.Options;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;

namespace TjanstePlattform.SourceSystems.Tests.DemoWorld;

/// <summary>
/// Per-system settings of the data files: a person's faults (<c>faults.persons</c>) strike only the calls about that
/// person from the first start on, and a booking system with <c>actorCheck: lenient</c> accepts any Actor, or none.
/// </summary>
public class WorldSettingsTests : DemoWorldFixture
{
    private const string Journal = "SE5560000001-TEAMJRN";
    private const string Strict = "SE5560000001-STRICT";
    private const string Lenient = "SE5560000001-LENIENT";
    private const string Failing = "199001012389";
    private const string Healthy = "199002022388";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "tjp-tests", "data-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            Directory.CreateDirectory(_data);
            File.WriteAllText(Path.Combine(_data, "persons.json"), $$"""
                { "persons": [ { "id": "{{Failing}}", "firstName": "Fel", "lastName": "Person" }, { "id": "{{Healthy}}", "firstName": "Frisk", "lastName": "Person" } ] }
                """);
            File.WriteAllText(Path.Combine(_data, "journals.json"), $$"""
                { "systems": [ {
                    "hsaId": "{{Journal}}", "name": "Teamets journal", "dataController": "SE5560000001",
                    "faults": { "persons": { "{{Failing}}": { "soapFault": { "faultString": "Ogiltigt id" } } } },
                    "medicationRecords": [ {{Record(Failing, "1")}}, {{Record(Healthy, "2")}} ]
                } ] }
                """);
            File.WriteAllText(Path.Combine(_data, "scheduling.json"), $$"""
                { "systems": [ {{Booking(Strict, "strict")}}, {{Booking(Lenient, "lenient")}} ] }
                """);
            return new Dictionary<string, string?> { ["SourceSystems:DataDirectory"] = _data };
        }
    }

    [OneTimeTearDown]
    public void DeleteData() => Directory.Delete(_data, recursive: true);

    [Test]
    public async Task A_persons_fault_from_the_data_file_strikes_only_calls_about_that_person()
    {
        var calls = new Calls(Platform);

        var fault = await Assert.ThrowsAsync<FaultException>(() => calls.MedicationHistoryAsync(Journal, Failing));
        var healthy = await calls.MedicationHistoryAsync(Journal, Healthy);

        Assert.That(fault!.Reason.GetMatchingTranslation().Text, Is.EqualTo("Ogiltigt id"));
        Assert.That(healthy.GetMedicationHistoryResponseValue.MedicationMedicalRecord, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_lenient_booking_system_accepts_any_actor_or_none_where_a_strict_one_refuses()
    {
        var calls = new Calls(Platform);
        var odd = Calls.Actor("sample-actor", "SUBJECT_OF_CARE_AGENT_X");

        var withOdd = await calls.ScheduleAsync(Lenient, Healthy, odd);
        var without = await calls.ScheduleAsync(Lenient, Healthy, actor: null);
        var strict = await Assert.ThrowsAsync<FaultException>(() => calls.ScheduleAsync(Strict, Healthy, odd));

        Assert.That(withOdd.Body.TimeslotDetail, Has.Count.EqualTo(1));
        Assert.That(without.Body.TimeslotDetail, Has.Count.EqualTo(1));
        Assert.That(strict!.Reason.GetMatchingTranslation().Text, Does.Contain("actorType"));
    }

    [Test]
    public void An_unknown_actor_check_stops_the_start_naming_the_values()
    {
        var directory = Path.Combine(_data, "bad");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "scheduling.json"), $$"""{ "systems": [ {{Booking(Strict, "loose")}} ] }""");

        var error = Assert.Throws<InvalidOperationException>(() => SourceSystems.DemoWorld.DemoWorldSource.Load(directory));

        Assert.That(error!.Message, Does.Contain("actorCheck must be strict or lenient"));
    }

    [Test]
    public async Task An_unknown_world_stops_the_start_naming_the_worlds()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestPlatform.StartAsync(new Dictionary<string, string?> { ["SourceSystems:World"] = "mars" }));

        Assert.That(error!.Message, Does.Contain("SourceSystems:World must be one of: demo, reference"));
    }

    private static string Record(string patient, string id) => $$"""
        { "patientId": "{{patient}}", "documentId": "DOC-{{id}}", "authorTime": "20240101120000",
          "careUnit": { "hsaId": "SE5560000001-VE1" }, "careGiver": { "hsaId": "SE5560000001" }, "professional": { "name": "Dr Team" },
          "prescriptionId": "ORD-{{id}}", "startOfTreatment": "20240101000000",
          "drug": { "nplId": { "code": "1", "codeSystem": "1.2.752.129.2.1.5.1", "displayName": "Testmedel" } } }
        """;

    private static string Booking(string hsaId, string actorCheck) => $$"""
        { "hsaId": "{{hsaId}}", "name": "{{hsaId}}", "facilityName": "Mottagningen", "dataController": "SE5560000001",
          "actorCheck": "{{actorCheck}}", "bookingIdPrefix": "B-",
          "timeTypes": [ { "id": "BESOK", "name": "Besök" } ],
          "performers": [ { "hsaId": "SE5560000001-P1", "name": "Dr Bokning" } ],
          "bookings": [ { "bookingId": "B-1", "patientId": "{{Healthy}}", "start": "20350102090000", "end": "20350102093000",
                          "performer": "SE5560000001-P1", "timeType": "BESOK" } ] }
        """;
}
