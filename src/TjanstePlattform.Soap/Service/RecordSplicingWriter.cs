using System.Xml;

namespace TjanstePlattform.Soap.Service;

/// <summary>
/// Passes an answer's serialization through to the envelope's writer and puts the answer's rendered records in as its
/// first children (see <see cref="SharedRecordRenderer"/>): before the first child the serializer writes, or before
/// the answer element's end when it writes none. The records go into the stream as the bytes they were rendered to.
/// </summary>
internal sealed class RecordSplicingWriter(XmlWriter inner, Stream stream, IReadOnlyList<ReadOnlyMemory<byte>> records) : XmlWriter
{
    private int _depth;
    private bool _spliced;

    private void Splice()
    {
        _spliced = true;

        // Raw nothing closes the answer's start tag; the flush puts all written so far into the stream before the records.
        inner.WriteRaw(string.Empty);
        inner.Flush();
        foreach (var record in records)
        {
            stream.Write(record.Span);
        }
    }

    /// <summary>Ends an element; true when it was the answer itself and the records went in just before its end.</summary>
    private bool SplicedBeforeAnswerEnds()
    {
        _depth--;
        if (_depth != 0 || _spliced || records.Count == 0)
        {
            return false;
        }

        Splice();
        return true;
    }

    public override WriteState WriteState => inner.WriteState;

    public override XmlWriterSettings? Settings => inner.Settings;

    public override void WriteStartElement(string? prefix, string localName, string? ns)
    {
        if (_depth == 1 && !_spliced && records.Count > 0)
        {
            Splice();
        }

        inner.WriteStartElement(prefix, localName, ns);
        _depth++;
    }

    // An answer that had no other children is no longer empty: it ends with a full end tag.
    public override void WriteEndElement()
    {
        if (SplicedBeforeAnswerEnds())
        {
            inner.WriteFullEndElement();
        }
        else
        {
            inner.WriteEndElement();
        }
    }

    public override void WriteFullEndElement()
    {
        SplicedBeforeAnswerEnds();
        inner.WriteFullEndElement();
    }

    public override void WriteStartDocument() => inner.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

    public override void WriteEndDocument() => inner.WriteEndDocument();

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);

    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);

    public override void WriteEndAttribute() => inner.WriteEndAttribute();

    public override void WriteCData(string? text) => inner.WriteCData(text);

    public override void WriteComment(string? text) => inner.WriteComment(text);

    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text);

    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

    public override void WriteCharEntity(char ch) => inner.WriteCharEntity(ch);

    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    public override void WriteString(string? text) => inner.WriteString(text);

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteChars(char[] buffer, int index, int count) => inner.WriteChars(buffer, index, count);

    public override void WriteRaw(char[] buffer, int index, int count) => inner.WriteRaw(buffer, index, count);

    public override void WriteRaw(string data) => inner.WriteRaw(data);

    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

    public override void WriteQualifiedName(string localName, string? ns) => inner.WriteQualifiedName(localName, ns);

    public override void Flush() => inner.Flush();

    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);
}
