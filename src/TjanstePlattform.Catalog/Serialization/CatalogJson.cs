using System.Text.Json;
using System.Text.Json.Serialization;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Catalog.Serialization;

/// <summary>
/// The catalog's JSON shapes: REST entities, published versions, exports and the local snapshot file all use
/// them, so a version fetched from <c>/api/v1/versions/{n}</c> can be imported as it is. camelCase, dates <c>yyyy-MM-dd</c>.
/// </summary>
public static class CatalogJson
{
    /// <summary>The format marker of a whole-catalog document.</summary>
    public const string Format = "tjp-catalog/1";

    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Options for request bodies: unknown members are rejected so a typo never passes silently.</summary>
    public static JsonSerializerOptions Strict { get; } = new(Create(indented: false))
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = PlatformJson.Encoder,
    };

    public static ServiceProductionJson ToJson(ServiceProduction p) =>
        new(p.Id, p.ServiceProducer, p.LogicalAddress, p.ServiceContract, p.PhysicalAddress, p.RivtaProfile, p.Validity.From, p.Validity.To);

    public static CooperationJson ToJson(Cooperation c) =>
        new(c.Id, c.ServiceConsumer, c.LogicalAddress, c.ServiceContract, c.Validity.From, c.Validity.To,
            c.IntegrationAgreement, c.Filters.Select(f => new CooperationFilterJson(f.ServiceDomain, [.. f.Categorizations])).ToArray());

    public static ServiceComponentJson ToJson(ServiceComponent c) => new(c.Id, c.HsaId, c.Description);

    public static ServiceContractJson ToJson(ServiceContractDefinition c) => new(c.Id, c.Namespace, c.Major, c.Minor, c.Description);

    public static LogicalAddressJson ToJson(LogicalAddressDefinition a) => new(a.Id, a.HsaId, a.Description);

    public static ServiceProduction FromJson(ServiceProductionJson p) =>
        new(p.Id, p.ServiceProducer, p.LogicalAddress, p.ServiceContract, p.PhysicalAddress, p.RivtaProfile, new Validity(p.ValidFrom, p.ValidTo));

    public static Cooperation FromJson(CooperationJson c) =>
        new(c.Id, c.ServiceConsumer, c.LogicalAddress, c.ServiceContract, new Validity(c.ValidFrom, c.ValidTo),
            (c.Filters ?? []).Select(f => new CooperationFilter(f.ServiceDomain, f.Categorizations ?? [])).ToArray())
        {
            IntegrationAgreement = c.IntegrationAgreement,
        };

    public static CatalogDocumentJson ToJson(CatalogVersion version) => ToJson(version.Document) with
    {
        Version = version.Number,
        PublishedAt = version.PublishedAt,
        PublishedBy = version.PublishedBy,
        Comment = version.Comment,
    };

    public static CatalogDocumentJson ToJson(CatalogDocument document) => new(
        Format,
        null, null, null, null,
        document.Components.Select(ToJson).ToArray(),
        document.ServiceContracts.Select(ToJson).ToArray(),
        document.LogicalAddresses.Select(ToJson).ToArray(),
        document.ServiceProductions.Select(ToJson).ToArray(),
        document.Cooperations.Select(ToJson).ToArray());

    public static CatalogDocument FromJson(CatalogDocumentJson json) => new(
        (json.Components ?? []).Select(c => new ServiceComponent(c.Id, c.HsaId, c.Description)).ToArray(),
        (json.ServiceContracts ?? []).Select(c => new ServiceContractDefinition(c.Id, c.Namespace, c.Major, c.Minor, c.Description)).ToArray(),
        (json.LogicalAddresses ?? []).Select(a => new LogicalAddressDefinition(a.Id, a.HsaId, a.Description)).ToArray(),
        (json.ServiceProductions ?? []).Select(FromJson).ToArray(),
        (json.Cooperations ?? []).Select(FromJson).ToArray());

    /// <summary>A published version from its JSON (snapshot file, import). Null fields of a plain export become version 0.</summary>
    public static CatalogVersion VersionFromJson(CatalogDocumentJson json) =>
        new(json.Version ?? 0, json.PublishedAt ?? DateTimeOffset.MinValue, json.PublishedBy ?? "unknown", json.Comment, FromJson(json));
}

/// <summary>A routing (vägval) with its physical address, as the REST API and exports show it.</summary>
public sealed record ServiceProductionJson(
    long Id,
    string ServiceProducer,
    string LogicalAddress,
    string ServiceContract,
    string PhysicalAddress,
    string RivtaProfile,
    DateOnly ValidFrom,
    DateOnly ValidTo);

/// <summary>An authorization (anropsbehörighet), as the REST API and exports show it.</summary>
public sealed record CooperationJson(
    long Id,
    string ServiceConsumer,
    string LogicalAddress,
    string ServiceContract,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    string? IntegrationAgreement,
    CooperationFilterJson[]? Filters);

/// <summary>A filter of an authorization: a service domain and its categorizations.</summary>
public sealed record CooperationFilterJson(string ServiceDomain, string[]? Categorizations);

public sealed record ServiceComponentJson(long Id, string HsaId, string? Description);

public sealed record ServiceContractJson(long Id, string Namespace, int Major, int Minor, string? Description);

public sealed record LogicalAddressJson(long Id, string HsaId, string? Description);

/// <summary>The whole catalog: a published version (with its number) or an export (the same shape).</summary>
public sealed record CatalogDocumentJson(
    string? Format,
    long? Version,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    string? Comment,
    ServiceComponentJson[]? Components,
    ServiceContractJson[]? ServiceContracts,
    LogicalAddressJson[]? LogicalAddresses,
    ServiceProductionJson[]? ServiceProductions,
    CooperationJson[]? Cooperations);
