using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Contracts.Monitoring.PingForConfiguration;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Catalog.Lookups;

/// <summary>
/// PingForConfiguration 1 answered by the platform itself: its version, the time, and a few configuration
/// items (platform identity and the catalog version being served).
/// </summary>
internal sealed class PingForConfigurationResponder(IOptions<PlatformOptions> platform, ICatalogSnapshotSource catalog, ICatalogStatus status, TimeProvider time)
{
    private static readonly string ProductVersion =
        typeof(PingForConfigurationResponder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(PingForConfigurationResponder).Assembly.GetName().Version?.ToString()
        ?? "1.0.0";

    public PingForConfigurationResponseType Answer(PingForConfigurationType request)
    {
        var snapshot = catalog.Current;
        var response = new PingForConfigurationResponseType
        {
            Version = ProductVersion,
            // Swedish local time like every RIVTA timestamp (ProcessingStatus too), not the machine's zone.
            PingDateTime = RivtaTime.Format(time.GetUtcNow()),
        };
        response.Configuration.Add(new ConfigurationType("Applikation", "TjanstePlattform"));
        response.Configuration.Add(new ConfigurationType("PlatformName", platform.Value.Name));
        response.Configuration.Add(new ConfigurationType("InstanceId", platform.Value.InstanceId));
        response.Configuration.Add(new ConfigurationType("HsaId", platform.Value.HsaId));
        response.Configuration.Add(new ConfigurationType("CatalogVersion", snapshot?.Version.ToString(CultureInfo.InvariantCulture) ?? "none"));
        response.Configuration.Add(new ConfigurationType("CatalogSource", status.Source.ToString()));
        response.Configuration.Add(new ConfigurationType("serviceContractNamespace", request.ServiceContractNamespace));
        response.Configuration.Add(new ConfigurationType("logicalAddress", request.LogicalAddress));
        return response;
    }
}
