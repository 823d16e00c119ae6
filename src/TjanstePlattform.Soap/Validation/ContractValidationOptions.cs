namespace TjanstePlattform.Soap.Validation;

/// <summary>Where the contract schemas come from (section <c>Contracts</c>).</summary>
public sealed class ContractSchemaOptions
{
    public const string SectionName = "Contracts";

    /// <summary>
    /// Extra directories holding RIVTA schema trees (an unpacked official release, or a folder of them).
    /// A tree in a later directory takes precedence over an earlier one, and over the platform's own
    /// <c>wsdl/</c>, for the elements both declare.
    /// </summary>
    public List<string> Directories { get; set; } = [];

    /// <summary>Load the platform's own <c>wsdl/</c> trees (default true).</summary>
    public bool IncludeBuiltIn { get; set; } = true;

    /// <summary>The largest message validated, in characters (default 64 Mi). Larger input is an error, not a crash.</summary>
    public long MaxMessageCharacters { get; set; } = 64L * 1024 * 1024;
}

/// <summary>Whether the router validates traffic (section <c>Validation</c>).</summary>
public sealed class ValidationOptions
{
    public const string SectionName = "Validation";

    /// <summary><see cref="ValidationMode.Off"/> (default, as the reference platform), Log or Reject.</summary>
    public ValidationMode Mode { get; set; } = ValidationMode.Off;
}

/// <summary>What the router does with schema validation.</summary>
public enum ValidationMode
{
    /// <summary>No validation: the router is contract-agnostic, like the reference.</summary>
    Off,

    /// <summary>Validate requests and producer responses and log what is invalid; never alter traffic.</summary>
    Log,

    /// <summary>As Log, and answer an invalid request with VP015 (reason in the detail); responses are only logged.</summary>
    Reject,
}
