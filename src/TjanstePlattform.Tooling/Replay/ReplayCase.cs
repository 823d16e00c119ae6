using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Assertions.Schemas;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>
/// One case of a replay run: a SoapUI test case, an envelope file, or a recorded call. A case has one or
/// more request steps, and may have local steps between them (<see cref="Actions"/>); it passes when every step got
/// an answer and no assertion failed.
/// </summary>
public sealed class ReplayCase
{
    private readonly IReadOnlyList<IReplayAction>? _actions;

    /// <summary>The name shown in the report, e.g. <c>TestSuite / Basic Testcase</c> or a relative file path.</summary>
    public required string Name { get; init; }

    /// <summary>The group the case belongs to (JUnit testsuite): project and test suite, or the input folder.</summary>
    public required string Suite { get; init; }

    /// <summary>The file the case came from.</summary>
    public required string Source { get; init; }

    /// <summary>The request steps, in order.</summary>
    public IReadOnlyList<ReplayStep> Steps { get; init; } = [];

    /// <summary>
    /// Every step the case runs, in order: the request steps and the local steps between them (property transfers).
    /// Setting it sets <see cref="Steps"/> to its request steps; unset, it is <see cref="Steps"/>.
    /// </summary>
    public IReadOnlyList<IReplayAction> Actions
    {
        get => _actions ?? Steps;
        init
        {
            _actions = value;
            Steps = [.. value.OfType<ReplayStep>()];
        }
    }

    /// <summary>Set when the case is not run (disabled in the project, no request step).</summary>
    public string? SkipReason { get; init; }

    /// <summary>Set when the input could not be read: the case is reported as an error.</summary>
    public string? InputError { get; init; }

    /// <summary>Things the tester should know: unresolved properties, steps that were not run.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>
    /// Steps of the project that replay could not run (a Groovy script it cannot emulate, JDBC, a JSONPath property transfer …):
    /// <c>'name' (type): why</c>. Counted in the summary; never passed silently.
    /// </summary>
    public List<string> StepsNotRun { get; } = [];

    /// <summary>
    /// The schemas the project itself carries (SoapUI <c>con:definitionCache</c>), used by its Schema Compliance
    /// assertions for contracts the run's schemas do not know; null when the project carries none.
    /// </summary>
    public IResponseSchemaValidator? ProjectSchemas { get; init; }

    /// <summary>Stop at the first failing step (SoapUI <c>failOnError</c>, default true).</summary>
    public bool StopOnFirstFailure { get; init; } = true;
}

/// <summary>One SOAP request of a case with the assertions on its answer.</summary>
public sealed class ReplayStep : IReplayAction
{
    private readonly List<IReplayAssertion> _assertions = [];

    public required string Name { get; init; }

    /// <summary>The step's id in its project (assertion test steps point at it).</summary>
    public string? Id { get; init; }

    /// <summary>
    /// The envelope to send, byte for byte (properties already expanded). With <see cref="Prepare"/>, what the step
    /// would send with the values known when the project was read.
    /// </summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// Set when what the step sends is settled only when it is sent (a property transfer earlier in the run may change
    /// it): gives the step to send, from the run so far.
    /// </summary>
    public Func<CaseRun, ReplayStep>? Prepare { get; init; }

    /// <summary>The endpoint the project names (absolute URL), used when no <c>--target</c> is given.</summary>
    public string? Endpoint { get; init; }

    /// <summary>
    /// The path and query of a recorded call, or the path a sample's <c>Endpoint:</c> line names, appended to a
    /// <c>--target</c> base address.
    /// </summary>
    public string? RecordedPathAndQuery { get; init; }

    /// <summary>The SOAPAction; when null the RIVTA convention <c>{responder namespace}:{operation}</c> is used.</summary>
    public string? SoapAction { get; init; }

    /// <summary>HTTP headers of the request (SoapUI request headers, recorded headers).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public IReadOnlyList<IReplayAssertion> Assertions
    {
        get => _assertions;
        init => _assertions = [.. value];
    }

    public void AddAssertion(IReplayAssertion assertion) => _assertions.Add(assertion);
}
