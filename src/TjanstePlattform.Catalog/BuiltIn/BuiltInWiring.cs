using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Editing;

namespace TjanstePlattform.Catalog.BuiltIn;

/// <summary>
/// The platform's own wiring, re-applied after the whole catalog is replaced (import, rollback): a catalog moved
/// from another environment, or a version from before the base address changed, must not leave the built-in
/// producers pointing at another platform. Known once the server has bound its address. The catalog runtime
/// depends on this class, so it must not depend on the registrations at construction (they may use the catalog).
/// </summary>
/// <remarks>
/// The registrations are resolved only when needed: a part's registrations may themselves depend (through
/// their own services) on the catalog, and resolving them while the catalog is being constructed would
/// deadlock the container.
/// </remarks>
internal sealed class BuiltInWiring(IServiceProvider services)
{
    private Uri? _baseAddress;

    public void SetBaseAddress(Uri baseAddress) => Volatile.Write(ref _baseAddress, baseAddress);

    /// <summary>Reconciles the always-ensured registrations into <paramref name="edit"/> (nothing before the address is known).</summary>
    public void Reapply(CatalogEdit edit)
    {
        if (Volatile.Read(ref _baseAddress) is { } baseAddress)
        {
            BuiltInReconciler.Apply(edit, baseAddress, services.GetServices<IBuiltInRegistrations>().Where(r => !r.SeedOnce), seed: false);
        }
    }
}
