using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.Registry;

namespace TjanstePlattform.Contracts.Monitoring.PingForConfiguration;

/// <summary>The namespaces of PingForConfiguration 1 (itintegration:monitoring 1.0, RIVTA BP 2.1).</summary>
public static class PingForConfigurationNamespaces
{
    public const string Responder = "urn:riv:itintegration:monitoring:PingForConfigurationResponder:1";
    public const string Core = "urn:riv:itintegration:monitoring:1";
    public const string Rivtabp21 = "urn:riv:itintegration:monitoring:PingForConfiguration:1:rivtabp21";
    public const string SoapAction = Responder + ":PingForConfiguration";
}

/// <summary>PingForConfiguration 1: a component reports its version and configuration (monitoring, health).</summary>
[ServiceContract(Namespace = PingForConfigurationNamespaces.Rivtabp21, Name = "PingForConfigurationResponderInterface")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface IPingForConfigurationResponderInterface
{
    [OperationContract(Action = PingForConfigurationNamespaces.SoapAction, ReplyAction = "*")]
    [XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal, SupportFaults = true)]
    Task<PingForConfigurationResponse> PingForConfigurationAsync(PingForConfigurationRequest request);
}

/// <summary>The request message: the <c>LogicalAddress</c> header and the unwrapped body element.</summary>
[MessageContract(IsWrapped = false)]
public sealed class PingForConfigurationRequest
{
    public PingForConfigurationRequest()
    {
    }

    public PingForConfigurationRequest(string logicalAddress, PingForConfigurationType body)
    {
        LogicalAddress = logicalAddress;
        PingForConfiguration = body;
    }

    [MessageHeader(Namespace = RegistryNamespaces.ItIntegrationRegistry1, Name = "LogicalAddress")]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Namespace = PingForConfigurationNamespaces.Responder, Name = "PingForConfiguration", Order = 0)]
    public PingForConfigurationType? PingForConfiguration { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class PingForConfigurationResponse
{
    public PingForConfigurationResponse()
    {
    }

    public PingForConfigurationResponse(PingForConfigurationResponseType body) => PingForConfigurationResponseBody = body;

    [MessageBodyMember(Namespace = PingForConfigurationNamespaces.Responder, Name = "PingForConfigurationResponse", Order = 0)]
    public PingForConfigurationResponseType? PingForConfigurationResponseBody { get; set; }
}

/// <summary>The body of a ping: which contract and logical address the consumer meant to ping.</summary>
[XmlType(Namespace = PingForConfigurationNamespaces.Responder, TypeName = "PingForConfigurationType")]
[XmlRoot("PingForConfiguration", Namespace = PingForConfigurationNamespaces.Responder)]
public sealed class PingForConfigurationType
{
    [XmlElement("serviceContractNamespace", DataType = "anyURI", Order = 0)]
    public string ServiceContractNamespace { get; set; } = string.Empty;

    [XmlElement("logicalAddress", DataType = "anyURI", Order = 1)]
    public string LogicalAddress { get; set; } = string.Empty;

    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>The answer: the component's version, the time (YYYYMMDDhhmmss) and name/value configuration items.</summary>
[XmlType(Namespace = PingForConfigurationNamespaces.Responder, TypeName = "PingForConfigurationResponseType")]
[XmlRoot("PingForConfigurationResponse", Namespace = PingForConfigurationNamespaces.Responder)]
public sealed class PingForConfigurationResponseType
{
    [XmlElement("version", Order = 0)]
    public string Version { get; set; } = string.Empty;

    [XmlElement("pingDateTime", Order = 1)]
    public string PingDateTime { get; set; } = string.Empty;

    [XmlElement("configuration", Order = 2)]
    public List<ConfigurationType> Configuration { get; set; } = [];

    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(Namespace = PingForConfigurationNamespaces.Responder, TypeName = "ConfigurationType")]
public sealed class ConfigurationType
{
    public ConfigurationType()
    {
    }

    public ConfigurationType(string name, string value)
    {
        Name = name;
        Value = value;
    }

    [XmlElement("name", Order = 0)]
    public string Name { get; set; } = string.Empty;

    [XmlElement("value", Order = 1)]
    public string Value { get; set; } = string.Empty;

    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}
