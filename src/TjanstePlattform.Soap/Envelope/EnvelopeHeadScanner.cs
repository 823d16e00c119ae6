using System.Buffers;
using System.Text;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Soap.Envelope;

/// <summary>
/// The router's fast path for the envelope head: scans the UTF-8 bytes of the common case (ASCII head, plain
/// elements and attributes, namespaces declared on the way) without an XmlReader, and finds what
/// <see cref="EnvelopeHeadReader"/>'s XmlReader would find. Anything it does not fully understand (a DTD, a comment,
/// CDATA, an entity, another encoding, non-ASCII bytes, an undeclared prefix, malformed markup) makes it give up
/// with <see cref="Outcome.Fallback"/>: the safe XmlReader then reads the same bytes and says precisely what is wrong.
/// </summary>
/// <remarks>
/// It never accepts a head the XmlReader would reject, and gives the same receiver, profile and contract for every
/// head it accepts; a differential test holds it to that. It allocates only the strings it returns.
/// </remarks>
internal static class EnvelopeHeadScanner
{
    // Beyond these (never seen in a RIVTA head) the XmlReader takes over; small so the stack buffers clear fast.
    private const int MaxDepth = 16;
    private const int MaxNamespaces = 16;
    private const int MaxAttributes = 12;

    internal enum Outcome
    {
        /// <summary>The head was read.</summary>
        Found,

        /// <summary>The bytes end before the first Body child: more are needed (or, at the end, the XmlReader says why).</summary>
        NeedMore,

        /// <summary>Something the scanner does not handle: let the XmlReader read it.</summary>
        Fallback,
    }

    private static ReadOnlySpan<byte> Soap11 => "http://schemas.xmlsoap.org/soap/envelope/"u8;
    private static ReadOnlySpan<byte> Registry => "urn:riv:itintegration:registry:1"u8;
    private static ReadOnlySpan<byte> WsAddressing => "http://www.w3.org/2005/08/addressing"u8;
    private static ReadOnlySpan<byte> XmlNamespace => "http://www.w3.org/XML/1998/namespace"u8;
    private static ReadOnlySpan<byte> XmlnsNamespace => "http://www.w3.org/2000/xmlns/"u8;

    /// <summary>The ASCII name characters the scanner reads itself (letters, digits, <c>_ - . :</c>).</summary>
    private static readonly SearchValues<byte> NameBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:"u8);

    /// <summary>Anything but XML whitespace (the only text allowed outside the root).</summary>
    private static readonly SearchValues<byte> NotWhitespace = SearchValues.Create(Except(" \t\r\n"u8));

    /// <summary>Text bytes the scanner leaves to the reader: controls, non-ASCII, entities, what could end a CDATA section.</summary>
    private static readonly SearchValues<byte> NotPlainText = SearchValues.Create(Except(PrintableAscii(" \t\r\n", "&]")));

    /// <summary>Attribute value bytes the scanner leaves to the reader: also whitespace the reader would normalise and markup.</summary>
    private static readonly SearchValues<byte> NotPlainValue = SearchValues.Create(Except(PrintableAscii(" ", "&<")));

    private struct Span
    {
        public int Start;
        public int Length;
    }

    private struct Namespace
    {
        public Span Prefix;
        public Span Uri;
        public int Depth;
    }

    private struct Attribute
    {
        public Span Prefix;
        public Span Local;
        public Span Value;
    }

    public static Outcome Scan(ReadOnlySpan<byte> xml, out EnvelopeHead? head)
    {
        head = null;
        Span<Namespace> namespaces = stackalloc Namespace[MaxNamespaces];
        Span<Span> open = stackalloc Span[MaxDepth];
        Span<Attribute> attributes = stackalloc Attribute[MaxAttributes];
        var namespaceCount = 0;
        var depth = 0; // elements open
        var bodyDepth = -1;
        string? logicalAddress = null, to = null, declaredEncoding = null;

        var pos = 0;
        if (xml.StartsWith("\uFEFF"u8))
        {
            pos = 3;
        }

        // The XML declaration, only at the very start.
        if (xml.Length - pos < 6)
        {
            return Outcome.NeedMore;
        }

        if (xml[pos..].StartsWith("<?xml"u8))
        {
            if (!IsWhitespace(xml[pos + 5]))
            {
                return Outcome.Fallback; // a processing instruction such as <?xml-stylesheet
            }

            var declaration = ScanDeclaration(xml, pos + 5, out declaredEncoding, out pos);
            if (declaration != Outcome.Found)
            {
                return declaration;
            }
        }

        while (true)
        {
            // Text up to the next markup. Outside the root only whitespace may stand.
            var textLength = xml[pos..].IndexOf((byte)'<');
            var between = textLength < 0 ? xml[pos..] : xml.Slice(pos, textLength);
            if (between.IndexOfAny(depth == 0 ? NotWhitespace : NotPlainText) >= 0)
            {
                return Outcome.Fallback;
            }

            pos += between.Length;
            if (pos + 1 >= xml.Length)
            {
                return Outcome.NeedMore;
            }

            var next = xml[pos + 1];
            if (next == (byte)'!' && xml.Length - pos >= 4 && xml[pos + 2] == (byte)'-' && xml[pos + 3] == (byte)'-')
            {
                // Comments (samples and SoapUI requests are full of them) are skipped, as the reader ignores them.
                var comment = ScanComment(xml, pos + 4, out pos);
                if (comment != Outcome.Found)
                {
                    return comment;
                }

                continue;
            }

            if (next == (byte)'!' || next == (byte)'?')
            {
                return xml.Length - pos < 4 && next == (byte)'!' ? Outcome.NeedMore : Outcome.Fallback; // CDATA, DOCTYPE, processing instruction
            }

            if (next == (byte)'/')
            {
                if (depth == 0)
                {
                    return Outcome.Fallback;
                }

                var end = ScanEndTag(xml, pos, open[depth - 1], out pos);
                if (end != Outcome.Found)
                {
                    return end;
                }

                while (namespaceCount > 0 && namespaces[namespaceCount - 1].Depth == depth)
                {
                    namespaceCount--;
                }

                depth--;
                if (depth == 0 || depth < bodyDepth)
                {
                    return Outcome.Fallback; // the envelope or the Body ended without a Body child: the XmlReader says which
                }

                continue;
            }

            // A start tag.
            var tag = ScanStartTag(xml, pos, attributes, out var name, out var attributeCount, out var isEmpty, out pos);
            if (tag != Outcome.Found)
            {
                return tag;
            }

            if (depth == MaxDepth)
            {
                return Outcome.Fallback;
            }

            // Namespace declarations first: they apply to the element's own name and attributes.
            var elementDepth = depth + 1;
            for (var i = 0; i < attributeCount; i++)
            {
                ref var attribute = ref attributes[i];
                var isDefault = attribute.Prefix.Length == 0 && Slice(xml, attribute.Local).SequenceEqual("xmlns"u8);
                var isPrefixed = Slice(xml, attribute.Prefix).SequenceEqual("xmlns"u8);
                if (!isDefault && !isPrefixed)
                {
                    continue;
                }

                // Binding the reserved prefixes or namespaces, or unbinding a prefix, is an error the XmlReader reports.
                var uri = Slice(xml, attribute.Value);
                if (uri.SequenceEqual(XmlNamespace) || uri.SequenceEqual(XmlnsNamespace))
                {
                    return Outcome.Fallback;
                }

                if (isPrefixed)
                {
                    var prefix = Slice(xml, attribute.Local);
                    if (attribute.Value.Length == 0 || prefix.SequenceEqual("xml"u8) || prefix.SequenceEqual("xmlns"u8))
                    {
                        return Outcome.Fallback;
                    }
                }

                if (namespaceCount == MaxNamespaces)
                {
                    return Outcome.Fallback;
                }

                namespaces[namespaceCount++] = new Namespace
                {
                    Prefix = isPrefixed ? attribute.Local : default,
                    Uri = attribute.Value,
                    Depth = elementDepth,
                };
            }

            // Every other attribute's prefix must be declared, and no two attributes may name the same thing.
            for (var i = 0; i < attributeCount; i++)
            {
                ref var attribute = ref attributes[i];
                if (attribute.Prefix.Length == 0 || Slice(xml, attribute.Prefix).SequenceEqual("xmlns"u8))
                {
                    continue;
                }

                if (!TryResolve(xml, namespaces[..namespaceCount], attribute.Prefix, out var uri))
                {
                    return Outcome.Fallback;
                }

                for (var j = 0; j < i; j++)
                {
                    ref var other = ref attributes[j];
                    if (other.Prefix.Length > 0
                        && !Slice(xml, other.Prefix).SequenceEqual("xmlns"u8)
                        && Slice(xml, other.Local).SequenceEqual(Slice(xml, attribute.Local))
                        && TryResolve(xml, namespaces[..namespaceCount], other.Prefix, out var otherUri)
                        && otherUri.SequenceEqual(uri))
                    {
                        return Outcome.Fallback;
                    }
                }
            }

            var elementPrefix = Slice(xml, name.Prefix);
            if (elementPrefix.SequenceEqual("xmlns"u8))
            {
                return Outcome.Fallback;
            }

            ReadOnlySpan<byte> elementNamespace;
            if (name.Prefix.Length > 0)
            {
                if (!TryResolve(xml, namespaces[..namespaceCount], name.Prefix, out elementNamespace))
                {
                    return Outcome.Fallback;
                }
            }
            else
            {
                elementNamespace = DefaultNamespace(xml, namespaces[..namespaceCount]);
            }

            var local = Slice(xml, name.Local);
            if (depth == 0)
            {
                // The root: anything but a SOAP 1.1 Envelope with content gets the XmlReader's verdict.
                if (isEmpty || !local.SequenceEqual("Envelope"u8) || !elementNamespace.SequenceEqual(Soap11))
                {
                    return Outcome.Fallback;
                }
            }
            else if (bodyDepth > 0)
            {
                // The first Body child: the head is complete.
                head = new EnvelopeHead(
                    logicalAddress ?? to,
                    logicalAddress is not null ? RivProfile.RivtaBp21 : to is not null ? RivProfile.RivtaBp20 : null,
                    AsciiString(elementNamespace),
                    AsciiString(local))
                {
                    DeclaredEncoding = declaredEncoding,
                };
                return Outcome.Found;
            }
            else if (depth == 1 && elementNamespace.SequenceEqual(Soap11))
            {
                if (local.SequenceEqual("Body"u8))
                {
                    if (isEmpty)
                    {
                        return Outcome.Fallback;
                    }

                    bodyDepth = elementDepth;
                }
            }
            else if ((local.SequenceEqual("LogicalAddress"u8) && elementNamespace.SequenceEqual(Registry))
                || (local.SequenceEqual("To"u8) && elementNamespace.SequenceEqual(WsAddressing)))
            {
                // The receiver: text only, whitespace kept; the last one wins, as on the reference platform.
                var text = string.Empty;
                if (!isEmpty)
                {
                    var start = pos;
                    var length = xml[pos..].IndexOf((byte)'<');
                    var content = length < 0 ? xml[pos..] : xml.Slice(pos, length);
                    if (content.IndexOfAny(NotPlainText) >= 0 || content.Contains((byte)'\r'))
                    {
                        return Outcome.Fallback; // an entity, non-ASCII text or a line break the reader would normalise
                    }

                    pos += content.Length;
                    if (pos + 1 >= xml.Length)
                    {
                        return Outcome.NeedMore;
                    }

                    if (xml[pos + 1] != (byte)'/')
                    {
                        return Outcome.Fallback; // a child element, comment or CDATA inside the receiver
                    }

                    text = AsciiString(xml[start..pos]);
                    var end = ScanEndTag(xml, pos, name.QName, out pos);
                    if (end != Outcome.Found)
                    {
                        return end;
                    }
                }

                if (local.Length == 2)
                {
                    to = text;
                }
                else
                {
                    logicalAddress = text;
                }

                while (namespaceCount > 0 && namespaces[namespaceCount - 1].Depth == elementDepth)
                {
                    namespaceCount--;
                }

                continue;
            }

            if (isEmpty)
            {
                while (namespaceCount > 0 && namespaces[namespaceCount - 1].Depth == elementDepth)
                {
                    namespaceCount--;
                }

                continue;
            }

            open[depth] = name.QName;
            depth = elementDepth;
        }
    }

    private struct QualifiedName
    {
        public Span QName;
        public Span Prefix;
        public Span Local;
    }

    /// <summary>Skips a comment's text up to <c>--&gt;</c>; the text must be valid UTF-8 of XML characters, without <c>--</c>.</summary>
    private static Outcome ScanComment(ReadOnlySpan<byte> xml, int pos, out int after)
    {
        after = pos;
        var end = xml[pos..].IndexOf("--"u8);
        if (end < 0)
        {
            return Outcome.NeedMore;
        }

        if (pos + end + 2 >= xml.Length)
        {
            return Outcome.NeedMore;
        }

        if (xml[pos + end + 2] != (byte)'>')
        {
            return Outcome.Fallback; // "--" inside a comment, or "--->"
        }

        var text = xml.Slice(pos, end);
        foreach (var b in text)
        {
            if (b < 0x20 && !IsWhitespace(b))
            {
                return Outcome.Fallback;
            }
        }

        if (!System.Text.Ascii.IsValid(text)
            && (!System.Text.Unicode.Utf8.IsValid(text) || text.IndexOf("\uFFFE"u8) >= 0 || text.IndexOf("\uFFFF"u8) >= 0))
        {
            return Outcome.Fallback; // not UTF-8, or U+FFFE/U+FFFF, which XML does not allow
        }

        after = pos + end + 3;
        return Outcome.Found;
    }

    /// <summary>Reads <c>version="1.0"</c>, an optional UTF-8 <c>encoding</c> and <c>standalone</c>, up to <c>?&gt;</c>.</summary>
    private static Outcome ScanDeclaration(ReadOnlySpan<byte> xml, int pos, out string? encoding, out int after)
    {
        encoding = null;
        after = pos;
        var seen = 0; // 1 version, 2 encoding, 3 standalone: in this order only
        while (true)
        {
            var hadSpace = false;
            while (pos < xml.Length && IsWhitespace(xml[pos]))
            {
                hadSpace = true;
                pos++;
            }

            if (pos + 1 >= xml.Length)
            {
                return Outcome.NeedMore;
            }

            if (xml[pos] == (byte)'?')
            {
                if (xml[pos + 1] != (byte)'>' || seen == 0)
                {
                    return Outcome.Fallback;
                }

                after = pos + 2;
                return Outcome.Found;
            }

            if (!hadSpace)
            {
                return Outcome.Fallback;
            }

            var nameStart = pos;
            while (pos < xml.Length && xml[pos] is >= (byte)'a' and <= (byte)'z')
            {
                pos++;
            }

            var name = xml[nameStart..pos];
            var equals = ScanEqualsAndQuote(xml, ref pos, out var quote);
            if (equals != Outcome.Found)
            {
                return equals;
            }

            var close = xml[pos..].IndexOf(quote);
            if (close < 0)
            {
                return xml.Length - pos > 64 ? Outcome.Fallback : Outcome.NeedMore;
            }

            var value = xml.Slice(pos, close);
            pos += close + 1;
            if (name.SequenceEqual("version"u8) && seen == 0)
            {
                if (!value.SequenceEqual("1.0"u8))
                {
                    return Outcome.Fallback;
                }

                seen = 1;
            }
            else if (name.SequenceEqual("encoding"u8) && seen == 1)
            {
                // Anything but UTF-8 is the XmlReader's (and the rewriter's) business.
                if (Ascii.EqualsIgnoreCase(value, "utf-8"u8))
                {
                    encoding = value.SequenceEqual("UTF-8"u8) ? "UTF-8" : value.SequenceEqual("utf-8"u8) ? "utf-8" : Encoding.ASCII.GetString(value);
                }
                else
                {
                    return Outcome.Fallback;
                }

                seen = 2;
            }
            else if (name.SequenceEqual("standalone"u8) && seen is 1 or 2)
            {
                if (!value.SequenceEqual("yes"u8) && !value.SequenceEqual("no"u8))
                {
                    return Outcome.Fallback;
                }

                seen = 3;
            }
            else
            {
                return Outcome.Fallback;
            }
        }
    }

    /// <summary>Reads <c>&lt;name attr="value" …&gt;</c> or <c>…/&gt;</c> at <paramref name="pos"/>.</summary>
    private static Outcome ScanStartTag(
        ReadOnlySpan<byte> xml, int pos, Span<Attribute> attributes,
        out QualifiedName name, out int attributeCount, out bool isEmpty, out int after)
    {
        attributeCount = 0;
        isEmpty = false;
        after = pos;
        var nameOutcome = ScanName(xml, pos + 1, out name, out pos);
        if (nameOutcome != Outcome.Found)
        {
            return nameOutcome;
        }

        while (true)
        {
            var hadSpace = false;
            while (pos < xml.Length && IsWhitespace(xml[pos]))
            {
                hadSpace = true;
                pos++;
            }

            if (pos >= xml.Length)
            {
                return Outcome.NeedMore;
            }

            if (xml[pos] == (byte)'>')
            {
                after = pos + 1;
                return Outcome.Found;
            }

            if (xml[pos] == (byte)'/')
            {
                if (pos + 1 >= xml.Length)
                {
                    return Outcome.NeedMore;
                }

                if (xml[pos + 1] != (byte)'>')
                {
                    return Outcome.Fallback;
                }

                isEmpty = true;
                after = pos + 2;
                return Outcome.Found;
            }

            if (!hadSpace || attributeCount == attributes.Length)
            {
                return Outcome.Fallback;
            }

            var attributeOutcome = ScanName(xml, pos, out var attributeName, out pos);
            if (attributeOutcome != Outcome.Found)
            {
                return attributeOutcome;
            }

            var equals = ScanEqualsAndQuote(xml, ref pos, out var quote);
            if (equals != Outcome.Found)
            {
                return equals;
            }

            var valueStart = pos;
            var valueLength = xml[pos..].IndexOf(quote);
            var valueBytes = valueLength < 0 ? xml[pos..] : xml.Slice(pos, valueLength);

            // No entity, no markup, nothing the XmlReader would normalise (tabs, line breaks), ASCII only.
            if (valueBytes.IndexOfAny(NotPlainValue) >= 0)
            {
                return Outcome.Fallback;
            }

            if (valueLength < 0)
            {
                return Outcome.NeedMore;
            }

            var value = new Span { Start = valueStart, Length = valueLength };
            pos += valueLength + 1;

            // The same qualified name twice is an error the XmlReader reports.
            var qname = Slice(xml, attributeName.QName);
            for (var i = 0; i < attributeCount; i++)
            {
                if (Slice(xml, attributes[i].Prefix.Length > 0 ? Join(attributes[i].Prefix, attributes[i].Local) : attributes[i].Local).SequenceEqual(qname))
                {
                    return Outcome.Fallback;
                }
            }

            attributes[attributeCount++] = new Attribute { Prefix = attributeName.Prefix, Local = attributeName.Local, Value = value };
        }
    }

    /// <summary>Reads <c>="</c> or <c>='</c>, whitespace allowed around the sign; leaves <paramref name="pos"/> on the value.</summary>
    private static Outcome ScanEqualsAndQuote(ReadOnlySpan<byte> xml, ref int pos, out byte quote)
    {
        quote = 0;
        while (pos < xml.Length && IsWhitespace(xml[pos]))
        {
            pos++;
        }

        if (pos >= xml.Length)
        {
            return Outcome.NeedMore;
        }

        if (xml[pos] != (byte)'=')
        {
            return Outcome.Fallback;
        }

        pos++;
        while (pos < xml.Length && IsWhitespace(xml[pos]))
        {
            pos++;
        }

        if (pos >= xml.Length)
        {
            return Outcome.NeedMore;
        }

        quote = xml[pos];
        if (quote != (byte)'"' && quote != (byte)'\'')
        {
            return Outcome.Fallback;
        }

        pos++;
        return Outcome.Found;
    }

    /// <summary>Reads <c>&lt;/name&gt;</c> at <paramref name="pos"/>, which must close <paramref name="expected"/>.</summary>
    private static Outcome ScanEndTag(ReadOnlySpan<byte> xml, int pos, Span expected, out int after)
    {
        after = pos;
        var nameOutcome = ScanName(xml, pos + 2, out var name, out pos);
        if (nameOutcome != Outcome.Found)
        {
            return nameOutcome;
        }

        if (!Slice(xml, name.QName).SequenceEqual(Slice(xml, expected)))
        {
            return Outcome.Fallback;
        }

        while (pos < xml.Length && IsWhitespace(xml[pos]))
        {
            pos++;
        }

        if (pos >= xml.Length)
        {
            return Outcome.NeedMore;
        }

        if (xml[pos] != (byte)'>')
        {
            return Outcome.Fallback;
        }

        after = pos + 1;
        return Outcome.Found;
    }

    /// <summary>An ASCII name, <c>prefix:local</c> or <c>local</c>; other characters are left to the XmlReader.</summary>
    private static Outcome ScanName(ReadOnlySpan<byte> xml, int pos, out QualifiedName name, out int after)
    {
        name = default;
        after = pos;
        var length = xml[pos..].IndexOfAnyExcept(NameBytes);
        if (length < 0)
        {
            return Outcome.NeedMore;
        }

        var end = xml[pos + length];
        if (length == 0 || !(IsWhitespace(end) || end is (byte)'>' or (byte)'/' or (byte)'='))
        {
            return Outcome.Fallback;
        }

        var qname = xml.Slice(pos, length);
        var colon = qname.IndexOf((byte)':');
        if (colon >= 0 && (colon == length - 1 || qname[(colon + 1)..].Contains((byte)':') || !IsNameStart(qname[colon + 1])))
        {
            return Outcome.Fallback;
        }

        if (!IsNameStart(qname[0]))
        {
            return Outcome.Fallback; // also a name starting with ':'
        }

        name.QName = new Span { Start = pos, Length = length };
        if (colon >= 0)
        {
            name.Prefix = new Span { Start = pos, Length = colon };
            name.Local = new Span { Start = pos + colon + 1, Length = length - colon - 1 };
        }
        else
        {
            name.Local = name.QName;
        }

        after = pos + length;
        return Outcome.Found;
    }

    private static bool IsNameStart(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (byte)'_';

    private static bool TryResolve(ReadOnlySpan<byte> xml, scoped ReadOnlySpan<Namespace> namespaces, Span prefix, out ReadOnlySpan<byte> uri)
    {
        var wanted = Slice(xml, prefix);
        for (var i = namespaces.Length - 1; i >= 0; i--)
        {
            if (namespaces[i].Prefix.Length > 0 && Slice(xml, namespaces[i].Prefix).SequenceEqual(wanted))
            {
                uri = Slice(xml, namespaces[i].Uri);
                return true;
            }
        }

        uri = XmlNamespace;
        return wanted.SequenceEqual("xml"u8);
    }

    private static ReadOnlySpan<byte> DefaultNamespace(ReadOnlySpan<byte> xml, scoped ReadOnlySpan<Namespace> namespaces)
    {
        for (var i = namespaces.Length - 1; i >= 0; i--)
        {
            if (namespaces[i].Prefix.Length == 0)
            {
                return Slice(xml, namespaces[i].Uri);
            }
        }

        return [];
    }

    private static byte[] PrintableAscii(string whitespace, string excluded) =>
        [.. Enumerable.Range(0x21, 0x7F - 0x21).Select(b => (byte)b).Where(b => !excluded.Contains((char)b)), .. Encoding.ASCII.GetBytes(whitespace)];

    private static byte[] Except(ReadOnlySpan<byte> allowed)
    {
        var copy = allowed.ToArray();
        return [.. Enumerable.Range(0, 256).Select(b => (byte)b).Where(b => Array.IndexOf(copy, b) < 0)];
    }

    private static Span Join(Span prefix, Span local) => new() { Start = prefix.Start, Length = local.Start + local.Length - prefix.Start };

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> xml, Span span) => xml.Slice(span.Start, span.Length);

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';


    private static string AsciiString(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);
}
