namespace TjanstePlattform.Catalog.Editing;

/// <summary>
/// A new routing (vägval) with its physical address. Dates are <c>yyyy-MM-dd</c>; without them the routing is
/// valid from today for 100 years.
/// </summary>
public sealed record ServiceProductionRequest(
    string? ServiceProducer,
    string? LogicalAddress,
    string? ServiceContract,
    string? PhysicalAddress,
    string? RivtaProfile,
    string? ValidFrom = null,
    string? ValidTo = null);

/// <summary>A new authorization (anropsbehörighet); <c>logicalAddress</c> <c>*</c> authorizes every address.</summary>
public sealed record CooperationRequest(
    string? ServiceConsumer,
    string? LogicalAddress,
    string? ServiceContract,
    string? ValidFrom = null,
    string? ValidTo = null,
    CooperationFilterRequest[]? Filters = null,
    string? IntegrationAgreement = null);

/// <summary>A filter of an authorization (EI subscriptions, GetLogicalAddresseesByServiceContract).</summary>
public sealed record CooperationFilterRequest(string? ServiceDomain, string[]? Categorizations);

/// <summary>A new service component (tjänstekomponent).</summary>
public sealed record ServiceComponentRequest(string? HsaId, string? Description = null);

/// <summary>A new service contract; major/minor default to what the namespace says.</summary>
public sealed record ServiceContractRequest(string? Namespace, int? Major = null, int? Minor = null, string? Description = null);

/// <summary>A new logical address.</summary>
public sealed record LogicalAddressRequest(string? HsaId, string? Description = null);

/// <summary>Publishes the pending changes (<c>Catalog:PublishMode=Manual</c>).</summary>
public sealed record PublishRequest(string? Comment = null);
