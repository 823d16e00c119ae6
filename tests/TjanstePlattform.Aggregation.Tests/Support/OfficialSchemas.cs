using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Aggregation.Tests.Support;

/// <summary>
/// The official RIVTA schemas (../shared/rivta, the test oracle) compiled once, and a strict validation: warnings
/// count (.NET only warns about an undeclared root, PLATFORM.md §7), except undeclared content inside a lax xs:any.
/// </summary>
internal static class OfficialSchemas
{
    private static readonly Lazy<XmlSchemaSet> MedicationHistorySet = new(() => Compile(
        "clinicalprocess_activityprescription_actoutcome_2.0", "interactions", "GetMedicationHistoryInteraction", "GetMedicationHistoryResponder_2.0.xsd"));

    private static readonly Lazy<XmlSchemaSet> SchedulingSet = new(() => Compile(
        "crm_scheduling_1.1.1", "interactions", "GetSubjectOfCareScheduleInteraction", "GetSubjectOfCareScheduleResponder_1.1.xsd"));

    private static readonly Lazy<XmlSchemaSet> RequestStatusSet = new(() => Compile(
        "crm_requeststatus_1.0.1", "interactions", "GetRequestActivitiesInteraction", "GetRequestActivitiesResponder_1.0.xsd"));

    private static readonly Lazy<XmlSchemaSet> HeadersSet = new(() => Compile(
        "crm_requeststatus_1.0.1", "core_components", "interoperability_headers_1.0.xsd"));

    public static XmlSchemaSet MedicationHistory => MedicationHistorySet.Value;

    public static XmlSchemaSet Scheduling => SchedulingSet.Value;

    public static XmlSchemaSet RequestStatus => RequestStatusSet.Value;

    /// <summary>interoperability_headers_1.0.xsd: Actor and ProcessingStatus.</summary>
    public static XmlSchemaSet Headers => HeadersSet.Value;

    /// <summary>Asserts that <paramref name="element"/> is valid against <paramref name="schemas"/>, listing every issue.</summary>
    public static void AssertValid(XmlSchemaSet schemas, XElement element, string what)
    {
        var issues = Validate(schemas, element);
        Assert.That(issues, Is.Empty, $"{what} is not schema-valid:{Environment.NewLine}{string.Join(Environment.NewLine, issues)}{Environment.NewLine}{element}");
    }

    public static IReadOnlyList<string> Validate(XmlSchemaSet schemas, XElement element) => StrictSchemaValidation.Validate(schemas, element);

    private static XmlSchemaSet Compile(params string[] relative)
    {
        var path = RivtaOracle.PathOf(["schemas", .. relative]);
        Assert.That(File.Exists(path), Is.True, $"Official schema missing: {path}");
        // Trusted local files: imports are resolved relative to the schema, nothing else is fetched.
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() }))
        {
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }
}
