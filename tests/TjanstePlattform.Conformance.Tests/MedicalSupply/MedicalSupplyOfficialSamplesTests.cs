using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Conformance.Tests.Scheduling;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Conformance.Tests.MedicalSupply;

/// <summary>
/// The official crm:selfservice:medicalsupply messages (../shared/rivta/samples/medicalsupply): read by the
/// project's 1.0 contract types, written back without loss, valid against the official 1.0 XSD, and judged
/// the same by the project's own tree. The SoapUI project's messages (01–06) are version 0 envelopes full of
/// <c>?</c> placeholders: they are skipped by name, and the two whose placeholders sit only in string
/// elements are checked once more after moving them to the 1.0 namespaces.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MedicalSupplyOfficialSamplesTests
{
    private const string Folder = "medicalsupply";

    /// <summary>Files with SoapUI <c>?</c> placeholders, skipped by name.</summary>
    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
    {
        ["medicalsupply/01_request_noname.xml"] = "SoapUI '?' as LogicalAddress, PostalCode and ServicePointProvider (an enumeration); version 0 namespaces",
        ["medicalsupply/02_request_noname.xml"] = "SoapUI '?' as SubjectOfCareId; version 0 namespaces",
        ["medicalsupply/03_request_noname.xml"] = "SoapUI '?' in enumerations, integers and booleans; version 0 namespaces",
        ["medicalsupply/04_response_Response_1.xml"] = "SoapUI '?' in the CountryCode and ResultCode enumerations; version 0 namespaces",
        ["medicalsupply/05_response_Response_1.xml"] = "SoapUI '?' in string elements; version 0 namespaces",
        ["medicalsupply/06_response_Response_1.xml"] = "SoapUI '?' in enumerations, integers and dates, and an element NoOfArticles no schema version has; version 0 namespaces",
    };

    /// <summary>Placeholder files whose '?' sit only in xs:string elements: readable once moved to the 1.0 namespaces.</summary>
    private static readonly string[] StringOnlyPlaceholders = ["medicalsupply/02_request_noname.xml", "medicalsupply/05_response_Response_1.xml"];

    public static IEnumerable<TestCaseData> OfficialMessages() => OfficialSamples.Cases(Folder);

    public static IEnumerable<TestCaseData> VersionZeroMessages() => StringOnlyPlaceholders.Select(n => new TestCaseData(n).SetArgDisplayNames(n));

    [TestCaseSource(nameof(OfficialMessages))]
    public void Official_message_round_trips_through_the_contract_types(string name)
    {
        var envelope = Load(name);
        var (_, messageType) = ContractChecks.ContractOf(MedicalSupplyContracts.All, envelope, name);
        var official = SchemaTree.Official(MedicalSupplyContracts.OfficialTree);

        ContractChecks.AssertExpectedValidity(ContractChecks.Issues(official, envelope), null, name);
        ContractChecks.AssertRoundTrip(messageType, envelope, official, name);
    }

    [TestCaseSource(nameof(OfficialMessages))]
    public void Project_tree_judges_the_official_message_like_the_official_tree(string name)
    {
        var envelope = Load(name);
        var official = ContractChecks.Issues(SchemaTree.Official(MedicalSupplyContracts.OfficialTree), envelope);
        var project = ContractChecks.Issues(SchemaTree.Project(MedicalSupplyContracts.ProjectTree), envelope);
        Assert.That(project, Is.EqualTo(official), $"{name}: wsdl/{MedicalSupplyContracts.ProjectTree} validates it differently from the official release.");
    }

    /// <summary>
    /// A version 0 SoapUI message whose placeholders are all strings, moved to the 1.0 namespaces (1.0 only
    /// added elements to 0.1): valid against the official and project 1.0 trees, and the round trip keeps it,
    /// including its <c>xsi:nil</c> DeliveredDate.
    /// </summary>
    [TestCaseSource(nameof(VersionZeroMessages))]
    public void Version_zero_message_in_the_1_0_namespaces_round_trips(string name)
    {
        var text = File.ReadAllText(OfficialSamples.PathOf(name))
            .Replace("medicalsupply:0\"", "medicalsupply:1\"", StringComparison.Ordinal)
            .Replace("Responder:0\"", "Responder:1\"", StringComparison.Ordinal);
        var envelope = SoapEnvelope.Parse(text);
        Assert.That(envelope.BodyRoot.Name.NamespaceName, Does.EndWith("Responder:1"), $"{name}: the namespace move did not happen.");

        var (_, messageType) = ContractChecks.ContractOf(MedicalSupplyContracts.All, envelope, name);
        var official = SchemaTree.Official(MedicalSupplyContracts.OfficialTree);
        ContractChecks.AssertExpectedValidity(ContractChecks.Issues(official, envelope), null, name + " (1.0 namespaces)");
        ContractChecks.AssertExpectedValidity(ContractChecks.Issues(SchemaTree.Project(MedicalSupplyContracts.ProjectTree), envelope), null, name + " (1.0 namespaces, project tree)");
        ContractChecks.AssertRoundTrip(messageType, envelope, official, name + " (1.0 namespaces)");
    }

    [Test]
    public void Placeholder_list_names_exactly_the_files_with_placeholders()
    {
        var found = OfficialSamples.Names(Folder).Where(n => PlaceholderScan.HasPlaceholders(OfficialSamples.PathOf(n))).ToList();
        Assert.That(found, Is.EquivalentTo(Placeholders.Keys), "Files with ? or ${…} placeholders must be listed (and skipped) by name.");
    }

    private static SoapEnvelope Load(string name)
    {
        if (Placeholders.TryGetValue(name, out var why))
        {
            Assert.Ignore($"Skipped {name}: it holds placeholders ({why}), it is not a real message.");
        }

        return OfficialSamples.Load(name);
    }
}
