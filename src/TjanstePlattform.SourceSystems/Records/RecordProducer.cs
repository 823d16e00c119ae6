using System.Xml.Linq;

namespace TjanstePlattform.SourceSystems.Records;

/// <summary>
/// A built-in producer that answers from XML records (<see cref="RecordFileData"/>). Transport-free: it takes the request
/// body, the LogicalAddress and the call's log id and returns the response body, so any SOAP layer can host it.
/// The request's filters are honoured: the patient, the period (a record counts by its time), and the source system
/// (a filter naming another system answers no records).
/// </summary>
internal static class RecordProducer
{
    /// <summary>The text in a result fragment replaced by the call's log id.</summary>
    public const string LogIdPlaceholder = "{logId}";

    public static XElement Answer(RecordFileData file, RecordSystemData system, IReadOnlyCollection<string> systemAddresses, XElement request, string logId)
    {
        XNamespace ns = file.Contract;
        var patient = Follow(request, ns, file.PatientIdPath)?.Value.Trim();
        var sourceSystem = file.SourceSystemPath.Count == 0 ? null : Follow(request, ns, file.SourceSystemPath)?.Value.Trim();
        var period = file.PeriodElement is null ? null : request.Element(ns + file.PeriodElement);
        var start = Bound(period, "start");
        var end = Bound(period, "end");
        var otherSystem = !string.IsNullOrEmpty(sourceSystem) && !systemAddresses.Contains(sourceSystem, StringComparer.OrdinalIgnoreCase);

        var records = otherSystem || string.IsNullOrEmpty(patient)
            ? []
            : system.Records
                .Where(r => r.Element is not null && string.Equals(r.Patient, patient, StringComparison.Ordinal))
                .Where(r => start is null || string.CompareOrdinal(r.Time[..8], start) >= 0)
                .Where(r => end is null || string.CompareOrdinal(r.Time[..8], end) <= 0)
                .OrderBy(r => r.Time, StringComparer.Ordinal)
                .Select(r => new XElement(r.Element!))
                .ToList();

        return new XElement(ns + (file.Interaction + "Response"), records, file.Result.Select(r => WithLogId(r, logId)));
    }

    /// <summary>The first element at the path: the first step a child in the contract's namespace, deeper steps by local name.</summary>
    public static XElement? Follow(XElement root, XNamespace contract, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return null;
        }

        var current = root.Element(contract + path[0]);
        for (var i = 1; current is not null && i < path.Count; i++)
        {
            current = current.Elements().FirstOrDefault(e => e.Name.LocalName == path[i]);
        }

        return current;
    }

    /// <summary>A period bound as a date (YYYYMMDD): the first eight characters of a date or timestamp.</summary>
    private static string? Bound(XElement? period, string name)
    {
        var value = period?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        return value is { Length: >= 8 } ? value[..8] : null;
    }

    private static XElement WithLogId(XElement template, string logId)
    {
        var copy = new XElement(template);
        foreach (var text in copy.DescendantNodes().OfType<XText>().Where(t => t.Value.Contains(LogIdPlaceholder, StringComparison.Ordinal)))
        {
            text.Value = text.Value.Replace(LogIdPlaceholder, logId, StringComparison.Ordinal);
        }

        return copy;
    }
}
