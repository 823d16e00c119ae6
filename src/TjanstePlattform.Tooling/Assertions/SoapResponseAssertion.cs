namespace TjanstePlattform.Tooling.Assertions;

/// <summary>SoapUI <c>SOAP Response</c>: the answer is a SOAP 1.1 envelope with a Body child (a fault counts).</summary>
public sealed class SoapResponseAssertion(string? name = null) : IReplayAssertion
{
    public const string TypeId = "SOAP Response";

    public string Name { get; } = name ?? TypeId;
    public string Type => TypeId;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
    {
        if (exchange.IsSoapEnvelope)
        {
            return AssertionOutcome.Pass();
        }

        var problem = exchange.XmlProblem ?? exchange.Envelope.Problem ?? "not a SOAP 1.1 envelope";
        return AssertionOutcome.Fail($"HTTP {exchange.Status}: the answer is not a SOAP response ({problem}). {Excerpt.Of(exchange.Text)}".TrimEnd());
    }
}
