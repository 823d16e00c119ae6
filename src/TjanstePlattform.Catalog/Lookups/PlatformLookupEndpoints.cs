using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Contracts.Monitoring.PingForConfiguration;
using TjanstePlattform.Contracts.Registry;
using TjanstePlattform.Contracts.Registry.GetLogicalAddresseesByServiceContract;
using TjanstePlattform.Contracts.Registry.GetSupportedServiceContracts;
using TjanstePlattform.Contracts.VagvalsInfo;

namespace TjanstePlattform.Catalog.Lookups;

/// <summary>
/// The platform's SOAP look-ups at their direct paths (<c>/platform/…</c>). The catalog routes the platform's
/// logical address to these paths, so the same producers answer through <c>/vp/…</c>.
/// </summary>
internal static class PlatformLookupEndpoints
{
    public static void MapPlatformLookups(this IEndpointRouteBuilder endpoints)
    {
        var ping = new Operation[]
        {
            new(PingForConfigurationNamespaces.Responder, "PingForConfiguration", (request, services) =>
                services.GetRequiredService<PingForConfigurationResponder>().Answer(request.Deserialize<PingForConfigurationType>()),
                new Dictionary<string, string> { ["ns"] = PingForConfigurationNamespaces.Responder }),
        };
        endpoints.MapOperations(DemoCatalog.PingForConfigurationPath, ping);

        endpoints.MapOperations(DemoCatalog.GetLogicalAddresseesPath,
        [
            new(GetLogicalAddresseesByServiceContractNamespaces.Responder, "GetLogicalAddresseesByServiceContract", (request, services) =>
                services.GetRequiredService<RegistryResponder>().Answer(request.Deserialize<GetLogicalAddresseesByServiceContractType>()),
                new Dictionary<string, string> { ["ns"] = GetLogicalAddresseesByServiceContractNamespaces.Responder }),
        ]);

        endpoints.MapOperations(DemoCatalog.GetSupportedServiceContractsPath,
        [
            new(GetSupportedServiceContractsNamespaces.Responder, "GetSupportedServiceContracts", (request, services) =>
                services.GetRequiredService<RegistryResponder>().Answer(request.Deserialize<GetSupportedServiceContractsType>()),
                new Dictionary<string, string>
                {
                    ["ns"] = GetSupportedServiceContractsNamespaces.Responder,
                    ["core"] = RegistryNamespaces.InfrastructureRegistry2,
                }),
        ]);

        // SokVagvalsInfo's request elements are empty (nillable anyType): the operation is the element's name.
        var v2 = new Dictionary<string, string> { ["v2"] = VagvalsInfoNamespaces.V2 };
        endpoints.MapOperations(DemoCatalog.SokVagvalsInfoPath,
        [
            new(VagvalsInfoNamespaces.V2, "hamtaAllaVirtualiseringar", (_, services) => services.GetRequiredService<SokVagvalsInfoResponder>().Virtualiseringar(), v2),
            new(VagvalsInfoNamespaces.V2, "hamtaAllaAnropsBehorigheter", (_, services) => services.GetRequiredService<SokVagvalsInfoResponder>().AnropsBehorigheter(), v2),
            new(VagvalsInfoNamespaces.V2, "hamtaAllaTjanstekontrakt", (_, services) => services.GetRequiredService<SokVagvalsInfoResponder>().Tjanstekontrakt(), v2),
            new(VagvalsInfoNamespaces.V2, "hamtaAllaTjanstekomponenter", (_, services) => services.GetRequiredService<SokVagvalsInfoResponder>().Tjanstekomponenter(), v2),
        ]);
    }

    internal static void MapOperations(this IEndpointRouteBuilder endpoints, string path, Operation[] operations) =>
        endpoints.MapPost(path, context => HandleAsync(context, operations)).ExcludeFromDescription();

    private static async Task HandleAsync(HttpContext context, Operation[] operations)
    {
        var cancellationToken = context.RequestAborted;
        var (request, error) = await SoapMessage.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            await SoapMessage.WriteClientFaultAsync(context.Response, error!, cancellationToken).ConfigureAwait(false);
            return;
        }

        var operation = Array.Find(operations, o => o.Namespace == request.Body.NamespaceURI && o.LocalName == request.Body.LocalName);
        if (operation is null)
        {
            await SoapMessage.WriteClientFaultAsync(context.Response,
                $"{{{request.Body.NamespaceURI}}}{request.Body.LocalName} is not an operation of this service; expected " +
                string.Join(" or ", operations.Select(o => $"{{{o.Namespace}}}{o.LocalName}")) + ".", cancellationToken).ConfigureAwait(false);
            return;
        }

        object answer;
        try
        {
            answer = operation.Answer(request, context.RequestServices);
        }
        catch (InvalidOperationException ex)
        {
            // XmlSerializer wraps what it could not bind (wrong element, bad value) in an InvalidOperationException.
            await SoapMessage.WriteClientFaultAsync(context.Response, $"The request body does not match the contract: {(ex.InnerException ?? ex).Message}", cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (LookupFaultException ex)
        {
            await (ex.ClientFault
                ? SoapMessage.WriteClientFaultAsync(context.Response, ex.Message, cancellationToken)
                : SoapMessage.WriteServerFaultAsync(context.Response, ex.Message, cancellationToken)).ConfigureAwait(false);
            return;
        }

        await SoapMessage.WriteAsync(context.Response, answer, operation.Prefixes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One operation of a look-up service, chosen by the QName of the first Body child.</summary>
    internal sealed record Operation(string Namespace, string LocalName, Func<SoapRequest, IServiceProvider, object> Answer, IReadOnlyDictionary<string, string> Prefixes);
}

/// <summary>A look-up refuses the request with a SOAP fault (client: bad request; server: no catalog).</summary>
internal sealed class LookupFaultException(string message, bool clientFault) : Exception(message)
{
    public bool ClientFault { get; } = clientFault;
}
