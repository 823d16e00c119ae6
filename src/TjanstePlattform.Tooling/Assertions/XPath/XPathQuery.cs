using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.XPath;

namespace TjanstePlattform.Tooling.Assertions.XPath;

/// <summary>
/// An XPath as SoapUI writes it: optional XQuery-style prolog lines
/// (<c>declare namespace urn='…';</c>) followed by the expression. Prefixes the prolog does not declare are
/// taken from the answer's own namespace declarations, as SoapUI does.
/// </summary>
public sealed partial class XPathQuery
{
    private XPathQuery(string expression, IReadOnlyDictionary<string, string> namespaces)
    {
        Expression = expression;
        Namespaces = namespaces;
    }

    /// <summary>The expression without the prolog.</summary>
    public string Expression { get; }

    /// <summary>Prefixes declared in the prolog.</summary>
    public IReadOnlyDictionary<string, string> Namespaces { get; }

    public static XPathQuery Parse(string text)
    {
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = DeclareNamespace().Replace(text, match =>
        {
            namespaces[match.Groups["prefix"].Value] = match.Groups["uri"].Value;
            return string.Empty;
        });
        return new XPathQuery(rest.Trim(), namespaces);
    }

    /// <summary>Evaluates against a document: a boolean, a number, a string or a node iterator.</summary>
    public object Evaluate(XPathNavigator document, IReadOnlyDictionary<string, string>? extraNamespaces = null)
    {
        var context = new XPathFunctionContext(document.NameTable);
        foreach (var (prefix, uri) in DocumentNamespaces(document))
        {
            context.AddNamespace(prefix, uri);
        }

        foreach (var (prefix, uri) in extraNamespaces ?? new Dictionary<string, string>())
        {
            context.AddNamespace(prefix, uri);
        }

        foreach (var (prefix, uri) in Namespaces)
        {
            context.AddNamespace(prefix, uri);
        }

        var compiled = XPathExpression.Compile(Expression, context);
        return document.Evaluate(compiled);
    }

    /// <summary>
    /// Renders a result the way SoapUI compares it: booleans as true/false, numbers without a trailing .0,
    /// a node set by its first node (text value, or the element's XML when it has child elements).
    /// Null when the node set is empty.
    /// </summary>
    public static string? Render(object result)
    {
        switch (result)
        {
            case bool flag:
                return flag ? "true" : "false";
            case double number:
                return double.IsInteger(number) ? ((long)number).ToString(CultureInfo.InvariantCulture) : number.ToString("R", CultureInfo.InvariantCulture);
            case string text:
                return text;
            case XPathNodeIterator nodes:
                if (!nodes.MoveNext() || nodes.Current is null)
                {
                    return null;
                }

                var node = nodes.Current;
                return node.NodeType == XPathNodeType.Element && node.HasChildren && node.Clone() is var probe && probe.MoveToChild(XPathNodeType.Element)
                    ? node.OuterXml
                    : node.Value;
            default:
                return Convert.ToString(result, CultureInfo.InvariantCulture);
        }
    }

    // First binding of each prefix in document order: what the answer itself calls its namespaces.
    private static Dictionary<string, string> DocumentNamespaces(XPathNavigator document)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var walker = document.Clone();
        walker.MoveToRoot();
        var elements = walker.SelectDescendants(XPathNodeType.Element, matchSelf: false);
        var visited = 0;
        while (elements.MoveNext() && visited++ < 10_000)
        {
            var element = elements.Current!.Clone();
            if (element.MoveToFirstNamespace(XPathNamespaceScope.Local))
            {
                do
                {
                    if (element.Name.Length > 0 && element.Name != "xml")
                    {
                        found.TryAdd(element.Name, element.Value);
                    }
                }
                while (element.MoveToNextNamespace(XPathNamespaceScope.Local));
            }
        }

        return found;
    }

    [GeneratedRegex("""declare\s+namespace\s+(?<prefix>[A-Za-z_][\w.\-]*)\s*=\s*(["'])(?<uri>[^"']*)\1\s*;""")]
    private static partial Regex DeclareNamespace();
}
