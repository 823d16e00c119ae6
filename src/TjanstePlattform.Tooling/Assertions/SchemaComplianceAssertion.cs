using TjanstePlattform.Tooling.Assertions.Schemas;

namespace TjanstePlattform.Tooling.Assertions;

/// <summary>
/// SoapUI <c>Schema Compliance</c>: the answer's payload is valid against its contract schema
/// (the platform's contract schemas, or <c>--schemas &lt;dir&gt;</c> such as an official release).
/// A SOAP Fault has no payload to validate and passes, as in SoapUI. When <see cref="Implicit"/> the
/// assertion is the validation replay adds to every answer (unless <c>--no-validate</c>): an answer
/// in a contract no schema knows is then reported as skipped rather than failed.
/// </summary>
public sealed class SchemaComplianceAssertion(string? name = null, bool @implicit = false) : IReplayAssertion
{
    public const string TypeId = "Schema Compliance";
    public const string ImplicitName = "Contract schema";

    public string Name { get; } = name ?? (@implicit ? ImplicitName : TypeId);
    public string Type => TypeId;
    public bool Implicit { get; } = @implicit;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
    {
        if (exchange.IsFault)
        {
            return AssertionOutcome.Pass("SOAP Fault: no payload to validate.");
        }

        if (!exchange.IsSoapEnvelope)
        {
            return Implicit
                ? AssertionOutcome.Skip("The answer is not a SOAP envelope; nothing to validate.")
                : AssertionOutcome.Fail($"The answer is not a SOAP envelope ({exchange.XmlProblem ?? exchange.Envelope.Problem}).");
        }

        if (context.SchemaValidator is null)
        {
            return AssertionOutcome.Skip("No contract schemas are available (give --schemas <dir>).");
        }

        var result = context.SchemaValidator.ValidatePayload(exchange.Text);
        return result.Verdict switch
        {
            SchemaVerdict.Valid => AssertionOutcome.Pass(),
            SchemaVerdict.NoSchema when Implicit => AssertionOutcome.Skip(result.Errors.FirstOrDefault() ?? "No schema for this contract."),
            SchemaVerdict.NoSchema => AssertionOutcome.Fail(result.Errors.FirstOrDefault() ?? "No schema for this contract."),
            _ => AssertionOutcome.Fail($"Not schema-valid: {string.Join(" | ", result.Errors.Take(3))}"),
        };
    }
}
