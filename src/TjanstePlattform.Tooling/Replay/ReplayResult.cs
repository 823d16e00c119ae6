using TjanstePlattform.Tooling.Assertions;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>The outcome of a case.</summary>
public enum CaseStatus
{
    Passed,
    Failed,

    /// <summary>No answer (transport error: refused, timeout, TLS) or an unreadable input.</summary>
    Error,

    /// <summary>Not run: disabled in the project or nothing to send.</summary>
    Skipped,
}

/// <summary>One assertion's verdict. Skipped assertions are named so that nothing passes silently.</summary>
public sealed record AssertionResult(string Name, string Type, AssertionStatus Status, string? Message)
{
    public override string ToString() => Message is null ? $"{Name}: {Status}" : $"{Name}: {Message}";
}

/// <summary>One request step's answer and verdicts.</summary>
public sealed class StepResult
{
    public required string Name { get; init; }
    public Uri? Address { get; init; }
    public int? HttpStatus { get; init; }
    public TimeSpan Time { get; init; }
    public string? TransportError { get; init; }
    public IReadOnlyList<AssertionResult> Assertions { get; init; } = [];
}

/// <summary>A case's verdict: status, time (sum of its steps), the first failure's reason.</summary>
public sealed class CaseResult
{
    public required ReplayCase Case { get; init; }
    public required CaseStatus Status { get; init; }
    public TimeSpan Time { get; init; }

    /// <summary>Why the case did not pass (first failing assertion or transport error), or why it was skipped.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    /// <summary>Assertions that were not evaluated (unsupported type, disabled), by name.</summary>
    public IEnumerable<AssertionResult> SkippedAssertions => Steps.SelectMany(s => s.Assertions).Where(a => a.Status == AssertionStatus.Skipped);
}

/// <summary>The whole run.</summary>
public sealed class ReplayReport
{
    public required IReadOnlyList<CaseResult> Cases { get; init; }
    public TimeSpan Time { get; init; }
    public DateTimeOffset StartedAt { get; init; }

    public int Passed => Cases.Count(c => c.Status == CaseStatus.Passed);
    public int Failed => Cases.Count(c => c.Status == CaseStatus.Failed);
    public int Errors => Cases.Count(c => c.Status == CaseStatus.Error);
    public int Skipped => Cases.Count(c => c.Status == CaseStatus.Skipped);

    /// <summary>Project steps that could not be run (Groovy, JDBC …), over all cases.</summary>
    public int StepsNotRun => Cases.Sum(c => c.Case.StepsNotRun.Count);

    /// <summary>
    /// True when at least one case ran and none failed or erred. Skipped cases (disabled in the project)
    /// do not fail a run, as in SoapUI's own runner; they are listed in the report and the JUnit file.
    /// </summary>
    public bool AllPassed => Passed > 0 && Failed == 0 && Errors == 0;
}
