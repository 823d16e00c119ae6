using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.XPath;
using Wmhelp.XPath2;

namespace TjanstePlattform.Tooling.Assertions.XPath;

/// <summary>
/// An XPath as SoapUI writes it: optional XQuery-style prolog lines (<c>declare namespace urn='…';</c>) followed
/// by an XPath 2.0 expression, evaluated as SoapUI's Saxon does (namespace wildcards <c>//*:resultCode</c>,
/// <c>count</c>, <c>exists</c>, <c>matches</c>, casts, <c>for</c> …) by the XPath2 package on top of
/// System.Xml.XPath. Prefixes the prolog does not declare are taken from the answer's own namespace
/// declarations, as SoapUI does.
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

    /// <summary>
    /// Evaluates against a document: a boolean, a number, a string, or a sequence (<see cref="XPath2NodeIterator"/>).
    /// Throws <see cref="XPathException"/> with the engine's first line when the expression is wrong.
    /// </summary>
    public object Evaluate(XPathNavigator document, IReadOnlyDictionary<string, string>? extraNamespaces = null)
    {
        var resolver = new XmlNamespaceManager(document.NameTable ?? new NameTable());
        foreach (var (prefix, uri) in DocumentNamespaces(document).Concat(extraNamespaces ?? new Dictionary<string, string>()).Concat(Namespaces))
        {
            resolver.RemoveNamespace(prefix, resolver.LookupNamespace(prefix) ?? string.Empty);
            resolver.AddNamespace(prefix, uri);
        }

        try
        {
            return document.XPath2Evaluate(Expression, resolver);
        }
        catch (Exception ex) when (ex is XPath2Exception or InvalidCastException or FormatException or OverflowException)
        {
            // A syntax error lists every token the grammar expected; the first line says what went wrong.
            throw new XPathException(ex.Message.Split('\n', 2)[0].Trim());
        }
    }

    /// <summary>
    /// Renders a result the way SoapUI compares it: booleans as true/false, numbers without a trailing .0, a
    /// sequence by its first item (text value, or the element's XML when it has child elements). Null when the
    /// sequence is empty.
    /// </summary>
    public static string? Render(object? result)
    {
        switch (result)
        {
            case null:
                return null;
            case bool flag:
                return flag ? "true" : "false";
            case double number:
                return double.IsInteger(number) && Math.Abs(number) < 1e15 ? ((long)number).ToString(CultureInfo.InvariantCulture) : number.ToString("R", CultureInfo.InvariantCulture);
            case float number:
                return Render((double)number);
            case decimal number:
                return number.ToString("0.############################", CultureInfo.InvariantCulture);
            case string text:
                return text;
            case XPath2NodeIterator sequence:
                return sequence.MoveNext() && sequence.Current is { } first ? Render(first) : null;
            case XPathNodeIterator nodes:
                return nodes.MoveNext() && nodes.Current is { } node1 ? Render(node1) : null;
            case XPathNavigator node:
                return node.NodeType == XPathNodeType.Element && node.HasChildren && node.Clone() is var probe && probe.MoveToChild(XPathNodeType.Element)
                    ? node.OuterXml
                    : node.Value;
            case XPathItem item:
                return Render(item.TypedValue is var typed and not XPathItem ? typed : item.Value);
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
