using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Conformance.Tests.Scheduling;

namespace TjanstePlattform.Conformance.Tests.MedicalSupply;

/// <summary>
/// The project's replayable crm:selfservice:medicalsupply request samples (<c>wsdl/samples/&lt;Contract&gt;</c>).
/// The happy paths address the demo region; the bad cases break exactly one header and are schema-valid otherwise.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MedicalSupplyProjectSamplesTests
{
    /// <summary>Demo world ids the samples use (the source systems build the demo world to match).</summary>
    public const string Patient = "191212121212";
    public const string Region = "SE2321000131-MSUP";
    public const string UnknownAddress = "SE2321000016-FINNSEJ";

    private static readonly SampleExpectation[] Expectations =
    [
        new("01_happy_path.xml", Region, Actor: false, "nothing: happy path, demo region"),
        new("90_bad_wrong_logical_address.xml", UnknownAddress, Actor: false, "a LogicalAddress no routing knows: VP004"),
        new("91_bad_missing_logical_address.xml", null, Actor: false, "no LogicalAddress header: VP003"),
    ];

    public static IEnumerable<TestCaseData> Samples()
        => MedicalSupplyContracts.All.SelectMany(c => Expectations.Select(e => new TestCaseData(c, e).SetArgDisplayNames($"{c.Name}/{e.File}")));

    [TestCaseSource(typeof(MedicalSupplyContracts), nameof(MedicalSupplyContracts.Cases))]
    public void Sample_folder_holds_exactly_the_documented_samples(ContractUnderTest contract)
        => SampleChecks.AssertDocumented(contract.Name, Expectations);

    [TestCaseSource(nameof(Samples))]
    public void Sample_is_schema_valid_apart_from_what_it_breaks(ContractUnderTest contract, SampleExpectation expected)
        => SampleChecks.AssertConforms(contract, expected, MedicalSupplyContracts.OfficialTree, MedicalSupplyContracts.ProjectTree, Patient);

    /// <summary>The order sample carries the Swedish enumeration values as UTF-8 text, byte for byte.</summary>
    [Test]
    public void Order_sample_carries_Swedish_enumeration_values_as_utf8()
    {
        var bytes = File.ReadAllBytes(Path.Combine(ProjectSamples.Folder(MedicalSupplyContracts.RegisterMedicalSupplyOrder.Name), "01_happy_path.xml"));
        foreach (var value in new[] { "UTLÄMNINGSSTÄLLE", "SÄRNÄR" })
        {
            var utf8 = System.Text.Encoding.UTF8.GetBytes($">{value}<");
            Assert.That(bytes.AsSpan().IndexOf(utf8), Is.GreaterThanOrEqualTo(0), $"{value} is not in the sample as UTF-8.");
        }
    }
}
