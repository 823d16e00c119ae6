using System.Text;
using TjanstePlattform.Testing;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Replay;
using TjanstePlattform.Tooling.Replay.SoapUi;
using static TjanstePlattform.Tooling.Tests.ToolingTestData;

namespace TjanstePlattform.Tooling.Tests.Replay;

public class SoapUiProjectReaderTests
{
    private static readonly string[] SuiteCases =
    [
        "Basic Testcase", "Date boundaries", "CareUnitHsaId Filter", "Only PatientId", "NonExisting PatientId",
        "CareContactId Filter", "NonExisting CareContactId", "HTTPHeader Filter", "Active Medication",
        "Verify SourceSystemHSAid and CareContactId", "Verify SourceSystemHSAid and LogicalAddress",
    ];

    private static ReplayCase Case(IReadOnlyList<ReplayCase> cases, string name) => cases.Single(c => c.Name == name);

    private static string Body(ReplayCase replayCase) => Encoding.UTF8.GetString(replayCase.Steps.Single().Body.Span);

    [Test]
    public void Names_every_test_case_of_the_official_suite_in_order()
    {
        var cases = SoapUiProjectReader.Read(SuiteProject);
        Assert.That(cases.Select(c => c.Name), Is.EqualTo(SuiteCases));
        Assert.That(cases.Take(9).Select(c => c.Suite), Is.All.EqualTo("GetMedicationHistory / TestSuite"));
        Assert.That(cases.Skip(9).Select(c => c.Suite), Is.All.EqualTo("GetMedicationHistory / Fault tests"));
        Assert.That(cases, Has.All.Matches<ReplayCase>(c => c!.Steps.Count == 1 && c.SkipReason is null));
    }

    [Test]
    public void Fills_the_request_from_the_data_xml_test_case_the_groovy_data_step_loads()
    {
        var basic = Case(SoapUiProjectReader.Read(SuiteProject), "Basic Testcase");
        var body = Body(basic);
        Assert.That(body, Does.Contain("<urn:LogicalAddress>112233</urn:LogicalAddress>"));
        Assert.That(body, Does.Contain("<urn2:id>7601011212</urn2:id>"));
        Assert.That(body, Does.Contain("<urn2:type>1.2.752.129.2.1.3.1</urn2:type>"));
        Assert.That(body, Does.Not.Contain("${"));

        var step = basic.Steps.Single();
        Assert.That(step.Headers, Does.Contain(KeyValuePair.Create("x-rivta-original-serviceconsumer-hsaid", "112233")));
        Assert.That(step.Headers, Does.Contain(KeyValuePair.Create("x-mock-response", "Basic Testcase")));
        Assert.That(step.Endpoint, Is.EqualTo("http://localhost:8088/mockGetMedicationHistoryResponderBinding"), "globaldata webServiceUrl");
        Assert.That(step.SoapAction, Is.EqualTo(GmhResponder + ":GetMedicationHistory"));
        Assert.That(basic.Notes, Is.Empty);
    }

    [Test]
    public void Each_case_gets_its_own_data_and_the_data_is_taken_when_the_step_runs()
    {
        var cases = SoapUiProjectReader.Read(SuiteProject);
        Assert.That(Body(Case(cases, "CareUnitHsaId Filter")), Does.Contain("<urn1:careUnitHSAId>123465</urn1:careUnitHSAId>").And.Contain(">7601021212<"));
        Assert.That(Body(Case(cases, "Verify SourceSystemHSAid and LogicalAddress")), Does.Contain("<urn:LogicalAddress>987654321</urn:LogicalAddress>"));
        Assert.That(Body(Case(cases, "NonExisting PatientId")), Does.Contain(">1234567890<"));
    }

    [Test]
    public void Resolves_test_suite_properties_in_xpath_assertions()
    {
        var basic = Case(SoapUiProjectReader.Read(SuiteProject), "Basic Testcase");
        var xpaths = basic.Steps.Single().Assertions.OfType<XPathMatchAssertion>().ToList();
        Assert.That(xpaths.Select(x => x.Name), Is.EqualTo(new[] { "Ensure result.logId is returned", "Ensure result.resultCode equals OK" }));
        Assert.That(xpaths[1].Path, Does.Contain($"declare namespace urn='{GmhResponder}';").And.Not.Contain("${"));
        Assert.That(xpaths[1].Expected, Is.EqualTo("true"));
    }

    [Test]
    public void Maps_assertion_types_and_keeps_groovy_scripts_as_skipped_by_name()
    {
        var assertions = Case(SoapUiProjectReader.Read(SuiteProject), "Basic Testcase").Steps.Single().Assertions;
        Assert.That(assertions.Select(a => a.GetType().Name), Is.EqualTo(new[]
        {
            nameof(SoapResponseAssertion), nameof(SchemaComplianceAssertion), nameof(NotSoapFaultAssertion), nameof(ResponseSlaAssertion),
            nameof(UnsupportedAssertion), nameof(UnsupportedAssertion), nameof(XPathMatchAssertion), nameof(XPathMatchAssertion), nameof(UnsupportedAssertion),
        }));
        Assert.That(assertions.OfType<UnsupportedAssertion>().Select(a => (a.Name, a.Type)), Is.EqualTo(new[]
        {
            ("Assert schematron", "GroovyScriptAssertion"),
            ("Assert document id's", "GroovyScriptAssertion"),
            ("Ensure correct PatientId is returned", "GroovyScriptAssertion"),
        }));
        Assert.That(assertions.OfType<ResponseSlaAssertion>().Single().Limit, Is.EqualTo(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public void Attaches_the_assertions_of_assertion_test_steps_to_the_request_they_point_at()
    {
        var careContact = Case(SoapUiProjectReader.Read(SuiteProject), "CareContactId Filter");
        var names = careContact.Steps.Single().Assertions.Select(a => a.Name).ToList();
        Assert.That(names, Does.Contain("AND ensure a result.logId is returned: XPath Match"));
        Assert.That(names, Does.Contain("THEN ensure all schematron rules passes: Script Assertion"));
        Assert.That(careContact.Steps.Single().Assertions.Single(a => a.Name == "AND ensure result.resultCode is OK: XPath Match").Type, Is.EqualTo(XPathMatchAssertion.TypeId));
    }

    [Test]
    public void A_property_on_the_command_line_overrides_data_xml()
    {
        var cases = SoapUiProjectReader.Read(SuiteProject, new SoapUiReadOptions
        {
            Properties = new Dictionary<string, string> { ["patientId"] = "191212121212", ["webServiceUrl"] = "http://127.0.0.1:1/x" },
        });
        var basic = Case(cases, "Basic Testcase");
        Assert.That(Body(basic), Does.Contain("<urn2:id>191212121212</urn2:id>").And.Not.Contain("7601011212"));
        Assert.That(basic.Steps.Single().Endpoint, Is.EqualTo("http://127.0.0.1:1/x"));
    }

    [Test]
    public void Another_data_file_replaces_the_one_next_to_the_project()
    {
        var data = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"data-{Guid.NewGuid():N}.xml");
        File.WriteAllText(data, """
            <testsuite><globaldata><webServiceUrl>http://127.0.0.1:2/gmh</webServiceUrl></globaldata>
              <testcase id="Basic Testcase"><data><logicalAddress>SE-JOURNAL</logicalAddress><patientId>191212121212</patientId>
                <patientIdType>1.2.752.129.2.1.3.1</patientIdType><httpHeaderHsaId>CONSUMER-1</httpHeaderHsaId></data></testcase>
            </testsuite>
            """);
        try
        {
            var basic = Case(SoapUiProjectReader.Read(SuiteProject, new SoapUiReadOptions { DataFile = data }), "Basic Testcase");
            Assert.That(Body(basic), Does.Contain(">SE-JOURNAL<").And.Contain(">191212121212<"));
            Assert.That(basic.Steps.Single().Headers, Does.Contain(KeyValuePair.Create("x-rivta-original-serviceconsumer-hsaid", "CONSUMER-1")));
        }
        finally
        {
            File.Delete(data);
        }
    }

    [Test]
    public void Unresolved_properties_are_named_in_the_notes_with_a_case_hint()
    {
        var nonExisting = Case(SoapUiProjectReader.Read(SuiteProject), "NonExisting CareContactId");
        Assert.That(nonExisting.Notes, Has.One.Contains("${sourceSystemHSAId}").And.Contains("the data has 'sourceSystemHSAid'"));
        Assert.That(Body(nonExisting), Does.Contain("<urn1:sourceSystemHSAId></urn1:sourceSystemHSAId>"), "SoapUI expands an unknown property to empty text");
    }

    [Test]
    public void A_project_without_test_cases_replays_its_interface_requests()
    {
        var cases = SoapUiProjectReader.Read(RivtaOracle.PathOf("soapui", "medicalsupply-v0.6-RIVTABP21-soapui-project.xml"));
        Assert.That(cases.Select(c => c.Name), Is.EqualTo(new[]
        {
            "GetMedicalSupplyDeliveryPoints / Request 1", "GetMedicalSupplyPrescriptions / Request 1", "RegisterMedicalSupplyOrder / Request 1",
        }));
        Assert.That(cases[1].Steps.Single().SoapAction, Is.EqualTo("urn:riv:crm:selfservice:medicalsupply:GetMedicalSupplyPrescriptionsResponder:0:GetMedicalSupplyPrescriptions"));
        Assert.That(cases[1].Steps.Single().Endpoint, Is.EqualTo("https://rtjptest.vgregion.se/vp/crm/selfservice/medicalsupply/GetMedicalSupplyPrescriptions/0/rivtabp21"));
        Assert.That(cases.SelectMany(c => c.Steps.Single().Assertions).Select(a => a.Type).Distinct(), Is.EquivalentTo(new[] { SoapResponseAssertion.TypeId, NotSoapFaultAssertion.TypeId }));
    }

    [Test]
    public void A_folder_scan_reads_test_projects_and_passes_over_mock_projects()
    {
        var loaded = ReplayInputs.Load([RivtaOracle.PathOf("soapui", "GetMedicationHistory-contract-test-suite")]);
        Assert.That(loaded.Cases.Select(c => c.Suite).Distinct(), Is.EqualTo(new[]
        {
            "GetMedicationHistory / TestSuite", "GetMedicationHistory / Fault tests", "GetVaccinationHistory / TestSuite", "GetVaccinationHistory / Fault tests",
        }));
        Assert.That(loaded.Cases, Has.Count.EqualTo(11 + 9));
        Assert.That(loaded.Ignored.Where(i => i.Contains("without test cases")).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "GetMedicationHistoryMock-soapui-project.xml: a SoapUI project without test cases (name the file itself to replay its interface requests)",
            "GetVaccinationHistoryMock-soapui-project.xml: a SoapUI project without test cases (name the file itself to replay its interface requests)",
        }));
    }

    [Test]
    public void Reads_scoped_properties_properties_steps_disabled_items_and_unknown_steps()
    {
        var path = WriteProject("""
            <con:soapui-project name="P" xmlns:con="http://eviware.com/soapui/config">
              <con:interface name="B"><con:operation name="Op" action="urn:x:Op"/></con:interface>
              <con:testSuite name="S">
                <con:testCase name="C">
                  <con:testStep type="properties" name="Props"><con:config><con:properties><con:property><con:name>who</con:name><con:value>${#Project#receiver}</con:value></con:property></con:properties></con:config></con:testStep>
                  <con:testStep type="calltestcase" name="Run another"><con:config/></con:testStep>
                  <con:testStep type="request" name="R"><con:config><con:interface>B</con:interface><con:operation>Op</con:operation>
                    <con:request name="R"><con:endpoint>${#TestCase#url}</con:endpoint>
                      <con:request><![CDATA[<e a="${#TestSuite#s}" b="${Props#who}" c="${#Env#TJP_TOOLING_TEST_ENV}" d="${=1+1}"/>]]></con:request>
                      <con:assertion type="Simple Contains" name="Has token" disabled="true"><con:configuration><token>x</token></con:configuration></con:assertion>
                      <con:assertion type="JsonPath Match" name="A JSONPath"/>
                    </con:request></con:config></con:testStep>
                  <con:properties><con:property><con:name>url</con:name><con:value>http://127.0.0.1:3/c</con:value></con:property></con:properties>
                </con:testCase>
                <con:testCase name="Off" disabled="true"/>
                <con:properties><con:property><con:name>s</con:name><con:value>suite-value</con:value></con:property></con:properties>
              </con:testSuite>
              <con:properties><con:property><con:name>receiver</con:name><con:value>SE-1</con:value></con:property></con:properties>
            </con:soapui-project>
            """);
        Environment.SetEnvironmentVariable("TJP_TOOLING_TEST_ENV", "env-value");
        try
        {
            var cases = SoapUiProjectReader.Read(path);
            var step = cases[0].Steps.Single();
            Assert.That(Encoding.UTF8.GetString(step.Body.Span), Is.EqualTo("""<e a="suite-value" b="SE-1" c="env-value" d=""/>"""));
            Assert.That(step.Endpoint, Is.EqualTo("http://127.0.0.1:3/c"));
            Assert.That(step.SoapAction, Is.EqualTo("urn:x:Op"));
            Assert.That(step.Assertions.Select(a => (a.Name, a.GetType().Name)), Is.EqualTo(new[]
            {
                ("Has token", nameof(UnsupportedAssertion)), ("A JSONPath", nameof(UnsupportedAssertion)),
            }));
            Assert.That(((UnsupportedAssertion)step.Assertions[0]).Reason, Is.EqualTo("disabled in the project"));
            Assert.That(cases[0].StepsNotRun, Is.EqualTo(new[] { "'Run another' (calltestcase): running another test case is not supported" }));
            Assert.That(cases[0].Notes, Has.One.Contains("${=1+1}"));
            Assert.That(cases[1].SkipReason, Is.EqualTo("disabled in the project"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TJP_TOOLING_TEST_ENV", null);
            File.Delete(path);
        }
    }

    [Test]
    public void A_file_that_is_not_a_soapui_project_is_refused()
    {
        var path = WriteProject("<project/>");
        try
        {
            Assert.That(() => SoapUiProjectReader.Read(path), Throws.InstanceOf<InvalidDataException>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_project_with_a_DTD_is_refused()
    {
        var path = WriteProject("""<!DOCTYPE x [<!ENTITY e "boom">]><con:soapui-project xmlns:con="http://eviware.com/soapui/config">&e;</con:soapui-project>""");
        try
        {
            Assert.That(() => SoapUiProjectReader.Read(path), Throws.InstanceOf<System.Xml.XmlException>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string WriteProject(string xml)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"project-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, xml);
        return path;
    }
}
