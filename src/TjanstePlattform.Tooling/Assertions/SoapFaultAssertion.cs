namespace TjanstePlattform.Tooling.Assertions;

/// <summary>
/// "SOAP Fault": the answer is a SOAP Fault. SoapUI stores it under the type id
/// <c>Not SOAP Fault Assertion</c> (its ids of the two fault assertions are swapped relative to their labels).
/// </summary>
public sealed class SoapFaultAssertion(string? name = null) : IReplayAssertion
{
    public const string TypeId = "Not SOAP Fault Assertion";
    public const string Label = "SOAP Fault";

    public string Name { get; } = name ?? Label;
    public string Type => TypeId;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
    {
        if (exchange.IsFault)
        {
            return AssertionOutcome.Pass();
        }

        return exchange.IsSoapEnvelope
            ? AssertionOutcome.Fail($"Expected a SOAP Fault, got {{{exchange.Envelope.ContractNamespace}}}{exchange.Envelope.PayloadName} (HTTP {exchange.Status}).")
            : AssertionOutcome.Fail($"Expected a SOAP Fault, got a non-SOAP answer (HTTP {exchange.Status}). {Excerpt.Of(exchange.Text)}".TrimEnd());
    }
}
