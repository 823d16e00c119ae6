using TjanstePlattform.SourceSystems.DemoWorld;

namespace TjanstePlattform.SourceSystems.Tests.DemoWorld;

/// <summary>The data files are checked as a whole at start: a mistake names the file and the problem.</summary>
public class DataFileTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "tjp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private static string BuiltIn => Path.Combine(AppContext.BaseDirectory, "DemoWorld", "Data");

    [Test]
    public void The_built_in_demo_world_is_consistent_and_has_what_the_issue_asks_for()
    {
        var world = DemoWorldSource.Load(BuiltIn);

        Assert.That(world.Journals.Count(j => j.HsaId.StartsWith("SE", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(3));
        Assert.That(world.Scheduling.Select(s => s.FacilityName).Distinct().Count(), Is.GreaterThanOrEqualTo(2));
        Assert.That(world.MedicalSupply, Is.Not.Empty);
        Assert.That(world.Persons.Count(p => p.Id.Length == 12), Is.GreaterThanOrEqualTo(6));
        Assert.That(world.Journals.Any(j => !j.DemoConsumerAuthorized), Is.True, "a system the demo consumer is not authorized for");
        Assert.That(world.Journals.Any(j => j.Faults?.Latency is { Milliseconds: > 0 }), Is.True, "a slow system");
    }

    [Test]
    public void A_missing_folder_is_named()
    {
        var missing = Path.Combine(_directory, "nope");

        var error = Assert.Throws<InvalidOperationException>(() => DemoWorldSource.Load(missing));

        Assert.That(error!.Message, Does.Contain(missing));
    }

    [Test]
    public void A_file_that_is_not_the_expected_JSON_is_named_with_the_reason()
    {
        File.WriteAllText(Path.Combine(_directory, "journals.json"), """{ "systems": [ { "hsaId": "X", "nme": "typo" } ] }""");

        var error = Assert.Throws<InvalidOperationException>(() => DemoWorldSource.Load(_directory));

        Assert.That(error!.Message, Does.Contain("journals.json").And.Contain("nme"));
    }

    [Test]
    public void Inconsistencies_are_listed_together()
    {
        File.WriteAllText(Path.Combine(_directory, "scheduling.json"), """
            // comments are allowed
            { "systems": [ {
                "hsaId": "SE-BOK", "name": "x", "facilityName": "x", "dataController": "SE1", "bookingIdPrefix": "B-",
                "timeTypes": [ { "id": "T", "name": "t" } ],
                "performers": [ { "hsaId": "P", "name": "p" } ],
                "slots": [ { "start": "20351015090000", "end": "20351015093000", "performer": "NOBODY", "timeType": "T" } ],
                "bookings": [ { "bookingId": "B-1", "patientId": "191212121212", "start": "2035", "end": "20351015093000", "performer": "P", "timeType": "T" } ]
            } ] }
            """);
        File.WriteAllText(Path.Combine(_directory, "journals.json"), """{ "systems": [ { "hsaId": "SE-BOK", "name": "dup", "dataController": "SE1" } ] }""");

        var error = Assert.Throws<InvalidOperationException>(() => DemoWorldSource.Load(_directory));

        Assert.That(error!.Message, Does.Contain("performer 'NOBODY'"));
        Assert.That(error.Message, Does.Contain("booking B-1: start '2035'"));
        Assert.That(error.Message, Does.Contain("SE-BOK appears twice").Or.Contain("logical address SE-BOK"));
    }

    [Test]
    public void The_reference_worlds_files_are_checked_too_and_their_mistakes_listed_together()
    {
        File.WriteAllText(Path.Combine(_directory, "systems.json"), """
            { "systems": [
                { "hsaId": "SYS-A", "name": "a", "dataController": "SYS-A" },
                { "hsaId": "SYS-B", "name": "b", "dataController": "SYS-B", "engagementAddress": "SYS-A" },
                { "hsaId": "SYS-C", "name": "c", "dataController": "SYS-C",
                  "faults": { "persons": { "12345": { "soapFault": { "faultString": "x" } } } } }
            ] }
            """);
        File.WriteAllText(Path.Combine(_directory, "consumers.json"), """{ "consumers": [ { "hsaId": "", "logicalAddresses": [ "SYS-A" ] }, { "hsaId": "C", "logicalAddresses": [ " " ] } ] }""");

        var error = Assert.Throws<InvalidOperationException>(() => DemoWorldSource.Load(_directory));

        Assert.That(error!.Message, Does.Contain("systems.json: engagementAddress SYS-A of SYS-B is used by another system."));
        Assert.That(error.Message, Does.Contain("systems.json: system SYS-C faults: persons"));
        Assert.That(error.Message, Does.Contain("consumers.json: a consumer needs an hsaId").And.Contain("('C')"));
    }
}
