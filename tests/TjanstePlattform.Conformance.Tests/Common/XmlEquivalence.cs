using System.Globalization;
using System.Xml.Linq;

namespace TjanstePlattform.Conformance.Tests.Common;

/// <summary>
/// Compares two elements by what a schema-aware reader sees: names (namespace + local name), order,
/// attributes and leaf values. Prefixes, namespace declarations, comments and indentation do not count;
/// numbers and booleans compare by value (<c>1.0</c> = <c>1</c>, <c>1</c> = <c>true</c>).
/// </summary>
public static class XmlEquivalence
{
    /// <summary>The first difference as a path and a reason, or null when equivalent.</summary>
    public static string? FirstDifference(XElement expected, XElement actual) => Compare(expected, actual, "/" + expected.Name.LocalName);

    public static void AssertEquivalent(XElement expected, XElement actual, string what)
    {
        var difference = FirstDifference(expected, actual);
        Assert.That(difference, Is.Null, $"{what} changed in the round trip: {difference}");
    }

    private static string? Compare(XElement e, XElement a, string path)
    {
        if (e.Name != a.Name)
        {
            return $"{path}: expected element {e.Name}, got {a.Name}";
        }

        var eAttributes = Attributes(e);
        var aAttributes = Attributes(a);
        if (!eAttributes.SequenceEqual(aAttributes))
        {
            return $"{path}: attributes [{string.Join(", ", eAttributes)}] became [{string.Join(", ", aAttributes)}]";
        }

        var eChildren = e.Elements().ToList();
        var aChildren = a.Elements().ToList();
        if (eChildren.Count == 0 && aChildren.Count == 0)
        {
            return SameValue(e.Value, a.Value) ? null : $"{path}: value '{e.Value}' became '{a.Value}'";
        }

        for (var i = 0; i < Math.Max(eChildren.Count, aChildren.Count); i++)
        {
            if (i >= eChildren.Count)
            {
                return $"{path}: unexpected extra element {aChildren[i].Name}";
            }

            if (i >= aChildren.Count)
            {
                return $"{path}: element {eChildren[i].Name} was lost";
            }

            var difference = Compare(eChildren[i], aChildren[i], $"{path}/{eChildren[i].Name.LocalName}[{i}]");
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    private static List<string> Attributes(XElement element) => element.Attributes()
        .Where(x => !x.IsNamespaceDeclaration)
        .Select(x => $"{x.Name}={x.Value}")
        .Order(StringComparer.Ordinal)
        .ToList();

    private static bool SameValue(string expected, string actual)
    {
        // Whitespace-only content of an element without children is indentation (e.g. an empty
        // complex element whose comments were dropped), not data.
        if (expected == actual || (string.IsNullOrWhiteSpace(expected) && string.IsNullOrWhiteSpace(actual)))
        {
            return true;
        }

        if (double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
        {
            return e.Equals(a);
        }

        return Boolean(expected) is { } eb && Boolean(actual) is { } ab && eb == ab;
    }

    private static bool? Boolean(string value) => value.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
