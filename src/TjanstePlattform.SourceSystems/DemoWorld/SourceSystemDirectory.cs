using Microsoft.Extensions.Options;
using TjanstePlattform.SourceSystems.Journal;
using TjanstePlattform.SourceSystems.MedicalSupply;
using TjanstePlattform.SourceSystems.Records;
using TjanstePlattform.SourceSystems.Scheduling;
using TjanstePlattform.SourceSystems.Soap;

namespace TjanstePlattform.SourceSystems.DemoWorld;

internal enum SourceSystemKind
{
    Journal,
    Scheduling,
    MedicalSupply,

    /// <summary>A system of <c>systems.json</c>: only the record files that name it.</summary>
    Records,

    /// <summary>A producer of SourceSystems:GeneratedProducers: record files or schema-generated answers.</summary>
    Generated,
}

/// <summary>One running source system: where it answers and what.</summary>
internal sealed record SourceSystem(
    string HsaId,
    string Name,
    SourceSystemKind Kind,
    IReadOnlyList<string> LogicalAddresses,
    string DataController,
    bool DemoConsumerAuthorized,
    IReadOnlyList<SourceSystemOperation> Operations)
{
    /// <summary>The system's base path: <c>{PathBase}/{HsaId}</c>.</summary>
    public string BasePath(string pathBase) => $"{pathBase.TrimEnd('/')}/{HsaId}";

    public SourceSystemOperation? Operation(string contractNamespace, string element) =>
        Operations.FirstOrDefault(o => string.Equals(o.ContractNamespace, contractNamespace, StringComparison.OrdinalIgnoreCase)
            && string.Equals(o.RequestElement, element, StringComparison.Ordinal));
}

/// <summary>The source systems of the demo world, by HSA-id, each with the operations its kind answers.</summary>
internal sealed class SourceSystemDirectory
{
    private readonly Lazy<IReadOnlyDictionary<string, SourceSystem>> _systems;

    public SourceSystemDirectory(DemoWorldSource world, JournalService journals, SchedulingService scheduling, MedicalSupplyService supply, RecordService records, GeneratedProducer generated, IOptions<SourceSystemsOptions> options)
    {
        PathBase = "/" + options.Value.PathBase.Trim('/');
        _systems = new(() =>
        {
            var data = world.Data;
            var systems = new List<SourceSystem>();
            systems.AddRange(data.Journals.Select(j => Describe(j, SourceSystemKind.Journal, [.. journals.Operations(j), .. records.Operations(j)])));
            systems.AddRange(data.Scheduling.Select(s => Describe(s, SourceSystemKind.Scheduling, [.. scheduling.Operations(s), .. records.Operations(s)])));
            systems.AddRange(data.MedicalSupply.Select(m => Describe(m, SourceSystemKind.MedicalSupply, [.. supply.Operations(m), .. MedicalSupplyVersion2.Operations(supply.Operations(m)), .. records.Operations(m)])));
            systems.AddRange(data.RecordSystems.Select(r => Describe(r, SourceSystemKind.Records, records.Operations(r))));
            var taken = systems.SelectMany(s => s.LogicalAddresses).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (options.Value.GeneratedProducers.FirstOrDefault(g => taken.Contains(g.LogicalAddress.Trim())) is { } clash)
            {
                throw new InvalidOperationException($"SourceSystems:GeneratedProducers: {clash.LogicalAddress} is already the address of a demo world system.");
            }

            systems.AddRange(options.Value.GeneratedProducers.Select(g => new SourceSystem(
                g.LogicalAddress.Trim(), $"Genererad producent {g.LogicalAddress.Trim()}", SourceSystemKind.Generated, [g.LogicalAddress.Trim()], "", true, generated.Operations(g))));
            return systems.ToDictionary(s => s.HsaId, StringComparer.OrdinalIgnoreCase);
        });
    }

    /// <summary>The path all systems answer below, e.g. <c>/sourcesystems</c>.</summary>
    public string PathBase { get; }

    public IReadOnlyCollection<SourceSystem> All => _systems.Value.Values.OrderBy(s => s.Kind).ThenBy(s => s.HsaId, StringComparer.Ordinal).ToArray();

    public SourceSystem? Find(string hsaId) => _systems.Value.TryGetValue(hsaId, out var system) ? system : null;

    private static SourceSystem Describe(SourceSystemData data, SourceSystemKind kind, IReadOnlyList<SourceSystemOperation> operations) =>
        new(data.HsaId, data.Name, kind, [.. data.AllLogicalAddresses()], data.DataController, data.DemoConsumerAuthorized, operations);
}
