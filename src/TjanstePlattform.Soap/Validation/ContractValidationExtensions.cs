using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TjanstePlattform.Soap.Validation;

public static class ContractValidationExtensions
{
    /// <summary>
    /// Registers <see cref="IContractSchemaValidator"/> with options from <c>Contracts</c>
    /// (schema directories) and <c>Validation</c> (mode), both validated at start-up.
    /// </summary>
    public static IServiceCollection AddContractValidation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ContractSchemaOptions>()
            .Bind(configuration.GetSection(ContractSchemaOptions.SectionName))
            .Validate(o => o.MaxMessageCharacters > 0, "Contracts:MaxMessageCharacters must be positive.")
            .Validate(o => o.Directories.All(d => !string.IsNullOrWhiteSpace(d) && Directory.Exists(d)),
                "Every Contracts:Directories entry must be an existing directory.")
            .ValidateOnStart();
        services.AddOptions<ValidationOptions>()
            .Bind(configuration.GetSection(ValidationOptions.SectionName))
            .Validate(o => Enum.IsDefined(o.Mode), "Validation:Mode must be Off, Log or Reject.")
            .ValidateOnStart();
        services.TryAddSingleton<IContractSchemaValidator, ContractSchemaValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, ContractSchemaStartup>());
        return services;
    }
}
