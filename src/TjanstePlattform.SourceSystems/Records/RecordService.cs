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
    public IReadOnlyList<SoapOperation> Operations(SourceSystemData system)
    {
        var addresses = system.AllLogicalAddresses().ToArray();
        return [.. from file in world.Data.Records
                   from held in file.Systems
                   where string.Equals(held.HsaId, system.HsaId, StringComparison.OrdinalIgnoreCase)
                   select SoapOperation.CreateXml(file.Interaction, file.Major, file.Contract,
                       (call, request) => Task.FromResult(RecordProducer.Answer(file, held, addresses, request, call.LogId)))];
    }

    /// <summary>Every engagement the record files hold, with the system that reports it.</summary>
    public IEnumerable<(string Sender, EngagementReport Report)> Engagements(Func<string, SourceSystemData?> systemOf)
    {
        foreach (var file in world.Data.Records)
        {
            foreach (var held in file.Systems)
            {
                var system = systemOf(held.HsaId);
                if (system is null)
                {
                    continue; // the validator has named it already
                }

                foreach (var group in held.Records.GroupBy(r => (r.Patient, r.Categorization)))
                {
                    yield return (system.HsaId, new EngagementReport(
                        group.Key.Patient, file.ServiceDomain, group.Key.Categorization, system.HsaId, EngagementReport.NotApplicable,
                        system.HsaId, system.DataController, group.Max(r => r.Time)));
                }
            }
        }
    }

    /// <summary>The record files' problems: systems that do not exist, two files for one contract.</summary>
    public static IEnumerable<string> Validate(DemoWorldData data)
    {
        var systems = data.Journals.Cast<SourceSystemData>().Concat(data.Scheduling).Concat(data.MedicalSupply)
            .Select(s => s.HsaId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var contracts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in data.Records)
        {
            if (!contracts.Add(file.Contract))
            {
                yield return $"records/{file.File}: another record file already holds {file.Contract}.";
            }

            foreach (var held in file.Systems.Where(s => !systems.Contains(s.HsaId)))
            {
                yield return $"records/{file.File}: system {held.HsaId} is not a system of the demo world (add it to journals.json).";
            }

            XNamespace ns = file.Contract;
            foreach (var record in file.Systems.SelectMany(s => s.Records).Where(r => r.Element.Name.Namespace != ns))
            {
                yield return $"records/{file.File}: a record of {record.Patient} is {record.Element.Name}; records are elements of {file.Contract}.";
            }
        }
    }
}
