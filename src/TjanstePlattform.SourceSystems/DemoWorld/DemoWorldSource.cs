using System.Text.Json;
using Microsoft.Extensions.Options;
using TjanstePlattform.SourceSystems.Storage;

namespace TjanstePlattform.SourceSystems.DemoWorld;

/// <summary>
/// The demo world read from <c>SourceSystems:DataDirectory</c> (default: the folder of <c>SourceSystems:World</c>,
/// <c>DemoWorld/Data</c> or <c>Worlds/reference</c> next to the executable),
/// once, and checked as a whole: a mistake in a data file stops the start with the file and the problem named.
/// </summary>
internal sealed class DemoWorldSource(IOptions<SourceSystemsOptions> options)
{
    public const string PersonsFile = "persons.json";
    public const string JournalsFile = "journals.json";
    public const string SchedulingFile = "scheduling.json";
    public const string MedicalSupplyFile = "medicalsupply.json";
    public const string SystemsFile = "systems.json";
    public const string ConsumersFile = "consumers.json";

    /// <summary>The folder of record files (<c>*.xml</c>, one contract each).</summary>
    public const string RecordsFolder = "records";

    private readonly Lazy<DemoWorldData> _data = new(() => Load(Directory(options.Value)));

    /// <summary>The folder the data is read from.</summary>
    public string DataDirectory => Directory(options.Value);

    /// <summary>The data (read on first use).</summary>
    /// <exception cref="InvalidOperationException">A file is missing, unreadable or inconsistent.</exception>
    public DemoWorldData Data => _data.Value;

    public static string Directory(SourceSystemsOptions options) =>
        string.IsNullOrWhiteSpace(options.DataDirectory)
            ? SourceSystemWorlds.Folder(SourceSystemWorlds.IsKnown(options.World) ? options.World : SourceSystemWorlds.Demo)
            : Path.GetFullPath(options.DataDirectory);

    public static DemoWorldData Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new InvalidOperationException($"SourceSystems:DataDirectory '{directory}' does not exist.");
        }

        var persons = Read<PersonsFile>(directory, PersonsFile)?.Persons ?? [];
        var journals = Read<JournalsFile>(directory, JournalsFile)?.Systems ?? [];
        var scheduling = Read<SchedulingFile>(directory, SchedulingFile)?.Systems ?? [];
        var supply = Read<MedicalSupplyFile>(directory, MedicalSupplyFile)?.Systems ?? [];
        var recordSystems = Read<RecordOnlySystemsFile>(directory, SystemsFile)?.Systems ?? [];
        var consumers = Read<ConsumersFile>(directory, ConsumersFile)?.Consumers ?? [];
        var recordsFolder = Path.Combine(directory, RecordsFolder);
        var records = System.IO.Directory.Exists(recordsFolder)
            ? System.IO.Directory.EnumerateFiles(recordsFolder, "*.xml").Order(StringComparer.Ordinal).Select(Records.RecordFileData.Load).ToList()
            : [];
        var data = new DemoWorldData(persons, journals, scheduling, supply, records, recordSystems, consumers);
        var problems = DemoWorldValidator.Validate(data);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The demo world in {directory} is inconsistent:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }

        return data;
    }

    /// <summary>A missing file is an empty part of the world (a team may keep only the systems it needs).</summary>
    private static T? Read<T>(string directory, string file)
        where T : class
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), StateJson.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Demo world file {path} cannot be read: {ex.Message}", ex);
        }
    }
}

/// <summary>The consistency rules of the data files.</summary>
internal static class DemoWorldValidator
{
    public static IReadOnlyList<string> Validate(DemoWorldData data)
    {
        var problems = new List<string>();
        var persons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in data.Persons)
        {
            if (!persons.Add(person.Id))
            {
                problems.Add($"{DemoWorldSource.PersonsFile}: person {person.Id} appears twice.");
            }
        }

        foreach (var person in data.Persons)
        {
            problems.AddRange(person.Agents.Where(a => !persons.Contains(a)).Select(a => $"{DemoWorldSource.PersonsFile}: agent {a} of {person.Id} is not a person."));
        }

        var systems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void System(string file, SourceSystemData system)
        {
            if (string.IsNullOrWhiteSpace(system.HsaId) || system.HsaId.Trim() != system.HsaId || system.HsaId.Contains('/'))
            {
                problems.Add($"{file}: a system has an empty HSA-id, or one with whitespace or '/': '{system.HsaId}'.");
                return;
            }

            if (!systems.Add(system.HsaId))
            {
                problems.Add($"{file}: system {system.HsaId} appears twice.");
            }

            foreach (var address in system.AllLogicalAddresses())
            {
                if (!addresses.Add(address))
                {
                    problems.Add($"{file}: logical address {address} of {system.HsaId} is used by another system.");
                }
            }

            if (string.IsNullOrWhiteSpace(system.DataController))
            {
                problems.Add($"{file}: system {system.HsaId} has no dataController.");
            }

            if (system.EngagementAddress is { } engagementAddress && !system.AllLogicalAddresses().Contains(engagementAddress, StringComparer.OrdinalIgnoreCase)
                && !addresses.Add(engagementAddress))
            {
                problems.Add($"{file}: engagementAddress {engagementAddress} of {system.HsaId} is used by another system.");
            }

            if (system.Faults?.Validate() is { Count: > 0 } faultProblems)
            {
                problems.Add($"{file}: system {system.HsaId} faults: {string.Join("; ", faultProblems.Select(p => $"{p.Key}: {string.Join(" ", p.Value)}"))}");
            }
        }

        foreach (var journal in data.Journals)
        {
            System(DemoWorldSource.JournalsFile, journal);
            ValidateJournal(journal, problems);
        }

        foreach (var scheduling in data.Scheduling)
        {
            System(DemoWorldSource.SchedulingFile, scheduling);
            ValidateScheduling(scheduling, problems);
            if (!Scheduling.ActorCheck.IsKnown(scheduling.ActorCheck))
            {
                problems.Add($"{DemoWorldSource.SchedulingFile}: {scheduling.HsaId}: actorCheck must be {Scheduling.ActorCheck.Strict} or {Scheduling.ActorCheck.Lenient}.");
            }

        }

        foreach (var supply in data.MedicalSupply)
        {
            System(DemoWorldSource.MedicalSupplyFile, supply);
            ValidateSupply(supply, problems);
        }

        foreach (var system in data.RecordSystems)
        {
            System(DemoWorldSource.SystemsFile, system);
        }

        foreach (var consumer in data.Consumers)
        {
            if (string.IsNullOrWhiteSpace(consumer.HsaId) || consumer.LogicalAddresses.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{DemoWorldSource.ConsumersFile}: a consumer needs an hsaId, and its logicalAddresses must not be empty ('{consumer.HsaId}').");
            }
        }

        problems.AddRange(Records.RecordService.Validate(data));

        return problems;
    }

    private static void ValidateJournal(JournalSystemData system, List<string> problems)
    {
        var where = $"{DemoWorldSource.JournalsFile}: {system.HsaId}";
        var documents = new HashSet<(string, string)>();
        foreach (var record in system.MedicationRecords)
        {
            if (string.IsNullOrWhiteSpace(record.PatientId) || string.IsNullOrWhiteSpace(record.DocumentId) || string.IsNullOrWhiteSpace(record.PrescriptionId))
            {
                problems.Add($"{where}: a medication record lacks patientId, documentId or prescriptionId.");
                continue;
            }

            if (!documents.Add((record.PatientId, record.DocumentId)))
            {
                problems.Add($"{where}: document {record.DocumentId} of {record.PatientId} appears twice.");
            }

            if (!RivtaTime.IsTimestamp(record.AuthorTime))
            {
                problems.Add($"{where}: document {record.DocumentId}: authorTime '{record.AuthorTime}' is not YYYYMMDDhhmmss.");
            }

            foreach (var (name, value) in new[] { ("startOfTreatment", record.StartOfTreatment), ("endOfTreatment", record.EndOfTreatment) })
            {
                if (value is not null && !RivtaTime.IsTimestamp(value))
                {
                    problems.Add($"{where}: document {record.DocumentId}: {name} '{value}' is not YYYYMMDDhhmmss.");
                }
            }

            if (record.TypeOfPrescription is not ("I" or "U"))
            {
                problems.Add($"{where}: document {record.DocumentId}: typeOfPrescription must be I or U.");
            }

            if (record.PrescriptionStatus is not ("Active" or "Inactive"))
            {
                problems.Add($"{where}: document {record.DocumentId}: prescriptionStatus must be Active or Inactive.");
            }

            if (record.TypeOfPrescription == "I" && (record.StartOfTreatment is null || record.Drug is null))
            {
                problems.Add($"{where}: document {record.DocumentId}: an insättning (I) needs startOfTreatment and drug.");
            }

            if (!record.SelfMedication && string.IsNullOrWhiteSpace(record.Professional.Name) && string.IsNullOrWhiteSpace(record.Professional.HsaId))
            {
                problems.Add($"{where}: document {record.DocumentId}: a prescription that is not self-medication needs a professional (prescriber).");
            }
        }

        foreach (var activity in system.RequestActivities ?? [])
        {
            if (!RivtaTime.IsTimestamp(activity.EventTime))
            {
                problems.Add($"{where}: request activity of {activity.SubjectOfCareId}: eventTime '{activity.EventTime}' is not YYYYMMDDhhmmss.");
            }

            if (activity.TypeOfRequest is < 1 or > 10 || activity.RequestMedium is < 1 or > 10)
            {
                problems.Add($"{where}: request activity of {activity.SubjectOfCareId}: typeOfRequest and requestMedium are 1–10.");
            }

            if (!Enum.IsDefined(typeof(Contracts.RequestStatus.StatusCodeEnum), activity.StatusCode))
            {
                problems.Add($"{where}: request activity of {activity.SubjectOfCareId}: statusCode {activity.StatusCode} is not in the contract's code list.");
            }
        }
    }

    private static void ValidateScheduling(SchedulingSystemData system, List<string> problems)
    {
        var where = $"{DemoWorldSource.SchedulingFile}: {system.HsaId}";
        var timeTypes = system.TimeTypes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var performers = system.Performers.Select(p => p.HsaId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(system.BookingIdPrefix))
        {
            problems.Add($"{where}: bookingIdPrefix is empty.");
        }

        void Slot(string what, string start, string end, string performer, string timeType)
        {
            if (!RivtaTime.IsTimestamp(start) || !RivtaTime.IsTimestamp(end) || string.CompareOrdinal(start, end) >= 0)
            {
                problems.Add($"{where}: {what}: start '{start}' and end '{end}' must be YYYYMMDDhhmmss, start before end.");
            }

            if (!performers.Contains(performer))
            {
                problems.Add($"{where}: {what}: performer '{performer}' is not among the system's performers.");
            }

            if (!timeTypes.Contains(timeType))
            {
                problems.Add($"{where}: {what}: timeType '{timeType}' is not among the system's timeTypes.");
            }
        }

        foreach (var slot in system.Slots)
        {
            Slot($"slot {slot.Start}", slot.Start, slot.End, slot.Performer, slot.TimeType);
        }

        foreach (var recurring in system.RecurringSlots)
        {
            Slot("recurring slot", "20000101000000", "20000101000100", recurring.Performer, recurring.TimeType);
            if (recurring.Days is < 1 or > 366 || recurring.Minutes is < 5 or > 480
                || recurring.Times.Any(t => !TimeOnly.TryParseExact(t, "HH:mm", out _))
                || recurring.Weekdays.Any(d => !Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out _)))
            {
                problems.Add($"{where}: a recurring slot needs days 1–366, minutes 5–480, times as HH:mm and English weekday names.");
            }
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var taken = new HashSet<(string, string)>();
        foreach (var booking in system.Bookings)
        {
            if (!ids.Add(booking.BookingId))
            {
                problems.Add($"{where}: booking {booking.BookingId} appears twice.");
            }

            if (!taken.Add((booking.Start, booking.Performer.ToUpperInvariant())))
            {
                problems.Add($"{where}: booking {booking.BookingId}: another booking already holds {booking.Start} with {booking.Performer}.");
            }

            Slot($"booking {booking.BookingId}", booking.Start, booking.End, booking.Performer, booking.TimeType);
        }
    }

    private static void ValidateSupply(MedicalSupplySystemData system, List<string> problems)
    {
        var where = $"{DemoWorldSource.MedicalSupplyFile}: {system.HsaId}";
        if (string.IsNullOrWhiteSpace(system.OrderIdPrefix))
        {
            problems.Add($"{where}: orderIdPrefix is empty.");
        }

        var points = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var point in system.DeliveryPoints)
        {
            if (!points.Add(point.Id))
            {
                problems.Add($"{where}: delivery point {point.Id} appears twice.");
            }

            if (point.PostalCode.Length != 5 || !point.PostalCode.All(char.IsAsciiDigit))
            {
                problems.Add($"{where}: delivery point {point.Id}: postalCode must be five digits.");
            }
        }

        var items = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in system.PrescriptionItems)
        {
            if (!items.Add(item.PrescriptionItemId))
            {
                problems.Add($"{where}: prescription item {item.PrescriptionItemId} appears twice.");
            }

            if (item.DeliveryAlternatives.Count == 0)
            {
                problems.Add($"{where}: prescription item {item.PrescriptionItemId} has no deliveryAlternatives.");
            }

            if (item.NoOfRemainingOrders < 0 || item.NoOfRemainingOrders > item.NoOfOrders || item.NoOfPackagesPerOrder < 1)
            {
                problems.Add($"{where}: prescription item {item.PrescriptionItemId}: 0 <= noOfRemainingOrders <= noOfOrders and noOfPackagesPerOrder >= 1.");
            }
        }

        foreach (var order in system.Orders)
        {
            if (!items.Contains(order.PrescriptionItemId))
            {
                problems.Add($"{where}: order {order.OrderItemId} refers to unknown prescription item {order.PrescriptionItemId}.");
            }
        }
    }
}
