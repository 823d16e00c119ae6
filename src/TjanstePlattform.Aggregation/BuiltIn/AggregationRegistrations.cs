using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Catalog.BuiltIn;

namespace TjanstePlattform.Aggregation.BuiltIn;

/// <summary>
/// The aggregating services as ordinary producers in the catalog: each aggregated contract routed (vägval) at the
/// national logical address to its endpoint on the platform, reconciled at every start (a team can still repoint one).
/// No authorization of its own is needed: the engagement index is searched in-process, and every fan-out call goes
/// through the router as the consumer (x-vp-sender-id), so the router checks the consumer's own authorizations.
/// </summary>
internal sealed class AggregationRegistrations(AggregatedContracts contracts, IOptions<AggregationOptions> options) : IBuiltInRegistrations
{
    public IEnumerable<BuiltInServiceProduction> ServiceProductions
    {
        get
        {
            var address = options.Value.LogicalAddress!;
            foreach (var contract in contracts.All)
            {
                yield return new BuiltInServiceProduction(address, address, contract.Namespace, contract.Path);
            }
        }
    }

    public IEnumerable<BuiltInCooperation> Cooperations => [];

    public bool SeedOnce => false;
}
