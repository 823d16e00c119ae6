using System.Xml;

namespace TjanstePlattform.Soap.Validation;

/// <summary>
/// Validates RIVTA messages against the XSD of their service contract (tjänstekontrakt). The contract is
/// told by the root element of the message body (its namespace + local name), never by URL or SOAPAction.
/// Knows every contract whose schema tree the platform has: its own <c>wsdl/</c> trees plus the
/// directories in <c>Contracts:Directories</c>. Thread-safe; schema sets are compiled once.
/// </summary>
public interface IContractSchemaValidator
{
    /// <summary>Every element that can be validated as a message root (requests, responses, headers).</summary>
    IReadOnlyCollection<XmlQualifiedName> RootElements { get; }

    /// <summary>The schema trees loaded (absolute paths) and any that could not be loaded, with the reason.</summary>
    SchemaTreeReport Trees { get; }

    /// <summary>True when some loaded schema declares <paramref name="rootElement"/> as a global element.</summary>
    bool IsKnown(XmlQualifiedName rootElement);

    /// <summary>
    /// The compiled declaration of a global element from the tree that takes precedence for it (its type resolved), or
    /// null when no loaded schema declares it: what <see cref="SchemaInstanceGenerator"/> builds messages from.
    /// </summary>
    System.Xml.Schema.XmlSchemaElement? FindElement(XmlQualifiedName name);

    /// <summary>
    /// Validates a request or response by its root element: a SOAP 1.1/1.2 envelope (the first child of
    /// Body is validated; a SOAP Fault is not a contract message and is only flagged with
    /// <see cref="SchemaValidationResult.IsFault"/>) or a bare element (a body, a header block).
    /// Never throws for bad input: unreadable XML is an error in the result.
    /// </summary>
    SchemaValidationResult Validate(Stream message);

    /// <inheritdoc cref="Validate(Stream)"/>
    SchemaValidationResult Validate(string message);

    /// <summary>As <see cref="Validate(Stream)"/>, buffering a non-seekable stream (a request body) asynchronously first.</summary>
    ValueTask<SchemaValidationResult> ValidateAsync(Stream message, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of one validation.</summary>
/// <param name="RootElement">The element validated (first Body child), or null when none was found.</param>
/// <param name="Errors">Every error, in document order; empty when valid.</param>
/// <param name="IsFault">True when the Body holds a SOAP Fault (not validated against any contract).</param>
public sealed record SchemaValidationResult(XmlQualifiedName? RootElement, IReadOnlyList<SchemaValidationError> Errors, bool IsFault = false)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The service contract namespace (the root element's namespace), when a root was found.</summary>
    public string? ServiceContract => RootElement?.Namespace;

    /// <summary>All errors on one line each, for a log entry or a fault detail.</summary>
    public string Describe() => string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}

/// <summary>One validation error: where (line, position, element) and why.</summary>
public sealed record SchemaValidationError(int LineNumber, int LinePosition, string? Element, string Reason)
{
    public override string ToString() => Element is null
        ? $"Line {LineNumber}, position {LinePosition}: {Reason}"
        : $"Line {LineNumber}, position {LinePosition}, element {Element}: {Reason}";
}

/// <summary>What the validator loaded.</summary>
/// <param name="Loaded">Absolute paths of the compiled schema trees, in precedence order (last wins).</param>
/// <param name="Failed">Trees that did not compile, with the reason; their contracts are unknown.</param>
public sealed record SchemaTreeReport(IReadOnlyList<string> Loaded, IReadOnlyDictionary<string, string> Failed);
