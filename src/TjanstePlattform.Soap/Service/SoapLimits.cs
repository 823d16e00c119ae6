namespace TjanstePlattform.Soap.Service;

/// <summary>
/// Hard structural limits on every envelope a built-in service reads (section <c>Soap:Limits</c>). The defaults fit
/// every official RIVTA sample and SoapUI project in ../shared/rivta with a wide margin (measured: at most 15 levels deep,
/// 10 attributes and 5 namespace declarations on an element, names of 42 characters) while bounding what a hostile request can cost:
/// a message that breaks one is refused before any handler sees it, with a precise fault.
/// </summary>
public sealed class SoapLimits
{
    public const string SectionName = "Soap:Limits";

    /// <summary>The defaults, for messages the platform reads outside a service (producers' answers to the fan-out).</summary>
    public static SoapLimits Default { get; } = new();

    /// <summary>Deepest element nesting, counted from the Envelope (depth 0).</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Most attributes on one element, namespace declarations included.</summary>
    public int MaxAttributesPerElement { get; set; } = 64;

    /// <summary>Most namespace declarations (<c>xmlns</c>, <c>xmlns:p</c>) on one element.</summary>
    public int MaxNamespaceDeclarationsPerElement { get; set; } = 32;

    /// <summary>Longest element or attribute name (prefix and local name), in characters.</summary>
    public int MaxNameLength { get; set; } = 256;

    /// <summary>Most elements in one message (an EI Update of 1000 engagements has about 16,000).</summary>
    public int MaxElements { get; set; } = 500_000;

    /// <summary>True when every limit is positive.</summary>
    public bool IsValid => MaxDepth > 2 && MaxAttributesPerElement > 0 && MaxNamespaceDeclarationsPerElement > 0 && MaxNameLength > 0 && MaxElements > 2;
}
