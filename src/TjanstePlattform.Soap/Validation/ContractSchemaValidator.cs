using System.Diagnostics;
using System.Xml;
using System.Xml.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Soap.Validation;

/// <summary>
/// Loads every schema tree once (lazily, thread-safe), indexes the global elements, and validates a
/// message against the tree(s) that declare its root element.
/// </summary>
internal sealed class ContractSchemaValidator : IContractSchemaValidator
{
    private const string Soap11 = RivtaNamespaces.Soap11Envelope;
    private const string Soap12 = RivtaNamespaces.Soap12Envelope;

    private readonly ContractSchemaOptions _options;
    private readonly ILogger<ContractSchemaValidator> _logger;
    private readonly Lazy<Index> _index;

    public ContractSchemaValidator(IOptions<ContractSchemaOptions> options, ILogger<ContractSchemaValidator> logger)
    {
        _options = options.Value;
        _logger = logger;
        _index = new Lazy<Index>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyCollection<XmlQualifiedName> RootElements => _index.Value.Elements.Keys;

    public SchemaTreeReport Trees => _index.Value.Report;

    public bool IsKnown(XmlQualifiedName rootElement) => _index.Value.Elements.ContainsKey(rootElement);

    public XmlSchemaElement? FindElement(XmlQualifiedName name) =>
        _index.Value.Elements.TryGetValue(name, out var trees) ? trees[0].Schemas.GlobalElements[name] as XmlSchemaElement : null;

    public SchemaValidationResult Validate(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ValidateCore(() => XmlReader.Create(new StringReader(message), ReaderSettings()));
    }

    public SchemaValidationResult Validate(Stream message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.CanSeek)
        {
            using var copy = new MemoryStream();
            message.CopyTo(copy);
            copy.Position = 0;
            return ValidateBuffered(copy);
        }

        return ValidateBuffered(message);
    }

    public async ValueTask<SchemaValidationResult> ValidateAsync(Stream message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.CanSeek)
        {
            return ValidateBuffered(message);
        }

        using var copy = new MemoryStream();
        await message.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return ValidateBuffered(copy);
    }

    private SchemaValidationResult ValidateBuffered(Stream message)
    {
        var start = message.Position;
        return ValidateCore(() =>
        {
            message.Position = start;
            return XmlReader.Create(message, ReaderSettings());
        });
    }

    private XmlReaderSettings ReaderSettings()
    {
        var settings = SafeXml.ReaderSettings(maxCharacters: _options.MaxMessageCharacters);
        settings.IgnoreWhitespace = true;
        return settings;
    }

    /// <summary>
    /// Finds the root, then validates against the preferred tree declaring it; if that fails and
    /// another tree declares the same element (e.g. 2.0 and 2.1 of one contract), the message is
    /// valid when any of them accepts it. Errors reported are those of the preferred tree.
    /// </summary>
    private SchemaValidationResult ValidateCore(Func<XmlReader> open)
    {
        XmlQualifiedName root;
        string written;
        int line, position;
        try
        {
            using var reader = open();
            var found = MoveToMessageRoot(reader);
            if (found is not null)
            {
                return found;
            }

            root = new XmlQualifiedName(reader.LocalName, reader.NamespaceURI);
            written = reader.Name;
            (line, position) = LineOf(reader);
        }
        catch (XmlException ex)
        {
            return new SchemaValidationResult(null, [Unreadable(ex)]);
        }

        if (IsFault(root))
        {
            return new SchemaValidationResult(root, [], IsFault: true);
        }

        if (!_index.Value.Elements.TryGetValue(root, out var trees))
        {
            // .NET would only warn here (the element is simply not declared) and call the message valid.
            return new SchemaValidationResult(root,
                [new(line, position, written, $"Unknown root element: no service contract schema declares {{{root.Namespace}}}{root.Name}.")]);
        }

        IReadOnlyList<SchemaValidationError>? preferred = null;
        foreach (var tree in trees)
        {
            var errors = ValidateAgainst(open, tree.Schemas);
            if (errors.Count == 0)
            {
                return new SchemaValidationResult(root, []);
            }

            preferred ??= errors;
        }

        return new SchemaValidationResult(root, preferred!);
    }

    /// <summary>
    /// Positions the reader on the message root: the first child of soap:Body, or the document element
    /// when it is not an envelope. Returns a result only when there is nothing to validate.
    /// </summary>
    private static SchemaValidationResult? MoveToMessageRoot(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            return new SchemaValidationResult(null, [new(1, 1, null, "The message has no root element.")]);
        }

        if (reader.LocalName != "Envelope" || (reader.NamespaceURI != Soap11 && reader.NamespaceURI != Soap12))
        {
            return null;
        }

        var soap = reader.NamespaceURI;
        var (envLine, envPos) = LineOf(reader);
        if (reader.IsEmptyElement)
        {
            return new SchemaValidationResult(null, [new(envLine, envPos, reader.Name, "The SOAP Envelope has no Body.")]);
        }

        reader.Read();
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            if (reader.LocalName == "Body" && reader.NamespaceURI == soap)
            {
                var (bodyLine, bodyPos) = LineOf(reader);
                var bodyName = reader.Name;
                if (!reader.IsEmptyElement)
                {
                    reader.Read();
                    if (reader.MoveToContent() == XmlNodeType.Element)
                    {
                        return null;
                    }
                }

                return new SchemaValidationResult(null, [new(bodyLine, bodyPos, bodyName, "The SOAP Body is empty: there is no message to validate.")]);
            }

            reader.Skip(); // Header (and anything else before Body)
        }

        return new SchemaValidationResult(null, [new(envLine, envPos, "Envelope", "The SOAP Envelope has no Body.")]);
    }

    private static List<SchemaValidationError> ValidateAgainst(Func<XmlReader> open, XmlSchemaSet schemas)
    {
        var errors = new List<SchemaValidationError>();
        try
        {
            using var reader = open();
            if (MoveToMessageRoot(reader) is not null)
            {
                return errors; // cannot happen: the same input was positioned before
            }

            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                ValidationType = ValidationType.Schema,
                Schemas = schemas,
                // No inline schemas, no xsi:schemaLocation: a message never chooses its own schema.
                // Warnings stay off: below a known root the only warning .NET gives is for undeclared
                // content of a lax xs:any, which the contract allows. The one warning that matters, an
                // undeclared root, is checked before validation and reported as an error.
                ValidationFlags = XmlSchemaValidationFlags.AllowXmlAttributes,
            };
            settings.ValidationEventHandler += (sender, e) =>
            {
                var element = sender is XmlReader r && r.NodeType is XmlNodeType.Element or XmlNodeType.EndElement or XmlNodeType.Attribute
                    ? r.Name
                    : null;
                errors.Add(new SchemaValidationError(e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0, element, e.Message));
            };

            using var subtree = reader.ReadSubtree();
            using var validating = XmlReader.Create(subtree, settings);
            while (validating.Read())
            {
            }
        }
        catch (XmlException ex)
        {
            errors.Add(Unreadable(ex));
        }

        return errors;
    }

    private static SchemaValidationError Unreadable(XmlException ex)
        => new(ex.LineNumber, ex.LinePosition, null, $"The message cannot be read as XML: {ex.Message}");

    private static bool IsFault(XmlQualifiedName root)
        => root.Name == "Fault" && (root.Namespace == Soap11 || root.Namespace == Soap12);

    private static (int Line, int Position) LineOf(XmlReader reader)
        => reader is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);

    private Index Load()
    {
        var watch = Stopwatch.StartNew();
        var directories = new List<string>();
        if (_options.IncludeBuiltIn && SchemaTrees.FindBuiltInDirectory() is { } builtIn)
        {
            directories.Add(builtIn);
        }

        directories.AddRange(_options.Directories.Select(Path.GetFullPath));

        var loaded = new List<SchemaTree>();
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                ContractValidationLog.DirectoryMissing(_logger, directory);
                continue;
            }

            foreach (var tree in SchemaTrees.Find(directory))
            {
                try
                {
                    loaded.Add(new SchemaTree(tree, SchemaTrees.Compile(tree, directory)));
                }
                catch (Exception ex) when (ex is XmlException or XmlSchemaException or IOException or UnauthorizedAccessException)
                {
                    failed[tree] = SchemaTrees.Describe(ex);
                    ContractValidationLog.TreeFailed(_logger, tree, failed[tree]);
                }
            }
        }

        // Later trees take precedence: they are tried first for the elements they declare.
        var elements = new Dictionary<XmlQualifiedName, List<SchemaTree>>();
        foreach (var tree in loaded)
        {
            foreach (XmlQualifiedName name in tree.Schemas.GlobalElements.Names)
            {
                if (!elements.TryGetValue(name, out var list))
                {
                    elements[name] = list = [];
                }
                else if (_logger.IsEnabled(LogLevel.Debug))
                {
                    ContractValidationLog.ElementOverridden(_logger, name.ToString(), tree.Root, list[0].Root);
                }

                list.Insert(0, tree);
            }
        }

        var index = new Index(
            elements.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            new SchemaTreeReport(loaded.Select(t => t.Root).ToList(), failed));
        ContractValidationLog.SchemasLoaded(_logger, loaded.Count, elements.Count, watch.ElapsedMilliseconds);
        return index;
    }

    private sealed record Index(Dictionary<XmlQualifiedName, SchemaTree[]> Elements, SchemaTreeReport Report);
}
