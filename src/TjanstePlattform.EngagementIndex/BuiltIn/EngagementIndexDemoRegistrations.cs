using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.BuiltIn;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Contracts.EngagementIndex;

namespace TjanstePlattform.EngagementIndex.BuiltIn;

/// <summary>
/// Demo data, seeded once into an empty catalog (a user may delete it): the demo consumer may call the index's four
/// contracts through the router, so the samples in <c>wsdl/samples/{Update,FindContent,ProcessNotification,GetUpdates}</c>
/// replay as they are with <c>x-vp-sender-id: TJP-DEMO-CONSUMER</c>.
/// </summary>
internal sealed class EngagementIndexDemoRegistrations(IOptions<EngagementIndexOptions> options) : IBuiltInRegistrations
{
    public IEnumerable<BuiltInServiceProduction> ServiceProductions => [];

    public IEnumerable<BuiltInCooperation> Cooperations
    {
        get
        {
            var owner = options.Value.Owner!;
            yield return new BuiltInCooperation(DemoCatalog.Consumer, owner, EngagementIndexNamespaces.UpdateResponder);
            yield return new BuiltInCooperation(DemoCatalog.Consumer, owner, EngagementIndexNamespaces.ProcessNotificationResponder);
            yield return new BuiltInCooperation(DemoCatalog.Consumer, owner, EngagementIndexNamespaces.FindContentResponder);
            yield return new BuiltInCooperation(DemoCatalog.Consumer, owner, EngagementIndexNamespaces.GetUpdatesResponder);
        }
    }

    public bool SeedOnce => true;
}
