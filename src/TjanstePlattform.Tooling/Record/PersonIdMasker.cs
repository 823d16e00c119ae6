using System.Text.RegularExpressions;

namespace TjanstePlattform.Tooling.Record;

/// <summary>
/// Replaces 12-digit person ids (personnummer, samordningsnummer: <c>\d{12}</c> standing alone, so HSA-ids such
/// as <c>SE2321000131-E000000000001</c> and 14-digit timestamps are left alone) with stand-ins, consistently:
/// one real id always gets the same stand-in, in requests, answers and headers alike, so that a recording
/// still shows which calls concern the same patient. Stand-ins are 12 digits too, so masked envelopes stay
/// schema-valid: <c>190001010001</c>, <c>190001010002</c> … Thread-safe.
/// </summary>
public sealed partial class PersonIdMasker
{
    private readonly Dictionary<string, string> _standIns = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>How many distinct ids were masked so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _standIns.Count;
            }
        }
    }

    public string Mask(string text) => PersonId().Replace(text, match => StandIn(match.Value));

    private string StandIn(string id)
    {
        lock (_gate)
        {
            if (!_standIns.TryGetValue(id, out var standIn))
            {
                var n = _standIns.Count + 1;
                standIn = n < 10_000 ? $"19000101{n:D4}" : $"1900{n:D8}";
                _standIns[id] = standIn;
            }

            return standIn;
        }
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z\-])[0-9]{12}(?![0-9A-Za-z\-])", RegexOptions.CultureInvariant)]
    private static partial Regex PersonId();
}
