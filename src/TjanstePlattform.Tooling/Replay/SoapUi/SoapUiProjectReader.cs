using System.Text;
using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.Soap.Xml;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Assertions.Schemas;

namespace TjanstePlattform.Tooling.Replay.SoapUi;

/// <summary>Options for reading a SoapUI project.</summary>
public sealed class SoapUiReadOptions
{
    /// <summary><c>--property name=value</c>: overrides the name in every scope.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--data file</c>: a data.xml to use instead of the one next to the project.</summary>
    public string? DataFile { get; init; }

    /// <summary>
    /// Replay the interface requests of a project that has no test cases (default true). Folder scans turn it off:
    /// a mock project found next to a suite is not meant to be replayed.
    /// </summary>
    public bool InterfaceRequestsWithoutTestCases { get; init; } = true;
}

/// <summary>
/// Reads a SoapUI project (test suites → test cases → steps) into replay cases, headless and without
/// Groovy: SOAP request steps become requests (body, endpoint, headers, SOAPAction of the operation,
/// assertions, plus those of assertion test steps pointing at them); Groovy steps that only load data.xml rows or
/// set properties are emulated (<see cref="GroovyStepEmulator"/>); Property Transfer steps run when the case reaches them
/// (<see cref="PropertyTransferStep"/>), and the request steps after one are expanded when sent; any other step is listed in the case's
/// <see cref="ReplayCase.StepsNotRun"/>. The schemas of <c>con:definitionCache</c> serve the Schema Compliance
/// assertions (<see cref="DefinitionCacheSchemas"/>). A project without test cases (a plain request collection such as the
/// medicalsupply v0.6 project) yields one case per interface request.
/// </summary>
public static class SoapUiProjectReader
{
    private static readonly XNamespace Con = EnvelopeInfo.SoapUiNamespace;

    public static IReadOnlyList<ReplayCase> Read(string path, SoapUiReadOptions? options = null)
    {
        options ??= new SoapUiReadOptions();
        var fullPath = Path.GetFullPath(path);
        XDocument doc;
        using (var stream = File.OpenRead(fullPath))
        using (var reader = SafeXml.CreateReader(stream, maxCharacters: 256L * 1024 * 1024))
        {
            doc = XDocument.Load(reader);
        }

        var project = doc.Root;
        if (project is null || project.Name != Con + "soapui-project")
        {
            throw new InvalidDataException($"{path} is not a SoapUI project (root element con:soapui-project expected).");
        }

        var projectName = (string?)project.Attribute("name") ?? Path.GetFileNameWithoutExtension(fullPath);
        var projectProperties = Properties(project);
        var actions = OperationActions(project);
        var dataPath = options.DataFile ?? Path.Combine(Path.GetDirectoryName(fullPath)!, "data.xml");
        var data = File.Exists(dataPath) ? SoapUiDataFile.Load(dataPath) : null;

        var schemas = DefinitionCacheSchemas.Load(project);
        var shared = new SharedTransferredValues();
        var cases = new List<ReplayCase>();
        foreach (var suite in project.Elements(Con + "testSuite"))
        {
            var suiteName = (string?)suite.Attribute("name") ?? "TestSuite";
            var suiteDisabled = Disabled(suite);
            var suiteProperties = Properties(suite); // shared by the suite's cases: a Groovy step's change lasts
            foreach (var testCase in suite.Elements(Con + "testCase"))
            {
                var expander = new PropertyExpander
                {
                    Overrides = options.Properties,
                    Project = projectProperties,
                    TestSuite = suiteProperties,
                    TestCase = Properties(testCase),
                };
                var transfers = new CaseReading(new TransferredProperties(shared, suiteName), shared.WritesShared);
                cases.Add(ReadCase(fullPath, $"{projectName} / {suiteName}", testCase, suiteDisabled, expander, actions, data, options.DataFile is not null, schemas, transfers));
            }
        }

        if (cases.Count == 0 && options.InterfaceRequestsWithoutTestCases)
        {
            cases.AddRange(InterfaceRequests(fullPath, projectName, project, options, projectProperties, actions, schemas));
        }

        return cases;
    }

    private static ReplayCase ReadCase(
        string path,
        string suite,
        XElement testCase,
        bool suiteDisabled,
        PropertyExpander expander,
        IReadOnlyDictionary<(string, string), string> actions,
        SoapUiDataFile? data,
        bool dataGiven,
        IResponseSchemaValidator? schemas,
        CaseReading transfers)
    {
        var caseName = (string?)testCase.Attribute("name") ?? "(unnamed test case)";
        var notes = new List<string>();
        var notRun = new List<string>();
        var built = new List<ReplayStep>();
        var plan = new List<IReplayAction>();

        foreach (var step in testCase.Elements(Con + "testStep"))
        {
            var type = (string?)step.Attribute("type") ?? string.Empty;
            var name = (string?)step.Attribute("name") ?? type;
            if (Disabled(step))
            {
                notes.Add($"Step '{name}' is disabled in the project.");
                continue;
            }

            var config = step.Element(Con + "config");
            switch (type)
            {
                case "groovy":
                    // SoapUI writes the script element without a namespace.
                    var script = config?.Elements().FirstOrDefault(e => e.Name.LocalName == "script")?.Value ?? string.Empty;
                    RunGroovyStep(caseName, name, script, expander, data, dataGiven, notes, notRun);
                    break;
                case "properties":
                    var values = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var property in config?.Descendants(Con + "property") ?? [])
                    {
                        values[(string?)property.Element(Con + "name") ?? string.Empty] = expander.Expand((string?)property.Element(Con + "value"));
                    }

                    expander.Steps[name] = values;
                    break;
                case "request":
                    var request = config?.Element(Con + "request");
                    if (request is null)
                    {
                        notes.Add($"Step '{name}' has no request.");
                        break;
                    }

                    // Expanded now: later data steps must not change what this step sends. After a property transfer it is
                    // expanded again when sent, from the properties as they are now plus what the run's transfers set.
                    var requestStep = BuildStep(
                        (string?)step.Attribute("id"),
                        name,
                        request,
                        config?.Element(Con + "interface")?.Value,
                        config?.Element(Con + "operation")?.Value,
                        expander,
                        actions,
                        notes,
                        transfers.Defer ? transfers.Properties : null);
                    built.Add(requestStep);
                    plan.Add(requestStep);
                    break;
                case "transfer":
                    if (ReadTransferStep(name, config, expander, transfers) is { } transferStep)
                    {
                        plan.Add(transferStep);
                    }
                    else
                    {
                        notRun.Add($"'{name}' (transfer): {transfers.NotRunReason}");
                    }

                    break;
                case "assertionteststep":
                    AttachAssertionStep(name, config, built, expander, notes);
                    break;
                case "delay":
                    break; // waiting changes nothing for a replay
                default:
                    notRun.Add($"'{name}' ({type}): {NotRunReason(type)}");
                    break;
            }
        }

        var skip = suiteDisabled || Disabled(testCase) ? "disabled in the project"
            : built.Count == 0 ? "the test case has no SOAP request step"
            : null;
        var result = new ReplayCase
        {
            Name = caseName,
            Suite = suite,
            Source = path,
            Actions = plan,
            SkipReason = skip,
            StopOnFirstFailure = !string.Equals((string?)testCase.Attribute("failOnError"), "false", StringComparison.OrdinalIgnoreCase),
            ProjectSchemas = schemas,
        };
        result.Notes.AddRange(notes);
        result.StepsNotRun.AddRange(notRun);
        return result;
    }

    private static void RunGroovyStep(string caseName, string name, string script, PropertyExpander expander, SoapUiDataFile? data, bool dataGiven, List<string> notes, List<string> notRun)
    {
        var context = new GroovyStepContext(caseName, expander, id =>
        {
            if (data is null)
            {
                notes.Add($"Data step '{name}' loads '{id}' from data.xml, but no data.xml was found{(dataGiven ? string.Empty : " next to the project")}.");
                return;
            }

            foreach (var (key, value) in data.Global)
            {
                expander.Context[key] = value;
            }

            if (!data.Cases.TryGetValue(id, out var values))
            {
                notes.Add($"Data step '{name}': {Path.GetFileName(data.Path)} has no testcase id=\"{id}\".");
                return;
            }

            foreach (var (key, value) in values)
            {
                expander.Context[key] = value;
            }
        });

        if (GroovyStepEmulator.Run(context, script) is { } why)
        {
            notRun.Add($"'{name}' (groovy): {why}");
        }
    }

    private static ReplayStep BuildStep(
        string? id,
        string name,
        XElement request,
        string? interfaceName,
        string? operation,
        PropertyExpander expander,
        IReadOnlyDictionary<(string, string), string> actions,
        List<string> notes,
        TransferredProperties? transfers = null)
    {
        string? action = null;
        if (interfaceName is not null && operation is not null)
        {
            actions.TryGetValue((interfaceName, operation), out action);
        }

        var template = request.Element(Con + "request")?.Value ?? string.Empty;
        expander.ForgetUnresolved();
        if (transfers is null)
        {
            var plain = Render(id, name, template, request, action, expander, prepare: null);
            NoteUnresolved(name, expander, notes);
            return plain;
        }

        transfers.AddRequest(name, template);
        var snapshot = expander.Snapshot();
        ReplayStep? step = null;
        var own = 0;
        step = Render(id, name, template, request, action, expander, Prepare);
        own = step.Assertions.Count;
        NoteUnresolved(name, expander, notes);
        return step;

        // Assertions an assertion test step attached to the step after it was read (expanded then) are kept.
        ReplayStep Prepare(CaseRun run)
        {
            var sent = Render(id, name, transfers.RequestContent(name, run), request, action, transfers.View(snapshot, run), prepare: null);
            foreach (var attached in step!.Assertions.Skip(own))
            {
                sent.AddAssertion(attached);
            }

            return sent;
        }
    }

    private static ReplayStep Render(string? id, string name, string template, XElement request, string? action, PropertyExpander expander, Func<CaseRun, ReplayStep>? prepare)
    {
        var endpoint = expander.Expand(request.Element(Con + "endpoint")?.Value).Trim();
        return new ReplayStep
        {
            Name = name,
            Id = id,
            Body = Encoding.UTF8.GetBytes(expander.Expand(template)),
            Endpoint = endpoint.Length > 0 ? endpoint : null,
            SoapAction = action,
            Headers = RequestHeaders(request).Select(h => KeyValuePair.Create(h.Key, expander.Expand(h.Value))).ToList(),
            Assertions = request.Elements(Con + "assertion").Select(a => SoapUiAssertions.Create(a, expander)).ToList(),
            Prepare = prepare,
        };
    }

    /// <summary>The most property transfers a case runs: a project is input, and each transfer parses an answer.</summary>
    public const int MaxTransfersPerCase = 100;

    // A transfer step is run whole or not at all: one that replay cannot run, or that would pass the case's limit,
    // is not run (and named), never half-applied.
    private static PropertyTransferStep? ReadTransferStep(string name, XElement? config, PropertyExpander expander, CaseReading reading)
    {
        var elements = config?.Elements(Con + "transfers").ToList() ?? [];
        if (reading.Transfers + elements.Count > MaxTransfersPerCase)
        {
            reading.NotRunReason = $"its {elements.Count} transfer(s) would take the case past {MaxTransfersPerCase} property transfers, the most replay runs in a case";
            return null;
        }

        reading.Transfers += Math.Max(1, elements.Count);
        var transfers = elements.Select(PropertyTransfer.Read).ToList();
        if (transfers.FirstOrDefault(t => t.OtherPathLanguage is not null && !t.Disabled) is { } other)
        {
            reading.NotRunReason = $"the transfer '{other.Name}' uses {other.OtherPathLanguage}; replay transfers with XPath only";
            return null;
        }

        foreach (var transfer in transfers.Where(t => !t.Disabled))
        {
            // A property a transfer writes exists from here on, as SoapUI needs it to: no note on it being unresolved.
            TransferredProperties.Scope(transfer.TargetStep, expander)?.TryAdd(transfer.TargetType, string.Empty);
            reading.Properties.Shared.WritesShared |= transfer.TargetStep is "#Project#" or "#TestSuite#";
        }

        reading.Defer = true;
        return new PropertyTransferStep(name, transfers, reading.Properties, expander.Snapshot());
    }

    /// <summary>What reading a case knows of its property transfers so far.</summary>
    private sealed class CaseReading(TransferredProperties properties, bool defer)
    {
        public TransferredProperties Properties { get; } = properties;

        /// <summary>Request steps read from now on are expanded when sent: a transfer before them may set what they use.</summary>
        public bool Defer { get; set; } = defer;

        public int Transfers { get; set; }

        public string NotRunReason { get; set; } = string.Empty;
    }

    private static void AttachAssertionStep(string name, XElement? config, List<ReplayStep> built, PropertyExpander expander, List<string> notes)
    {
        foreach (var entry in config?.Descendants(Con + "entry").Where(e => e.Element(Con + "assertion") is not null) ?? [])
        {
            var sourceId = entry.Element(Con + "sourceId")?.Value;
            var target = built.LastOrDefault(s => sourceId is not null && s.Id == sourceId) ?? built.LastOrDefault();
            if (target is null)
            {
                notes.Add($"Assertion step '{name}' has no request step to check.");
                return;
            }

            var property = entry.Element(Con + "propertyName")?.Value ?? "Response";
            foreach (var assertion in entry.Elements(Con + "assertion"))
            {
                var created = SoapUiAssertions.Create(assertion, expander);
                var renamed = new NamedAssertion($"{name}: {created.Name}", created);
                target.AddAssertion(property == "Response"
                    ? renamed
                    : new UnsupportedAssertion(created.Type, renamed.Name, $"assertions on the step property '{property}' are not supported"));
            }
        }
    }

    private static IEnumerable<ReplayCase> InterfaceRequests(
        string path,
        string projectName,
        XElement project,
        SoapUiReadOptions options,
        Dictionary<string, string> projectProperties,
        IReadOnlyDictionary<(string, string), string> actions,
        IResponseSchemaValidator? schemas)
    {
        foreach (var iface in project.Elements(Con + "interface"))
        {
            var interfaceName = (string?)iface.Attribute("name") ?? "interface";
            foreach (var operation in iface.Elements(Con + "operation"))
            {
                var operationName = (string?)operation.Attribute("name") ?? "operation";
                foreach (var call in operation.Elements(Con + "call"))
                {
                    var expander = new PropertyExpander { Overrides = options.Properties, Project = projectProperties };
                    var notes = new List<string>();
                    var callName = (string?)call.Attribute("name") ?? "Request";
                    var step = BuildStep(null, callName, call, interfaceName, operationName, expander, actions, notes);

                    // A bare request collection asserts nothing; a replay expects at least a SOAP answer that is not a fault.
                    step.AddAssertion(new SoapResponseAssertion());
                    step.AddAssertion(new NotSoapFaultAssertion());
                    var replayCase = new ReplayCase { Name = $"{operationName} / {callName}", Suite = $"{projectName} / {interfaceName}", Source = path, Steps = [step], ProjectSchemas = schemas };
                    replayCase.Notes.AddRange(notes);
                    yield return replayCase;
                }
            }
        }
    }

    private static void NoteUnresolved(string step, PropertyExpander expander, List<string> notes)
    {
        if (expander.Unresolved.Count == 0)
        {
            return;
        }

        var known = expander.Context.Keys.Concat(expander.TestCase.Keys).Concat(expander.TestSuite.Keys).Concat(expander.Project.Keys).Distinct().ToArray();
        var described = expander.Unresolved.Select(u =>
        {
            var bare = u[2..^1];
            var near = known.FirstOrDefault(k => string.Equals(k, bare, StringComparison.OrdinalIgnoreCase));
            return near is null ? u : $"{u} (names are case-sensitive; the data has '{near}')";
        });
        notes.Add($"Step '{step}': unresolved properties expanded to empty text: {string.Join(", ", described)}.");
    }

    private static IEnumerable<KeyValuePair<string, string>> RequestHeaders(XElement request)
    {
        var setting = request.Element(Con + "settings")?.Elements(Con + "setting")
            .FirstOrDefault(s => ((string?)s.Attribute("id") ?? string.Empty).EndsWith("@request-headers", StringComparison.Ordinal));
        if (setting is null || string.IsNullOrWhiteSpace(setting.Value))
        {
            yield break;
        }

        XElement fragment;
        try
        {
            using var reader = SafeXml.CreateReader(new StringReader(setting.Value), maxCharacters: 1024 * 1024);
            fragment = XElement.Load(reader);
        }
        catch (XmlException)
        {
            yield break;
        }

        foreach (var entry in fragment.Elements().Where(e => e.Name.LocalName == "entry"))
        {
            var key = (string?)entry.Attribute("key");
            if (!string.IsNullOrWhiteSpace(key))
            {
                yield return KeyValuePair.Create(key, (string?)entry.Attribute("value") ?? string.Empty);
            }
        }
    }

    private static Dictionary<(string, string), string> OperationActions(XElement project)
    {
        var actions = new Dictionary<(string, string), string>();
        foreach (var iface in project.Elements(Con + "interface"))
        {
            var interfaceName = (string?)iface.Attribute("name") ?? string.Empty;
            foreach (var operation in iface.Elements(Con + "operation"))
            {
                if ((string?)operation.Attribute("name") is { } name && (string?)operation.Attribute("action") is { Length: > 0 } action)
                {
                    actions[(interfaceName, name)] = action;
                }
            }
        }

        return actions;
    }

    private static Dictionary<string, string> Properties(XElement owner)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in owner.Element(Con + "properties")?.Elements(Con + "property") ?? [])
        {
            if ((string?)property.Element(Con + "name") is { Length: > 0 } name)
            {
                properties[name] = (string?)property.Element(Con + "value") ?? string.Empty;
            }
        }

        return properties;
    }

    private static bool Disabled(XElement element) => string.Equals((string?)element.Attribute("disabled"), "true", StringComparison.OrdinalIgnoreCase);

    private static string NotRunReason(string type) => type switch
    {
        "jdbc" => "JDBC steps query a database replay has no access to",
        "calltestcase" => "running another test case is not supported",
        "manualTestStep" => "a manual step needs a person",
        "datasource" or "datasourceloop" or "datasink" => "SoapUI Pro data sources are not supported",
        "httprequest" or "restrequest" => "only SOAP request steps are replayed",
        _ => $"steps of type '{type}' are not supported",
    };
}
