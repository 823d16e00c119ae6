using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.BuiltIn;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.EngagementIndex.Soap;

namespace TjanstePlattform.EngagementIndex.BuiltIn;

/// <summary>
/// The index as an ordinary producer in the catalog: its four contracts routed (vägval) at its own logical address
/// to its endpoints on the platform, reconciled at every start (a team can still repoint them). Also the one
/// authorization (anropsbehörighet) the index needs itself: its consumer id may call ProcessNotification at its own
/// address (the platform reaches its own index through the router). A subscriber's routing and authorization are
/// created by whoever registers the subscriber.
/// </summary>
internal sealed class EngagementIndexRegistrations(IOptions<EngagementIndexOptions> options) : IBuiltInRegistrations
{
    public IEnumerable<BuiltInServiceProduction> ServiceProductions
    {
        get
        {
            var owner = options.Value.Owner!;
            yield return new BuiltInServiceProduction(owner, owner, EngagementIndexNamespaces.UpdateResponder, EngagementIndexServices.UpdatePath);
            yield return new BuiltInServiceProduction(owner, owner, EngagementIndexNamespaces.ProcessNotificationResponder, EngagementIndexServices.ProcessNotificationPath);
            yield return new BuiltInServiceProduction(owner, owner, EngagementIndexNamespaces.FindContentResponder, EngagementIndexServices.FindContentPath);
            yield return new BuiltInServiceProduction(owner, owner, EngagementIndexNamespaces.GetUpdatesResponder, EngagementIndexServices.GetUpdatesPath);
        }
    }

    public IEnumerable<BuiltInCooperation> Cooperations
    {
        get
        {
            yield return new BuiltInCooperation(options.Value.ConsumerId!, options.Value.Owner!, EngagementIndexNamespaces.ProcessNotificationResponder);
        }
    }

    public bool SeedOnce => false;
}
