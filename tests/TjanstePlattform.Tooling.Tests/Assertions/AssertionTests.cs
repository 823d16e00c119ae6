using TjanstePlattform.Tooling.Assertions;
using static TjanstePlattform.Tooling.Tests.ToolingTestData;

namespace TjanstePlattform.Tooling.Tests.Assertions;

/// <summary>Every assertion type passing and failing on canned answers.</summary>
public class AssertionTests
{
    private static readonly AssertionContext NoSchemas = new();

    private static AssertionOutcome Run(IReplayAssertion assertion, ReplayExchange exchange, AssertionContext? context = null)
        => assertion.Evaluate(exchange, context ?? NoSchemas);

    [Test]
    public void Soap_response_passes_for_an_envelope_and_a_fault()
    {
        Assert.That(Run(new SoapResponseAssertion(), Exchange(GmhResponse())).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Run(new SoapResponseAssertion(), Exchange(Fault, 500)).Status, Is.EqualTo(AssertionStatus.Passed));
    }

    [TestCase("<html><body>Bad gateway</body></html>")]
    [TestCase("not xml at all")]
    [TestCase("")]
    [TestCase("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>")]
    public void Soap_response_fails_for_anything_else(string body)
    {
        var outcome = Run(new SoapResponseAssertion(), Exchange(body, 502));
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(outcome.Message, Does.Contain("HTTP 502"));
    }

    [Test]
    public void Not_soap_fault_uses_soapuis_swapped_type_id_and_names_the_fault()
    {
        var assertion = new NotSoapFaultAssertion();
        Assert.That(assertion.Type, Is.EqualTo("SOAP Fault Assertion"));
        Assert.That(Run(assertion, Exchange(GmhResponse())).Status, Is.EqualTo(AssertionStatus.Passed));
        var outcome = Run(assertion, Exchange(Fault, 500));
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(outcome.Message, Does.Contain("soap:Server").And.Contain("VP009 [TJP]"));
    }

    [Test]
    public void Soap_fault_uses_soapuis_swapped_type_id()
    {
        var assertion = new SoapFaultAssertion();
        Assert.That(assertion.Type, Is.EqualTo("Not SOAP Fault Assertion"));
        Assert.That(Run(assertion, Exchange(Fault, 500)).Status, Is.EqualTo(AssertionStatus.Passed));
        var outcome = Run(assertion, Exchange(GmhResponse()));
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(outcome.Message, Does.Contain("GetMedicationHistoryResponse"));
    }

    [Test]
    public void Contains_finds_a_token_plain_case_insensitive_or_as_a_whole_match_regex()
    {
        var answer = Exchange(GmhResponse());
        Assert.That(Run(new ContainsAssertion("abc-123"), answer).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Run(new ContainsAssertion("ABC-123"), answer).Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(Run(new ContainsAssertion("ABC-123", ignoreCase: true), answer).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Run(new ContainsAssertion("(?s).*resultCode>OK<.*", useRegex: true), answer).Status, Is.EqualTo(AssertionStatus.Passed));

        // As in SoapUI (Java String.matches): the pattern must match the whole answer, and '.' does not cross lines.
        Assert.That(Run(new ContainsAssertion("resultCode>OK<", useRegex: true), answer).Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(Run(new ContainsAssertion(".*resultCode>OK<.*", useRegex: true), answer).Status, Is.EqualTo(AssertionStatus.Failed));
        var failed = Run(new ContainsAssertion("INVALID_REQUEST"), answer);
        Assert.That(failed.Message, Does.Contain("INVALID_REQUEST"));
    }

    [Test]
    public void Not_contains_fails_when_the_token_is_there()
    {
        var answer = Exchange(GmhResponse(resultCode: "ERROR"));
        Assert.That(Run(new NotContainsAssertion("INVALID_REQUEST"), answer).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Run(new NotContainsAssertion("error", ignoreCase: true), answer).Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(Run(new NotContainsAssertion(string.Empty), answer).Status, Is.EqualTo(AssertionStatus.Passed), "an empty token is never contained");
    }

    [Test]
    public void Http_status_codes_valid_and_invalid()
    {
        Assert.That(Run(new HttpStatusAssertion(HttpStatusAssertion.ParseCodes("200, 202")), Exchange(GmhResponse())).Status, Is.EqualTo(AssertionStatus.Passed));
        var failed = Run(new HttpStatusAssertion([200]), Exchange(Fault, 500));
        Assert.That(failed.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(failed.Message, Does.Contain("500"));
        Assert.That(Run(new HttpStatusAssertion([]), Exchange(GmhResponse())).Status, Is.EqualTo(AssertionStatus.Failed), "no codes never passes");

        Assert.That(Run(new InvalidHttpStatusAssertion([500, 502]), Exchange(GmhResponse())).Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(Run(new InvalidHttpStatusAssertion([500, 502]), Exchange(Fault, 500)).Status, Is.EqualTo(AssertionStatus.Failed));
    }

    [Test]
    public void Response_sla_compares_the_measured_time()
    {
        var sla = new ResponseSlaAssertion(TimeSpan.FromMilliseconds(200));
        Assert.That(Run(sla, Exchange(GmhResponse(), elapsed: TimeSpan.FromMilliseconds(200))).Status, Is.EqualTo(AssertionStatus.Passed));
        var failed = Run(sla, Exchange(GmhResponse(), elapsed: TimeSpan.FromMilliseconds(201)));
        Assert.That(failed.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(failed.Message, Does.Contain("201 ms").And.Contain("200 ms"));
    }

    [Test]
    public void Record_count_counts_the_payloads_children_by_name()
    {
        var records = string.Concat(Enumerable.Repeat("<urn:medicationMedicalRecord/>", 3));
        var answer = Exchange(GmhResponse(records));
        Assert.That(Run(new RecordCountAssertion(GmhResponder, "medicationMedicalRecord", 3), answer).Status, Is.EqualTo(AssertionStatus.Passed));
        var failed = Run(new RecordCountAssertion(GmhResponder, "medicationMedicalRecord", 2), answer);
        Assert.That(failed.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(failed.Message, Is.EqualTo("Expected 2 medicationMedicalRecord, got 3."));
        Assert.That(Run(new RecordCountAssertion(GmhCore, "medicationMedicalRecord", 3), answer).Status, Is.EqualTo(AssertionStatus.Failed), "namespaces count");
    }

    [Test]
    public void Unsupported_assertions_are_skipped_by_name_never_passed()
    {
        var groovy = new UnsupportedAssertion("GroovyScriptAssertion", "Assert schematron", "Groovy scripts are not run by replay");
        var outcome = Run(groovy, Exchange(GmhResponse()));
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Skipped));
        Assert.That(groovy.Name, Is.EqualTo("Assert schematron"));
        Assert.That(outcome.Message, Does.Contain("Groovy"));
    }

    [Test]
    public void A_renamed_assertion_keeps_the_verdict_and_type()
    {
        var named = new NamedAssertion("THEN it is OK: XPath Match", new XPathMatchAssertion("//*[local-name()='resultCode']", "ERROR"));
        Assert.That(named.Type, Is.EqualTo(XPathMatchAssertion.TypeId));
        Assert.That(Run(named, Exchange(GmhResponse())).Status, Is.EqualTo(AssertionStatus.Failed));
    }
}
