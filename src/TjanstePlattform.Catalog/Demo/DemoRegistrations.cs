using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.BuiltIn;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Catalog.Demo;

/// <summary>The demo consumer's authorizations, seeded once into an empty catalog (a user may delete them).</summary>
internal sealed class DemoRegistrations(IOptions<PlatformOptions> platform) : IBuiltInRegistrations
{
    public IEnumerable<BuiltInServiceProduction> ServiceProductions => [];

    public IEnumerable<BuiltInCooperation> Cooperations
    {
        get
        {
            var hsaId = platform.Value.HsaId;
            yield return new BuiltInCooperation(DemoCatalog.Consumer, hsaId, DemoCatalog.PingForConfigurationContract);
            yield return new BuiltInCooperation(DemoCatalog.Consumer, hsaId, DemoCatalog.GetLogicalAddresseesContract);
            yield return new BuiltInCooperation(DemoCatalog.Consumer, hsaId, DemoCatalog.GetSupportedServiceContractsContract);
            yield return new BuiltInCooperation(DemoCatalog.Consumer, hsaId, DemoCatalog.SokVagvalsInfoContract);
        }
    }

    public bool SeedOnce => true;
}
