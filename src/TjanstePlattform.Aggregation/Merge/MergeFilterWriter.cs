using System.Text;
using System.Xml;
using TjanstePlattform.Aggregation.Descriptors;

namespace TjanstePlattform.Aggregation.Merge;

/// <summary>
/// Takes a response element as its writer (an XmlSerializer or an XElement writing a built-in producer's answer) and
/// passes on only what the merge keeps, each child of the response element whole into its own fragment writer: the
/// records, each further merged element, and every child in another namespace (extensions). The producer's own result
/// and the response element itself are dropped. The namespaces declared on the response element are declared again on
/// each kept child, so every fragment stands alone, as <see cref="ProducerAnswerReader"/> makes them from an envelope.
/// </summary>
internal sealed class MergeFilterWriter(AggregatedContract contract) : XmlWriter
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";


    // Made when first needed: an XmlWriter holds buffers of several KB, and most answers have no extensions.
    private readonly Fragment _records = new(Math.Clamp(contract.RecordsSizeHint + contract.RecordsSizeHint / 4, 1024, 1024 * 1024));
    private readonly Fragment _extensions = new(1024);
    private readonly Fragment[] _more = [.. contract.MoreRecords.Select(_ => new Fragment(1024))];

    private readonly List<(string Prefix, string Uri)> _rootNamespaces = [];
    private int _depth;
    private bool _started;
    private XmlWriter? _target;

    // An attribute of the response element being written (only namespace declarations are kept).
    private bool _inRootAttribute;
    private string? _rootAttributePrefix;
    private readonly StringBuilder _rootAttributeValue = new();

    /// <summary>The response element's name, once written.</summary>
    public (string LocalName, string Namespace)? Root { get; private set; }

    public int RecordCount { get; private set; }

    /// <summary>The namespaces the response element declared (each kept child declares them again).</summary>
    public IReadOnlyList<(string Prefix, string Uri)> RootNamespaces => _rootNamespaces;

    public override WriteState WriteState => !_started ? WriteState.Start : _inRootAttribute ? WriteState.Attribute : _depth == 0 ? WriteState.Content : WriteState.Element;

    public override void WriteStartDocument() => _started = true;

    public override void WriteStartDocument(bool standalone) => _started = true;

    public override void WriteEndDocument()
    {
    }

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset)
    {
    }

    public override void WriteStartElement(string? prefix, string localName, string? ns)
    {
        _started = true;
        ns ??= string.Empty;
        prefix ??= LookupPrefix(ns) ?? string.Empty;
        _depth++;
        if (_depth == 1)
        {
            Root = (localName, ns);
            return;
        }

        if (_depth == 2)
        {
            _target = Choose(localName, ns);
            if (_target is null)
            {
                return;
            }

            _target.WriteStartElement(prefix, localName, ns);
            foreach (var (declared, uri) in _rootNamespaces)
            {
                // The element's own prefix is declared by the element itself.
                if (declared == prefix)
                {
                    continue;
                }

                if (declared.Length == 0)
                {
                    _target.WriteAttributeString("xmlns", uri);
                }
                else
                {
                    _target.WriteAttributeString("xmlns", declared, XmlnsNamespace, uri);
                }
            }

            return;
        }

        _target?.WriteStartElement(prefix, localName, ns);
    }

    private XmlWriter? Choose(string localName, string ns)
    {
        var kind = contract.Classify(localName, ns);
        if (kind == AggregatedContract.MergedRecord)
        {
            RecordCount++;
        }

        return kind switch
        {
            AggregatedContract.MergedRecord => _records.Writer,
            AggregatedContract.MergedExtension => _extensions.Writer,
            AggregatedContract.NotMerged => null,
            _ => _more[kind].Writer,
        };
    }

    public override void WriteEndElement() => End(full: false);

    public override void WriteFullEndElement() => End(full: true);

    private void End(bool full)
    {
        if (_depth >= 2 && _target is not null)
        {
            if (full)
            {
                _target.WriteFullEndElement();
            }
            else
            {
                _target.WriteEndElement();
            }
        }

        if (_depth == 2)
        {
            _target = null;
        }

        _depth--;
    }

    public override void WriteStartAttribute(string? prefix, string localName, string? ns)
    {
        if (_depth == 1)
        {
            // On the response element: keep namespace declarations only.
            var isDeclaration = ns == XmlnsNamespace || prefix == "xmlns" || (string.IsNullOrEmpty(prefix) && localName == "xmlns");
            _inRootAttribute = true;
            _rootAttributePrefix = !isDeclaration ? null : localName == "xmlns" && string.IsNullOrEmpty(prefix) ? string.Empty : localName;
            _rootAttributeValue.Clear();
            return;
        }

        Forward?.WriteStartAttribute(prefix, localName, ns);
    }

    public override void WriteEndAttribute()
    {
        if (_inRootAttribute)
        {
            _inRootAttribute = false;
            if (_rootAttributePrefix is { } declared)
            {
                _rootNamespaces.Add((declared, _rootAttributeValue.ToString()));
            }

            return;
        }

        Forward?.WriteEndAttribute();
    }

    /// <summary>Where content goes now: the kept child being written, or nowhere.</summary>
    private XmlWriter? Forward => _depth >= 2 ? _target : null;

    public override void WriteString(string? text)
    {
        if (_inRootAttribute)
        {
            _rootAttributeValue.Append(text);
            return;
        }

        Forward?.WriteString(text);
    }

    public override void WriteChars(char[] buffer, int index, int count)
    {
        if (_inRootAttribute)
        {
            _rootAttributeValue.Append(buffer, index, count);
            return;
        }

        Forward?.WriteChars(buffer, index, count);
    }

    public override void WriteQualifiedName(string localName, string? ns)
    {
        if (_inRootAttribute)
        {
            return;
        }

        Forward?.WriteQualifiedName(localName, ns);
    }

    public override string? LookupPrefix(string ns)
    {
        if (Forward is { } target)
        {
            return target.LookupPrefix(ns);
        }

        for (var i = _rootNamespaces.Count - 1; i >= 0; i--)
        {
            if (_rootNamespaces[i].Uri == ns)
            {
                return _rootNamespaces[i].Prefix;
            }
        }

        return null;
    }

    public override void WriteCData(string? text) => Forward?.WriteCData(text);

    public override void WriteComment(string? text) => Forward?.WriteComment(text);

    public override void WriteProcessingInstruction(string name, string? text) => Forward?.WriteProcessingInstruction(name, text);

    public override void WriteEntityRef(string name) => Forward?.WriteEntityRef(name);

    public override void WriteCharEntity(char ch) => Forward?.WriteCharEntity(ch);

    public override void WriteWhitespace(string? ws) => Forward?.WriteWhitespace(ws);

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => Forward?.WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteRaw(char[] buffer, int index, int count) => Forward?.WriteRaw(buffer, index, count);

    public override void WriteRaw(string data) => Forward?.WriteRaw(data);

    public override void WriteBase64(byte[] buffer, int index, int count) => Forward?.WriteBase64(buffer, index, count);

    public override void Flush()
    {
    }

    /// <summary>The records written, as one fragment (empty when there were none).</summary>
    public ReadOnlyMemory<byte> Records
    {
        get
        {
            var records = _records.Complete();
            if (!records.IsEmpty)
            {
                contract.RecordsSizeHint = records.Length;
            }

            return records;
        }
    }

    /// <summary>The other-namespace children written, as one fragment.</summary>
    public ReadOnlyMemory<byte> Extensions => _extensions.Complete();

    /// <summary>Each further merged element kind's fragment, in the descriptor's order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> MoreRecords => [.. _more.Select(m => m.Complete())];

    /// <summary>One fragment: a buffer and its writer, made on first use.</summary>
    private sealed class Fragment(int capacity)
    {
        private MemoryStream? _buffer;
        private XmlWriter? _writer;

        public XmlWriter Writer => _writer ??= XmlWriter.Create(_buffer = new MemoryStream(capacity), ProducerAnswerReader.FragmentSettings);

        /// <summary>Ends the writer (idempotent) and returns the bytes without copying them out of the buffer.</summary>
        public ReadOnlyMemory<byte> Complete()
        {
            if (_writer is null)
            {
                return ReadOnlyMemory<byte>.Empty;
            }

            _writer.Dispose();
            return _buffer!.GetBuffer().AsMemory(0, (int)_buffer.Length);
        }
    }
}
