using System.Text;

namespace TjanstePlattform.Tooling.Replay.SoapUi;

/// <summary>
/// SoapUI property expansion: <c>${name}</c> (context, i.e. data.xml values loaded by the case's data step,
/// then test case, test suite and project properties), <c>${#Project#name}</c>, <c>${#TestSuite#name}</c>,
/// <c>${#TestCase#name}</c>, <c>${#Global#name}</c>, <c>${#Env#NAME}</c>/<c>${#System#NAME}</c>, and
/// <c>${Step name#property}</c>. <c>--property name=value</c> overrides a name in every scope.
/// As in SoapUI, names are case-sensitive and an unresolved property expands to the empty string; every
/// unresolved name is remembered so the report can say so. Groovy expressions (<c>${=…}</c>) are not run.
/// </summary>
public sealed class PropertyExpander
{
    private const int MaxDepth = 8;
    private readonly HashSet<string> _unresolved = new(StringComparer.Ordinal);

    // Values a property transfer took from an answer: inserted as they came, never expanded again, so an answer
    // cannot make the expansion refer to itself and grow (by reference: only those very strings).
    private readonly HashSet<string> _literals = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Project properties; shared by every case of the project, so a Groovy step's change lasts, as in SoapUI.</summary>
    public Dictionary<string, string> Project { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Test suite properties; shared by the suite's cases.</summary>
    public Dictionary<string, string> TestSuite { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> TestCase { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Context properties (data.xml values loaded by a data step).</summary>
    public Dictionary<string, string> Context { get; } = new(StringComparer.Ordinal);

    /// <summary>Properties of properties steps, by step name.</summary>
    public Dictionary<string, Dictionary<string, string>> Steps { get; } = new(StringComparer.Ordinal);

    /// <summary>The expansions that found nothing (written as in the project, e.g. <c>${sourceSystemHSAId}</c>).</summary>
    public IReadOnlyCollection<string> Unresolved => _unresolved;

    public void ForgetUnresolved() => _unresolved.Clear();

    /// <summary>
    /// A copy of every scope's values as they are now: what a step that is expanded later (when it is sent) sees of
    /// the steps read before it. <see cref="Overrides"/> are shared; the copy's changes do not reach this expander.
    /// </summary>
    public PropertyExpander Snapshot()
    {
        var copy = new PropertyExpander
        {
            Overrides = Overrides,
            Project = new Dictionary<string, string>(Project, StringComparer.Ordinal),
            TestSuite = new Dictionary<string, string>(TestSuite, StringComparer.Ordinal),
            TestCase = new Dictionary<string, string>(TestCase, StringComparer.Ordinal),
        };
        foreach (var (key, value) in Context)
        {
            copy.Context[key] = value;
        }

        foreach (var (step, values) in Steps)
        {
            copy.Steps[step] = new Dictionary<string, string>(values, StringComparer.Ordinal);
        }

        copy._literals.UnionWith(_literals);
        return copy;
    }

    /// <summary>Sets a property to a value that is used as it is: a <c>${…}</c> in it is not expanded.</summary>
    public void SetLiteral(Dictionary<string, string> scope, string name, string value)
    {
        scope[name] = value;
        _literals.Add(value);
    }

    /// <summary>Expands every <c>${…}</c> in <paramref name="text"/>.</summary>
    public string Expand(string? text) => Expand(text ?? string.Empty, 0);

    private string Expand(string text, int depth)
    {
        if (depth > MaxDepth || !text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            var end = MatchingBrace(text, start + 2);
            if (end < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, start - i);
            var inner = Expand(text[(start + 2)..end], depth + 1);
            var value = Lookup(inner);
            if (value is null)
            {
                _unresolved.Add("${" + inner + "}");
            }
            else
            {
                result.Append(_literals.Contains(value) ? value : Expand(value, depth + 1));
            }

            i = end + 1;
        }

        return result.ToString();
    }

    private static int MatchingBrace(string text, int from)
    {
        var nesting = 0;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                nesting++;
                i++;
            }
            else if (text[i] == '}')
            {
                if (nesting == 0)
                {
                    return i;
                }

                nesting--;
            }
        }

        return -1;
    }

    private string? Lookup(string reference)
    {
        if (reference.StartsWith('='))
        {
            return null; // a Groovy expression: not evaluated
        }

        if (reference.StartsWith('#'))
        {
            var parts = reference[1..].Split('#', 2);
            if (parts.Length < 2)
            {
                return null;
            }

            var (scope, name) = (parts[0], parts[1]);
            if (Overrides.TryGetValue(name, out var forced))
            {
                return forced;
            }

            return scope switch
            {
                "Project" => Get(Project, name),
                "TestSuite" => Get(TestSuite, name),
                "TestCase" => Get(TestCase, name),
                "Env" or "System" => Environment.GetEnvironmentVariable(name),
                _ => null, // Global and MockService properties exist only through --property.
            };
        }

        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        if (hash > 0)
        {
            var step = reference[..hash];
            var property = reference[(hash + 1)..];
            if (Steps.TryGetValue(step, out var properties) && properties.TryGetValue(property, out var stepValue))
            {
                return stepValue;
            }

            return null;
        }

        return Overrides.TryGetValue(reference, out var overridden) ? overridden
            : Context.TryGetValue(reference, out var context) ? context
            : Get(TestCase, reference) ?? Get(TestSuite, reference) ?? Get(Project, reference);
    }

    private static string? Get(IReadOnlyDictionary<string, string> scope, string name)
        => scope.TryGetValue(name, out var value) ? value : null;
}
