using System.Xml.Linq;
using TjanstePlattform.SourceSystems.DemoWorld;
using TjanstePlattform.SourceSystems.Engagements;
using TjanstePlattform.SourceSystems.Soap;

namespace TjanstePlattform.SourceSystems.Records;

/// <summary>
/// The record contracts of the demo world (GetCareManagers, GetCarePlans, …): for each source system the operations its
/// record files give it, and the engagements those records mean for EI (one per person, system and categorization).
/// Read-only: the data comes from the files.
/// </summary>
internal sealed class RecordService(DemoWorldSource world)
{
    public IReadOnlyList<SourceSystemOperation> Operations(SourceSystemData system)
    {
        // A system registered at an HSA parent is called with its engagements' address (the child) as LogicalAddress.
        var addresses = system.AllLogicalAddresses().Append(system.EngagementLogicalAddress).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return [.. from file in world.Data.Records
                   from held in file.Systems
                   where string.Equals(held.HsaId, system.HsaId, StringComparison.OrdinalIgnoreCase)
                   select SourceSystemOperation.CreateXml(file.Interaction, file.Major, file.Contract,
                       (call, request) => Task.FromResult(RecordProducer.Answer(file, held, addresses, request, call.LogId)))];
    }

    /// <summary>
    /// Every engagement the record files hold, with the system that reports it: one per system, person, domain and
    /// categorization, however many files share them (GetCareContacts 2 and 3 share domain and categorization, and EI
    /// refuses an Update that names one engagement twice).
    /// </summary>
    public IEnumerable<(string Sender, EngagementReport Report)> Engagements(Func<string, SourceSystemData?> systemOf)
    {
        var all = from file in world.Data.Records
                  from held in file.Systems
                  let system = systemOf(held.HsaId)
                  where system is not null // the validator has named it already
                  from record in held.Records
                  select (System: system, file.ServiceDomain, Record: record);
        foreach (var group in all.GroupBy(e => (e.System.HsaId, e.Record.Patient, e.ServiceDomain, Categorization: e.Record.Categorization.ToLowerInvariant())))
        {
            var system = group.First().System;
            yield return (system.HsaId, new EngagementReport(
                group.Key.Patient, group.Key.ServiceDomain, group.First().Record.Categorization, system.EngagementLogicalAddress, EngagementReport.NotApplicable,
                system.EngagementLogicalAddress, system.DataController, group.Max(e => e.Record.Time)));
        }
    }

    /// <summary>The record files' problems: systems that do not exist, two files for one contract.</summary>
    public static IEnumerable<string> Validate(DemoWorldData data)
    {
        var systems = data.AllSystems.Select(s => s.HsaId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var contracts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in data.Records)
        {
            if (!contracts.Add(file.Contract))
            {
                yield return $"records/{file.File}: another record file already holds {file.Contract}.";
            }

            foreach (var held in file.Systems.Where(s => !systems.Contains(s.HsaId)))
            {
                yield return $"records/{file.File}: system {held.HsaId} is not a system of the demo world (add it to systems.json or journals.json).";
            }

            XNamespace ns = file.Contract;
            foreach (var record in file.Systems.SelectMany(s => s.Records).Where(r => r.Element is not null && r.Element.Name.Namespace != ns))
            {
                yield return $"records/{file.File}: a record of {record.Patient} is {record.Element!.Name}; records are elements of {file.Contract}.";
            }
        }
    }
}
