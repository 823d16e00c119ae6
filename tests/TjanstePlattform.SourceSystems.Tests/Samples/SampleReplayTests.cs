using System.Net;
using System.Xml.Linq;
using TjanstePlattform.SourceSystems.Tests.Support;
using TjanstePlattform.Testing;
using TjanstePlattform.Tooling.Assertions.Schemas;

namespace TjanstePlattform.SourceSystems.Tests.Samples;

/// <summary>
/// Every request in <c>wsdl/samples</c> for a contract the source systems answer (directly or through the national
/// aggregating service), sent as it is through the router as the demo consumer on a fresh demo world: each happy path
/// (01–79) and logical error (80–89) gets HTTP 200 with an answer valid against the official schemas in
/// ../shared/rivta/schemas; a missing Actor (92) gets the source system's soap:Client fault.
/// </summary>
public class SampleReplayTests : DemoWorldFixture
{
    private static readonly string[] Contracts =
    [
        "GetMedicationHistory", "GetRequestActivities",
        "GetSubjectOfCareSchedule", "GetBookingDetails", "GetAvailableTimeslots", "MakeBooking", "UpdateBooking", "CancelBooking",
        "GetMedicalSupplyPrescriptions", "GetMedicalSupplyDeliveryPoints", "RegisterMedicalSupplyOrder",
    ];

    private static readonly Lazy<IResponseSchemaValidator> Official = new(() => ContractSchemas.Create(RivtaOracle.PathOf("schemas")));

    private static string SamplesFolder => Path.Combine(RivtaOracle.RepositoryRoot, "wsdl", "samples");

    public static IEnumerable<TestCaseData> Answered() => Samples(n => int.Parse(n[..2]) < 90);

    public static IEnumerable<TestCaseData> MissingActor() => Samples(n => n.StartsWith("92_", StringComparison.Ordinal));

    private static IEnumerable<TestCaseData> Samples(Func<string, bool> which) =>
        from contract in Contracts
        from file in Directory.GetFiles(Path.Combine(SamplesFolder, contract), "*.xml").Order(StringComparer.Ordinal)
        where which(Path.GetFileName(file))
        select new TestCaseData(contract, Path.GetFileName(file)).SetArgDisplayNames($"{contract}/{Path.GetFileName(file)}");

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string contract, string file)
    {
        var envelope = await File.ReadAllTextAsync(Path.Combine(SamplesFolder, contract, file));
        using var request = SoapMessages.Post(Platform.Router($"samples/{contract}"), envelope, Consumer);
        using var response = await Platform.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [TestCaseSource(nameof(Answered))]
    public async Task The_answer_is_valid_against_the_official_schema(string contract, string file)
    {
        Assert.That(Official.Value, Is.Not.Null, "the official schemas load");

        var (status, body) = await SendAsync(contract, file);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        var payload = XDocument.Parse(body).Root!.Element(XName.Get("Body", "http://schemas.xmlsoap.org/soap/envelope/"))!.Elements().Single();
        Assert.That(payload.Name, Is.EqualTo(XName.Get(contract + "Response", payload.Name.NamespaceName)));
        var validation = Official.Value.ValidatePayload(body);
        Assert.That(validation.Verdict, Is.EqualTo(SchemaVerdict.Valid), string.Join(Environment.NewLine, validation.Errors));
        if (file.StartsWith("80_", StringComparison.Ordinal))
        {
            Assert.That(body, Does.Contain(">ERROR<").And.Contain(">INVALID_REQUEST<"));
        }
    }

    [TestCaseSource(nameof(MissingActor))]
    public async Task A_missing_Actor_is_the_source_systems_soap_Client_fault(string contract, string file)
    {
        var (status, body) = await SendAsync(contract, file);

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(body, Does.Contain("soap:Client").And.Contain("{urn:riv:interoperability:headers:1}Actor"));
    }

    public static IEnumerable<TestCaseData> Variants()
    {
        yield return new TestCaseData("GetMedicalSupplyPrescriptions", "01_happy_path.xml", "191212121212", Siv).SetArgDisplayNames("expired, cancelled and non-orderable prescriptions");
        yield return new TestCaseData("RegisterMedicalSupplyOrder", "01_happy_path.xml", "<msc:SubjectOfCareId>191212121212", "<msc:SubjectOfCareId>" + Siv).SetArgDisplayNames("an order answered ERROR");
        yield return new TestCaseData("GetMedicalSupplyDeliveryPoints", "01_happy_path.xml", ">41319<", ">4131<").SetArgDisplayNames("a postal code answered ERROR");
        yield return new TestCaseData("MakeBooking", "01_happy_path_BOK1.xml", "20351015090000", "20351015091500").SetArgDisplayNames("a booking answered ERROR");
        yield return new TestCaseData("GetSubjectOfCareSchedule", "01_happy_path_BOK1.xml", "191212121212", Nils).SetArgDisplayNames("an empty schedule");
        yield return new TestCaseData("GetMedicationHistory", "02_happy_path_JRN1.xml", "191212121212", Nils).SetArgDisplayNames("an empty medication history");
    }

    [TestCaseSource(nameof(Variants))]
    public async Task Error_and_empty_answers_are_valid_against_the_official_schema_too(string contract, string file, string replace, string with)
    {
        var envelope = (await File.ReadAllTextAsync(Path.Combine(SamplesFolder, contract, file))).Replace(replace, with, StringComparison.Ordinal);
        using var request = SoapMessages.Post(Platform.Router($"samples/{contract}"), envelope, Consumer);
        using var response = await Platform.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var validation = Official.Value.ValidatePayload(body);
        Assert.That(validation.Verdict, Is.EqualTo(SchemaVerdict.Valid), string.Join(Environment.NewLine, validation.Errors));
    }
}
