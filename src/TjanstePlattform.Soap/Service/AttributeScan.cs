namespace TjanstePlattform.Soap.Service;

/// <summary>
/// Counts the attributes of every start tag straight from the bytes before any XML reader sees them: a reader parses a
/// whole start tag before anyone can look at it, so an element with a million attributes would cost its full parse
/// before <see cref="LimitedXmlReader"/> could refuse it. Linear, vectorised searches; attribute values are skipped by
/// their quotes. (Text inside CDATA that looks like a tag is counted too: a false refusal needs more than
/// <see cref="SoapLimits.MaxAttributesPerElement"/> '=' in such text, which no real message has.)
/// </summary>
internal static class AttributeScan
{
    private static readonly System.Buffers.SearchValues<byte> InTag = System.Buffers.SearchValues.Create(">=\"'"u8);

    /// <summary>The byte offset of the first start tag with more than <paramref name="max"/> attributes, or -1.</summary>
    public static long FirstOverLimit(ReadOnlySpan<byte> xml, int max)
    {
        var position = 0;
        while (true)
        {
            var open = xml[position..].IndexOf((byte)'<');
            if (open < 0)
            {
                return -1;
            }

            var tag = position + open;
            position = tag + 1;
            if (position >= xml.Length)
            {
                return -1;
            }

            if (xml[position] is (byte)'!' or (byte)'?' or (byte)'/')
            {
                continue;
            }

            var attributes = 0;
            while (true)
            {
                var next = xml[position..].IndexOfAny(InTag);
                if (next < 0)
                {
                    return -1;
                }

                position += next;
                var c = xml[position];
                if (c == (byte)'>')
                {
                    position++;
                    break;
                }

                if (c == (byte)'=')
                {
                    if (++attributes > max)
                    {
                        return tag;
                    }

                    position++;
                    continue;
                }

                // A quoted value: skip to its closing quote.
                var close = xml[(position + 1)..].IndexOf(c);
                if (close < 0)
                {
                    return -1;
                }

                position += close + 2;
            }
        }
    }
}
