using System.Xml.Linq;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Replay;
using TjanstePlattform.Tooling.Reports;

namespace TjanstePlattform.Tooling.Tests.Reports;

public class JUnitReportTests
{
    private static ReplayCase Case(string suite, string name, string? skip = null) => new() { Name = name, Suite = suite, Source = "/x/" + name, SkipReason = skip };

    private static ReplayReport Report()
    {
        var passedStep = new StepResult
        {
            Name = "call", HttpStatus = 200, Time = TimeSpan.FromMilliseconds(12),
            Assertions =
            [
                new AssertionResult("SOAP Response", SoapResponseAssertion.TypeId, AssertionStatus.Passed, null),
                new AssertionResult("Assert schematron", "GroovyScriptAssertion", AssertionStatus.Skipped, "Groovy scripts are not run by replay"),
            ],
        };
        var failedStep = new StepResult
        {
            Name = "call", HttpStatus = 200, Time = TimeSpan.FromMilliseconds(8),
            Assertions = [new AssertionResult("Ensure OK", XPathMatchAssertion.TypeId, AssertionStatus.Failed, "expected 'true', got 'false' <\u0001>")],
        };
        var noted = Case("P / Suite A", "passes");
        noted.Notes.Add("Groovy step 'x' was not run");
        return new ReplayReport
        {
            StartedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Time = TimeSpan.FromMilliseconds(40),
            Cases =
            [
                new CaseResult { Case = noted, Status = CaseStatus.Passed, Time = passedStep.Time, Steps = [passedStep] },
                new CaseResult { Case = Case("P / Suite A", "fails"), Status = CaseStatus.Failed, Time = failedStep.Time, Steps = [failedStep], Reason = "Ensure OK: expected 'true', got 'false' <\u0001>" },
                new CaseResult { Case = Case("folder", "refused.xml"), Status = CaseStatus.Error, Time = TimeSpan.FromMilliseconds(1), Reason = "Transport error: Connection refused", Steps = [new StepResult { Name = "refused.xml", TransportError = "Transport error: Connection refused" }] },
                new CaseResult { Case = Case("folder", "off", "disabled in the project"), Status = CaseStatus.Skipped, Reason = "disabled in the project" },
            ],
        };
    }

    private static XDocument Write(ReplayReport report)
    {
        using var buffer = new MemoryStream();
        JUnitReport.Write(report, buffer);
        buffer.Position = 0;
        return XDocument.Load(buffer);
    }

    [Test]
    public void Has_the_junit_shape_with_counts_on_both_levels()
    {
        var root = Write(Report()).Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
        Assert.That(((int)root.Attribute("tests")!, (int)root.Attribute("failures")!, (int)root.Attribute("errors")!, (int)root.Attribute("skipped")!), Is.EqualTo((4, 1, 1, 1)));

        var suites = root.Elements("testsuite").ToList();
        Assert.That(suites.Select(s => (string)s.Attribute("name")!), Is.EqualTo(new[] { "P / Suite A", "folder" }));
        Assert.That(((int)suites[0].Attribute("tests")!, (int)suites[0].Attribute("failures")!, (int)suites[0].Attribute("errors")!, (int)suites[0].Attribute("skipped")!), Is.EqualTo((2, 1, 0, 0)));
        Assert.That(((int)suites[1].Attribute("tests")!, (int)suites[1].Attribute("failures")!, (int)suites[1].Attribute("errors")!, (int)suites[1].Attribute("skipped")!), Is.EqualTo((2, 0, 1, 1)));
        Assert.That(suites.SelectMany(s => s.Elements()).Select(e => e.Name.LocalName), Is.All.EqualTo("testcase"));

        var cases = root.Descendants("testcase").ToList();
        Assert.That(cases.Select(c => (string)c.Attribute("name")!), Is.EqualTo(new[] { "passes", "fails", "refused.xml", "off" }));
        Assert.That(cases.Select(c => (string)c.Attribute("classname")!), Is.EqualTo(new[] { "P / Suite A", "P / Suite A", "folder", "folder" }));
        Assert.That((string)cases[0].Attribute("time")!, Is.EqualTo("0.012"));
        Assert.That(cases[0].Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "system-out" }));
        Assert.That(cases[1].Element("failure")!.Attribute("message")!.Value, Does.StartWith("Ensure OK: expected 'true'"));
        Assert.That(cases[2].Element("error")!.Attribute("type")!.Value, Is.EqualTo("TransportError"));
        Assert.That(cases[3].Element("skipped")!.Attribute("message")!.Value, Is.EqualTo("disabled in the project"));
    }

    [Test]
    public void Skipped_assertions_and_notes_are_named_in_system_out()
    {
        var output = Write(Report()).Descendants("testcase").First().Element("system-out")!.Value;
        Assert.That(output, Does.Contain("skipped 'Assert schematron' (GroovyScriptAssertion): Groovy scripts are not run by replay"));
        Assert.That(output, Does.Contain("passed  'SOAP Response' (SOAP Response)"));
        Assert.That(output, Does.Contain("note: Groovy step 'x' was not run"));
    }

    [Test]
    public void Control_characters_from_answers_do_not_break_the_xml()
    {
        var failure = Write(Report()).Descendants("failure").Single();
        Assert.That(failure.Attribute("message")!.Value, Does.EndWith("<?>"));
    }

    [Test]
    public void The_console_table_names_cases_status_time_reason_and_skipped_assertions()
    {
        using var writer = new StringWriter();
        ConsoleTableReport.Write(Report(), writer, ["/x/a.xml: a response envelope"]);
        var text = writer.ToString();
        Assert.That(text, Does.Contain("P / Suite A").And.Contain("passes").And.Contain("PASSED").And.Contain("12 ms"));
        Assert.That(text, Does.Match(@"fails\s+FAILED\s+8 ms\s+Ensure OK: expected 'true'"));
        Assert.That(text, Does.Contain("'Assert schematron' (GroovyScriptAssertion)"));
        Assert.That(text, Does.Contain("Ignored 1 file(s)"));
        Assert.That(text, Does.Contain("4 case(s): 1 passed, 1 failed, 1 error(s), 1 skipped; 1 assertion(s) skipped"));
    }
}
