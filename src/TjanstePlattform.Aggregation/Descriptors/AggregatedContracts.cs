using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace TjanstePlattform.Aggregation.Descriptors;

/// <summary>The enabled descriptors, validated at start-up, looked up by the body's namespace on every call.</summary>
public sealed class AggregatedContracts
{
    private readonly FrozenDictionary<string, AggregatedContract> _byNamespace;

    public AggregatedContracts(IOptions<AggregationOptions> options, TjanstePlattform.Soap.Validation.IContractSchemaValidator? validator = null)
    {
        Validator = validator;
        var contracts = new List<AggregatedContract>();
        foreach (var (name, descriptor) in options.Value.Contracts.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (!descriptor.Enabled)
            {
                continue;
            }

            // Validation at start-up (ValidateOnStart) has already refused bad descriptors.
            contracts.Add(AggregatedContract.TryCreate(name, descriptor, out var problems)
                ?? throw new OptionsValidationException(AggregationOptions.SectionName, typeof(AggregationOptions), problems));
        }

        All = contracts;
        _byNamespace = contracts.ToFrozenDictionary(c => c.Namespace, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<AggregatedContract> All { get; }

    /// <summary>The platform's schema validator, for descriptors with <see cref="AggregatedContract.ValidateRequest"/>; null when the host has none.</summary>
    public TjanstePlattform.Soap.Validation.IContractSchemaValidator? Validator { get; }

    /// <summary>The descriptor for a contract (responder namespace), or null when the contract is not aggregated.</summary>
    public AggregatedContract? Find(string contractNamespace) => _byNamespace.GetValueOrDefault(contractNamespace);
}

/// <summary>Fills the defaults: the national address from <c>Platform:HsaId</c>, the built-in descriptors not configured.</summary>
internal sealed class AggregationOptionsSetup(IOptions<TjanstePlattform.Platform.PlatformOptions> platform) : IPostConfigureOptions<AggregationOptions>
{
    public void PostConfigure(string? name, AggregationOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.LogicalAddress))
        {
            options.LogicalAddress = platform.Value.HsaId;
        }

        foreach (var (contract, descriptor) in BuiltInContracts.Create())
        {
            options.Contracts.TryAdd(contract, descriptor);
        }
    }
}

/// <summary>Refuses to start with a descriptor the engine could not use, naming every problem.</summary>
internal sealed class AggregationOptionsValidation : IValidateOptions<AggregationOptions>
{
    public ValidateOptionsResult Validate(string? name, AggregationOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.LogicalAddress))
        {
            failures.Add("Aggregation:LogicalAddress (or Platform:HsaId) must not be empty.");
        }

        if (options.ProducerTimeout <= TimeSpan.Zero || options.Deadline <= TimeSpan.Zero)
        {
            failures.Add("Aggregation:ProducerTimeout and Aggregation:Deadline must be positive.");
        }

        if (options.MaxRequestBytes < 1024 || options.MaxProducerResponseBytes < 1024)
        {
            failures.Add("Aggregation:MaxRequestBytes and Aggregation:MaxProducerResponseBytes must be at least 1024.");
        }

        var namespaces = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (contractName, descriptor) in options.Contracts)
        {
            if (!descriptor.Enabled)
            {
                continue;
            }

            var contract = AggregatedContract.TryCreate(contractName, descriptor, out var problems);
            failures.AddRange(problems.Select(p => $"Aggregation:Contracts:{contractName}: {p}"));
            if (contract is null)
            {
                continue;
            }

            if (!namespaces.TryAdd(contract.Namespace, contractName))
            {
                failures.Add($"Aggregation:Contracts:{contractName}: the namespace {contract.Namespace} is already aggregated by {namespaces[contract.Namespace]}.");
            }

            if (!paths.TryAdd(contract.Path, contractName))
            {
                failures.Add($"Aggregation:Contracts:{contractName}: the path {contract.Path} is already used by {paths[contract.Path]}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
