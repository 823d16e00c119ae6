using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Soap.Envelope;
using TjanstePlattform.Soap.Faults;

namespace TjanstePlattform.Routing.RoutingRules;

/// <summary>
/// Routing (vägval) and authorization (anropsbehörighet) over one catalog snapshot, in the reference's order:
/// routing exact → HSA parents → <c>*</c>; authorization exact → <c>*</c> → HSA parents. Only entries valid on the given day count.
/// Pure functions over an immutable snapshot: no lock, no I/O.
/// </summary>
public static class RoutingDecision
{
    /// <summary>The default receiver: matches any logical address.</summary>
    public const string DefaultReceiver = "*";

    /// <summary>Finds the one routing for (receiver, contract) or the VP fault that says why there is none.</summary>
    public static (ServiceProduction? Production, VpFault? Fault) Route(
        CatalogSnapshot snapshot, string receiver, string contractNamespace, RivProfile profile, DateOnly today,
        HsaTree? hsa = null, bool oldStyleReceivers = false)
    {
        var candidates = FindRoutings(snapshot, receiver, contractNamespace, today, hsa, oldStyleReceivers);
        if (candidates.Count == 0)
        {
            return (null, VpFaults.NoRouting(contractNamespace, receiver));
        }

        if (candidates.Count > 1)
        {
            return (null, VpFaults.MoreThanOneRouting(contractNamespace, receiver));
        }

        var production = candidates[0];
        if (string.IsNullOrWhiteSpace(production.PhysicalAddress))
        {
            return (null, VpFaults.NoPhysicalAddress(contractNamespace, receiver));
        }

        if (ProducerProfile(production) is null)
        {
            // BP 2.0 and 2.1 convert into each other; any other profile cannot be spoken to.
            return (null, VpFaults.NoMatchingRivVersion(contractNamespace, receiver, EnvelopeHead.ProfileName(profile)));
        }

        return (production, null);
    }

    /// <summary>
    /// Routing order (vägval): old-style <c>A#B</c> tries B then A and stops; otherwise the exact receiver,
    /// then its HSA parents up to <c>SE</c> (when the HSA tree is on), then the default receiver <c>*</c>.
    /// </summary>
    private static IReadOnlyList<ServiceProduction> FindRoutings(
        CatalogSnapshot snapshot, string receiver, string contractNamespace, DateOnly today, HsaTree? hsa, bool oldStyleReceivers)
    {
        if (oldStyleReceivers && receiver.Contains('#'))
        {
            var parts = receiver.Split('#');
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                var found = ValidOn(snapshot.RoutingsFor(parts[i], contractNamespace), today);
                if (found.Count > 0)
                {
                    return found;
                }
            }

            return [];
        }

        var candidates = ValidOn(snapshot.RoutingsFor(receiver, contractNamespace), today);
        if (candidates.Count == 0 && hsa is not null)
        {
            foreach (var parent in hsa.ParentsOf(receiver))
            {
                candidates = ValidOn(snapshot.RoutingsFor(parent, contractNamespace), today);
                if (candidates.Count > 0)
                {
                    return candidates;
                }
            }
        }

        if (candidates.Count == 0)
        {
            candidates = ValidOn(snapshot.RoutingsFor(DefaultReceiver, contractNamespace), today);
        }

        return candidates;
    }

    /// <summary>
    /// Authorization order (anropsbehörighet): exact, then <c>*</c>, then the HSA parents. An old-style
    /// <c>A#B</c> receiver is authorized through B or A, with at most two parts.
    /// </summary>
    public static bool IsAuthorized(CatalogSnapshot snapshot, string sender, string receiver, string contractNamespace, DateOnly today,
        HsaTree? hsa = null, bool oldStyleReceivers = false)
    {
        if (oldStyleReceivers && receiver.Contains('#'))
        {
            var parts = receiver.Split('#');
            return parts.Length <= 2 && parts.Reverse().Any(part => IsAuthorized(snapshot, sender, part, contractNamespace, today, hsa));
        }

        if (AnyValid(snapshot.AuthorizationsFor(sender, receiver, contractNamespace), today)
            || AnyValid(snapshot.AuthorizationsFor(sender, DefaultReceiver, contractNamespace), today))
        {
            return true;
        }

        if (hsa is not null)
        {
            foreach (var parent in hsa.ParentsOf(receiver))
            {
                if (AnyValid(snapshot.AuthorizationsFor(sender, parent, contractNamespace), today))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The basic profile the producer speaks, or null when the catalog names one the router cannot convert to.</summary>
    public static RivProfile? ProducerProfile(ServiceProduction production) =>
        string.Equals(production.RivtaProfile, RivtaProfiles.Bp21, StringComparison.OrdinalIgnoreCase) ? RivProfile.RivtaBp21
        : string.Equals(production.RivtaProfile, RivtaProfiles.Bp20, StringComparison.OrdinalIgnoreCase) ? RivProfile.RivtaBp20
        : null;

    private static IReadOnlyList<ServiceProduction> ValidOn(IReadOnlyList<ServiceProduction> all, DateOnly today)
    {
        // Most lookups find one entry that is valid: return the list itself without allocating.
        var valid = 0;
        foreach (var p in all)
        {
            if (p.Validity.IsValidOn(today))
            {
                valid++;
            }
        }

        if (valid == all.Count)
        {
            return all;
        }

        return all.Where(p => p.Validity.IsValidOn(today)).ToArray();
    }

    private static bool AnyValid(IReadOnlyList<Cooperation> all, DateOnly today)
    {
        foreach (var c in all)
        {
            if (c.Validity.IsValidOn(today))
            {
                return true;
            }
        }

        return false;
    }
}
