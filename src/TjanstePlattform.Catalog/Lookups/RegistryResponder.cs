using TjanstePlattform.Soap.Service;
using TjanstePlattform.Platform;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Contracts.Registry;
using TjanstePlattform.Contracts.Registry.GetLogicalAddresseesByServiceContract;
using TjanstePlattform.Contracts.Registry.GetSupportedServiceContracts;

namespace TjanstePlattform.Catalog.Lookups;

/// <summary>
/// The registry look-ups (infrastructure:itintegration:registry 2) answered from the published snapshot,
/// counting only entries valid today.
/// </summary>
internal sealed class RegistryResponder(ICatalogSnapshotSource catalog, TimeProvider time)
{
    private readonly LocalDate _today = new(time);

    private DateOnly Today => _today.Today;

    /// <summary>
    /// Every logical address the consumer is authorized to call with the contract, each with its authorization's
    /// filters. Only authorizations valid today count: the reference returns expired and future ones too, so a
    /// subscriber whose authorization has ended would keep receiving EI notifications there.
    /// </summary>
    public GetLogicalAddresseesByServiceContractResponseType Answer(GetLogicalAddresseesByServiceContractType request)
    {
        var consumer = Required(request.ServiceConsumerHsaId, "serviceConsumerHsaId");
        var contract = Required(request.ServiceContractNameSpace?.ServiceContractNamespace, "serviceContractNameSpace/ServiceContractNamespace");
        var snapshot = Snapshot();
        var today = Today;
        var response = new GetLogicalAddresseesByServiceContractResponseType();
        foreach (var cooperation in snapshot.Cooperations
                     .Where(c => Same(c.ServiceConsumer, consumer) && Same(c.ServiceContract, contract) && c.Validity.IsValidOn(today))
                     .OrderBy(c => c.LogicalAddress, StringComparer.OrdinalIgnoreCase))
        {
            var record = new LogicalAddresseeRecordType { LogicalAddress = cooperation.LogicalAddress };
            record.Filter.AddRange(cooperation.Filters.Select(f => new FilterType { ServiceDomain = f.ServiceDomain, Categorization = [.. f.Categorizations] }));
            response.LogicalAddressRecord.Add(record);
        }

        return response;
    }

    /// <summary>
    /// The contracts with a routing valid today at the logical address (exact or the default <c>*</c>); with a
    /// consumer, only those the consumer is also authorized for there (exact or <c>*</c>).
    /// </summary>
    public GetSupportedServiceContractsResponseType Answer(GetSupportedServiceContractsType request)
    {
        var address = Required(request.LogicalAdress, "logicalAdress");
        var consumer = string.IsNullOrWhiteSpace(request.ServiceConsumerHsaId) ? null : request.ServiceConsumerHsaId.Trim();
        var snapshot = Snapshot();
        var today = Today;
        var routed = snapshot.ServiceProductions
            .Where(p => (Same(p.LogicalAddress, address) || p.LogicalAddress == CatalogRules.AnyLogicalAddress) && p.Validity.IsValidOn(today))
            .Select(p => p.ServiceContract);
        if (consumer is not null)
        {
            var authorized = snapshot.Cooperations
                .Where(c => Same(c.ServiceConsumer, consumer) && (Same(c.LogicalAddress, address) || c.LogicalAddress == CatalogRules.AnyLogicalAddress) && c.Validity.IsValidOn(today))
                .Select(c => c.ServiceContract)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            routed = routed.Where(authorized.Contains);
        }

        var response = new GetSupportedServiceContractsResponseType();
        response.ServiceContractNamespace.AddRange(routed
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(ns => new ServiceContractNamespaceType(ns)));
        return response;
    }

    private CatalogSnapshot Snapshot() =>
        catalog.Current ?? throw SoapFaultException.Server("The service addressing catalog is not loaded.", "The service addressing catalog is not loaded.");

    private static string Required(string? value, string element) =>
        string.IsNullOrWhiteSpace(value)
            ? throw LookupServices.ClientFault($"The request has no {element}.")
            : value.Trim();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
