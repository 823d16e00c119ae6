using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Assertions.Schemas;
using static TjanstePlattform.Tooling.Tests.ToolingTestData;

namespace TjanstePlattform.Tooling.Tests.Assertions;

/// <summary>Schema compliance against the official releases (../shared/rivta/schemas) as a --schemas folder.</summary>
public class SchemaComplianceAssertionTests
{
    private static AssertionContext Official => new() { SchemaValidator = OfficialSchemas };

    [Test]
    public void An_official_valid_answer_passes()
    {
        var answer = Exchange(SampleText("GetMedicationHistory", "13_response_INVALID_REQUEST.xml"));
        var outcome = new SchemaComplianceAssertion().Evaluate(answer, Official);
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Passed), outcome.Message);
    }

    [Test]
    public void An_answer_with_soapui_placeholders_fails_with_line_and_reason()
    {
        var answer = Exchange(SampleText("GetMedicationHistory", "02_response_Response_1.xml"));
        var outcome = new SchemaComplianceAssertion().Evaluate(answer, Official);
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(outcome.Message, Does.StartWith("Not schema-valid").And.Contain("Line "));
    }

    [Test]
    public void An_unknown_element_where_the_schema_has_none_fails()
    {
        var answer = Exchange(GmhResponse("<urn:surprise>1</urn:surprise>"));
        Assert.That(new SchemaComplianceAssertion().Evaluate(answer, Official).Status, Is.EqualTo(AssertionStatus.Failed));
    }

    [Test]
    public void A_fault_passes_as_in_soapui()
    {
        Assert.That(new SchemaComplianceAssertion().Evaluate(Exchange(Fault, 500), Official).Status, Is.EqualTo(AssertionStatus.Passed));
    }

    [Test]
    public void A_contract_no_schema_knows_fails_explicitly_but_is_skipped_implicitly()
    {
        var stale = Exchange(SampleText("GetMedicationHistory", "05_response_Full_Response_-_Not_schematron_valid.xml"));
        Assert.That(new SchemaComplianceAssertion().Evaluate(stale, Official).Status, Is.EqualTo(AssertionStatus.Failed));
        var implicitOutcome = new SchemaComplianceAssertion(@implicit: true).Evaluate(stale, Official);
        Assert.That(implicitOutcome.Status, Is.EqualTo(AssertionStatus.Skipped));
        Assert.That(implicitOutcome.Message, Does.Contain("urn:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:1"));
    }

    [Test]
    public void Without_schemas_the_assertion_is_skipped_not_passed()
    {
        Assert.That(new SchemaComplianceAssertion().Evaluate(Exchange(GmhResponse()), new AssertionContext()).Status, Is.EqualTo(AssertionStatus.Skipped));
    }

    [Test]
    public void A_non_soap_answer_fails()
    {
        Assert.That(new SchemaComplianceAssertion().Evaluate(Exchange("<html/>", 502), Official).Status, Is.EqualTo(AssertionStatus.Failed));
    }

    [Test]
    public void A_missing_schema_folder_is_refused()
    {
        Assert.That(() => ContractSchemas.Create("/no/such/folder/tjp"), Throws.InstanceOf<DirectoryNotFoundException>());
    }
}
