using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.SourceSystems.Tests.Support;

namespace TjanstePlattform.SourceSystems.Tests.DemoWorld;

/// <summary>A team's own data files (<c>SourceSystems:DataDirectory</c>): their systems are routed, authorized and indexed like the demo world's.</summary>
public class CustomDataTests : DemoWorldFixture
{
    private const string System = "SE5560000001-TEAMJRN";
    private const string Patient = "199001012389";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "tjp-tests", "data-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            Directory.CreateDirectory(_data);
            File.WriteAllText(Path.Combine(_data, "persons.json"), $$"""{ "persons": [ { "id": "{{Patient}}", "firstName": "Test", "lastName": "Person" } ] }""");
            File.WriteAllText(Path.Combine(_data, "journals.json"), $$"""
                { "systems": [ {
                    "hsaId": "{{System}}", "name": "Teamets journal", "dataController": "SE5560000001",
                    "medicationRecords": [ {
                        "patientId": "{{Patient}}", "documentId": "TEAM-1", "authorTime": "20240101120000",
                        "careUnit": { "hsaId": "SE5560000001-VE1" }, "careGiver": { "hsaId": "SE5560000001" }, "professional": { "name": "Dr Team" },
                        "prescriptionId": "TEAM-ORD-1", "startOfTreatment": "20240101000000",
                        "drug": { "nplId": { "code": "1", "codeSystem": "1.2.752.129.2.1.5.1", "displayName": "Testmedel" } }
                    } ]
                } ] }
                """);
            return new Dictionary<string, string?> { ["SourceSystems:DataDirectory"] = _data };
        }
    }

    [OneTimeTearDown]
    public void DeleteData() => Directory.Delete(_data, recursive: true);

    [Test]
    public async Task The_teams_system_answers_through_the_router_and_is_indexed()
    {
        var calls = new Calls(Platform);

        var direct = await calls.MedicationHistoryAsync(System, Patient);
        var aggregated = await calls.MedicationHistoryAsync(National, Patient);
        var engagements = await Platform.Services.GetRequiredService<IEngagementFinder>().FindAsync(new EngagementQuery(Patient, "riv:clinicalprocess:activityprescription:actoutcome"));

        Assert.That(direct.GetMedicationHistoryResponseValue.MedicationMedicalRecord.Single().MedicationMedicalRecordHeader.DocumentId, Is.EqualTo("TEAM-1"));
        Assert.That(aggregated.GetMedicationHistoryResponseValue.MedicationMedicalRecord, Has.Count.EqualTo(1));
        Assert.That(engagements.Single().SourceSystem, Is.EqualTo(System));
        Assert.That(await Platform.Http.GetStringAsync("/api/v1/sourceSystems"), Does.Not.Contain(Jrn1), "the built-in demo world is replaced, not added to");
    }
}
