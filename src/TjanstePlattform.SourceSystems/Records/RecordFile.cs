using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.SourceSystems.Records;

/// <summary>
/// One contract's records in the demo world (<c>DemoWorld/Data/records/*.xml</c>, documented in the data README): the
/// contract's facts the producer needs, and the record elements per source system and person, kept as XML — no C# type
/// per schema type, so any contract's data can be added without code.
/// </summary>
internal sealed class RecordFileData
{
    /// <summary>The namespace of the files' own elements (records, system, record, result).</summary>
    public const string FileNamespace = "urn:tjansteplattform:demoworld:records:1";

    /// <summary>The file name, for error messages.</summary>
    public required string File { get; init; }

    /// <summary>The responder namespace (the service contract), e.g. <c>…:GetCarePlansResponder:2</c>.</summary>
    public required string Contract { get; init; }

    /// <summary>The interaction, e.g. <c>GetCarePlans</c>: the request element; the answer is <c>{Interaction}Response</c>.</summary>
    public required string Interaction { get; init; }

    /// <summary>The contract's major version (the path's <c>{major}</c>).</summary>
    public required string Major { get; init; }

    /// <summary>The EI service domain the systems report their engagements under.</summary>
    public required string ServiceDomain { get; init; }

    /// <summary>The categorization of a record that names none.</summary>
    public required string Categorization { get; init; }

    /// <summary>The patient id's path below the request element (local names), e.g. <c>patientId/id</c>.</summary>
    public required IReadOnlyList<string> PatientIdPath { get; init; }

    /// <summary>The request's source-system filter path, e.g. <c>sourceSystemHSAId</c>; empty: none.</summary>
    public IReadOnlyList<string> SourceSystemPath { get; init; } = [];

    /// <summary>The request's period element (children <c>start</c>/<c>end</c>, dates or timestamps), e.g. <c>datePeriod</c>; null: none.</summary>
    public string? PeriodElement { get; init; }

    /// <summary>What the producer writes after its records (the contract's OK result); <c>{logId}</c> becomes the call's log id.</summary>
    public IReadOnlyList<XElement> Result { get; init; } = [];

    public required IReadOnlyList<RecordSystemData> Systems { get; init; }

    /// <summary>Reads and checks a record file; every problem is named with the file.</summary>
    public static RecordFileData Load(string path)
    {
        XElement root;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            using var reader = SafeXml.CreateReader(stream);
            root = XElement.Load(reader, LoadOptions.None);
        }
        catch (Exception ex) when (ex is XmlException or IOException)
        {
            throw new InvalidOperationException($"Demo world record file {path} cannot be read: {ex.Message}", ex);
        }

        XNamespace f = FileNamespace;
        var name = System.IO.Path.GetFileName(path);
        string Required(string attribute) =>
            (string?)root.Attribute(attribute) is { Length: > 0 } value
                ? value.Trim()
                : throw new InvalidOperationException($"{name}: the records element has no {attribute} attribute.");

        if (root.Name != f + "records")
        {
            throw new InvalidOperationException($"{name}: the root element must be {{{FileNamespace}}}records.");
        }

        var contract = Required("contract");
        var match = System.Text.RegularExpressions.Regex.Match(contract, @":(?<interaction>[A-Za-z]\w*)Responder:(?<major>\d+)$");
        if (!match.Success)
        {
            throw new InvalidOperationException($"{name}: contract '{contract}' is not a responder namespace (…:<Interaction>Responder:<major>).");
        }

        var defaultCategorization = Required("categorization");
        var systems = root.Elements(f + "system").Select(s => new RecordSystemData(
            (string?)s.Attribute("hsaId") ?? throw new InvalidOperationException($"{name}: a system has no hsaId."),
            [.. s.Elements(f + "record").Select(r => Record(name, r, defaultCategorization))])).ToList();
        return new RecordFileData
        {
            File = name,
            Contract = contract,
            Interaction = match.Groups["interaction"].Value,
            Major = match.Groups["major"].Value,
            ServiceDomain = Required("serviceDomain"),
            Categorization = defaultCategorization,
            PatientIdPath = SplitPath(Required("patientId")),
            SourceSystemPath = SplitPath((string?)root.Attribute("sourceSystem")),
            PeriodElement = (string?)root.Attribute("period") is { Length: > 0 } period ? period.Trim() : null,
            Result = [.. root.Element(f + "result")?.Elements() ?? []],
            Systems = systems,
        };
    }

    private static RecordData Record(string file, XElement record, string defaultCategorization)
    {
        var patient = (string?)record.Attribute("patient");
        var time = (string?)record.Attribute("time");
        var content = record.Elements().ToList();
        if (string.IsNullOrWhiteSpace(patient) || time is null || !RivtaTime.IsTimestamp(time) || content.Count > 1)
        {
            throw new InvalidOperationException(
                $"{file}: every record needs a patient, a time (YYYYMMDDhhmmss) and at most one record element (patient '{patient}', time '{time}').");
        }

        return new RecordData(patient.Trim(), time, (string?)record.Attribute("categorization") ?? defaultCategorization, content.FirstOrDefault());
    }

    private static string[] SplitPath(string? path) => (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The records one source system holds for the contract.</summary>
internal sealed record RecordSystemData(string HsaId, IReadOnlyList<RecordData> Records);

/// <summary>
/// One record: whose it is, when (the period filter and EI's mostRecentContent), its categorization, and the element
/// itself — null for an engagement without an answer (RequestExemptionStatuses, whose response holds no records).
/// </summary>
internal sealed record RecordData(string Patient, string Time, string Categorization, XElement? Element);
