using System.Xml.XPath;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Tooling.Assertions;

/// <summary>
/// The number of <c>{namespace}name</c> children of the answer's payload (e.g. medicationMedicalRecord)
/// equals a recorded count. Derived from recordings: a replay shows when a producer's answer grew or shrank.
/// </summary>
public sealed class RecordCountAssertion(string elementNamespace, string elementName, int expected, string? name = null) : IReplayAssertion
{
    public const string TypeId = "Record Count";

    public string Name { get; } = name ?? $"{elementName} count";
    public string Type => TypeId;
    public string ElementNamespace { get; } = elementNamespace;
    public string ElementName { get; } = elementName;
    public int Expected { get; } = expected;

    public AssertionOutcome Evaluate(ReplayExchange exchange, AssertionContext context)
    {
        if (exchange.Document is null || !exchange.IsSoapEnvelope)
        {
            return AssertionOutcome.Fail($"Expected {Expected} {ElementName}, but the answer is not a SOAP envelope.");
        }

        var actual = Count(exchange.Document.CreateNavigator(), ElementNamespace, ElementName);
        return actual == Expected
            ? AssertionOutcome.Pass()
            : AssertionOutcome.Fail($"Expected {Expected} {ElementName}, got {actual}.");
    }

    /// <summary>Counts the payload's direct children with the given name.</summary>
    public static int Count(XPathNavigator document, string ns, string localName)
    {
        var payload = Payload(document);
        if (payload is null)
        {
            return 0;
        }

        var count = 0;
        var children = payload.SelectChildren(localName, ns);
        while (children.MoveNext())
        {
            count++;
        }

        return count;
    }

    /// <summary>The children of the payload grouped by name with their counts, in document order.</summary>
    public static IReadOnlyList<(string Namespace, string Name, int Count)> CountChildren(XPathNavigator document)
    {
        var payload = Payload(document);
        var counts = new List<(string, string, int)>();
        if (payload is null)
        {
            return counts;
        }

        var children = payload.SelectChildren(XPathNodeType.Element);
        while (children.MoveNext())
        {
            var child = children.Current!;
            var index = counts.FindIndex(c => c.Item1 == child.NamespaceURI && c.Item2 == child.LocalName);
            if (index < 0)
            {
                counts.Add((child.NamespaceURI, child.LocalName, 1));
            }
            else
            {
                counts[index] = (child.NamespaceURI, child.LocalName, counts[index].Item3 + 1);
            }
        }

        return counts;
    }

    private static XPathNavigator? Payload(XPathNavigator document)
    {
        var nav = document.Clone();
        nav.MoveToRoot();
        if (!nav.MoveToChild("Envelope", RivtaNamespaces.Soap11Envelope) || !nav.MoveToChild("Body", RivtaNamespaces.Soap11Envelope))
        {
            return null;
        }

        return nav.MoveToFirstChild() && MoveToElement(nav) ? nav : null;
    }

    private static bool MoveToElement(XPathNavigator nav)
    {
        while (nav.NodeType != XPathNodeType.Element)
        {
            if (!nav.MoveToNext())
            {
                return false;
            }
        }

        return true;
    }
}
