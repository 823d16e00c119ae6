using System.Text.Json;

namespace TjanstePlattform.Catalog.Orders;

/// <summary>
/// TAK's "JSON-beställning": how organisations order configuration. <c>inkludera</c> adds contracts, logical
/// addresses, components, authorizations and routings; <c>exkludera</c> ends authorizations and routings.
/// Everything takes effect on <c>genomforandeTidpunkt</c> (a date, or a timestamp whose date is used).
/// </summary>
public sealed record CatalogOrder(
    string? Plattform,
    JsonElement? FormatVersion,
    JsonElement? Version,
    string? BestallningsTidpunkt,
    string? GenomforandeTidpunkt,
    string? Utforare,
    string? Kommentar,
    CatalogOrderSection? Inkludera,
    CatalogOrderSection? Exkludera);

/// <summary>One section of an order (both sections have the same shape).</summary>
public sealed record CatalogOrderSection(
    OrderServiceContract[]? Tjanstekontrakt,
    OrderLogicalAddress[]? Logiskadresser,
    OrderComponent[]? Tjanstekomponenter,
    OrderAuthorization[]? Anropsbehorigheter,
    OrderRouting[]? Vagval);

/// <summary>A service contract (tjänstekontrakt) by namespace.</summary>
public sealed record OrderServiceContract(string? Namnrymd, string? Beskrivning, int? MajorVersion = null, int? MinorVersion = null);

public sealed record OrderLogicalAddress(string? HsaId, string? Beskrivning);

public sealed record OrderComponent(string? HsaId, string? Beskrivning);

/// <summary>An authorization (anropsbehörighet): consumer, logical address, contract.</summary>
public sealed record OrderAuthorization(string? LogiskAdress, string? Tjanstekontrakt, string? Tjanstekonsument);

/// <summary>A routing (vägval): logical address and contract to an address spoken in a RIV profile, produced by a component.</summary>
public sealed record OrderRouting(string? Adress, string? LogiskAdress, string? Tjanstekontrakt, string? Rivtaprofil, string? Tjanstekomponent);

/// <summary>What an order did (or, in a dry run, would do).</summary>
public sealed record OrderReport(
    bool DryRun,
    long? PublishedVersion,
    DateOnly EffectiveFrom,
    IReadOnlyList<Editing.CatalogChange> Changes,
    IReadOnlyList<string> Messages);
