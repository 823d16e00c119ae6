using System.Text.RegularExpressions;

namespace TjanstePlattform.OperatorConsole.Calls;

/// <summary>
/// Masks Swedish person ids (personnummer and samordningsnummer, 10 or 12 digits, optional - or +) in text shown in
/// the live feed: the birth date stays readable, the last four digits become ****.
/// </summary>
internal static partial class PersonIdMask
{
    public static string Mask(string value) => string.IsNullOrEmpty(value) ? value : PersonId().Replace(value, m => m.Groups["date"].Value + m.Groups["sep"].Value + "****");

    [GeneratedRegex(@"(?<![0-9])(?<date>(?:19|20)?[0-9]{6})(?<sep>[-+]?)[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PersonId();
}
