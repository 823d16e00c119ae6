using System.Text.RegularExpressions;

namespace TjanstePlattform.Tooling.Replay.SoapUi;

/// <summary>
/// Runs the Groovy steps that RIVTA SoapUI projects use only to set properties, without a Groovy engine: a script
/// made solely of the statements below is applied; any other statement means the whole script is not run (and
/// is reported by name), never half-applied.
/// <list type="bullet">
/// <item>the data step: <c>new XmlDataReader(context, dataFile)</c> then <c>source.load("id")</c>, or
/// <c>source.load(testRunner.testCase.getName())</c> / <c>.name</c> (the row keyed by the test case's own name);</item>
/// <item><c>testRunner.testCase.setPropertyValue("n", "v")</c>, the same on <c>.testSuite</c> and
/// <c>.testSuite.project</c>, and <c>context.setProperty("n", "v")</c>, with literal values or <c>context.expand('…')</c>;</item>
/// <item>imports, <c>def utils = new GroovyUtils(context)</c>, <c>def dataFile = new File(…)</c>, <c>log.info …</c> and comments.</item>
/// </list>
/// </summary>
public static partial class GroovyStepEmulator
{
    /// <summary>The outcome: null when the script was applied, otherwise why it was not run.</summary>
    public static string? Run(GroovyStepContext step, string script)
    {
        var actions = new List<Action>();
        foreach (var raw in Statements(script))
        {
            var statement = raw.Trim();
            if (statement.Length == 0 || Ignorable().IsMatch(statement))
            {
                continue;
            }

            if (Load().Match(statement) is { Success: true } load)
            {
                var id = load.Groups["literal"].Success ? load.Groups["literal"].Value : step.CaseName;
                actions.Add(() => step.LoadData(id));
                continue;
            }

            if (SetProperty().Match(statement) is { Success: true } set)
            {
                if (Literal(set.Groups["name"].Value) is not { } name || Literal(set.Groups["value"].Value) is not { } value)
                {
                    return $"the statement '{Shorten(statement)}' sets a computed value";
                }

                var scope = set.Groups["scope"].Value switch
                {
                    "context" => step.Expander.Context,
                    var owner when owner.EndsWith(".project", StringComparison.Ordinal) => step.Expander.Project,
                    var owner when owner.EndsWith(".testSuite", StringComparison.Ordinal) => step.Expander.TestSuite,
                    _ => step.Expander.TestCase,
                };
                // Expanded when applied: an earlier statement of the same script may set what it refers to.
                actions.Add(() => scope[name.Text] = value.Expand ? step.Expander.Expand(value.Text) : value.Text);
                continue;
            }

            return $"the statement '{Shorten(statement)}' needs a Groovy engine";
        }

        if (actions.Count == 0)
        {
            return "the script sets no property replay can emulate";
        }

        foreach (var action in actions)
        {
            action();
        }

        return null;
    }

    // Statements end at a line end or ';' (outside quotes); block and line comments are dropped.
    private static IEnumerable<string> Statements(string script)
    {
        var text = BlockComment().Replace(script, " ");
        foreach (var line in text.Split('\n'))
        {
            var current = new System.Text.StringBuilder();
            char? quote = null;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quote is null && c == '/' && i + 1 < line.Length && line[i + 1] == '/')
                {
                    break;
                }

                if (quote is null && c == ';')
                {
                    yield return current.ToString();
                    current.Clear();
                    continue;
                }

                if (c is '"' or '\'')
                {
                    quote = quote is null ? c : quote == c ? null : quote;
                }

                current.Append(c);
            }

            yield return current.ToString();
        }
    }

    // A Groovy string literal without interpolation, or context.expand('…') of one (expanded when applied).
    private static (string Text, bool Expand)? Literal(string text)
    {
        var trimmed = text.Trim();
        if (ExpandCall().Match(trimmed) is { Success: true } expand)
        {
            return Literal(expand.Groups["inner"].Value) is { } inner ? (inner.Text, true) : null;
        }

        if (trimmed.Length >= 2 && (trimmed[0] is '\'' || (trimmed[0] is '"' && !trimmed.Contains('$', StringComparison.Ordinal))) && trimmed[^1] == trimmed[0])
        {
            var body = trimmed[1..^1];
            return body.Contains(trimmed[0], StringComparison.Ordinal) ? null : (body, false);
        }

        return null;
    }

    private static string Shorten(string statement) => statement.Length <= 80 ? statement : statement[..80] + "…";

    [GeneratedRegex(@"\A(?:import\s+[\w.*]+|def\s+\w+\s*=\s*new\s+[\w.]*GroovyUtils\(\s*context\s*\)|def\s+\w+\s*=\s*new\s+(?:java\.io\.)?File\(.*\)|def\s+\w+\s*=\s*new\s+[\w.]*XmlDataReader\(\s*context\s*,\s*\w+\s*\)|log\.(?:info|debug|warn)\b.*)\z", RegexOptions.Singleline)]
    private static partial Regex Ignorable();

    [GeneratedRegex("""\A\w+\.load\(\s*(?:["'](?<literal>[^"']+)["']|(?:testRunner|context)\.testCase\.(?:getName\(\s*\)|name))\s*\)\z""")]
    private static partial Regex Load();

    [GeneratedRegex("""\A(?<scope>context|(?:testRunner|context)\.testCase(?:\.testSuite(?:\.project)?)?)\.(?:setPropertyValue|setProperty)\(\s*(?<name>"[^"]*"|'[^']*')\s*,\s*(?<value>.+)\)\z""")]
    private static partial Regex SetProperty();

    [GeneratedRegex("""\Acontext\.expand\(\s*(?<inner>"[^"]*"|'[^']*')\s*\)\z""")]
    private static partial Regex ExpandCall();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();
}

/// <summary>What a Groovy step may change: the case's properties, and the data file its data step reads.</summary>
public sealed class GroovyStepContext(string caseName, PropertyExpander expander, Action<string> loadData)
{
    /// <summary>The test case's name (<c>testRunner.testCase.getName()</c>).</summary>
    public string CaseName { get; } = caseName;

    public PropertyExpander Expander { get; } = expander;

    /// <summary>Loads the data.xml row with this id into the context.</summary>
    public void LoadData(string id) => loadData(id);
}
