using System.Xml.Linq;

namespace TjanstePlattform.Tooling.Replay.SoapUi;

/// <summary>
/// One transfer of a SoapUI Property Transfer step (<c>con:transfers</c>), as the project says it: from a step's
/// property (<c>Response</c>, <c>Request</c>, a property of a properties step, or of <c>#TestCase#</c>,
/// <c>#TestSuite#</c>, <c>#Project#</c>), optionally through an XPath, into a property or into the XML of a later
/// request step's <c>Request</c> at an XPath. SoapUI writes the flags as attributes; a hand-written element of the same
/// name is read too.
/// </summary>
internal sealed record PropertyTransfer(
    string Name,
    string SourceStep,
    string SourceType,
    string SourcePath,
    string TargetStep,
    string TargetType,
    string TargetPath)
{
    private static readonly XNamespace Con = EnvelopeInfo.SoapUiNamespace;

    public bool Disabled { get; init; }

    /// <summary>A missing source sets the target to empty text instead of failing.</summary>
    public bool SetNullOnMissingSource { get; init; }

    /// <summary>A missing or empty source leaves the target as it is.</summary>
    public bool IgnoreEmpty { get; init; }

    /// <summary>Write every node the target XPath matches, not only the first.</summary>
    public bool TransferToAll { get; init; }

    /// <summary>Take the text of the node the source XPath matches, not its XML.</summary>
    public bool TransferTextContent { get; init; } = true;

    /// <summary>A transfer that cannot be made fails the step (SoapUI's default); off, it is reported and the step goes on.</summary>
    public bool FailOnError { get; init; } = true;

    /// <summary>The path language the project names for source or target when it is not XPath (JSONPATH …), else null.</summary>
    public string? OtherPathLanguage { get; init; }

    public static PropertyTransfer Read(XElement transfer)
    {
        string Text(string name) => transfer.Element(Con + name)?.Value.Trim() ?? string.Empty;
        bool Flag(string name, bool fallback)
        {
            var value = (string?)transfer.Attribute(name) ?? (string?)transfer.Element(Con + name);
            return value is null ? fallback : string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        // XQuery transfers evaluate as XPath 2.0, as XQuery Match assertions do; JSONPath needs a JSON answer.
        var other = new[] { Text("type"), Text("targetTransferType") }
            .FirstOrDefault(t => t.Length > 0 && !t.Equals("XPATH", StringComparison.OrdinalIgnoreCase) && !t.Equals("XQUERY", StringComparison.OrdinalIgnoreCase));
        return new PropertyTransfer(
            Text("name") is { Length: > 0 } name ? name : "(unnamed transfer)",
            Text("sourceStep"),
            Text("sourceType"),
            transfer.Element(Con + "sourcePath")?.Value ?? string.Empty,
            Text("targetStep"),
            Text("targetType"),
            transfer.Element(Con + "targetPath")?.Value ?? string.Empty)
        {
            Disabled = Flag("disabled", false),
            SetNullOnMissingSource = Flag("setNullOnMissingSource", false),
            IgnoreEmpty = Flag("ignoreEmpty", false),
            TransferToAll = Flag("transferToAll", false),
            TransferTextContent = Flag("transferTextContent", true),
            FailOnError = Flag("failOnError", true),
            OtherPathLanguage = other,
        };
    }
}
