namespace TjanstePlattform.Catalog.Demo;

/// <summary>
/// The demo world a fresh data directory starts with (README "Demo catalog"): the platform answers
/// PingForConfiguration 1 itself at its own logical address (<c>Platform:HsaId</c>), and the demo consumer is
/// authorized to call it (and the registry look-ups) through the router.
/// </summary>
public static class DemoCatalog
{
    /// <summary>The demo consumer's HSA-id: send it as <c>x-vp-sender-id</c>.</summary>
    public const string Consumer = "TJP-DEMO-CONSUMER";

    public const string PingForConfigurationContract = "urn:riv:itintegration:monitoring:PingForConfigurationResponder:1";

    /// <summary>Where the platform answers PingForConfiguration directly (the routing's physical address path).</summary>
    public const string PingForConfigurationPath = "/platform/monitoring/PingForConfiguration/1/rivtabp21";

    /// <summary>The conventional router path for PingForConfiguration: <c>/vp/</c> + this.</summary>
    public const string PingForConfigurationRouterPath = "itintegration/monitoring/PingForConfiguration/1/rivtabp21";

    public const string GetLogicalAddresseesContract = "urn:riv:infrastructure:itintegration:registry:GetLogicalAddresseesByServiceContractResponder:2";

    public const string GetLogicalAddresseesPath = "/platform/registry/GetLogicalAddresseesByServiceContract/2/rivtabp21";

    public const string GetLogicalAddresseesRouterPath = "infrastructure/itintegration/registry/GetLogicalAddresseesByServiceContract/2/rivtabp21";

    public const string GetSupportedServiceContractsContract = "urn:riv:infrastructure:itintegration:registry:GetSupportedServiceContractsResponder:2";

    public const string GetSupportedServiceContractsPath = "/platform/registry/GetSupportedServiceContracts/2/rivtabp21";

    public const string GetSupportedServiceContractsRouterPath = "infrastructure/itintegration/registry/GetSupportedServiceContracts/2/rivtabp21";

    /// <summary>TAK's SokVagvalsInfo v2 (hamtaAlla…): the contract key is its target namespace.</summary>
    public const string SokVagvalsInfoContract = "urn:skl:tp:vagvalsinfo:v2";

    public const string SokVagvalsInfoPath = "/platform/vagvalsinfo/SokVagvalsInfo/v2";

    public const string SokVagvalsInfoRouterPath = "skl/tp/vagvalsinfo/SokVagvalsInfo/v2";
}
