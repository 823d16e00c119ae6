using System.Text.RegularExpressions;
using TjanstePlattform.Tooling.Assertions;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>
/// The <c>Expected:</c> line that every request sample in <c>wsdl/samples</c> carries in its leading comment
/// (see <c>wsdl/samples/README.md</c>), turned into assertions: <c>SOAP fault VP004 (…, HTTP 500)</c> expects a
/// fault whose faultstring begins with that code; <c>HTTP 200, resultCode OK …</c> expects that status, no fault,
/// and the first resultCode/errorCode named. A file without the line gets the default checks. The comment's
/// <c>Endpoint:</c> line gives the path a bare <c>--target</c> gets when it is not the router's conventional one
/// (an engagement index call sent directly to <c>/platform/…</c>).
/// </summary>
public static partial class ExpectedLine
{
    private const int SearchChars = 8 * 1024;

    /// <summary>The assertions of the line in the envelope's head, or null when it has none.</summary>
    public static IReadOnlyList<IReplayAssertion>? Parse(string envelopeText)
    {
        var head = envelopeText.Length > SearchChars ? envelopeText[..SearchChars] : envelopeText;
        var bodyStart = head.IndexOf("Envelope", StringComparison.Ordinal);
        var line = Line().Match(bodyStart > 0 ? head[..bodyStart] : head);
        return line.Success ? Assertions(line.Groups["text"].Value.Trim()) : null;
    }

    /// <summary>The path of the comment's <c>Endpoint:</c> line (its first word, when it begins with '/'), or null.</summary>
    public static string? EndpointPath(string envelopeText)
    {
        var head = envelopeText.Length > SearchChars ? envelopeText[..SearchChars] : envelopeText;
        var bodyStart = head.IndexOf("Envelope", StringComparison.Ordinal);
        return Endpoint().Match(bodyStart > 0 ? head[..bodyStart] : head) is { Success: true } endpoint ? endpoint.Groups["path"].Value : null;
    }

    /// <summary>The assertions one line's text (after <c>Expected:</c>) asks for.</summary>
    public static IReadOnlyList<IReplayAssertion> Assertions(string text)
    {
        var assertions = new List<IReplayAssertion> { new SoapResponseAssertion("Expected: a SOAP answer") };
        if (Status().Match(text) is { Success: true } status)
        {
            assertions.Add(new HttpStatusAssertion([int.Parse(status.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture)], $"Expected: HTTP {status.Groups["code"].Value}"));
        }

        if (Fault().IsMatch(text))
        {
            assertions.Add(new SoapFaultAssertion("Expected: SOAP fault"));
            if (FaultCode().Match(text) is { Success: true } code)
            {
                assertions.Add(new XPathMatchAssertion(
                    "substring(normalize-space(string(/*:Envelope/*:Body/*:Fault/faultstring)), 1, 5)", code.Value, name: $"Expected: fault {code.Value}"));
            }

            return assertions;
        }

        assertions.Add(new NotSoapFaultAssertion("Expected: not a SOAP fault"));
        if (ResultCode().Match(text) is { Success: true } result)
        {
            assertions.Add(new XPathMatchAssertion(
                "(//*[lower-case(local-name()) = 'resultcode'])[1]", result.Groups["value"].Value, name: $"Expected: resultCode {result.Groups["value"].Value}"));
        }

        if (ErrorCode().Match(text) is { Success: true } error)
        {
            assertions.Add(new XPathMatchAssertion(
                "(//*[lower-case(local-name()) = 'errorcode'])[1]", error.Groups["value"].Value, name: $"Expected: errorCode {error.Groups["value"].Value}"));
        }

        return assertions;
    }

    [GeneratedRegex(@"^\s*Endpoint:\s*(?<path>/[\w./\-]*)", RegexOptions.Multiline)]
    private static partial Regex Endpoint();

    [GeneratedRegex(@"\bfault\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fault();

    // "Expected:" or a qualified "Expected through /vp:".
    [GeneratedRegex(@"^\s*Expected(?: [^:\r\n]{1,40})?:(?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex Line();

    [GeneratedRegex(@"\bHTTP (?<code>[1-5]\d\d)\b")]
    private static partial Regex Status();

    [GeneratedRegex(@"\b(?:VP|EI)\d{3}\b")]
    private static partial Regex FaultCode();

    [GeneratedRegex(@"\bresultCode (?<value>OK|INFO|ERROR)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResultCode();

    [GeneratedRegex(@"\berrorCode (?<value>[A-Z_]+)\b")]
    private static partial Regex ErrorCode();
}
