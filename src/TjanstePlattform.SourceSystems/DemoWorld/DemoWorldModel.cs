using TjanstePlattform.Contracts.MedicalSupply;
using TjanstePlattform.SourceSystems.FaultInjection;

namespace TjanstePlattform.SourceSystems.DemoWorld;

// The shape of the demo world's data files (DemoWorld/Data/*.json, documented in DemoWorld/Data/README.md).
// Plain JSON, camelCase, comments allowed. Timestamps are RIVTA text: YYYYMMDDhhmmss, dates YYYYMMDD.

/// <summary>Everything the data directory holds.</summary>
internal sealed record DemoWorldData(
    IReadOnlyList<PersonData> Persons,
    IReadOnlyList<JournalSystemData> Journals,
    IReadOnlyList<SchedulingSystemData> Scheduling,
    IReadOnlyList<MedicalSupplySystemData> MedicalSupply,
    IReadOnlyList<Records.RecordFileData> Records,
    IReadOnlyList<RecordOnlySystemData> RecordSystems,
    IReadOnlyList<ConsumerData> Consumers)
{
    /// <summary>Every source system of every file (journals, scheduling, medical supply, record-only systems).</summary>
    public IEnumerable<SourceSystemData> AllSystems =>
        Journals.Cast<SourceSystemData>().Concat(Scheduling).Concat(MedicalSupply).Concat(RecordSystems);
}

/// <summary><c>persons.json</c>.</summary>
internal sealed class PersonsFile
{
    public List<PersonData> Persons { get; set; } = [];
}

/// <summary>A test person (testperson).</summary>
internal sealed class PersonData
{
    /// <summary>Personal identity number, 12 digits.</summary>
    public string Id { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    /// <summary>What the person is for in the demo (documentation only).</summary>
    public string? Description { get; set; }

    /// <summary>Persons who may act for this one (Actor <c>subject_of_care_agent</c>), e.g. a child's guardians.</summary>
    public List<string> Agents { get; set; } = [];
}

/// <summary>What every source system has in common.</summary>
internal abstract class SourceSystemData
{
    /// <summary>The system's HSA-id: its primary logical address and its sender id towards EI.</summary>
    public string HsaId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Further logical addresses the system answers at (each gets a routing in the catalog).</summary>
    public List<string> LogicalAddresses { get; set; } = [];

    /// <summary>The organisation number of the data controller (personuppgiftsansvarig) in EI engagements.</summary>
    public string DataController { get; set; } = "";

    /// <summary>False: the demo consumer gets no authorization (anropsbehörighet) for this system.</summary>
    public bool DemoConsumerAuthorized { get; set; } = true;

    /// <summary>Faults the system shows from the start and after a reset (e.g. a slow system's latency).</summary>
    public FaultSettings? Faults { get; set; }

    /// <summary>
    /// False: the system reports no engagements to EI (e.g. a contract suite's journal whose persons have 10-digit
    /// ids, which EI's 12-digit residentIdentification cannot hold).
    /// </summary>
    public bool ReportsEngagements { get; set; } = true;

    /// <summary>
    /// The logical address (and sourceSystem) the system's EI engagements name, when that is not its HSA-id: a care unit
    /// whose system is registered in the catalog at an HSA parent of the unit, reached by climbing the HSA tree
    /// (trädklättring). Empty: <see cref="HsaId"/>.
    /// </summary>
    public string? EngagementAddress { get; set; }

    /// <summary>What the system's engagements name as logicalAddress and sourceSystem.</summary>
    public string EngagementLogicalAddress => string.IsNullOrWhiteSpace(EngagementAddress) ? HsaId : EngagementAddress;

    public IEnumerable<string> AllLogicalAddresses() =>
        new[] { HsaId }.Concat(LogicalAddresses).Distinct(StringComparer.OrdinalIgnoreCase);
}

/// <summary><c>systems.json</c>: systems that answer only their record files (records/*.xml), like a generic test stub.</summary>
internal sealed class RecordOnlySystemsFile
{
    public List<RecordOnlySystemData> Systems { get; set; } = [];
}

/// <summary>A system of <c>systems.json</c>: the common fields only; its contracts are the record files that name it.</summary>
internal sealed class RecordOnlySystemData : SourceSystemData
{
}

/// <summary><c>consumers.json</c>: the world's consumers and their authorizations (replacing the demo consumer's).</summary>
internal sealed class ConsumersFile
{
    public List<ConsumerData> Consumers { get; set; } = [];
}

/// <summary>
/// A consumer (tjänstekonsument) of the world: authorized for every contract the world answers, at each of
/// <see cref="LogicalAddresses"/> and at the national address of the aggregating services.
/// </summary>
internal sealed class ConsumerData
{
    /// <summary>The consumer's HSA-id (its <c>x-vp-sender-id</c>, or the original consumer it calls for).</summary>
    public string HsaId { get; set; } = "";

    /// <summary>Where it is authorized (anropsbehörighet), whether or not a system answers there.</summary>
    public List<string> LogicalAddresses { get; set; } = [];
}

/// <summary><c>journals.json</c>.</summary>
internal sealed class JournalsFile
{
    public List<JournalSystemData> Systems { get; set; } = [];
}

/// <summary>A journal system: GetMedicationHistory 2, and GetRequestActivities 1 when it has <see cref="RequestActivities"/>.</summary>
internal sealed class JournalSystemData : SourceSystemData
{
    public string? ProductName { get; set; }

    public string? ProductVersion { get; set; }

    /// <summary>The OID used as <c>root</c> of the system's ids (prescription id, chain id).</summary>
    public string IdRoot { get; set; } = "1.2.752.129.2.1.4.1";

    /// <summary>
    /// Consumers that serve patients themselves (1177-style e-services), told by <c>x-rivta-original-serviceconsumer-hsaid</c>:
    /// they get only records with <c>approvedForPatient</c> true.
    /// </summary>
    public List<string> PatientPortalConsumers { get; set; } = [];

    public List<MedicationRecordData> MedicationRecords { get; set; } = [];

    /// <summary>Null: the system does not answer GetRequestActivities.</summary>
    public List<RequestActivityData>? RequestActivities { get; set; }
}

/// <summary>One medication record (läkemedelsordination) of a patient, simplified; mapped to MedicationMedicalRecordType.</summary>
internal sealed class MedicationRecordData
{
    public string PatientId { get; set; } = "";

    /// <summary>Person id type; empty: personnummer (1.2.752.129.2.1.3.1).</summary>
    public string? PatientIdType { get; set; }

    public string DocumentId { get; set; } = "";

    public string? DocumentTitle { get; set; }

    /// <summary>When the record was written (YYYYMMDDhhmmss).</summary>
    public string AuthorTime { get; set; } = "";

    public string? CareContactId { get; set; }

    public bool ApprovedForPatient { get; set; } = true;

    public OrgData CareUnit { get; set; } = new();

    public OrgData CareGiver { get; set; } = new();

    public PersonRefData Professional { get; set; } = new();

    public string PrescriptionId { get; set; } = "";

    public string? PrescriptionChainId { get; set; }

    /// <summary><c>I</c> (insättning) or <c>U</c> (utsättning).</summary>
    public string TypeOfPrescription { get; set; } = "I";

    /// <summary><c>Active</c> or <c>Inactive</c>.</summary>
    public string PrescriptionStatus { get; set; } = "Active";

    public string? PrescriptionNote { get; set; }

    public string? TreatmentPurpose { get; set; }

    public CodeData? Reason { get; set; }

    /// <summary>YYYYMMDDhhmmss.</summary>
    public string? StartOfTreatment { get; set; }

    /// <summary>YYYYMMDDhhmmss; empty: ongoing.</summary>
    public string? EndOfTreatment { get; set; }

    public bool SelfMedication { get; set; }

    public DrugData? Drug { get; set; }

    public string? DosageInstruction { get; set; }

    public string? ShortNotation { get; set; }
}

internal sealed class OrgData
{
    public string HsaId { get; set; } = "";

    public string? Name { get; set; }
}

internal sealed class PersonRefData
{
    public string? HsaId { get; set; }

    public string? Name { get; set; }
}

internal sealed class CodeData
{
    public string Code { get; set; } = "";

    public string CodeSystem { get; set; } = "";

    public string DisplayName { get; set; } = "";
}

internal sealed class DrugData
{
    public CodeData NplId { get; set; } = new();

    public CodeData? AtcCode { get; set; }

    public string? PharmaceuticalForm { get; set; }

    public double? Strength { get; set; }

    public string? StrengthUnit { get; set; }
}

/// <summary>One event of a request (remiss) as GetRequestActivities answers it.</summary>
internal sealed class RequestActivityData
{
    public string SubjectOfCareId { get; set; } = "";

    public string? SenderRequestId { get; set; }

    public string? ReceiverRequestId { get; set; }

    /// <summary>1–10.</summary>
    public int TypeOfRequest { get; set; } = 1;

    /// <summary>1–10.</summary>
    public int? RequestMedium { get; set; }

    public string? RequestIssuedByPersonName { get; set; }

    public string? RequestIssuedByOrganizationalUnitId { get; set; }

    public string? RequestIssuedByOrganizationalUnitDescription { get; set; }

    public string? ReceivingPersonName { get; set; }

    public string? ReceivingOrganizationalUnitId { get; set; }

    public string? ReceivingOrganizationalUnitDescription { get; set; }

    public string? CareUnit { get; set; }

    /// <summary>Empty: the system's HSA-id.</summary>
    public string? LogicalSystemId { get; set; }

    /// <summary>10, 20 … 170.</summary>
    public int StatusCode { get; set; } = 10;

    /// <summary>YYYYMMDDhhmmss.</summary>
    public string EventTime { get; set; } = "";
}

/// <summary><c>scheduling.json</c>.</summary>
internal sealed class SchedulingFile
{
    public List<SchedulingSystemData> Systems { get; set; } = [];
}

/// <summary>A booking system for one healthcare facility (vårdenhet) = its HSA-id.</summary>
internal sealed class SchedulingSystemData : SourceSystemData
{
    /// <summary>
    /// How the system checks the Actor header: <c>strict</c> (default; required, and it must be allowed to act for the
    /// patient) or <c>lenient</c> (any Actor or none, as the reference platform's test stubs accept).
    /// </summary>
    public string ActorCheck { get; set; } = Scheduling.ActorCheck.Strict;

    public string FacilityName { get; set; } = "";

    /// <summary>New booking ids: this prefix and a running number.</summary>
    public string BookingIdPrefix { get; set; } = "";

    /// <summary>The first running number new bookings get.</summary>
    public int FirstBookingNumber { get; set; } = 5000;

    public List<TimeTypeData> TimeTypes { get; set; } = [];

    public List<PerformerData> Performers { get; set; } = [];

    /// <summary>Bookable times at fixed dates.</summary>
    public List<SlotData> Slots { get; set; } = [];

    /// <summary>Bookable times repeated relative to today, so the demo always has something to book soon.</summary>
    public List<RecurringSlotData> RecurringSlots { get; set; } = [];

    /// <summary>Bookings the system starts with.</summary>
    public List<BookingData> Bookings { get; set; } = [];
}

internal sealed class TimeTypeData
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? CareTypeId { get; set; }

    public string? CareTypeName { get; set; }
}

internal sealed class PerformerData
{
    public string HsaId { get; set; } = "";

    public string Name { get; set; } = "";

    public string? ResourceName { get; set; }
}

internal sealed class SlotData
{
    /// <summary>YYYYMMDDhhmmss.</summary>
    public string Start { get; set; } = "";

    /// <summary>YYYYMMDDhhmmss.</summary>
    public string End { get; set; } = "";

    public string Performer { get; set; } = "";

    public string TimeType { get; set; } = "";
}

internal sealed class RecurringSlotData
{
    /// <summary>How many days ahead, counted from tomorrow.</summary>
    public int Days { get; set; } = 14;

    /// <summary>English day names (Monday …); empty: Monday to Friday.</summary>
    public List<string> Weekdays { get; set; } = [];

    /// <summary>Start times of the day, <c>HH:mm</c>.</summary>
    public List<string> Times { get; set; } = [];

    public int Minutes { get; set; } = 30;

    public string Performer { get; set; } = "";

    public string TimeType { get; set; } = "";
}

internal sealed class BookingData
{
    public string BookingId { get; set; } = "";

    public string PatientId { get; set; } = "";

    public string Start { get; set; } = "";

    public string End { get; set; } = "";

    public string Performer { get; set; } = "";

    public string TimeType { get; set; } = "";

    public string? Reason { get; set; }

    public string? Purpose { get; set; }

    public bool CancelAllowed { get; set; } = true;

    public bool RebookingAllowed { get; set; } = true;

    public bool MessageAllowed { get; set; } = true;

    public bool IsInvitation { get; set; }
}

/// <summary><c>medicalsupply.json</c>.</summary>
internal sealed class MedicalSupplyFile
{
    public List<MedicalSupplySystemData> Systems { get; set; } = [];
}

/// <summary>A region's ordering system for prescribed consumables (förbrukningsartiklar).</summary>
internal sealed class MedicalSupplySystemData : SourceSystemData
{
    /// <summary>New order item ids: this prefix and a running number.</summary>
    public string OrderIdPrefix { get; set; } = "";

    public List<DeliveryPointData> DeliveryPoints { get; set; } = [];

    public List<PrescriptionItemData> PrescriptionItems { get; set; } = [];

    /// <summary>Orders placed before the demo starts (the patient's order history).</summary>
    public List<PastOrderData> Orders { get; set; } = [];
}

internal sealed class DeliveryPointData
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string City { get; set; } = "";

    public ServicePointProviderEnum Provider { get; set; }
}

/// <summary>A prescribed product a citizen can order from (förskrivningspost), in the contract's own terms.</summary>
internal sealed class PrescriptionItemData
{
    public string PatientId { get; set; } = "";

    public string PrescriptionId { get; set; } = "";

    public string PrescriptionItemId { get; set; } = "";

    public ArticleType Article { get; set; } = new();

    public List<ArticleType> SubArticles { get; set; } = [];

    public int NoOfOrders { get; set; }

    public int NoOfRemainingOrders { get; set; }

    public int NoOfArticlesPerOrder { get; set; }

    public int NoOfPackagesPerOrder { get; set; }

    public List<DeliveryAlternativeType> DeliveryAlternatives { get; set; } = [];

    /// <summary>YYYY-MM-DD.</summary>
    public DateTime? NextEarliestOrderDate { get; set; }

    public string Source { get; set; } = "BP";

    public PrescriberType Prescriber { get; set; } = new();

    public PrescribingOrganizationType PrescribingOrganization { get; set; } = new();

    /// <summary>YYYY-MM-DD.</summary>
    public DateTime LastValidDate { get; set; }

    public StatusEnum Status { get; set; } = StatusEnum.Aktiv;

    public string? GrossPrice { get; set; }

    public bool? AllowOtherInvoiceAddress { get; set; }
}

internal sealed class PastOrderData
{
    public string OrderItemId { get; set; } = "";

    public string PatientId { get; set; } = "";

    public string PrescriptionItemId { get; set; } = "";

    public DeliveryChoiceType DeliveryChoice { get; set; } = new();

    public int NoOfPcs { get; set; }

    /// <summary>YYYY-MM-DD.</summary>
    public DateTime OrderDate { get; set; }

    /// <summary>YYYY-MM-DD; empty: not delivered yet.</summary>
    public DateTime? DeliveredDate { get; set; }
}
