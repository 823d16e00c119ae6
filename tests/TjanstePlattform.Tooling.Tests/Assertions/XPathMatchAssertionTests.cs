using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Assertions.XPath;
using static TjanstePlattform.Tooling.Tests.ToolingTestData;

namespace TjanstePlattform.Tooling.Tests.Assertions;

public class XPathMatchAssertionTests
{
    private static readonly string Prolog = $"""
        declare namespace soapenv='http://schemas.xmlsoap.org/soap/envelope/';
        declare namespace urn='{GmhResponder}';
        declare namespace urn1='{GmhCore}';

        """;

    private static AssertionOutcome Match(string path, string expected, bool wildcards = false, string? body = null)
        => new XPathMatchAssertion(Prolog + path, expected, wildcards).Evaluate(Exchange(body ?? GmhResponse()), new AssertionContext());

    [Test]
    public void An_equality_expression_is_compared_as_a_boolean()
    {
        Assert.That(Match("""//urn:GetMedicationHistoryResponse[1]/urn:result[1]/urn1:resultCode[1]/text() = "OK" """, "true").Status, Is.EqualTo(AssertionStatus.Passed));
        var failed = Match("""//urn:GetMedicationHistoryResponse[1]/urn:result[1]/urn1:resultCode[1]/text() = "OK" """, "true", body: GmhResponse(resultCode: "ERROR"));
        Assert.That(failed.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(failed.Message, Does.Contain("expected 'true', got 'false'"));
    }

    [Test]
    public void A_node_is_compared_by_its_text()
    {
        Assert.That(Match("//urn:GetMedicationHistoryResponse[1]/urn:result/urn1:resultCode", "OK").Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Match("//urn:GetMedicationHistoryResponse[1]/urn:result/urn1:resultCode", "ERROR").Status, Is.EqualTo(AssertionStatus.Failed));
    }

    [Test]
    public void The_xpath_2_matches_function_and_wildcards_work_as_in_the_official_suite()
    {
        const string path = "//urn:GetMedicationHistoryResponse[1]/urn:result[1]/urn1:logId[matches(., '.*')]";
        Assert.That(Match(path, "*", wildcards: true).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Match("//urn1:logId", "abc-*", wildcards: true).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Match("//urn1:logId", "abc-*", wildcards: false).Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(Match("//urn1:logId[matches(., '^[0-9]+$')]", "*", wildcards: true).Message, Does.StartWith("Missing content"));
    }

    [Test]
    public void A_missing_node_fails_with_missing_content()
    {
        var outcome = Match("//urn1:errorCode", "INVALID_REQUEST");
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(outcome.Message, Does.StartWith("Missing content for XPath '//urn1:errorCode'"));
    }

    [Test]
    public void Counts_and_numbers_render_without_decimals()
    {
        Assert.That(Match("count(//urn1:resultCode)", "1").Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Match("exists(//urn1:logId)", "true").Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Match("empty(//urn1:errorCode)", "true").Status, Is.EqualTo(AssertionStatus.Passed));
    }

    [Test]
    public void Undeclared_prefixes_come_from_the_answers_own_declarations()
    {
        var outcome = new XPathMatchAssertion("//urn1:resultCode", "OK").Evaluate(Exchange(GmhResponse()), new AssertionContext());
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Passed));
    }

    [Test]
    public void An_element_with_children_compares_as_xml_without_indentation()
    {
        var outcome = Match("//urn:result", "<urn:result xmlns:urn=\"" + GmhResponder + "\"> <urn1:resultCode xmlns:urn1=\"" + GmhCore + "\">OK</urn1:resultCode>*", wildcards: true);
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Passed), outcome.Message);
    }

    [Test]
    public void Bad_xpath_and_unknown_functions_fail_with_the_reason()
    {
        Assert.That(Match("//urn1:resultCode[", "OK").Message, Does.StartWith("XPath error"));
        Assert.That(Match("no-such-function(//urn1:resultCode)", "OK").Message, Does.Contain("no-such-function"));
    }

    [Test]
    public void A_non_xml_answer_fails()
    {
        var outcome = new XPathMatchAssertion("//x", "1").Evaluate(Exchange("Service Unavailable", 503), new AssertionContext());
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(outcome.Message, Does.Contain("not XML"));
    }

    [Test]
    public void The_prolog_is_parsed_into_namespaces()
    {
        var query = XPathQuery.Parse(Prolog + "//urn:x");
        Assert.That(query.Expression, Is.EqualTo("//urn:x"));
        Assert.That(query.Namespaces["urn1"], Is.EqualTo(GmhCore));
    }

    [Test]
    public void XPath_2_namespace_wildcards_functions_and_sequences_work_as_in_SoapUI()
    {
        var body = GmhResponse("<urn:medicationMedicalRecord/><urn:medicationMedicalRecord/>");
        static AssertionOutcome Run(string path, string expected, string body) => new XPathMatchAssertion(path, expected).Evaluate(Exchange(body), new AssertionContext());
        Assert.That(Run("count(//*:medicationMedicalRecord)", "2", body).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Run("//*:resultCode", "OK", body).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Run("exists(//*:logId) and matches(//*:logId, '^abc-\\d+$')", "true", body).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Run("string-join(for $c in //*:resultCode return lower-case($c), ',')", "ok", body).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Run("every $r in //*:medicationMedicalRecord satisfies empty($r/*)", "true", body).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Run("count(//*:medicationMedicalRecord)", "3", body).Message, Is.EqualTo("XPath 'count(//*:medicationMedicalRecord)': expected '3', got '2'."));
    }

    [Test]
    public void XQuery_Match_runs_an_XPath_2_expression_with_a_declare_namespace_prolog()
    {
        var assertion = new XPathMatchAssertion(Prolog + "data(//urn:result/urn1:resultCode)", "OK", type: XPathMatchAssertion.XQueryTypeId);
        Assert.That(assertion.Type, Is.EqualTo("XQuery Match"));
        Assert.That(assertion.Evaluate(Exchange(GmhResponse()), new AssertionContext()).Status, Is.EqualTo(AssertionStatus.Passed));
        var constructor = new XPathMatchAssertion("<r>{//*:resultCode}</r>", "<r>OK</r>", type: XPathMatchAssertion.XQueryTypeId);
        Assert.That(constructor.Evaluate(Exchange(GmhResponse()), new AssertionContext()).Message, Does.StartWith("XPath error"), "XQuery constructors are beyond XPath 2.0");
    }
}
