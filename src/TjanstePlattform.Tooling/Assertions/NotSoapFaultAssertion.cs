namespace TjanstePlattform.Tooling.Assertions;

/// <summary>
/// "Not SOAP Fault": the answer is not a SOAP Fault. SoapUI stores it under the type id
/// <c>SOAP Fault Assertion</c> (its ids of the two fault assertions are swapped relative to their labels).
/// </summary>
public sealed class NotSoapFaultAssertion(string? name = null) : IReplayAssertion
{
    public const string TypeId = "SOAP Fault Assertion";
    public const string Label = "Not SOAP Fault";

    public string Name { get; } = name ?? Label;
    public string Type => TypeId;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
    {
        if (!exchange.IsFault)
        {
            return AssertionOutcome.Pass();
        }

        var (code, text) = exchange.FaultInfo();
        return AssertionOutcome.Fail($"SOAP Fault (HTTP {exchange.Status}) {code}: {text}");
    }
}
