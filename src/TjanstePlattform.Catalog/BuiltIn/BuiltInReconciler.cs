using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Model;

namespace TjanstePlattform.Catalog.BuiltIn;

/// <summary>
/// Brings the built-in registrations into the catalog once the platform's base address is known:
/// seed-once entries only into a catalog that was empty at its first start, the others at every start
/// (created when missing, the physical address updated when the base address moved). A routing a team
/// has repointed to its own system (another address than the platform's) is left alone.
/// </summary>
internal static class BuiltInReconciler
{
    /// <summary>The base address the built-ins were last registered under.</summary>
    public const string BaseAddressSetting = "builtins.baseAddress";

    public static CatalogResult<BuiltInReport> Apply(CatalogEdit edit, Uri baseAddress, IEnumerable<IBuiltInRegistrations> registrations, bool seed)
    {
        var report = new BuiltInReport();
        var newBase = baseAddress.GetLeftPart(UriPartial.Authority);
        var oldBase = edit.GetSetting(BaseAddressSetting);
        foreach (var registration in registrations)
        {
            // Seed-once entries (demo data a user may delete) are never re-created after the first start, but those
            // still pointing at the platform itself follow it to a new base address (another --urls port).
            var repointOnly = registration.SeedOnce && !seed;
            foreach (var production in registration.ServiceProductions)
            {
                var address = Combine(newBase, production.Path);
                var existing = edit.RoutingsFor(production.LogicalAddress, production.ServiceContract).Where(p => p.Validity.IsValidOn(edit.Today)).ToList();
                if (existing.Count == 0)
                {
                    if (repointOnly)
                    {
                        continue;
                    }

                    var added = edit.AddServiceProduction(new ServiceProductionRequest(
                        production.ServiceProducer, production.LogicalAddress, production.ServiceContract, address, production.RivtaProfile));
                    report.Add(added.Problem, $"routing {production.LogicalAddress} / {production.ServiceContract}");
                    continue;
                }

                if (registration.SeedOnce && seed)
                {
                    continue;
                }

                foreach (var current in existing.Where(p => p.PhysicalAddress != address && IsOurs(p.PhysicalAddress, production.Path, oldBase)))
                {
                    var updated = edit.UpdatePhysicalAddress(current.Id, address);
                    report.Add(updated.Problem, $"routing {current.Id}");
                }
            }

            if (repointOnly)
            {
                continue;
            }

            foreach (var cooperation in registration.Cooperations)
            {
                var exists = edit.AuthorizationsFor(cooperation.ServiceConsumer, cooperation.LogicalAddress, cooperation.ServiceContract).Any(c => c.Validity.IsValidOn(edit.Today));
                if (exists)
                {
                    continue;
                }

                var filters = cooperation.Filters?.Select(f => new CooperationFilterRequest(f.ServiceDomain, [.. f.Categorizations])).ToArray();
                var added = edit.AddCooperation(new CooperationRequest(cooperation.ServiceConsumer, cooperation.LogicalAddress, cooperation.ServiceContract, Filters: filters));
                report.Add(added.Problem, $"authorization {cooperation.ServiceConsumer} -> {cooperation.LogicalAddress} / {cooperation.ServiceContract}");
            }
        }

        edit.SetSetting(BaseAddressSetting, newBase);
        edit.SetSetting(Editing.CatalogRuntime.SeededSetting, "true");
        return report;
    }

    /// <summary>The platform's own address for this path: under the previous base address, or any loopback host.</summary>
    private static bool IsOurs(string physicalAddress, string path, string? oldBase)
    {
        if (oldBase is not null && string.Equals(physicalAddress, Combine(oldBase, path), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A loopback address with the built-in path is a platform's own (an imported catalog, an earlier port).
        return Uri.TryCreate(physicalAddress, UriKind.Absolute, out var uri) && uri.IsLoopback
            && string.Equals(uri.AbsolutePath, "/" + path.TrimStart('/'), StringComparison.OrdinalIgnoreCase);
    }

    private static string Combine(string baseAddress, string path) => baseAddress.TrimEnd('/') + "/" + path.TrimStart('/');

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a built-in pass could not register (logged; a user's conflicting entry wins).</summary>
internal sealed class BuiltInReport
{
    private readonly List<string> _skipped = [];

    public IReadOnlyList<string> Skipped => _skipped;

    public void Add(CatalogProblem? problem, string what)
    {
        if (problem is not null)
        {
            _skipped.Add($"{what}: {problem.Detail}");
        }
    }
}
