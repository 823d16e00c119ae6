using System.Text;
using TjanstePlattform.Testing;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Assertions.Schemas;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TjanstePlattform.Tooling.Tests;

/// <summary>Shared test material: the official suite's paths, canned answers, and its mock producer on WireMock.</summary>
internal static class ToolingTestData
{
    public const string GmhResponder = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";
    public const string GmhCore = "urn:riv:clinicalprocess:activityprescription:actoutcome:2";

    private static readonly Lazy<IResponseSchemaValidator> OfficialValidator = new(() => ContractSchemas.Create(RivtaOracle.PathOf("schemas")));

    /// <summary>The official schema releases in ../shared/rivta/schemas, compiled once for all tests.</summary>
    public static IResponseSchemaValidator OfficialSchemas => OfficialValidator.Value;

    public static string SuiteFolder => RivtaOracle.PathOf("soapui", "GetMedicationHistory-contract-test-suite", "GetMedicationHistory");

    public static string SuiteProject => Path.Combine(SuiteFolder, "GetMedicationHistory-soapui-project.xml");

    public static string Sample(params string[] parts) => RivtaOracle.PathOf(["samples", .. parts]);

    public static string SampleText(params string[] parts) => File.ReadAllText(Sample(parts));

    public static ReplayExchange Exchange(string body, int status = 200, TimeSpan? elapsed = null)
        => new(status, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body), elapsed ?? TimeSpan.FromMilliseconds(5));

    public static string GmhResponse(string records = "", string resultCode = "OK") => $"""
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="{GmhResponder}" xmlns:urn1="{GmhCore}">
          <soapenv:Header/>
          <soapenv:Body>
            <urn:GetMedicationHistoryResponse>{records}
              <urn:result><urn1:resultCode>{resultCode}</urn1:resultCode><urn1:logId>abc-123</urn1:logId></urn:result>
            </urn:GetMedicationHistoryResponse>
          </soapenv:Body>
        </soapenv:Envelope>
        """;

    public const string Fault = """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
          <soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>VP009 [TJP] Fel vid kontakt med tjänsteproducenten.</faultstring></soap:Fault></soap:Body>
        </soap:Envelope>
        """;

    /// <summary>
    /// The official GetMedicationHistoryMock on WireMock: the canned answer chosen by <c>x-mock-response</c>, as the
    /// SoapUI mock's dispatch script does (answers read from ../shared/rivta/samples, never copied).
    /// </summary>
    public static WireMockServer StartOfficialMock()
    {
        var mock = WireMockServer.Start();
        var answers = new Dictionary<string, string>
        {
            ["Basic Testcase"] = "06_response_Basic_Testcase.xml",
            ["DateBoundaries"] = "04_response_DateBoundaries.xml",
            ["CareUnitHsaId Filter"] = "08_response_CareUnitHsaId_Filter.xml",
            ["Only PatientId"] = "09_response_Only_PatientId.xml",
            ["Empty Response"] = "07_response_Empty_Response.xml",
            ["CareContactId Filter"] = "10_response_CareContactId_Filter.xml",
            ["HTTPHeader Filter"] = "11_response_HTTPHeader_Filter.xml",
            ["Active Medication"] = "12_response_Active_Medication.xml",
            ["INVALID_REQUEST"] = "13_response_INVALID_REQUEST.xml",
        };
        foreach (var (header, file) in answers)
        {
            mock.Given(Request.Create().UsingPost().WithHeader("x-mock-response", header))
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=UTF-8")
                    .WithBody(SampleText("GetMedicationHistory", file)));
        }

        return mock;
    }
}
