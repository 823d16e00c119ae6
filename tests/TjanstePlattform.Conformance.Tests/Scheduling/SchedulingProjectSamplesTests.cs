namespace TjanstePlattform.Conformance.Tests.Scheduling;

/// <summary>
/// The project's replayable crm:scheduling request samples (<c>wsdl/samples/&lt;Contract&gt;</c>). The happy
/// paths address the demo world; the bad cases break exactly one thing, outside the XML schema (a header
/// value or a missing header the WSDL declares), and are schema-valid otherwise.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SchedulingProjectSamplesTests
{
    /// <summary>Demo world ids the samples use (the source systems build the demo world to match).</summary>
    public const string Patient = "191212121212";
    public const string BookingSystem1 = "SE2321000016-BOK1";
    public const string BookingSystem2 = "SE2321000016-BOK2";
    public const string NationalAggregator = "5565594230";
    public const string UnknownAddress = "SE2321000016-FINNSEJ";

    private static readonly SampleExpectation[] Standard =
    [
        new("01_happy_path_BOK1.xml", BookingSystem1, Actor: true, "nothing: happy path, booking system 1"),
        new("90_bad_wrong_logical_address.xml", UnknownAddress, Actor: true, "a LogicalAddress no routing knows: VP004"),
        new("91_bad_missing_logical_address.xml", null, Actor: true, "no LogicalAddress header: VP003"),
        new("92_bad_missing_actor.xml", BookingSystem1, Actor: false, "no Actor header, which the WSDL declares"),
    ];

    private static IEnumerable<SampleExpectation> ExpectationsFor(ContractUnderTest contract)
        => contract == SchedulingContracts.GetSubjectOfCareSchedule
            ?
            [
                .. Standard,
                new("02_happy_path_BOK2.xml", BookingSystem2, Actor: true, "nothing: happy path, booking system 2"),
                new("03_happy_path_aggregated_national.xml", NationalAggregator, Actor: true, "nothing: happy path through the aggregating service"),
            ]
            : Standard;

    public static IEnumerable<TestCaseData> Samples()
        => SchedulingContracts.All.SelectMany(c => ExpectationsFor(c).Select(e =>
            new TestCaseData(c, e).SetArgDisplayNames($"{c.Name}/{e.File}")));

    [TestCaseSource(typeof(SchedulingContracts), nameof(SchedulingContracts.Cases))]
    public void Sample_folder_holds_exactly_the_documented_samples(ContractUnderTest contract)
        => SampleChecks.AssertDocumented(contract.Name, ExpectationsFor(contract));

    [TestCaseSource(nameof(Samples))]
    public void Sample_is_schema_valid_apart_from_what_it_breaks(ContractUnderTest contract, SampleExpectation expected)
        => SampleChecks.AssertConforms(contract, expected, SchedulingContracts.OfficialTree, SchedulingContracts.ProjectTree, Patient);
}
