using System.Text;
using System.Text.RegularExpressions;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>
/// Turns envelope bytes into text the way real traffic needs it: a byte order mark wins; without one the
/// body is UTF-8, even when the XML declaration claims <c>utf-16</c> (typical .NET output written as UTF-8,
/// which the reference router also retries as UTF-8). Other declared single-byte encodings are honoured.
/// </summary>
public static partial class EnvelopeText
{
    /// <summary>Decodes bytes to text (see the type remarks). Never throws for odd declarations.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        var declared = DeclaredEncoding(bytes);
        if (declared is not null && !declared.StartsWith("utf", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Encoding.GetEncoding(declared).GetString(bytes);
            }
            catch (ArgumentException)
            {
                // An encoding this runtime does not know (InvariantGlobalization): fall back to UTF-8.
            }
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The encoding named in the XML declaration, if any (read as ASCII).</summary>
    public static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        var match = DeclarationEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")]
    private static partial Regex DeclarationEncoding();
}
