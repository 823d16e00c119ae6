using System.Text;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Assertions.Schemas;
using TjanstePlattform.Tooling.Replay;
using TjanstePlattform.Tooling.Replay.SoapUi;
using TjanstePlattform.Tooling.Reports;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TjanstePlattform.Tooling.Tests.Replay;

/// <summary>
/// What a tester's own SoapUI project needs beyond the official suite: Groovy property steps emulated, data keyed by the
/// test case's name, the project's definitionCache schemas, a step's own headers, steps that cannot run counted.
/// </summary>
public class SoapUiFeatureTests
{
    private const string EchoNs = "urn:tjp:test:EchoResponder:1";
    private WireMockServer _target = null!;

    [SetUp]
    public void Start() => _target = WireMockServer.Start();

    [TearDown]
    public void Stop() => _target.Stop();

    private static string Project(string steps, string cache = "") => $$"""
        <con:soapui-project name="P" xmlns:con="http://eviware.com/soapui/config">
          <con:interface name="EchoBinding"><con:settings/>{{cache}}<con:operation name="Echo" action="{{EchoNs}}:Echo"/></con:interface>
          <con:testSuite name="S">
            <con:testCase name="Echo of Tolvan">{{steps}}</con:testCase>
            <con:testCase name="Second"><con:testStep type="request" name="R2"><con:config><con:interface>EchoBinding</con:interface><con:operation>Echo</con:operation>
              <con:request name="R2"><con:request><![CDATA[<e v="${#TestSuite#fromGroovy}"/>]]></con:request></con:request></con:config></con:testStep></con:testCase>
          </con:testSuite>
        </con:soapui-project>
        """;

    private static string Request(string body, string headers = "", string assertions = "") => $"""
        <con:testStep type="request" name="R"><con:config><con:interface>EchoBinding</con:interface><con:operation>Echo</con:operation>
          <con:request name="R"><con:settings>{headers}</con:settings><con:request><![CDATA[{body}]]></con:request>{assertions}</con:request></con:config></con:testStep>
        """;

    private static string Groovy(string name, string script) =>
        $"""<con:testStep type="groovy" name="{name}"><con:config><script>{System.Security.SecurityElement.Escape(script)}</script></con:config></con:testStep>""";

    private static string Write(string project, string? data = null)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "soapui-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "project.xml"), project);
        if (data is not null)
        {
            File.WriteAllText(Path.Combine(folder, "data.xml"), data);
        }

        return Path.Combine(folder, "project.xml");
    }

    private static string Body(ReplayCase replayCase) => Encoding.UTF8.GetString(replayCase.Steps.Single().Body.Span);

    [TestCase("source.load(testRunner.testCase.getName())")]
    [TestCase("source.load(testRunner.testCase.name)")]
    [TestCase("source.load( context.testCase.name );")]
    public void The_data_step_keyed_by_the_test_case_name_fills_the_request(string load)
    {
        var script = $"""
            import se.skl.rivta.testsupport.soapui.datasource.XmlDataReader
            import com.eviware.soapui.support.GroovyUtils
            /* the row of this case */
            def utils = new GroovyUtils(context)
            def dataFile = new File(utils.projectPath + "/data.xml")
            def source = new XmlDataReader(context, dataFile) // reader
            {load}
            """;
        var path = Write(Project(Groovy("Read data", script) + Request("<e p='${patientId}' a='${logicalAddress}'/>")), """
            <testsuite><globaldata><logicalAddress>SE-GLOBAL</logicalAddress></globaldata>
              <testcase id="Echo of Tolvan"><data><patientId>191212121212</patientId></data></testcase></testsuite>
            """);
        var replayCase = SoapUiProjectReader.Read(path)[0];
        Assert.That(Body(replayCase), Is.EqualTo("<e p='191212121212' a='SE-GLOBAL'/>"));
        Assert.That(replayCase.StepsNotRun, Is.Empty);
        Assert.That(replayCase.Notes, Is.Empty);
    }

    [Test]
    public void Property_setting_statements_are_applied_in_their_scopes_and_suite_values_last_into_later_cases()
    {
        var script = """
            testRunner.testCase.setPropertyValue("receiver", "SE-CASE")
            testRunner.testCase.testSuite.setPropertyValue('fromGroovy', 'suite-value');
            testRunner.testCase.testSuite.project.setPropertyValue("projectValue", context.expand('${#TestCase#receiver}-p'))
            context.setProperty("contextValue", "ctx")
            log.info "done"
            """;
        var cases = SoapUiProjectReader.Read(Write(Project(Groovy("Set", script) + Request("<e r='${#TestCase#receiver}' p='${#Project#projectValue}' c='${contextValue}'/>"))));
        Assert.That(Body(cases[0]), Is.EqualTo("<e r='SE-CASE' p='SE-CASE-p' c='ctx'/>"));
        Assert.That(Body(cases[1]), Is.EqualTo("<e v=\"suite-value\"/>"), "a suite property set by a step lasts for the later cases");
        Assert.That(cases[0].StepsNotRun, Is.Empty);
    }

    [Test]
    public void A_script_with_any_other_statement_is_not_run_at_all_and_named()
    {
        var script = """
            testRunner.testCase.setPropertyValue("receiver", "SE-CASE")
            def now = new Date()
            """;
        var cases = SoapUiProjectReader.Read(Write(Project(Groovy("Mixed", script) + Request("<e r='${#TestCase#receiver}'/>")
            + """<con:testStep type="jdbc" name="Query"><con:config/></con:testStep>""")));
        Assert.That(Body(cases[0]), Is.EqualTo("<e r=''/>"), "not half-applied");
        Assert.That(cases[0].StepsNotRun, Is.EqualTo(new[]
        {
            "'Mixed' (groovy): the statement 'def now = new Date()' needs a Groovy engine",
            "'Query' (jdbc): JDBC steps query a database replay has no access to",
        }));
    }

    [Test]
    public async Task Steps_not_run_are_counted_in_the_summary_and_listed_by_name()
    {
        _target.Given(WireMock.RequestBuilders.Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("<ok/>"));
        var cases = SoapUiProjectReader.Read(Write(Project(Groovy("Compute", "def x = 1 + 1") + Request("<e/>"))));
        using var runner = new ReplayRunner(new ReplayOptions { Target = new Uri(_target.Urls[0] + "/echo") });
        var report = await runner.RunAsync(cases);
        using var text = new StringWriter();
        ConsoleTableReport.Write(report, text);
        Assert.That(report.StepsNotRun, Is.EqualTo(1));
        Assert.That(text.ToString(), Does.Contain("1 step(s) not run").And.Contain("'Compute' (groovy): the statement 'def x = 1 + 1' needs a Groovy engine"));
    }

    [Test]
    public async Task A_steps_own_headers_win_over_sender_and_header_defaults()
    {
        _target.Given(WireMock.RequestBuilders.Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("<ok/>"));
        var headers = """<con:setting id="com.eviware.soapui.impl.wsdl.WsdlRequest@request-headers">&lt;xml-fragment xmlns:con="http://eviware.com/soapui/config"&gt;&lt;con:entry key="x-vp-sender-id" value="STEP-SENDER"/&gt;&lt;con:entry key="x-extra" value="step"/&gt;&lt;/xml-fragment&gt;</con:setting>""";
        var cases = SoapUiProjectReader.Read(Write(Project(Request("<e/>", headers))));
        var options = new ReplayOptions { Target = new Uri(_target.Urls[0] + "/echo"), Sender = "CLI-SENDER" };
        options.Headers.Add(KeyValuePair.Create("x-extra", "cli"));
        options.Headers.Add(KeyValuePair.Create("x-only-cli", "cli"));
        using var runner = new ReplayRunner(options);
        await runner.RunAsync(cases);

        var first = _target.LogEntries.First().RequestMessage!.Headers!;
        Assert.That(first["x-vp-sender-id"].Single(), Is.EqualTo("STEP-SENDER"));
        Assert.That(first["x-extra"].Single(), Is.EqualTo("step"));
        Assert.That(first["x-only-cli"].Single(), Is.EqualTo("cli"), "defaults still apply where the step says nothing");
        var second = _target.LogEntries.Last().RequestMessage!.Headers!;
        Assert.That(second["x-vp-sender-id"].Single(), Is.EqualTo("CLI-SENDER"), "a step without the header gets --sender");
    }

    private const string EchoSchema = $"""
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{EchoNs}" elementFormDefault="qualified">
          <xs:element name="EchoResponse"><xs:complexType><xs:sequence><xs:element name="value" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
        </xs:schema>
        """;

    private static string Cache => $"""
        <con:definitionCache type="TEXT" rootPart="file:/x/schemas/interactions/Echo/Echo.wsdl">
          <con:part><con:url>file:/x/schemas/interactions/Echo/Echo.wsdl</con:url><con:content><![CDATA[<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"/>]]></con:content><con:type>http://schemas.xmlsoap.org/wsdl/</con:type></con:part>
          <con:part><con:url>file:/x/schemas/interactions/Echo/EchoResponder_1.0.xsd</con:url><con:content><![CDATA[{EchoSchema}]]></con:content><con:type>http://www.w3.org/2001/XMLSchema</con:type></con:part>
        </con:definitionCache>
        """;

    private static string Answer(string value) =>
        $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><EchoResponse xmlns="{EchoNs}"><value>{value}</value></EchoResponse></s:Body></s:Envelope>""";

    [TestCase("42", AssertionStatus.Passed)]
    [TestCase("not a number", AssertionStatus.Failed)]
    public async Task Schema_compliance_uses_the_schemas_of_the_projects_definition_cache(string value, AssertionStatus expected)
    {
        _target.Given(WireMock.RequestBuilders.Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody(Answer(value)));
        var schema = """<con:assertion type="Schema Compliance" name="Schema Compliance"><con:configuration><definition/></con:configuration></con:assertion>""";
        var withCache = SoapUiProjectReader.Read(Write(Project(Request("<e/>", assertions: schema), Cache)))[0];
        var without = SoapUiProjectReader.Read(Write(Project(Request("<e/>", assertions: schema))))[0];
        Assert.That(withCache.ProjectSchemas, Is.Not.Null);
        Assert.That(without.ProjectSchemas, Is.Null);

        // The platform's own schemas do not know the contract: the project's cache answers.
        using var runner = new ReplayRunner(new ReplayOptions { Target = new Uri(_target.Urls[0] + "/echo") }, ContractSchemas.Create());
        var cached = (await runner.RunCaseAsync(withCache)).Steps.Single().Assertions.Single();
        Assert.That(cached.Status, Is.EqualTo(expected), cached.Message);

        var bare = (await runner.RunCaseAsync(without)).Steps.Single().Assertions.Single();
        Assert.That(bare.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(bare.Message, Does.Contain($"No contract schema declares {{{EchoNs}}}EchoResponse"));
    }

    [Test]
    public void Cached_part_urls_cannot_write_outside_the_cache_folder()
    {
        var hostile = Cache.Replace("file:/x/schemas/interactions/Echo/EchoResponder_1.0.xsd", "file:/../../../../tmp/evil/../../EchoResponder_1.0.xsd", StringComparison.Ordinal);
        var root = Path.Combine(TestContext.CurrentContext.WorkDirectory, "cache-" + Guid.NewGuid().ToString("N"));
        var project = System.Xml.Linq.XElement.Parse(Project(Request("<e/>"), hostile));
        Assert.That(DefinitionCacheSchemas.Load(project, root), Is.Not.Null);
        var written = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList();
        Assert.That(written, Has.Count.EqualTo(1));
        Assert.That(written, Has.All.StartWith(root + Path.DirectorySeparatorChar));
    }

    [Test]
    public void Expected_lines_become_assertions()
    {
        static IEnumerable<string> Names(string line) => ExpectedLine.Assertions(line).Select(a => a.Name);
        Assert.That(Names("SOAP fault VP004 (soap:Client, HTTP 500), detail names the contract."),
            Is.EqualTo(new[] { "Expected: a SOAP answer", "Expected: HTTP 500", "Expected: SOAP fault", "Expected: fault VP004" }));
        Assert.That(Names("HTTP 500 SOAP fault, faultstring \"EI003: Invalid routing."),
            Is.EqualTo(new[] { "Expected: a SOAP answer", "Expected: HTTP 500", "Expected: SOAP fault", "Expected: fault EI003" }));
        Assert.That(Names("HTTP 200, no records, result resultCode ERROR with errorCode INVALID_REQUEST."),
            Is.EqualTo(new[] { "Expected: a SOAP answer", "Expected: HTTP 200", "Expected: not a SOAP fault", "Expected: resultCode ERROR", "Expected: errorCode INVALID_REQUEST" }));

        var sample = "<?xml version=\"1.0\"?>\n<!--\nEndpoint: /platform/engagementindex/Update/1/rivtabp21 (directly)\nExpected through /vp: HTTP 500, soap:Client fault VP004.\n-->\n<s:Envelope/>";
        Assert.That(ExpectedLine.Parse(sample)!.Select(a => a.Name), Does.Contain("Expected: fault VP004"));
        Assert.That(ExpectedLine.EndpointPath(sample), Is.EqualTo("/platform/engagementindex/Update/1/rivtabp21"));
        Assert.That(ExpectedLine.Parse("<s:Envelope/>"), Is.Null, "no line: the default checks");
    }

    [Test]
    public void An_expected_fault_code_fails_on_another_fault()
    {
        var fault = """<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>VP007 [TJP] Nej</faultstring></s:Fault></s:Body></s:Envelope>""";
        var exchange = ToolingTestData.Exchange(fault, 500);
        var outcomes = ExpectedLine.Assertions("SOAP fault VP004 (soap:Client, HTTP 500)").Select(a => (a.Name, a.Evaluate(exchange, new AssertionContext()))).ToList();
        Assert.That(outcomes.Where(o => o.Item2.Status == AssertionStatus.Failed).Select(o => o.Item2.Message), Is.EqualTo(new[]
        {
            "XPath 'substring(normalize-space(string(/*:Envelope/*:Body/*:Fault/faultstring)), 1, 5)': expected 'VP004', got 'VP007'.",
        }));
    }
}
