using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Contracts.Monitoring.PingForConfiguration;
using TjanstePlattform.Contracts.Registry;
using TjanstePlattform.Contracts.Registry.GetLogicalAddresseesByServiceContract;
using TjanstePlattform.Contracts.Registry.GetSupportedServiceContracts;
using TjanstePlattform.Contracts.VagvalsInfo;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Catalog.Lookups;

/// <summary>
/// The platform's SOAP look-ups as built-in services at their own paths (<c>/platform/…</c>): PingForConfiguration,
/// GetLogicalAddresseesByServiceContract, GetSupportedServiceContracts and TAK's SokVagvalsInfo. The catalog routes the
/// platform's logical address to these paths, so consumers reach them through <c>/vp/…</c> like any producer.
/// </summary>
internal sealed class LookupServices
{
    /// <summary>The largest look-up request accepted (they are a few hundred bytes).</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    private readonly FrozenDictionary<string, SoapService> _byPath;

    public LookupServices(PingForConfigurationResponder ping, RegistryResponder registry, SokVagvalsInfoResponder vagvalsInfo)
    {
        var services = new Dictionary<string, SoapService>(StringComparer.OrdinalIgnoreCase)
        {
            [DemoCatalog.PingForConfigurationPath] = Service("PingForConfiguration",
                SoapOperation.Typed<PingForConfigurationType>(PingForConfigurationNamespaces.Responder, "PingForConfiguration",
                    (_, request, _) => Answer(ping.Answer(request), ("ns", PingForConfigurationNamespaces.Responder)))),
            [DemoCatalog.GetLogicalAddresseesPath] = Service("GetLogicalAddresseesByServiceContract",
                SoapOperation.Typed<GetLogicalAddresseesByServiceContractType>(GetLogicalAddresseesByServiceContractNamespaces.Responder, "GetLogicalAddresseesByServiceContract",
                    (_, request, _) => Answer(registry.Answer(request), ("ns", GetLogicalAddresseesByServiceContractNamespaces.Responder)))),
            [DemoCatalog.GetSupportedServiceContractsPath] = Service("GetSupportedServiceContracts",
                SoapOperation.Typed<GetSupportedServiceContractsType>(GetSupportedServiceContractsNamespaces.Responder, "GetSupportedServiceContracts",
                    (_, request, _) => Answer(registry.Answer(request),
                        ("ns", GetSupportedServiceContractsNamespaces.Responder), ("core", RegistryNamespaces.InfrastructureRegistry2)))),

            // SokVagvalsInfo's request elements are empty (nillable anyType): the operation is the element's name.
            [DemoCatalog.SokVagvalsInfoPath] = Service("SokVagvalsInfo",
                VagvalsInfo("hamtaAllaVirtualiseringar", vagvalsInfo.Virtualiseringar),
                VagvalsInfo("hamtaAllaAnropsBehorigheter", vagvalsInfo.AnropsBehorigheter),
                VagvalsInfo("hamtaAllaTjanstekontrakt", vagvalsInfo.Tjanstekontrakt),
                VagvalsInfo("hamtaAllaTjanstekomponenter", vagvalsInfo.Tjanstekomponenter)),
        };
        _byPath = services.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }


    public IEnumerable<KeyValuePair<string, SoapService>> All => _byPath;

    /// <summary>The look-ups' client fault: <c>Invalid request: …</c> with the reason as detail.</summary>
    public static SoapFaultException ClientFault(string reason) => new(LookupFault(reason));

    private static SoapFault LookupFault(string reason) => SoapFault.Client($"Invalid request: {reason}", reason);

    private static SoapFault LookupFault(SoapRefusal refusal) => LookupFault(refusal.Reason);

    private static SoapService Service(string name, params SoapOperation[] operations) =>
        new(name, operations, MaxRequestBytes, LookupFault);

    private static SoapOperation VagvalsInfo(string operation, Func<object> answer) =>
        new(VagvalsInfoNamespaces.V2, operation, (_, _) => Answer(answer(), ("v2", VagvalsInfoNamespaces.V2)));

    private static ValueTask<SoapResponse> Answer(object body, params (string Prefix, string Namespace)[] prefixes)
    {
        var names = new System.Xml.Serialization.XmlSerializerNamespaces();
        foreach (var (prefix, ns) in prefixes)
        {
            names.Add(prefix, ns);
        }

        return ValueTask.FromResult(SoapBodies.Answer(body, names));
    }
}
