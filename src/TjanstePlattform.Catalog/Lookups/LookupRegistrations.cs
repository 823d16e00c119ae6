using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.BuiltIn;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Catalog.Lookups;

/// <summary>
/// The platform's own SOAP look-ups as ordinary routings at the platform's logical address, reconciled at
/// every start: consumers reach them through <c>/vp/…</c> like any producer.
/// </summary>
internal sealed class LookupRegistrations(IOptions<PlatformOptions> platform) : IBuiltInRegistrations
{
    public IEnumerable<BuiltInServiceProduction> ServiceProductions
    {
        get
        {
            var hsaId = platform.Value.HsaId;
            yield return new BuiltInServiceProduction(hsaId, hsaId, DemoCatalog.PingForConfigurationContract, DemoCatalog.PingForConfigurationPath);
            yield return new BuiltInServiceProduction(hsaId, hsaId, DemoCatalog.GetLogicalAddresseesContract, DemoCatalog.GetLogicalAddresseesPath);
            yield return new BuiltInServiceProduction(hsaId, hsaId, DemoCatalog.GetSupportedServiceContractsContract, DemoCatalog.GetSupportedServiceContractsPath);
            yield return new BuiltInServiceProduction(hsaId, hsaId, DemoCatalog.SokVagvalsInfoContract, DemoCatalog.SokVagvalsInfoPath);
        }
    }

    public IEnumerable<BuiltInCooperation> Cooperations => [];

    public bool SeedOnce => false;
}
