using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.XPath;
using System.Xml.Xsl;

namespace TjanstePlattform.Tooling.Assertions.XPath;

/// <summary>
/// Namespaces plus the few XPath 2.0 functions that SoapUI projects and Schematron rules use in otherwise
/// XPath 1.0 expressions (<c>matches</c>, <c>exists</c>, <c>empty</c>, <c>lower-case</c>, <c>upper-case</c>,
/// <c>ends-with</c>), so that they run on System.Xml.XPath without an XQuery engine.
/// </summary>
public sealed class XPathFunctionContext : XsltContext
{
    private static readonly Dictionary<string, IXsltContextFunction> Functions = new(StringComparer.Ordinal)
    {
        ["matches"] = new Function(2, 3, XPathResultType.Boolean, args =>
            Regex.IsMatch(AsString(args[0]), AsString(args[1]), RegexFlags(args.Length > 2 ? AsString(args[2]) : string.Empty), TimeSpan.FromSeconds(2))),
        ["exists"] = new Function(1, 1, XPathResultType.Boolean, args => Exists(args[0])),
        ["empty"] = new Function(1, 1, XPathResultType.Boolean, args => !Exists(args[0])),
        ["lower-case"] = new Function(1, 1, XPathResultType.String, args => AsString(args[0]).ToLowerInvariant()),
        ["upper-case"] = new Function(1, 1, XPathResultType.String, args => AsString(args[0]).ToUpperInvariant()),
        ["ends-with"] = new Function(2, 2, XPathResultType.Boolean, args => AsString(args[0]).EndsWith(AsString(args[1]), StringComparison.Ordinal)),
    };

    public XPathFunctionContext(XmlNameTable nameTable)
        : base(nameTable as NameTable ?? new NameTable())
    {
    }

    public XPathFunctionContext()
        : base(new NameTable())
    {
    }

    public override bool Whitespace => true;

    public override int CompareDocument(string baseUri, string nextbaseUri) => 0;

    public override bool PreserveWhitespace(XPathNavigator node) => true;

    public override IXsltContextFunction ResolveFunction(string prefix, string name, XPathResultType[] argTypes)
    {
        // XPath 2.0 functions live in the fn namespace; unprefixed names are the usual spelling.
        if ((prefix.Length == 0 || LookupNamespace(prefix) == "http://www.w3.org/2005/xpath-functions")
            && Functions.TryGetValue(name, out var function))
        {
            return function;
        }

        throw new XPathException($"The function '{(prefix.Length > 0 ? prefix + ":" : string.Empty)}{name}()' is not supported (XPath 1.0 plus matches, exists, empty, lower-case, upper-case, ends-with).");
    }

    public override IXsltContextVariable ResolveVariable(string prefix, string name)
        => throw new XPathException($"The variable '${name}' is not defined.");

    private static bool Exists(object value) => value switch
    {
        XPathNodeIterator nodes => nodes.Clone().MoveNext(),
        string text => text.Length > 0,
        _ => true,
    };

    private static string AsString(object value) => value switch
    {
        XPathNodeIterator nodes => nodes.Clone() is var clone && clone.MoveNext() ? clone.Current!.Value : string.Empty,
        XPathNavigator node => node.Value,
        bool flag => flag ? "true" : "false",
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static RegexOptions RegexFlags(string flags)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in flags)
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                's' => RegexOptions.Singleline,
                'm' => RegexOptions.Multiline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => RegexOptions.None,
            };
        }

        return options;
    }

    private sealed class Function(int minArgs, int maxArgs, XPathResultType returnType, Func<object[], object> body) : IXsltContextFunction
    {
        public int Minargs => minArgs;
        public int Maxargs => maxArgs;
        public XPathResultType ReturnType => returnType;
        public XPathResultType[] ArgTypes => [.. Enumerable.Repeat(XPathResultType.Any, maxArgs)];

        public object Invoke(XsltContext xsltContext, object[] args, XPathNavigator docContext) => body(args);
    }
}
