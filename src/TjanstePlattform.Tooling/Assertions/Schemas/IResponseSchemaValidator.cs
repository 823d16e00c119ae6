namespace TjanstePlattform.Tooling.Assertions.Schemas;

/// <summary>How a payload fared against its contract schema.</summary>
public enum SchemaVerdict
{
    Valid,
    Invalid,

    /// <summary>No schema declares the payload's root element: nothing to validate against.</summary>
    NoSchema,
}

/// <summary>The verdict with the first errors (line, position, message).</summary>
public sealed record PayloadValidation(SchemaVerdict Verdict, IReadOnlyList<string> Errors)
{
    public static PayloadValidation NoSchema(string reason) => new(SchemaVerdict.NoSchema, [reason]);
}

/// <summary>
/// Validates the payload of a SOAP answer (the first child of soap:Body) against the schema of its
/// contract, chosen by the payload's root element. The seam between replay's assertions and the platform's
/// <see cref="Soap.Validation.IContractSchemaValidator"/> (see <see cref="ContractSchemas"/>).
/// </summary>
public interface IResponseSchemaValidator
{
    /// <summary>Validates the envelope's Body payload. Never throws for bad input.</summary>
    PayloadValidation ValidatePayload(string envelopeText);
}
