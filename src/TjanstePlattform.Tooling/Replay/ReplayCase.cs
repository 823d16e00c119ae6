using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Assertions.Schemas;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>
/// One case of a replay run: a SoapUI test case, an envelope file, or a recorded call. A case has one or
/// more request steps; it passes when every step got an answer and no assertion failed.
/// </summary>
public sealed class ReplayCase
{
    /// <summary>The name shown in the report, e.g. <c>TestSuite / Basic Testcase</c> or a relative file path.</summary>
    public required string Name { get; init; }

    /// <summary>The group the case belongs to (JUnit testsuite): project and test suite, or the input folder.</summary>
    public required string Suite { get; init; }

    /// <summary>The file the case came from.</summary>
    public required string Source { get; init; }

    public IReadOnlyList<ReplayStep> Steps { get; init; } = [];

    /// <summary>Set when the case is not run (disabled in the project, no request step).</summary>
    public string? SkipReason { get; init; }

    /// <summary>Set when the input could not be read: the case is reported as an error.</summary>
    public string? InputError { get; init; }

    /// <summary>Things the tester should know: unresolved properties, steps that were not run.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>
    /// Steps of the project that replay could not run (a Groovy script it cannot emulate, JDBC, property transfer …):
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
public sealed class ReplayStep
{
    private readonly List<IReplayAssertion> _assertions = [];

    public required string Name { get; init; }

    /// <summary>The step's id in its project (assertion test steps point at it).</summary>
    public string? Id { get; init; }

    /// <summary>The envelope to send, byte for byte (properties already expanded).</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

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
