namespace TjanstePlattform.Catalog.Model;

/// <summary>The RIV profile a producer speaks (TAK: RivTaProfil).</summary>
public static class RivtaProfiles
{
    public const string Bp21 = "RIVTABP21";
    public const string Bp20 = "RIVTABP20";

    public static bool IsKnown(string? profile) =>
        string.Equals(profile, Bp21, StringComparison.OrdinalIgnoreCase) || string.Equals(profile, Bp20, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A validity period, inclusive at both ends (TAK: fromTidpunkt..tomTidpunkt).</summary>
public readonly record struct Validity(DateOnly From, DateOnly To)
{
    public bool IsValidOn(DateOnly day) => From <= day && day <= To;

    public bool Overlaps(Validity other) => From <= other.To && other.From <= To;

    /// <summary>The default validity of a new entry: from today for 100 years.</summary>
    public static Validity Default(DateOnly today) => new(today, today.AddYears(100));
}

/// <summary>
/// A routing (vägval) together with its physical address (anropsadress): calls for
/// <see cref="ServiceContract"/> to <see cref="LogicalAddress"/> go to <see cref="PhysicalAddress"/>.
/// </summary>
public sealed record ServiceProduction(
    long Id,
    string ServiceProducer,
    string LogicalAddress,
    string ServiceContract,
    string PhysicalAddress,
    string RivtaProfile,
    Validity Validity);

/// <summary>A filter on an authorization: a service domain and optional categorizations (EI subscriptions, GetLogicalAddressees).</summary>
public sealed record CooperationFilter(string ServiceDomain, IReadOnlyList<string> Categorizations);

/// <summary>
/// An authorization (anropsbehörighet): <see cref="ServiceConsumer"/> may call <see cref="ServiceContract"/>
/// at <see cref="LogicalAddress"/> (<c>*</c> for any).
/// </summary>
public sealed record Cooperation(
    long Id,
    string ServiceConsumer,
    string LogicalAddress,
    string ServiceContract,
    Validity Validity,
    IReadOnlyList<CooperationFilter> Filters)
{
    /// <summary>The integration agreement (integrationsavtal) the authorization was ordered under, if any.</summary>
    public string? IntegrationAgreement { get; init; }
}
