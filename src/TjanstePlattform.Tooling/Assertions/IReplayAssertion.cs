using TjanstePlattform.Tooling.Assertions.Schemas;

namespace TjanstePlattform.Tooling.Assertions;

/// <summary>The verdict of one assertion.</summary>
public enum AssertionStatus
{
    Passed,
    Failed,

    /// <summary>Not evaluated (unknown type such as a Groovy script, or disabled). Never counted as passed.</summary>
    Skipped,
}

/// <summary>An assertion's verdict with a message that says what was expected and what came back.</summary>
public readonly record struct AssertionOutcome(AssertionStatus Status, string? Message)
{
    public static AssertionOutcome Pass(string? message = null) => new(AssertionStatus.Passed, message);
    public static AssertionOutcome Fail(string message) => new(AssertionStatus.Failed, message);
    public static AssertionOutcome Skip(string reason) => new(AssertionStatus.Skipped, reason);
}

/// <summary>
/// A check on one answer. Types follow SoapUI's assertion ids (<see cref="Type"/>) so that a report reads
/// like the project the tester knows; <see cref="Name"/> is the name the project gave it.
/// </summary>
public interface IReplayAssertion
{
    /// <summary>The name in the project, e.g. <c>Ensure result.resultCode equals OK</c>.</summary>
    string Name { get; }

    /// <summary>The SoapUI assertion type id, e.g. <c>XPath Match</c>.</summary>
    string Type { get; }

    AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context);
}

/// <summary>What assertions may use besides the answer itself.</summary>
public sealed class AssertionContext
{
    /// <summary>Validates payloads against contract schemas; null when none are available.</summary>
    public IResponseSchemaValidator? SchemaValidator { get; init; }
}
