using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Soap.Service;

/// <summary>
/// The records of an answer whose producer shares them (<see cref="SoapDirectOperation.SharedRecords"/>: every call
/// hands out the same never-changed object per stored record), each rendered once per record object and reused by every
/// later answer: the producer's own envelope and the aggregating services' merge alike. Writing records with
/// XmlSerializer was most of what a call to a built-in journal cost (about 4 µs and 5 KB a medication record, every
/// call). The rest of the answer (result, extensions) is still serialized per call, from a shallow copy of the answer
/// with the records left out.
/// </summary>
public sealed class SharedRecordRenderer
{
    private static readonly ConcurrentDictionary<(Type Answer, string Element, string Namespace), SharedRecordRenderer?> Renderers = new();

    private static readonly Func<object, object> ShallowCopy = typeof(object)
        .GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    // One record, one document: the record element declares every namespace of the answer, so it stands alone.
    private static readonly XmlWriterSettings RecordSettings = new()
    {
        Encoding = new System.Text.UTF8Encoding(false),
        OmitXmlDeclaration = true,
        Indent = false,
        NewLineHandling = NewLineHandling.None,
    };

    private readonly PropertyInfo _records;
    private readonly XmlSerializer _serializer;

    // Keyed by the record object itself: an entry lives exactly as long as the producer keeps the record.
    private readonly ConditionalWeakTable<object, byte[]> _rendered = new();

    private readonly Type _answerType;
    private readonly string _element;
    private readonly string _namespace;

    private SharedRecordRenderer(Type answerType, string element, string ns, PropertyInfo records, bool first, XmlSerializer serializer)
    {
        _answerType = answerType;
        _element = element;
        _namespace = ns;
        _records = records;
        IsFirstChild = first;
        _serializer = serializer;
    }

    /// <summary>The records are the answer's first children (XmlSerializer writes members by Order).</summary>
    public bool IsFirstChild { get; }

    /// <summary>
    /// The renderer for answers of <paramref name="answerType"/> whose records are the <c>{ns}element</c> children, or
    /// null when the type has no settable <c>List&lt;T&gt;</c> property written as that element.
    /// </summary>
    public static SharedRecordRenderer? For(Type answerType, string element, string ns) =>
        Renderers.GetOrAdd((answerType, element, ns), key => Create(key.Answer, key.Element, key.Namespace));

    private static SharedRecordRenderer? Create(Type answerType, string elementName, string ns)
    {
        var typeNamespace = answerType.GetCustomAttribute<XmlTypeAttribute>()?.Namespace;
        var members = answerType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Elements: p.GetCustomAttributes<XmlElementAttribute>().ToArray(), Any: p.GetCustomAttribute<XmlAnyElementAttribute>()))
            .Where(m => m.Elements.Length > 0 || m.Any is not null)
            .ToList();
        foreach (var (property, elements, _) in members)
        {
            if (elements.Length != 1 || elements[0].ElementName != elementName)
            {
                continue;
            }

            // The element's namespace as XmlSerializer writes it: its own, else its type's, else the root's.
            var element = elements[0];
            var type = property.PropertyType;
            if ((element.Namespace ?? typeNamespace ?? ns) != ns || element.Form == System.Xml.Schema.XmlSchemaForm.Unqualified
                || !property.CanRead || !property.CanWrite || !type.IsGenericType || type.GetGenericTypeDefinition() != typeof(List<>))
            {
                return null;
            }

            // Members without an Order are written in declaration order.
            static int Order(XmlElementAttribute[] elements, XmlAnyElementAttribute? any) => elements.Length > 0 ? elements[0].Order : any!.Order;
            var first = members.All(m => Order(m.Elements, m.Any) >= 0)
                ? members.All(m => m.Property == property || element.Order < Order(m.Elements, m.Any))
                : members.All(m => Order(m.Elements, m.Any) < 0) && members[0].Property == property;
            return new SharedRecordRenderer(answerType, elementName, ns, property, first, SoapBodies.SerializerFor(type.GetGenericArguments()[0], elementName, ns));
        }

        return null;
    }

    /// <summary>True when <paramref name="answer"/> is of the type this renderer was made for.</summary>
    public bool Takes(object answer) => answer.GetType() == _answerType;

    /// <summary>True when the records are the <c>{ns}element</c> children (what a merge takes as its records).</summary>
    public bool Renders(string element, string ns) => _element == element && _namespace == ns;

    /// <summary>A shallow copy of <paramref name="answer"/> without its records, and the records taken out of it.</summary>
    public object WithoutRecords(object answer, out IList? records)
    {
        records = (IList?)_records.GetValue(answer);
        var rest = ShallowCopy(answer);
        _records.SetValue(rest, null);
        return rest;
    }

    /// <summary>
    /// The records, one self-contained fragment each, with <paramref name="declared"/> (the namespaces the answer's
    /// response element declared) on every record element.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Render(IList? records, IReadOnlyList<(string Prefix, string Uri)> declared) => Render(records, declared, null);

    /// <summary>The records as <see cref="Render(IList?, IReadOnlyList{ValueTuple{string, string}})"/>, declaring <paramref name="namespaces"/>.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Render(IList? records, XmlSerializerNamespaces namespaces) => Render(records, null, namespaces);

    private List<ReadOnlyMemory<byte>> Render(IList? records, IReadOnlyList<(string Prefix, string Uri)>? declared, XmlSerializerNamespaces? namespaces)
    {
        var parts = new List<ReadOnlyMemory<byte>>(records?.Count ?? 0);
        foreach (var record in records ?? Array.Empty<object>())
        {
            if (record is null)
            {
                continue; // XmlSerializer writes nothing for a null item of a non-nullable element.
            }

            if (!_rendered.TryGetValue(record, out var rendered))
            {
                namespaces ??= new XmlSerializerNamespaces([.. declared!.Select(d => new XmlQualifiedName(d.Prefix, d.Uri))]);
                rendered = Rendered(record, namespaces);
            }

            parts.Add(rendered);
        }

        return parts;
    }

    // Calls racing on a new record keep one rendering of it.
    private byte[] Rendered(object record, XmlSerializerNamespaces namespaces) => _rendered.GetValue(record, key => RenderOne(key, namespaces));

    private byte[] RenderOne(object record, XmlSerializerNamespaces namespaces)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, RecordSettings))
        {
            _serializer.Serialize(writer, record, namespaces);
        }

        return buffer.ToArray();
    }
}
