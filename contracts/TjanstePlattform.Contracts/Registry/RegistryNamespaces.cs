namespace TjanstePlattform.Contracts.Registry;

/// <summary>The namespaces of the registry domains.</summary>
public static class RegistryNamespaces
{
    /// <summary>The BP 2.1 <c>LogicalAddress</c> header (itintegration:registry 1).</summary>
    public const string ItIntegrationRegistry1 = "urn:riv:itintegration:registry:1";

    /// <summary>The core of infrastructure:itintegration:registry 2 (ServiceContractNamespaceType, HsaIdType).</summary>
    public const string InfrastructureRegistry2 = "urn:riv:infrastructure:itintegration:registry:2";
}
