using System.Globalization;
using System.Xml.Linq;
using TjanstePlattform.Tooling.Assertions;

namespace TjanstePlattform.Tooling.Replay.SoapUi;

/// <summary>
/// Maps a SoapUI <c>con:assertion</c> to a replay assertion. Configuration values are property-expanded
/// (<c>${#TestSuite#urn}</c> in an XPath). Types replay cannot run (Groovy scripts, JSONPath, WS-*)
/// and disabled assertions become <see cref="UnsupportedAssertion"/>: reported as skipped, by name.
/// </summary>
public static class SoapUiAssertions
{
    public static IReplayAssertion Create(XElement assertion, PropertyExpander expander)
    {
        var type = (string?)assertion.Attribute("type") ?? "(no type)";
        var name = (string?)assertion.Attribute("name");
        var config = assertion.Elements().FirstOrDefault(e => e.Name.LocalName == "configuration");

        if (string.Equals((string?)assertion.Attribute("disabled"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return new UnsupportedAssertion(type, name ?? type, "disabled in the project");
        }

        string Value(string element, string fallback = "") => expander.Expand(config?.Elements().FirstOrDefault(e => e.Name.LocalName == element)?.Value ?? fallback);
        bool Flag(string element) => string.Equals(Value(element, "false").Trim(), "true", StringComparison.OrdinalIgnoreCase);

        return type switch
        {
            SoapResponseAssertion.TypeId => new SoapResponseAssertion(name),
            NotSoapFaultAssertion.TypeId => new NotSoapFaultAssertion(name),
            SoapFaultAssertion.TypeId => new SoapFaultAssertion(name),
            ContainsAssertion.TypeId => new ContainsAssertion(Value("token"), Flag("ignoreCase"), Flag("useRegEx"), name),
            NotContainsAssertion.TypeId => new NotContainsAssertion(Value("token"), Flag("ignoreCase"), Flag("useRegEx"), name),
            XPathMatchAssertion.TypeId => new XPathMatchAssertion(Value("path"), Value("content"), Flag("allowWildcards"), name),
            XPathMatchAssertion.XQueryTypeId => new XPathMatchAssertion(Value("path"), Value("content"), Flag("allowWildcards"), name, type),
            HttpStatusAssertion.TypeId => new HttpStatusAssertion(HttpStatusAssertion.ParseCodes(Value("codes")), name),
            InvalidHttpStatusAssertion.TypeId => new InvalidHttpStatusAssertion(HttpStatusAssertion.ParseCodes(Value("codes")), name),
            ResponseSlaAssertion.TypeId => Sla(Value("SLA"), name, type),
            SchemaComplianceAssertion.TypeId => new SchemaComplianceAssertion(name),
            "GroovyScriptAssertion" => new UnsupportedAssertion(type, name ?? "Script Assertion", "Groovy scripts are not run by replay"),
            _ => new UnsupportedAssertion(type, name ?? type, $"assertion type '{type}' is not supported by replay"),
        };
    }

    private static IReplayAssertion Sla(string value, string? name, string type)
        => long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms >= 0
            ? new ResponseSlaAssertion(TimeSpan.FromMilliseconds(ms), name)
            : new UnsupportedAssertion(type, name ?? "Response SLA", $"the SLA '{value}' is not a number of milliseconds");
}
