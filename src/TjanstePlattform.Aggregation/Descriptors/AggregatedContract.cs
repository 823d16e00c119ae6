using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Aggregation.Descriptors;

/// <summary>
/// A validated, immutable descriptor: what the engine reads on every call. Built once from
/// <see cref="AggregatedContractOptions"/>; <see cref="TryCreate"/> names every problem of a bad descriptor.
/// </summary>
public sealed partial class AggregatedContract
{
    private AggregatedContract(string name, string ns)
    {
        Name = name;
        Namespace = ns;
    }

    /// <summary>The descriptor's name in configuration.</summary>
    public string Name { get; }

    /// <summary>The responder namespace: the service contract key in the catalog.</summary>
    public string Namespace { get; }

    public string RequestElement { get; private init; } = "";

    public string ResponseElement { get; private init; } = "";

    /// <summary>The endpoint path below the platform's base address (the routing's physical address).</summary>
    public string Path { get; private init; } = "";

    /// <summary>The router path (below <c>/vp/</c>) of the fan-out calls.</summary>
    public string RouterPath { get; private init; } = "";

    public string ServiceDomain { get; private init; } = "";

    /// <summary>Allowed categorizations; empty: any.</summary>
    public IReadOnlyList<string> Categorizations { get; private init; } = [];

    public string? CategorizationFilter { get; private init; }

    /// <summary>The patient id path below the request element, one local name per step.</summary>
    public IReadOnlyList<string> PatientIdPath { get; private init; } = [];

    public EngagementField FanOutKey { get; private init; }

    public IReadOnlySet<string> SetToProducerAddress { get; private init; } = new HashSet<string>();

    /// <summary>The path of the request's source-system filter below the request element (empty: no filter).</summary>
    public IReadOnlyList<string> SourceSystemFilterPath { get; private init; } = [];

    /// <summary>The filter path as configured, e.g. <c>sourceSystemId/extension</c>; null when there is none.</summary>
    public string? SourceSystemFilter => SourceSystemFilterPath.Count == 0 ? null : string.Join('/', SourceSystemFilterPath);

    public EngagementField SourceSystemFilterField { get; private init; }

    public string Record { get; private init; } = "";

    /// <summary>Further merged elements, after all <see cref="Record"/> elements, in this order.</summary>
    public IReadOnlyList<string> MoreRecords { get; private init; } = [];

    /// <summary>What the merge does with a child of a producer's response element (<see cref="Classify"/>).</summary>
    public const int MergedRecord = -1;

    /// <summary>A child in another namespace: an extension, kept after the closing element.</summary>
    public const int MergedExtension = -2;

    /// <summary>The producer's own result or another element of the contract: dropped, the aggregate writes its own.</summary>
    public const int NotMerged = -3;

    /// <summary>
    /// Where a child of a producer's response element goes in the merge: <see cref="MergedRecord"/>,
    /// <see cref="MergedExtension"/>, <see cref="NotMerged"/>, or the index of one of <see cref="MoreRecords"/>.
    /// </summary>
    public int Classify(string localName, string ns)
    {
        if (ns != Namespace)
        {
            return MergedExtension;
        }

        if (localName == Record)
        {
            return MergedRecord;
        }

        for (var i = 0; i < MoreRecords.Count; i++)
        {
            if (MoreRecords[i] == localName)
            {
                return i;
            }
        }

        return NotMerged;
    }

    /// <summary>The answer is always an empty response element (RequestExemptionStatuses).</summary>
    public bool EmptyAnswer { get; private init; }

    /// <summary>The consumer's request is validated against the contract's schema first.</summary>
    public bool ValidateRequest { get; private init; }

    /// <summary>Request elements that make the call a soap:Client fault.</summary>
    public IReadOnlyList<string> RefusedElements { get; private init; } = [];

    /// <summary>FindContent's mostRecentContent lies this far back from now; null: not sent.</summary>
    public TimeSpan? MostRecentContentWithin { get; private init; }

    /// <summary>The closing fragment (already parsed), or null.</summary>
    public XElement? Closing { get; private init; }

    /// <summary>Placeholder in <see cref="Closing"/> text replaced by the correlation id.</summary>
    public const string CorrelationIdPlaceholder = "{correlationId}";

    /// <summary>
    /// The size of the last records fragment a direct branch wrote for this contract: where the next one's buffer starts,
    /// so that it seldom grows (a race only costs a resize).
    /// </summary>
    internal int RecordsSizeHint;

    /// <summary>Builds a descriptor, or lists why it cannot be used.</summary>
    public static AggregatedContract? TryCreate(string name, AggregatedContractOptions options, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var ns = options.Namespace?.Trim() ?? "";
        var match = ResponderNamespace().Match(ns);
        if (ns.Length == 0)
        {
            errors.Add("Namespace is missing.");
        }

        var interaction = match.Success ? match.Groups["interaction"].Value : null;
        var major = match.Success ? match.Groups["major"].Value : null;
        var request = Trimmed(options.RequestElement) ?? interaction;
        if (request is null)
        {
            errors.Add("RequestElement is missing and cannot be derived from the namespace (expected urn:riv:…:<Interaction>Responder:<major>).");
        }

        var response = Trimmed(options.ResponseElement) ?? (request is null ? null : request + "Response");
        var path = Trimmed(options.Path) ?? (interaction is null ? null : $"/platform/aggregation/{interaction}/{major}/rivtabp21");
        if (path is null)
        {
            errors.Add("Path is missing and cannot be derived from the namespace.");
        }
        else if (!path.StartsWith('/'))
        {
            errors.Add($"Path '{path}' must start with '/'.");
        }

        var routerPath = Trimmed(options.RouterPath)?.TrimStart('/') ?? (match.Success
            ? $"{match.Groups["domain"].Value.Replace(':', '/')}/{interaction}/{major}/rivtabp21"
            : null);
        if (routerPath is null)
        {
            errors.Add("RouterPath is missing and cannot be derived from the namespace.");
        }

        var domain = Trimmed(options.ServiceDomain);
        if (domain is null)
        {
            errors.Add("ServiceDomain is missing.");
        }

        var patientPath = (options.PatientId ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (patientPath.Length == 0)
        {
            errors.Add("PatientId (the path of the patient id below the request element) is missing.");
        }

        var record = Trimmed(options.Record);
        if (record is null && !options.EmptyAnswer)
        {
            errors.Add("Record (the repeated element of the answer) is missing.");
        }

        var sourceSystemPath = (options.SourceSystemFilter ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var moreRecords = options.MoreRecords.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var refused = options.RefusedElements.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (options.MostRecentContentWithin is { } within && within <= TimeSpan.Zero)
        {
            errors.Add("MostRecentContentWithin must be positive.");
        }

        foreach (var (what, value) in new[] { ("RequestElement", request), ("ResponseElement", response), ("Record", record), ("CategorizationFilter", Trimmed(options.CategorizationFilter)) }
                     .Concat(patientPath.Select(p => ("PatientId", (string?)p)))
                     .Concat(sourceSystemPath.Select(p => ("SourceSystemFilter", (string?)p)))
                     .Concat(moreRecords.Select(p => ("MoreRecords", (string?)p)))
                     .Concat(refused.Select(p => ("RefusedElements", (string?)p)))
                     .Concat(options.SetToProducerAddress.Select(p => ("SetToProducerAddress", (string?)p))))
        {
            if (value is not null && !IsNcName(value))
            {
                errors.Add($"{what} '{value}' is not an XML local name.");
            }
        }

        XElement? closing = null;
        if (Trimmed(options.Closing) is { } fragment)
        {
            try
            {
                closing = ParseFragment(fragment, ns);
            }
            catch (XmlException ex)
            {
                errors.Add($"Closing is not a well-formed XML element: {ex.Message}");
            }
        }

        problems = errors;
        if (errors.Count > 0)
        {
            return null;
        }

        return new AggregatedContract(name, ns)
        {
            RequestElement = request!,
            ResponseElement = response!,
            Path = path!,
            RouterPath = routerPath!,
            ServiceDomain = domain!,
            Categorizations = options.Categorizations.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            CategorizationFilter = Trimmed(options.CategorizationFilter),
            PatientIdPath = patientPath,
            FanOutKey = options.FanOutKey,
            SetToProducerAddress = options.SetToProducerAddress.Select(s => s.Trim()).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal),
            SourceSystemFilterPath = sourceSystemPath,
            SourceSystemFilterField = options.SourceSystemFilterField,
            Record = record ?? "",
            MoreRecords = moreRecords,
            EmptyAnswer = options.EmptyAnswer,
            ValidateRequest = options.ValidateRequest,
            RefusedElements = refused,
            MostRecentContentWithin = options.MostRecentContentWithin,
            Closing = closing,
        };
    }

    /// <summary>The value of <paramref name="field"/> of an engagement.</summary>
    public static string FieldOf(EngagementIndex.Engagements.Engagement engagement, EngagementField field) =>
        field == EngagementField.LogicalAddress ? engagement.LogicalAddress : engagement.SourceSystem;

    private static XElement ParseFragment(string fragment, string defaultNamespace)
    {
        // Unprefixed names in the fragment belong to the contract's namespace; a DTD or entity is refused like anywhere else.
        var names = new XmlNamespaceManager(new NameTable());
        names.AddNamespace(string.Empty, defaultNamespace);
        var context = new XmlParserContext(null, names, null, XmlSpace.None);
        var settings = SafeXml.ReaderSettings();
        settings.ConformanceLevel = ConformanceLevel.Fragment;
        using var reader = XmlReader.Create(new StringReader(fragment), settings, context);
        reader.MoveToContent();
        var element = (XElement)XNode.ReadFrom(reader);
        reader.MoveToContent();
        if (!reader.EOF)
        {
            throw new XmlException("Exactly one element is expected.");
        }

        return element;
    }

    private static bool IsNcName(string value)
    {
        try
        {
            XmlConvert.VerifyNCName(value);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^urn:riv:(?<domain>.+):(?<interaction>[A-Za-z_][\w.-]*)Responder:(?<major>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ResponderNamespace();
}
