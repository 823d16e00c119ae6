using System.Text;
using System.Text.Json;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Record;
using TjanstePlattform.Tooling.Replay.SoapUi;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>
/// Turns the command line's inputs into cases: envelope files, folders (searched recursively, in name
/// order), SoapUI project files, and folders written by <c>tjp record</c>. In a folder only request
/// envelopes, recordings and SoapUI projects become cases; responses, faults and other XML are listed in
/// <see cref="Ignored"/>. A file named explicitly that is not a request becomes a skipped case, and a
/// path that cannot be read becomes an error case, so the report always accounts for every input.
/// </summary>
public sealed class ReplayInputs
{
    private const long MaxEnvelopeBytes = 64L * 1024 * 1024;

    private ReplayInputs(IReadOnlyList<ReplayCase> cases, IReadOnlyList<string> ignored)
    {
        Cases = cases;
        Ignored = ignored;
    }

    public IReadOnlyList<ReplayCase> Cases { get; }

    /// <summary>Files inside folders that are not requests: path and why.</summary>
    public IReadOnlyList<string> Ignored { get; }

    public static ReplayInputs Load(IEnumerable<string> inputs, IReadOnlyDictionary<string, string>? properties = null, string? dataFile = null)
    {
        var soapUi = new SoapUiReadOptions { Properties = properties ?? new Dictionary<string, string>(), DataFile = dataFile };
        var cases = new List<ReplayCase>();
        var ignored = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                LoadFolder(input, soapUi, cases, ignored);
            }
            else if (File.Exists(input))
            {
                LoadFile(input, Path.GetDirectoryName(Path.GetFullPath(input)) ?? input, Path.GetFileName(input), soapUi, cases, ignored, explicitFile: true);
            }
            else
            {
                cases.Add(new ReplayCase { Name = input, Suite = "inputs", Source = input, InputError = $"No such file or folder: {input}" });
            }
        }

        return new ReplayInputs(cases, ignored);
    }

    private static void LoadFolder(string folder, SoapUiReadOptions soapUi, List<ReplayCase> cases, List<string> ignored)
    {
        var root = Path.GetFullPath(folder);
        var suite = folder.TrimEnd('/', '\\');
        foreach (var file in Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (file.EndsWith(".response.xml", StringComparison.OrdinalIgnoreCase)
                && File.Exists(file[..^".response.xml".Length] + ".request.xml"))
            {
                continue; // the answer half of a recording
            }

            LoadFile(file, suite, relative, soapUi, cases, ignored, explicitFile: false);
        }
    }

    private static void LoadFile(string file, string suite, string name, SoapUiReadOptions soapUi, List<ReplayCase> cases, List<string> ignored, bool explicitFile)
    {
        try
        {
            var sidecar = file.EndsWith(".request.xml", StringComparison.OrdinalIgnoreCase) ? file[..^".request.xml".Length] + ".json" : null;
            if (sidecar is not null && File.Exists(sidecar))
            {
                cases.Add(Recorded(file, sidecar, suite, name));
                return;
            }

            var info = new FileInfo(file);
            if (info.Length > MaxEnvelopeBytes)
            {
                Reject(file, suite, name, $"larger than {MaxEnvelopeBytes / (1024 * 1024)} MiB", cases, ignored, explicitFile);
                return;
            }

            var bytes = File.ReadAllBytes(file);
            var text = EnvelopeText.Decode(bytes);
            var envelope = EnvelopeInfo.Inspect(text);
            switch (envelope.Kind)
            {
                case EnvelopeKind.SoapUiProject:
                    var project = SoapUiProjectReader.Read(file, explicitFile ? soapUi : FolderScan(soapUi));
                    if (project.Count == 0)
                    {
                        Reject(file, suite, name, "a SoapUI project without test cases (name the file itself to replay its interface requests)", cases, ignored, explicitFile);
                    }

                    cases.AddRange(project);
                    break;
                case EnvelopeKind.Request:
                    cases.Add(Envelope(file, suite, name, bytes, text, soapUi.Properties));
                    break;
                case EnvelopeKind.Response:
                    Reject(file, suite, name, $"a response envelope ({envelope.PayloadName})", cases, ignored, explicitFile);
                    break;
                case EnvelopeKind.Fault:
                    Reject(file, suite, name, "a SOAP Fault envelope", cases, ignored, explicitFile);
                    break;
                case EnvelopeKind.OtherXml:
                    Reject(file, suite, name, "not a SOAP envelope", cases, ignored, explicitFile);
                    break;
                default:
                    Reject(file, suite, name, $"not readable as XML ({envelope.Problem})", cases, ignored, explicitFile);
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Xml.XmlException or JsonException)
        {
            cases.Add(new ReplayCase { Name = name, Suite = suite, Source = file, InputError = $"Cannot read {file}: {ex.Message}" });
        }
    }

    private static SoapUiReadOptions FolderScan(SoapUiReadOptions options)
        => new() { Properties = options.Properties, DataFile = options.DataFile, InterfaceRequestsWithoutTestCases = false };

    private static void Reject(string file, string suite, string name, string why, List<ReplayCase> cases, List<string> ignored, bool explicitFile)
    {
        if (explicitFile)
        {
            cases.Add(new ReplayCase { Name = name, Suite = suite, Source = file, SkipReason = $"not a request: {why}" });
        }
        else
        {
            ignored.Add($"{file}: {why}");
        }
    }

    private static ReplayCase Envelope(string file, string suite, string name, byte[] bytes, string text, IReadOnlyDictionary<string, string> properties)
    {
        var notes = new List<string>();
        var body = (ReadOnlyMemory<byte>)bytes;
        if (text.Contains("${", StringComparison.Ordinal))
        {
            // Sample envelopes carry SoapUI placeholders (${patientId}); --property fills them. Untouched files go out byte for byte.
            var expander = new PropertyExpander { Overrides = properties };
            body = Encoding.UTF8.GetBytes(expander.Expand(text));
            if (expander.Unresolved.Count > 0)
            {
                notes.Add($"Unresolved properties expanded to empty text: {string.Join(", ", expander.Unresolved)} (give --property name=value).");
            }
        }

        var step = new ReplayStep
        {
            Name = name,
            Body = body,
            // A sample's Expected: line says what the answer is; without one a request expects a SOAP answer that is no fault.
            Assertions = ExpectedLine.Parse(text) ?? [new SoapResponseAssertion(), new NotSoapFaultAssertion()],
            RecordedPathAndQuery = ExpectedLine.EndpointPath(text),
        };
        var replayCase = new ReplayCase { Name = name, Suite = suite, Source = file, Steps = [step] };
        replayCase.Notes.AddRange(notes);
        return replayCase;
    }

    private static ReplayCase Recorded(string requestFile, string sidecarFile, string suite, string name)
    {
        var call = JsonSerializer.Deserialize<RecordedCall>(File.ReadAllText(sidecarFile), RecordedCall.JsonOptions)
            ?? throw new InvalidDataException($"{sidecarFile} is empty.");
        if (!string.Equals(call.Request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return new ReplayCase { Name = name, Suite = suite, Source = requestFile, SkipReason = $"a recorded {call.Request.Method} call; replay sends SOAP requests (POST) only" };
        }

        if (call.Request.Truncated == true)
        {
            return new ReplayCase { Name = name, Suite = suite, Source = requestFile, SkipReason = "the request was larger than the recording limit and was not recorded whole" };
        }

        var assertions = new List<IReplayAssertion> { new HttpStatusAssertion([call.Expect.Status], "Recorded HTTP status") };
        if (call.Expect.SoapFault is { } fault)
        {
            assertions.Add(fault ? new SoapFaultAssertion("Recorded SOAP Fault") : new NotSoapFaultAssertion("Recorded: not a SOAP Fault"));
        }

        assertions.AddRange(call.Expect.Records.Select(r => new RecordCountAssertion(r.Namespace, r.Name, r.Count, $"Recorded {r.Name} count")));

        var headers = call.Request.Headers
            .Where(h => !NotReplayed.Contains(h.Key))
            .SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v)))
            .ToList();
        var step = new ReplayStep
        {
            Name = name,
            Body = File.ReadAllBytes(requestFile),
            RecordedPathAndQuery = call.Request.Path + (call.Request.Query ?? string.Empty),
            Headers = headers,
            SoapAction = null,
            Assertions = assertions,
        };
        var replayCase = new ReplayCase { Name = name, Suite = suite, Source = requestFile, Steps = [step] };
        if (call.PersonIdsMasked)
        {
            replayCase.Notes.Add("Person ids were masked when recording: a producer will not know them, so record counts may differ.");
        }

        return replayCase;
    }

    /// <summary>Headers of a recorded request that belong to the original connection, not to the call.</summary>
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Expect", "TE", "Trailer", "Upgrade",
        "Proxy-Connection", "Proxy-Authorization", "Accept-Encoding",
    };
}
