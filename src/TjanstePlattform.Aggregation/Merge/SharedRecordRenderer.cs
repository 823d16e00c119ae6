using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Aggregation.Merge;

/// <summary>
/// The records of a direct answer whose producer shares them (<see cref="SoapDirectOperation.SharedRecords"/>: every call
/// hands out the same never-changed object per stored record), each rendered once per record object and reused by every
/// later merge. Writing records with XmlSerializer was most of a fan-out branch's cost (about 4 µs and 5 KB a
/// medication record, every call); the rest of the answer (result, further merged elements, extensions) still goes
/// through <see cref="MergeFilterWriter"/>, with the records left out of a shallow copy of the answer.
/// </summary>
internal sealed class SharedRecordRenderer
{
    private static readonly ConcurrentDictionary<(AggregatedContract Contract, Type Answer), SharedRecordRenderer?> Renderers = new();

    private static readonly Func<object, object> ShallowCopy = typeof(object)
        .GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    // One record, one document: the record element declares every namespace of the answer, as the filter's fragments do.
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

    private SharedRecordRenderer(PropertyInfo records, XmlSerializer serializer)
    {
        _records = records;
        _serializer = serializer;
    }

    /// <summary>
    /// The renderer for answers of <paramref name="answerType"/> in <paramref name="contract"/>, or null when the type
    /// has no settable <c>List&lt;T&gt;</c> property written as the contract's record element.
    /// </summary>
    public static SharedRecordRenderer? For(AggregatedContract contract, Type answerType) =>
        Renderers.GetOrAdd((contract, answerType), key => Create(key.Contract, key.Answer));

    private static SharedRecordRenderer? Create(AggregatedContract contract, Type answerType)
    {
        var typeNamespace = answerType.GetCustomAttribute<XmlTypeAttribute>()?.Namespace;
        foreach (var property in answerType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var elements = property.GetCustomAttributes<XmlElementAttribute>().ToArray();
            if (elements.Length != 1 || elements[0].ElementName != contract.Record)
            {
                continue;
            }

            // The element's namespace as XmlSerializer writes it: its own, else its type's, else the root's (the contract).
            var element = elements[0];
            var ns = element.Namespace ?? typeNamespace ?? contract.Namespace;
            var type = property.PropertyType;
            if (ns != contract.Namespace || element.Form == System.Xml.Schema.XmlSchemaForm.Unqualified || !property.CanRead || !property.CanWrite
                || !type.IsGenericType || type.GetGenericTypeDefinition() != typeof(List<>))
            {
                return null;
            }

            return new SharedRecordRenderer(property, SoapBodies.SerializerFor(type.GetGenericArguments()[0], contract.Record, contract.Namespace));
        }

        return null;
    }

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
    /// response element declared) on every record element, as the filter writes them.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Render(IList? records, IReadOnlyList<(string Prefix, string Uri)> declared)
    {
        if (records is null || records.Count == 0)
        {
            return [];
        }

        var parts = new List<ReadOnlyMemory<byte>>(records.Count);
        foreach (var record in records)
        {
            if (record is null)
            {
                continue; // XmlSerializer writes nothing for a null item of a non-nullable element.
            }

            parts.Add(_rendered.TryGetValue(record, out var rendered) ? rendered : Rendered(record, declared));
        }

        return parts;
    }

    private byte[] Rendered(object record, IReadOnlyList<(string Prefix, string Uri)> declared)
    {
        var namespaces = new XmlSerializerNamespaces([.. declared.Select(d => new XmlQualifiedName(d.Prefix, d.Uri))]);

        // Calls racing on a new record keep one rendering of it.
        return _rendered.GetValue(record, key => RenderOne(key, namespaces));
    }

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
