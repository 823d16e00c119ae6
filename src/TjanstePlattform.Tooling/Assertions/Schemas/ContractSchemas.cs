using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Soap.Validation;

namespace TjanstePlattform.Tooling.Assertions.Schemas;

/// <summary>
/// The schemas replay validates against: the platform's own contract schemas (its <c>wsdl/</c> trees), or
/// only the trees below <c>--schemas &lt;dir&gt;</c> (an official release, or a folder of releases), through the
/// platform's <see cref="IContractSchemaValidator"/>.
/// </summary>
public static class ContractSchemas
{
    /// <summary>Creates a validator; <paramref name="schemasDirectory"/> replaces the platform's schemas when given.</summary>
    public static IResponseSchemaValidator Create(string? schemasDirectory = null)
    {
        var settings = new Dictionary<string, string?>();
        if (schemasDirectory is not null)
        {
            var full = Path.GetFullPath(schemasDirectory);
            if (!Directory.Exists(full))
            {
                throw new DirectoryNotFoundException($"Schema folder not found: {full}");
            }

            settings[$"{ContractSchemaOptions.SectionName}:{nameof(ContractSchemaOptions.IncludeBuiltIn)}"] = "false";
            settings[$"{ContractSchemaOptions.SectionName}:{nameof(ContractSchemaOptions.Directories)}:0"] = full;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddContractValidation(configuration).BuildServiceProvider();
        return new ContractValidatorAdapter(services.GetRequiredService<IContractSchemaValidator>());
    }

    /// <summary><paramref name="first"/>, and <paramref name="then"/> for payloads it has no schema for.</summary>
    public static IResponseSchemaValidator Prefer(IResponseSchemaValidator? first, IResponseSchemaValidator then)
        => first is null ? then : new PreferringValidator(first, then);

    /// <summary>Adapts the platform's validator to replay's assertions.</summary>
    public static IResponseSchemaValidator From(IContractSchemaValidator validator) => new ContractValidatorAdapter(validator);

    private sealed class ContractValidatorAdapter(IContractSchemaValidator validator) : IResponseSchemaValidator
    {
        private const int MaxErrors = 5;

        public PayloadValidation ValidatePayload(string envelopeText)
        {
            var result = validator.Validate(envelopeText);
            if (result.IsFault)
            {
                return new PayloadValidation(SchemaVerdict.Valid, []);
            }

            if (result.RootElement is { } root && !validator.IsKnown(root))
            {
                return PayloadValidation.NoSchema($"No contract schema declares {{{root.Namespace}}}{root.Name}.");
            }

            return result.IsValid
                ? new PayloadValidation(SchemaVerdict.Valid, [])
                : new PayloadValidation(SchemaVerdict.Invalid, [.. result.Errors.Take(MaxErrors).Select(e => e.ToString())]);
        }
    }

    private sealed class PreferringValidator(IResponseSchemaValidator first, IResponseSchemaValidator then) : IResponseSchemaValidator
    {
        public PayloadValidation ValidatePayload(string envelopeText)
            => first.ValidatePayload(envelopeText) is { Verdict: not SchemaVerdict.NoSchema } verdict ? verdict : then.ValidatePayload(envelopeText);
    }
}
