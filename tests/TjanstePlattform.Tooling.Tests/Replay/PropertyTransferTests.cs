using System.Text;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Replay;
using TjanstePlattform.Tooling.Replay.SoapUi;
using WireMock.Matchers;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TjanstePlattform.Tooling.Tests.Replay;

/// <summary>
/// SoapUI Property Transfer steps run when the case reaches them, against a live HTTP target: the booking answer's
/// bookingId reaches the later requests (through a property, or written into the request at a target path), a
/// missing source fails the step by name unless the project says otherwise, disabled transfers do nothing, and a case
/// runs a bounded number of transfers.
/// </summary>
public class PropertyTransferTests
{
    private const string Ns = "urn:tjp:test:BookingResponder:1";
    private WireMockServer _target = null!;

    [SetUp]
    public void Start()
    {
        _target = WireMockServer.Start();
        _target.Given(WireMock.RequestBuilders.Request.Create().UsingPost().WithBody(new WildcardMatcher("*<book*")))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(
                $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><b:BookResponse xmlns:b="{Ns}"><b:bookingId>BOK-42</b:bookingId><b:note/></b:BookResponse></s:Body></s:Envelope>"""));
        _target.Given(WireMock.RequestBuilders.Request.Create().UsingPost().WithBody(new WildcardMatcher("*<get*")))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("<answer>BOK-42</answer>"));
    }

    [TearDown]
    public void Stop() => _target.Stop();

    private static string Project(string steps, string caseProperties = "") => $$"""
        <con:soapui-project name="P" xmlns:con="http://eviware.com/soapui/config">
          <con:interface name="B"><con:settings/><con:operation name="Op" action="{{Ns}}:Op"/></con:interface>
          <con:testSuite name="S">
            <con:testCase name="Book and read">{{steps}}<con:properties>{{caseProperties}}</con:properties></con:testCase>
          </con:testSuite>
        </con:soapui-project>
        """;

    private static string Property(string name, string value) => $"<con:property><con:name>{name}</con:name><con:value>{value}</con:value></con:property>";

    private static string Request(string name, string body, string assertions = "") => $"""
        <con:testStep type="request" name="{name}"><con:config><con:interface>B</con:interface><con:operation>Op</con:operation>
          <con:request name="{name}"><con:request><![CDATA[{body}]]></con:request>{assertions}</con:request></con:config></con:testStep>
        """;

    private static string Transfer(string name, string attributes, string sourcePath, string targetStep, string targetType, string targetPath = "", string sourceStep = "Book", string sourceType = "Response") => $"""
        <con:transfers {attributes}><con:name>{name}</con:name><con:sourceType>{sourceType}</con:sourceType><con:sourceStep>{sourceStep}</con:sourceStep>
          <con:sourcePath>{System.Security.SecurityElement.Escape(sourcePath)}</con:sourcePath><con:targetType>{targetType}</con:targetType><con:targetStep>{targetStep}</con:targetStep>
          <con:targetPath>{System.Security.SecurityElement.Escape(targetPath)}</con:targetPath><con:type>XPATH</con:type><con:targetTransferType>XPATH</con:targetTransferType></con:transfers>
        """;

    private static string TransferStep(string name, params string[] transfers) =>
        $"""<con:testStep type="transfer" name="{name}"><con:config xsi:type="con:PropertyTransfersStep" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{string.Concat(transfers)}</con:config></con:testStep>""";

    private const string Book = "<book who='191212121212'/>";

    private const string DeclaredBookingId = $"declare namespace b='{Ns}';\n//b:BookResponse/b:bookingId";

    private static string Write(string project)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "transfer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "project.xml"), project);
        return Path.Combine(folder, "project.xml");
    }

    private async Task<CaseResult> Run(string project)
    {
        var replayCase = SoapUiProjectReader.Read(Write(project)).Single();
        using var runner = new ReplayRunner(new ReplayOptions { Target = new Uri(_target.Urls[0] + "/booking") });
        return await runner.RunCaseAsync(replayCase);
    }

    private IReadOnlyList<string> Sent() => [.. _target.LogEntries.Select(e => e.RequestMessage!.Body!)];

    [Test]
    public async Task A_value_from_an_answer_reaches_later_requests_and_their_assertions_through_properties()
    {
        var assertion = """<con:assertion type="XPath Match" name="The transferred booking"><con:configuration><path>//answer</path><content>${#TestCase#bookingId}</content></con:configuration></con:assertion>""";
        var project = Project(
            Request("Book", Book)
            + """<con:testStep type="properties" name="Booking"><con:config><con:properties><con:property><con:name>id</con:name><con:value>none</con:value></con:property></con:properties></con:config></con:testStep>"""
            + TransferStep("Take the bookingId",
                Transfer("to the case", "setNullOnMissingSource=\"false\" transferTextContent=\"true\" failOnError=\"true\"", DeclaredBookingId, "#TestCase#", "bookingId"),
                Transfer("to the step", string.Empty, "//*:bookingId", "Booking", "id"))
            + Request("Get", "<get id='${#TestCase#bookingId}' step='${Booking#id}' who='${#Project#who}'/>", assertion),
            Property("bookingId", string.Empty));
        var replayCase = SoapUiProjectReader.Read(Write(project)).Single();
        Assert.That(replayCase.StepsNotRun, Is.Empty);
        Assert.That(replayCase.Notes, Has.One.Contains("${#Project#who}"), "notes on unresolved properties are still made when the project is read");
        Assert.That(replayCase.Notes, Has.None.Contains("bookingId"));
        Assert.That(Encoding.UTF8.GetString(replayCase.Steps[1].Body.Span), Is.EqualTo("<get id='' step='none' who=''/>"), "as read, before any transfer ran");

        using var runner = new ReplayRunner(new ReplayOptions { Target = new Uri(_target.Urls[0] + "/booking") });
        var result = await runner.RunCaseAsync(replayCase);

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Passed), result.Reason);
        Assert.That(Sent()[1], Is.EqualTo("<get id='BOK-42' step='BOK-42' who=''/>"));
        Assert.That(result.Steps.Select(s => s.Name), Is.EqualTo(new[] { "Book", "Take the bookingId", "Get" }));
        Assert.That(result.Steps[1].Assertions.Select(a => (a.Name, a.Type, a.Status)), Is.EqualTo(new[]
        {
            ("to the case", "Property Transfer", AssertionStatus.Passed), ("to the step", "Property Transfer", AssertionStatus.Passed),
        }));
        Assert.That(result.Steps[2].Assertions.Single().Status, Is.EqualTo(AssertionStatus.Passed), "the assertion's ${#TestCase#bookingId} is expanded when the step is sent");

        // A new run starts from the project's values again, not from what the last run transferred.
        _target.ResetLogEntries();
        Assert.That((await runner.RunCaseAsync(replayCase)).Status, Is.EqualTo(CaseStatus.Passed));
        Assert.That(Sent()[1], Is.EqualTo("<get id='BOK-42' step='BOK-42' who=''/>"));
    }

    [Test]
    public async Task A_value_is_written_into_a_later_request_at_the_target_path_and_the_rest_is_still_expanded()
    {
        var project = Project(
            Request("Book", Book)
            + TransferStep("Into the request", Transfer("bookingId", "transferToAll=\"true\"", DeclaredBookingId, "Get", "Request", "//*:id"))
            + Request("Get", "<get xmlns='urn:g'><id>?</id><who>${#TestCase#who}</who><id>?</id></get>"),
            Property("who", "191212121212"));

        var result = await Run(project);

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Passed), result.Reason);
        var expected = System.Xml.Linq.XElement.Parse("<get xmlns='urn:g'><id>BOK-42</id><who>191212121212</who><id>BOK-42</id></get>");
        Assert.That(System.Xml.Linq.XNode.DeepEquals(System.Xml.Linq.XElement.Parse(Sent()[1]), expected), Is.True, Sent()[1]);
    }

    [Test]
    public async Task A_missing_source_fails_the_transfer_step_by_name_and_stops_the_case()
    {
        var project = Project(
            Request("Book", Book)
            + TransferStep("Take the bookingId", Transfer("bookingId", string.Empty, "//*:bookingReference", "#TestCase#", "bookingId"), Transfer("after it", string.Empty, "//*:bookingId", "#TestCase#", "other"))
            + Request("Get", "<get id='${#TestCase#bookingId}'/>"),
            Property("bookingId", "before"));

        var result = await Run(project);

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Failed));
        Assert.That(result.Reason, Is.EqualTo(
            "[Take the bookingId] bookingId: the source path '//*:bookingReference' in the response of 'Book' is missing (setNullOnMissingSource and ignoreEmpty are off)."));
        Assert.That(result.Steps[1].Assertions[1].Status, Is.EqualTo(AssertionStatus.Skipped), "the step's later transfers are not run");
        Assert.That(Sent(), Has.Count.EqualTo(1), "the case stops at the failed step");
    }

    [TestCase("setNullOnMissingSource=\"true\"", "<get id=''/>", AssertionStatus.Passed)]
    [TestCase("ignoreEmpty=\"true\"", "<get id='before'/>", AssertionStatus.Passed)]
    [TestCase("failOnError=\"false\"", "<get id='before'/>", AssertionStatus.Skipped)]
    [TestCase("disabled=\"true\"", "<get id='before'/>", AssertionStatus.Skipped)]
    public async Task The_projects_flags_decide_what_a_missing_source_or_a_disabled_transfer_does(string flags, string sent, AssertionStatus status)
    {
        var project = Project(
            Request("Book", Book)
            + TransferStep("Take the bookingId", Transfer("bookingId", flags, "//*:bookingReference", "#TestCase#", "bookingId"))
            + Request("Get", "<get id='${#TestCase#bookingId}'/>"),
            Property("bookingId", "before"));

        var result = await Run(project);

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Passed), result.Reason);
        Assert.That(Sent()[1], Is.EqualTo(sent));
        Assert.That(result.Steps[1].Assertions.Single().Status, Is.EqualTo(status), result.Steps[1].Assertions.Single().Message);
    }

    [Test]
    public async Task A_disabled_transfer_leaves_its_target_while_the_others_of_the_step_run()
    {
        var project = Project(
            Request("Book", Book)
            + TransferStep("Take the bookingId",
                Transfer("disabled one", "disabled=\"true\"", "//*:bookingId", "#TestCase#", "bookingId"),
                Transfer("enabled one", string.Empty, "//*:bookingId", "#TestCase#", "copy"))
            + Request("Get", "<get id='${#TestCase#bookingId}' copy='${#TestCase#copy}'/>"),
            Property("bookingId", "before"));

        var result = await Run(project);

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Passed), result.Reason);
        Assert.That(Sent()[1], Is.EqualTo("<get id='before' copy='BOK-42'/>"));
        Assert.That(result.Steps[1].Assertions[0].Message, Is.EqualTo("disabled in the project"));
    }

    [TestCase(SoapUiProjectReader.MaxTransfersPerCase, false)]
    [TestCase(SoapUiProjectReader.MaxTransfersPerCase + 1, true)]
    public async Task A_case_runs_a_bounded_number_of_transfers_and_names_the_step_past_the_limit(int count, bool pastTheLimit)
    {
        var transfers = Enumerable.Range(0, count).Select(i => Transfer($"t{i}", string.Empty, "//*:bookingId", "#TestCase#", $"p{i}")).ToArray();
        var project = Project(Request("Book", Book) + TransferStep("Many", transfers) + Request("Get", $"<get id='${{#TestCase#p{count - 1}}}'/>"));
        var replayCase = SoapUiProjectReader.Read(Write(project)).Single();

        using var runner = new ReplayRunner(new ReplayOptions { Target = new Uri(_target.Urls[0] + "/booking") });
        var result = await runner.RunCaseAsync(replayCase);

        if (pastTheLimit)
        {
            Assert.That(replayCase.StepsNotRun, Is.EqualTo(new[]
            {
                $"'Many' (transfer): its {count} transfer(s) would take the case past {SoapUiProjectReader.MaxTransfersPerCase} property transfers, the most replay runs in a case",
            }));
            Assert.That(result.Steps.Select(s => s.Name), Is.EqualTo(new[] { "Book", "Get" }), "not run at all, never half-applied");
            Assert.That(Sent()[1], Is.EqualTo("<get id=''/>"));
        }
        else
        {
            Assert.That(replayCase.StepsNotRun, Is.Empty);
            Assert.That(result.Steps[1].Assertions, Has.Count.EqualTo(count).And.All.Property(nameof(AssertionResult.Status)).EqualTo(AssertionStatus.Passed));
            Assert.That(Sent()[1], Is.EqualTo("<get id='BOK-42'/>"));
        }
    }

    [Test]
    public async Task A_transferred_value_is_sent_as_it_came_and_not_expanded_again()
    {
        _target.Given(WireMock.RequestBuilders.Request.Create().UsingPost().WithBody(new WildcardMatcher("*<book*"))).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("<r><id>${#TestCase#bookingId}${#TestCase#bookingId}</id></r>"));
        var project = Project(
            Request("Book", Book)
            + TransferStep("Take it", Transfer("bookingId", string.Empty, "//id", "#TestCase#", "bookingId"))
            + Request("Get", "<get id='${#TestCase#bookingId}'/>"));

        var result = await Run(project);

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Passed), result.Reason);
        Assert.That(Sent()[1], Is.EqualTo("<get id='${#TestCase#bookingId}${#TestCase#bookingId}'/>"));
    }

    [Test]
    public async Task A_value_longer_than_the_limit_fails_its_transfer_and_is_never_sent()
    {
        const int MaxValueChars = 256 * 1024; // the documented limit (README)
        var huge = new string('x', MaxValueChars + 1);
        _target.Given(WireMock.RequestBuilders.Request.Create().UsingPost().WithBody(new WildcardMatcher("*<book*"))).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($"<r><id>{huge}</id></r>"));
        var project = Project(
            Request("Book", Book)
            + TransferStep("Take it", Transfer("bookingId", string.Empty, "//id", "#TestCase#", "bookingId"))
            + Request("Get", "<get id='${#TestCase#bookingId}'/>"));

        var result = await Run(project);

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Failed));
        Assert.That(result.Steps.SelectMany(s => s.Assertions).Single(a => a.Status == AssertionStatus.Failed).Message,
            Does.Contain($"replay transfers at most {MaxValueChars}"));
        Assert.That(Sent(), Has.Count.EqualTo(1), "the case stops before the request that would carry it");
    }

    [Test]
    public async Task A_transfer_into_a_property_of_the_suite_reaches_the_requests_of_later_cases()
    {
        var project = $$"""
            <con:soapui-project name="P" xmlns:con="http://eviware.com/soapui/config">
              <con:interface name="B"><con:settings/><con:operation name="Op" action="{{Ns}}:Op"/></con:interface>
              <con:testSuite name="S">
                <con:testCase name="Book">{{Request("Book", Book) + TransferStep("Keep it", Transfer("bookingId", string.Empty, "//*:bookingId", "#TestSuite#", "bookingId"))}}</con:testCase>
                <con:testCase name="Read">{{Request("Get", "<get id='${#TestSuite#bookingId}'/>")}}</con:testCase>
              </con:testSuite>
            </con:soapui-project>
            """;
        var cases = SoapUiProjectReader.Read(Write(project));
        using var runner = new ReplayRunner(new ReplayOptions { Target = new Uri(_target.Urls[0] + "/booking") });
        var report = await runner.RunAsync(cases);

        Assert.That(report.Cases.Select(c => c.Status), Is.All.EqualTo(CaseStatus.Passed));
        Assert.That(Sent()[1], Is.EqualTo("<get id='BOK-42'/>"));
    }
}
