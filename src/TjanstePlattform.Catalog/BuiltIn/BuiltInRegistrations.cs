namespace TjanstePlattform.Catalog.BuiltIn;

/// <summary>
/// A routing the platform registers for one of its own producers (EI, aggregating services, source systems,
/// the platform's look-ups). <see cref="Path"/> is relative to the platform's base address; at every start the
/// catalog makes sure a routing exists with the physical address <c>base + Path</c>, so the built-in producers
/// are ordinary catalog entries that a team can repoint to its real system.
/// </summary>
public sealed record BuiltInServiceProduction(
    string ServiceProducer,
    string LogicalAddress,
    string ServiceContract,
    string Path,
    string RivtaProfile = Model.RivtaProfiles.Bp21);

/// <summary>An authorization the platform needs for its own work (demo consumer, EI's notification deliveries, aggregation).</summary>
public sealed record BuiltInCooperation(
    string ServiceConsumer,
    string LogicalAddress,
    string ServiceContract,
    IReadOnlyList<Model.CooperationFilter>? Filters = null);

/// <summary>
/// Contributed by each part that hosts producers. <see cref="SeedOnce"/> entries are created only when the
/// catalog is empty at first start (demo data a user may delete); <see cref="EnsureAlways"/> entries are
/// reconciled at every start (the platform's own wiring).
/// </summary>
public interface IBuiltInRegistrations
{
    IEnumerable<BuiltInServiceProduction> ServiceProductions { get; }

    IEnumerable<BuiltInCooperation> Cooperations { get; }

    /// <summary>True: only seeded into an empty catalog. False: reconciled at every start.</summary>
    bool SeedOnce { get; }
}
