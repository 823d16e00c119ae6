using TjanstePlattform.Catalog.Editing;

namespace TjanstePlattform.Catalog.BuiltIn;

/// <summary>
/// The platform's own wiring, re-applied after the whole catalog is replaced (import, rollback): a catalog moved
/// from another environment, or a version from before the base address changed, must not leave the built-in
/// producers pointing at another platform. Known once the server has bound its address. The catalog runtime
/// depends on this class, so it must not depend on the registrations at construction (they may use the catalog).
/// </summary>
/// <remarks>
/// The built-ins publish their registrations as data: the start-up hands them over together with the base address,
/// so the catalog depends on no part that may itself depend on the catalog.
/// </remarks>
internal sealed class BuiltInWiring
{
    private Wiring? _wiring;

    /// <summary>The base address and the always-ensured registrations, once the server listens.</summary>
    public void Publish(Uri baseAddress, IEnumerable<IBuiltInRegistrations> registrations) =>
        Volatile.Write(ref _wiring, new Wiring(baseAddress, [.. registrations.Where(r => !r.SeedOnce)]));

    /// <summary>Reconciles the always-ensured registrations into <paramref name="edit"/> (nothing before the address is known).</summary>
    public void Reapply(CatalogEdit edit)
    {
        if (Volatile.Read(ref _wiring) is { } wiring)
        {
            BuiltInReconciler.Apply(edit, wiring.BaseAddress, wiring.Registrations, seed: false);
        }
    }

    private sealed record Wiring(Uri BaseAddress, IReadOnlyList<IBuiltInRegistrations> Registrations);
}
