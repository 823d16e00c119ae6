using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace TjanstePlattform.Soap.Validation;

/// <summary>
/// Builds a schema-valid instance of an element from its compiled declaration: every required element and attribute
/// (optional ones left out), type-correct values — the first enumeration value (<c>OK</c> when the enumeration has it,
/// so a result code is the contract's OK), a string matching the pattern, numbers within their bounds. What a built-in
/// producer answers for a contract it has no data for, and what the tests send as a minimal valid request.
/// </summary>
public static class SchemaInstanceGenerator
{
    /// <summary>Deeper than this, required content is left out (recursive types); no RIVTA contract comes near it.</summary>
    public const int MaxDepth = 24;

    /// <summary>The namespace of the element written where a schema demands an <c>xs:any</c> from another namespace.</summary>
    public const string ExtensionNamespace = "urn:tjansteplattform:generated:1";

    /// <summary>
    /// An instance of <paramref name="element"/>. <paramref name="valueOf"/> may supply the text of a simple element by
    /// its name (a patient id, the call's logId); its value is used only when it is valid for the element's type.
    /// </summary>
    public static XElement Generate(XmlSchemaElement element, Func<XmlQualifiedName, string?>? valueOf = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        return Element(element, valueOf, 0)!;
    }

    private static XElement? Element(XmlSchemaElement element, Func<XmlQualifiedName, string?>? valueOf, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var name = XName.Get(element.QualifiedName.Name, element.QualifiedName.Namespace);
        var result = new XElement(name);
        switch (element.ElementSchemaType)
        {
            case XmlSchemaComplexType complex:
                Attributes(complex, result);
                if (complex.ContentType is XmlSchemaContentType.TextOnly && complex.Datatype is not null)
                {
                    result.Value = SimpleValue(SimpleContentType(complex), null);
                }
                else if (complex.ContentTypeParticle is { } particle)
                {
                    Particle(particle, result, valueOf, depth);
                }

                break;
            case XmlSchemaSimpleType simple:
                var supplied = valueOf?.Invoke(element.QualifiedName);
                result.Value = element.FixedValue ?? (supplied is not null && IsValid(simple, supplied) ? supplied : SimpleValue(simple, element.DefaultValue));
                break;
            default:
                // xs:anyType: any content, empty is fine.
                break;
        }

        return result;
    }

    private static void Particle(XmlSchemaParticle particle, XElement parent, Func<XmlQualifiedName, string?>? valueOf, int depth)
    {
        var count = (int)Math.Min(particle.MinOccurs, 2);
        for (var i = 0; i < count; i++)
        {
            switch (particle)
            {
                case XmlSchemaElement child:
                    if (Element(child, valueOf, depth + 1) is { } element)
                    {
                        parent.Add(element);
                    }

                    break;
                case XmlSchemaSequence sequence:
                    foreach (XmlSchemaParticle item in sequence.Items)
                    {
                        Particle(item, parent, valueOf, depth);
                    }

                    break;
                case XmlSchemaAll all:
                    foreach (XmlSchemaParticle item in all.Items)
                    {
                        Particle(item, parent, valueOf, depth);
                    }

                    break;
                case XmlSchemaChoice choice:
                    // The first alternative that can be empty costs nothing; otherwise the first one.
                    var options = choice.Items.Cast<XmlSchemaParticle>().ToList();
                    var pick = options.FirstOrDefault(o => o.MinOccurs == 0) ?? options.FirstOrDefault();
                    if (pick is not null)
                    {
                        Particle(pick, parent, valueOf, depth);
                    }

                    break;
                case XmlSchemaAny any:
                    parent.Add(new XElement(XName.Get("extension", AnyNamespace(any, parent.Name.NamespaceName))));
                    break;
            }
        }
    }

    /// <summary>A namespace the wildcard allows: ours for ##other/##any, else the first one listed.</summary>
    private static string AnyNamespace(XmlSchemaAny any, string parentNamespace)
    {
        var allowed = (any.Namespace ?? "##any").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var candidate in allowed)
        {
            switch (candidate)
            {
                case "##any" or "##other":
                    return ExtensionNamespace;
                case "##targetNamespace":
                    return parentNamespace;
                case "##local":
                    return string.Empty;
                default:
                    return candidate;
            }
        }

        return ExtensionNamespace;
    }

    private static void Attributes(XmlSchemaComplexType complex, XElement element)
    {
        foreach (XmlSchemaAttribute attribute in complex.AttributeUses.Values)
        {
            if (attribute.Use == XmlSchemaUse.Required && attribute.AttributeSchemaType is { } type)
            {
                element.SetAttributeValue(XName.Get(attribute.QualifiedName.Name, attribute.QualifiedName.Namespace),
                    attribute.FixedValue ?? SimpleValue(type, attribute.DefaultValue));
            }
        }
    }

    /// <summary>The simple type of a complex type with simple content (its base chain ends in one).</summary>
    private static XmlSchemaSimpleType SimpleContentType(XmlSchemaComplexType complex)
    {
        for (XmlSchemaType? type = complex; type is not null; type = type.BaseXmlSchemaType)
        {
            if (type is XmlSchemaSimpleType simple)
            {
                return simple;
            }
        }

        return XmlSchemaType.GetBuiltInSimpleType(XmlTypeCode.String);
    }

    /// <summary>A value of the simple type: enumeration, pattern, bounds and lengths respected.</summary>
    public static string SimpleValue(XmlSchemaSimpleType type, string? preferred = null)
    {
        if (preferred is not null && IsValid(type, preferred))
        {
            return preferred;
        }

        switch (type.Content)
        {
            case XmlSchemaSimpleTypeList list when list.BaseItemType is { } item:
                return SimpleValue(item);
            case XmlSchemaSimpleTypeUnion union when union.BaseMemberTypes is { Length: > 0 } members:
                return SimpleValue(members[0]);
        }

        var facets = Facets(type);
        var enumeration = facets.OfType<XmlSchemaEnumerationFacet>().Select(f => f.Value!).ToList();
        if (enumeration.Count > 0)
        {
            return enumeration.FirstOrDefault(v => v == "OK") ?? enumeration[0];
        }

        var patterns = facets.OfType<XmlSchemaPatternFacet>().Select(f => f.Value!).ToList();
        var candidates = new List<string>();
        candidates.AddRange(patterns.Select(PatternSample));
        candidates.AddRange(Defaults(type.TypeCode, facets));
        foreach (var candidate in candidates)
        {
            if (IsValid(type, candidate))
            {
                return candidate;
            }
        }

        return candidates.FirstOrDefault() ?? "x";
    }

    /// <summary>True when <paramref name="value"/> is a valid value of <paramref name="type"/>, facets included.</summary>
    public static bool IsValid(XmlSchemaSimpleType type, string value)
    {
        try
        {
            type.Datatype!.ParseValue(value, new NameTable(), null);
        }
        catch (Exception ex) when (ex is XmlSchemaException or FormatException or OverflowException)
        {
            return false;
        }

        // ParseValue checks the base type only: check this type's own facets by validating a one-element instance.
        var schema = new XmlSchema { TargetNamespace = "urn:tjansteplattform:check" };
        schema.Items.Add(new XmlSchemaElement { Name = "v", SchemaType = Copy(type) });
        var set = new XmlSchemaSet();
        set.Add(schema);
        try
        {
            set.Compile();
        }
        catch (XmlSchemaException)
        {
            return true; // cannot check further: the base type accepted it
        }

        var valid = true;
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationEventHandler += (_, _) => valid = false;
        var document = $"<v xmlns=\"urn:tjansteplattform:check\">{System.Security.SecurityElement.Escape(value)}</v>";
        using var reader = XmlReader.Create(new StringReader(document), settings);
        while (reader.Read())
        {
        }

        return valid;
    }

    /// <summary>An anonymous copy of a (possibly named, foreign) simple type: a restriction of it by name, or its own content.</summary>
    private static XmlSchemaSimpleType Copy(XmlSchemaSimpleType type)
    {
        var copy = new XmlSchemaSimpleType();
        var facets = Facets(type);
        var restriction = new XmlSchemaSimpleTypeRestriction { BaseTypeName = BuiltInBase(type).QualifiedName };
        foreach (var facet in facets)
        {
            // New facet objects: the compiled ones belong to the contract's schema set and stay untouched.
            var clone = (XmlSchemaFacet)Activator.CreateInstance(facet.GetType())!;
            clone.Value = facet.Value;
            restriction.Facets.Add(clone);
        }

        copy.Content = restriction;
        return copy;
    }

    private static XmlSchemaSimpleType BuiltInBase(XmlSchemaSimpleType type)
    {
        for (XmlSchemaType? current = type; current is not null; current = current.BaseXmlSchemaType)
        {
            if (current is XmlSchemaSimpleType simple && simple.QualifiedName.Namespace == XmlSchema.Namespace)
            {
                return simple;
            }
        }

        return XmlSchemaType.GetBuiltInSimpleType(XmlTypeCode.String);
    }

    /// <summary>Every facet along the derivation chain (the nearest restriction first).</summary>
    private static List<XmlSchemaFacet> Facets(XmlSchemaSimpleType type)
    {
        var facets = new List<XmlSchemaFacet>();
        for (XmlSchemaType? current = type; current is XmlSchemaSimpleType simple && simple.QualifiedName.Namespace != XmlSchema.Namespace; current = current.BaseXmlSchemaType)
        {
            if (simple.Content is XmlSchemaSimpleTypeRestriction restriction)
            {
                // Only the nearest enumeration counts: a derived enumeration narrows its base's.
                var hasEnumeration = facets.OfType<XmlSchemaEnumerationFacet>().Any();
                facets.AddRange(restriction.Facets.Cast<XmlSchemaFacet>().Where(f => !(hasEnumeration && f is XmlSchemaEnumerationFacet)));
            }
        }

        return facets;
    }

    private static IEnumerable<string> Defaults(XmlTypeCode code, List<XmlSchemaFacet> facets)
    {
        if (facets.OfType<XmlSchemaMinInclusiveFacet>().FirstOrDefault() is { Value: { } min })
        {
            yield return min;
        }

        if (facets.OfType<XmlSchemaMaxInclusiveFacet>().FirstOrDefault() is { Value: { } max })
        {
            yield return max;
        }

        var length = facets.OfType<XmlSchemaLengthFacet>().FirstOrDefault()?.Value
            ?? facets.OfType<XmlSchemaMinLengthFacet>().FirstOrDefault()?.Value;
        switch (code)
        {
            case XmlTypeCode.Boolean:
                yield return "true";
                break;
            case XmlTypeCode.Date:
                yield return "2025-01-01";
                break;
            case XmlTypeCode.DateTime:
                yield return "2025-01-01T12:00:00";
                break;
            case XmlTypeCode.Time:
                yield return "12:00:00";
                break;
            case XmlTypeCode.GYear:
                yield return "2025";
                break;
            case XmlTypeCode.AnyUri:
                yield return "urn:tjansteplattform:example";
                break;
            case XmlTypeCode.Base64Binary:
                yield return "VGrDpG5zdGVQbGF0dGZvcm0=";
                break;
            case XmlTypeCode.HexBinary:
                yield return "00";
                break;
            case XmlTypeCode.Decimal or XmlTypeCode.Integer or XmlTypeCode.Int or XmlTypeCode.Long or XmlTypeCode.Short or XmlTypeCode.Byte
                or XmlTypeCode.NonNegativeInteger or XmlTypeCode.PositiveInteger or XmlTypeCode.UnsignedInt or XmlTypeCode.UnsignedLong
                or XmlTypeCode.UnsignedShort or XmlTypeCode.UnsignedByte or XmlTypeCode.Double or XmlTypeCode.Float:
                yield return "1";
                break;
            case XmlTypeCode.NegativeInteger or XmlTypeCode.NonPositiveInteger:
                yield return "-1";
                break;
            default:
                var text = "exempel";
                if (length is not null && int.TryParse(length, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    text = new string('x', n);
                }

                yield return text;
                yield return "1";
                break;
        }
    }

    /// <summary>
    /// A string matching an XSD pattern: literals kept, the first alternative of a group, the first character of a class,
    /// each quantified item repeated its minimum (at least once for +). Enough for the patterns of RIVTA contracts
    /// (timestamps, dates, person ids, codes); the result is checked against the type before it is used.
    /// </summary>
    public static string PatternSample(string pattern)
    {
        var position = 0;
        try
        {
            return Sequence(pattern, ref position);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or FormatException)
        {
            return "x";
        }
    }

    private static string Sequence(string pattern, ref int i)
    {
        var text = new StringBuilder();
        while (i < pattern.Length && pattern[i] != ')')
        {
            if (pattern[i] == '|')
            {
                // Only the first alternative: skip the rest of this group.
                SkipAlternatives(pattern, ref i);
                break;
            }

            var atom = Atom(pattern, ref i);
            var (min, _) = Quantifier(pattern, ref i);
            for (var k = 0; k < min; k++)
            {
                text.Append(atom);
            }
        }

        return text.ToString();
    }

    private static void SkipAlternatives(string pattern, ref int i)
    {
        var depth = 0;
        for (; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    while (i < pattern.Length && pattern[i] != ']')
                    {
                        i += pattern[i] == '\\' ? 2 : 1;
                    }

                    break;
                case '(':
                    depth++;
                    break;
                case ')' when depth == 0:
                    return;
                case ')':
                    depth--;
                    break;
            }
        }
    }

    private static string Atom(string pattern, ref int i)
    {
        var c = pattern[i];
        switch (c)
        {
            case '(':
                i++;
                var inner = Sequence(pattern, ref i);
                i++; // ')'
                return inner;
            case '[':
                return Class(pattern, ref i);
            case '\\':
                var escaped = pattern[i + 1];
                i += 2;
                return escaped switch
                {
                    'd' => "1",
                    'w' or 'i' or 'c' => "a",
                    's' => " ",
                    'p' or 'P' => SkipBraces(pattern, ref i, "a"),
                    'n' => "\n",
                    't' => "\t",
                    _ => escaped.ToString(),
                };
            case '.':
                i++;
                return "a";
            case '^' or '$':
                // Literal characters to XSD, yet some releases write them as anchors and .NET reads them so: write none.
                i++;
                return string.Empty;
            default:
                i++;
                return c.ToString();
        }
    }

    private static string SkipBraces(string pattern, ref int i, string value)
    {
        if (i < pattern.Length && pattern[i] == '{')
        {
            i = pattern.IndexOf('}', i) + 1;
        }

        return value;
    }

    private static string Class(string pattern, ref int i)
    {
        i++; // '['
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        string? first = null;
        while (i < pattern.Length && pattern[i] != ']')
        {
            string current;
            if (pattern[i] == '\\')
            {
                var escaped = pattern[i + 1];
                i += 2;
                current = escaped switch { 'd' => "0", 'w' => "a", 's' => " ", 'p' or 'P' => SkipBraces(pattern, ref i, "a"), _ => escaped.ToString() };
            }
            else if (pattern[i] == '-' && pattern[i + 1] == '[')
            {
                // Class subtraction: ignore the subtracted class.
                var end = pattern.IndexOf(']', i);
                i = end + 1;
                continue;
            }
            else
            {
                current = pattern[i].ToString();
                i++;
            }

            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']' && pattern[i + 1] != '[')
            {
                i += 2; // a range: its first character is enough
            }

            first ??= current;
        }

        i++; // ']'
        return negated ? "§" : first ?? "a";
    }

    private static (int Min, int Max) Quantifier(string pattern, ref int i)
    {
        if (i >= pattern.Length)
        {
            return (1, 1);
        }

        switch (pattern[i])
        {
            case '?':
                i++;
                return (0, 1);
            case '*':
                i++;
                return (0, int.MaxValue);
            case '+':
                i++;
                return (1, int.MaxValue);
            case '{':
                var end = pattern.IndexOf('}', i);
                var parts = pattern[(i + 1)..end].Split(',');
                i = end + 1;
                var min = int.Parse(parts[0], CultureInfo.InvariantCulture);
                return (min, min);
            default:
                return (1, 1);
        }
    }
}
