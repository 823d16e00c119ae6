using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.Registry;

/// <summary>A service contract by its namespace (core type of infrastructure:itintegration:registry 2).</summary>
[XmlType(Namespace = RegistryNamespaces.InfrastructureRegistry2, TypeName = "ServiceContractNamespaceType")]
public sealed class ServiceContractNamespaceType
{
    public ServiceContractNamespaceType()
    {
    }

    public ServiceContractNamespaceType(string serviceContractNamespace) => ServiceContractNamespace = serviceContractNamespace;

    [XmlElement("ServiceContractNamespace", DataType = "anyURI", Order = 0)]
    public string ServiceContractNamespace { get; set; } = string.Empty;

    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}
