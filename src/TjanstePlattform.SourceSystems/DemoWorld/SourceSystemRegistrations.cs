using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.BuiltIn;
using TjanstePlattform.Catalog.Demo;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.Contracts.RequestStatus;
using TjanstePlattform.Contracts.Scheduling;
using TjanstePlattform.Platform;
using TjanstePlattform.SourceSystems.Engagements;

namespace TjanstePlattform.SourceSystems.DemoWorld;

/// <summary>
/// The demo world in the catalog, seeded once into an empty catalog (a user may delete or repoint any of it):
/// a routing (vägval) per source system, logical address and contract to the system's endpoint on the platform, and
/// the demo consumer's authorizations (anropsbehörigheter) as a real 1177-style consumer has them — every source
/// system it may reach directly (not the ones marked <c>demoConsumerAuthorized: false</c>), and the national
/// aggregating services for GetMedicationHistory, GetSubjectOfCareSchedule, GetRequestActivities and every contract of the
/// record files (DemoWorld/Data/records). (The aggregating
/// services register their own routings at the national address.) A world with <c>consumers.json</c> (the reference
/// world) authorizes its own consumers instead of the demo consumer.
/// </summary>
internal sealed class DemoWorldRegistrations(SourceSystemDirectory directory, DemoWorldSource world, IOptions<SourceSystemsOptions> options, IOptions<PlatformOptions> platform) : IBuiltInRegistrations
{
    /// <summary>The contracts the demo consumer reaches through the national aggregating services.</summary>
    public static readonly IReadOnlyList<string> AggregatedContracts =
    [
        ActOutcomeNamespaces.GetMedicationHistoryResponder,
        SchedulingNamespaces.GetSubjectOfCareScheduleResponder,
        RequestStatusNamespaces.GetRequestActivitiesResponder,
    ];

    public IEnumerable<BuiltInServiceProduction> ServiceProductions =>
        from system in directory.All
        where system.Kind != SourceSystemKind.Generated
        from operation in system.Operations
        from address in system.LogicalAddresses
        select new BuiltInServiceProduction(system.HsaId, address, operation.ContractNamespace, $"{system.BasePath(directory.PathBase)}/{operation.RelativePath}");

    public IEnumerable<BuiltInCooperation> Cooperations
    {
        get
        {
            var national = string.IsNullOrWhiteSpace(options.Value.NationalLogicalAddress) ? platform.Value.HsaId : options.Value.NationalLogicalAddress;
            // The record files' contracts (GetCareManagers, GetCarePlans, …) are aggregated nationally too.
            var aggregated = AggregatedContracts.Concat(world.Data.Records.Select(r => r.Contract)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (world.Data.Consumers.Count > 0)
            {
                // consumers.json says who may call what (the reference world's stub consumers): each listed consumer at each
                // of its addresses, and nationally, for every contract the world answers.
                var contracts = directory.All.SelectMany(s => s.Operations).Select(o => o.ContractNamespace)
                    .Concat(aggregated).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                foreach (var consumer in world.Data.Consumers)
                {
                    foreach (var address in consumer.LogicalAddresses.Append(national).Distinct(StringComparer.OrdinalIgnoreCase))
                    {
                        foreach (var contract in contracts)
                        {
                            yield return new BuiltInCooperation(consumer.HsaId, address, contract);
                        }
                    }
                }

                yield break;
            }

            var demoConsumer = DemoConsumer(options.Value);
            foreach (var system in directory.All.Where(s => s.DemoConsumerAuthorized && s.Kind != SourceSystemKind.Generated))
            {
                foreach (var contract in system.Operations.Select(o => o.ContractNamespace).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    foreach (var address in system.LogicalAddresses)
                    {
                        yield return new BuiltInCooperation(demoConsumer, address, contract);
                    }
                }
            }

            foreach (var contract in aggregated)
            {
                yield return new BuiltInCooperation(demoConsumer, national, contract);
            }
        }
    }

    public bool SeedOnce => true;

    public static string DemoConsumer(SourceSystemsOptions options) =>
        string.IsNullOrWhiteSpace(options.DemoConsumer) ? DemoCatalog.Consumer : options.DemoConsumer;
}

/// <summary>
/// The generated producers (SourceSystems:GeneratedProducers), reconciled at every start since the setting may be added
/// to a platform whose catalog was seeded long ago: a routing per contract at the producer's address, and the demo
/// consumer's authorization for it.
/// </summary>
internal sealed class GeneratedProducerRegistrations(SourceSystemDirectory directory, IOptions<SourceSystemsOptions> options) : IBuiltInRegistrations
{
    private IEnumerable<SourceSystem> Generated => directory.All.Where(s => s.Kind == SourceSystemKind.Generated);

    public IEnumerable<BuiltInServiceProduction> ServiceProductions =>
        from system in Generated
        from operation in system.Operations
        select new BuiltInServiceProduction(system.HsaId, system.HsaId, operation.ContractNamespace, $"{system.BasePath(directory.PathBase)}/{operation.RelativePath}");

    public IEnumerable<BuiltInCooperation> Cooperations =>
        from system in Generated
        from operation in system.Operations
        select new BuiltInCooperation(DemoWorldRegistrations.DemoConsumer(options.Value), system.HsaId, operation.ContractNamespace);

    public bool SeedOnce => false;
}

/// <summary>
/// The platform's own wiring, reconciled at every start: each source system may call Update on the engagement index
/// (it reports its engagements through the router like any source system).
/// </summary>
internal sealed class EngagementReportingRegistrations(SourceSystemDirectory directory, EngagementReporter reporter) : IBuiltInRegistrations
{
    public IEnumerable<BuiltInServiceProduction> ServiceProductions => [];

    public IEnumerable<BuiltInCooperation> Cooperations =>
        reporter.Enabled
            ? directory.All.Select(s => new BuiltInCooperation(s.HsaId, reporter.IndexAddress, EngagementIndexNamespaces.UpdateResponder))
            : [];

    public bool SeedOnce => false;
}
