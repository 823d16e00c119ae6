namespace TjanstePlattform.Tooling.Replay.SoapUi;

/// <summary>
/// Project and test suite property values that property transfers set while cases run. They last for the later cases
/// of the run (and of a later run of the same cases), as a SoapUI project keeps them.
/// </summary>
internal sealed class SharedTransferredValues
{
    public Dictionary<string, string> Project { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, string>> Suites { get; } = new(StringComparer.Ordinal);

    /// <summary>Set once a transfer writes a suite or project property: the requests of later cases are expanded when sent.</summary>
    public bool WritesShared { get; set; }
}

/// <summary>What transfers set in one run of one case: test case and properties-step values, request contents by step.</summary>
internal sealed class TransferredRunValues
{
    public Dictionary<string, string> TestCase { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, string>> Steps { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Requests { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A case's view of transferred values: the steps that run after a transfer see the properties as they were when the
/// project was read up to that step (a snapshot), with the values the run's transfers set since on top. Transferred
/// values win over a Groovy or properties step read after the transfer that sets the same name (those are applied
/// when the project is read).
/// </summary>
internal sealed class TransferredProperties(SharedTransferredValues shared, string suite)
{
    private readonly Dictionary<string, string> _requestTemplates = new(StringComparer.Ordinal);

    public SharedTransferredValues Shared { get; } = shared;

    /// <summary>Registers a request step read after a transfer: its content as the project has it, for targetPath writes.</summary>
    public void AddRequest(string step, string template) => _requestTemplates.TryAdd(step, template);

    public bool IsRequest(string step) => _requestTemplates.ContainsKey(step);

    /// <summary>The content a request step sends before expansion: the project's, or what a transfer wrote into it.</summary>
    public string RequestContent(string step, CaseRun run)
        => run.State<TransferredRunValues>().Requests.GetValueOrDefault(step) ?? _requestTemplates[step];

    public void SetRequestContent(string step, CaseRun run, string content) => run.State<TransferredRunValues>().Requests[step] = content;

    /// <summary>The properties as a step that runs now sees them.</summary>
    public PropertyExpander View(PropertyExpander snapshot, CaseRun run)
    {
        var view = snapshot.Snapshot();
        var values = run.State<TransferredRunValues>();
        Overlay(view, view.Project, Shared.Project);
        if (Shared.Suites.TryGetValue(suite, out var suiteValues))
        {
            Overlay(view, view.TestSuite, suiteValues);
        }

        Overlay(view, view.TestCase, values.TestCase);
        foreach (var (step, stepValues) in values.Steps)
        {
            Overlay(view, view.Steps.TryGetValue(step, out var existing) ? existing : view.Steps[step] = new(StringComparer.Ordinal), stepValues);
        }

        return view;
    }

    /// <summary>
    /// The scope a transfer end names: <c>#Project#</c>, <c>#TestSuite#</c>, <c>#TestCase#</c>, or a properties step
    /// (by name, as the view knows it); null for anything else (a request step, an unknown name).
    /// </summary>
    public static Dictionary<string, string>? Scope(string step, PropertyExpander view) => step switch
    {
        "#Project#" => view.Project,
        "#TestSuite#" => view.TestSuite,
        "#TestCase#" => view.TestCase,
        _ => view.Steps.GetValueOrDefault(step),
    };

    /// <summary>Where a transfer's value into that scope is kept for the steps after it.</summary>
    public Dictionary<string, string> Store(string step, CaseRun run)
    {
        var values = run.State<TransferredRunValues>();
        switch (step)
        {
            case "#Project#":
                return Shared.Project;
            case "#TestSuite#":
                return Shared.Suites.TryGetValue(suite, out var suiteValues) ? suiteValues : Shared.Suites[suite] = new(StringComparer.Ordinal);
            case "#TestCase#":
                return values.TestCase;
            default:
                return values.Steps.TryGetValue(step, out var stepValues) ? stepValues : values.Steps[step] = new(StringComparer.Ordinal);
        }
    }

    private static void Overlay(PropertyExpander view, Dictionary<string, string> scope, Dictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            view.SetLiteral(scope, name, value);
        }
    }
}
