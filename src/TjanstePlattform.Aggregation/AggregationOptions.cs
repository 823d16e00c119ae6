namespace TjanstePlattform.Aggregation;

/// <summary>The aggregating services (aggregerande tjänster, AgP), section <c>Aggregation</c>.</summary>
public sealed class AggregationOptions
{
    public const string SectionName = "Aggregation";

    /// <summary>
    /// The national logical address the aggregating services answer at (and are registered under in the catalog).
    /// Empty: <c>Platform:HsaId</c> (5565594230).
    /// </summary>
    public string? LogicalAddress { get; set; }

    /// <summary>The longest wait for one source system's answer (reference: 27 s). Late: NoDataSynchFailed, code 504.</summary>
    public TimeSpan ProducerTimeout { get; set; } = TimeSpan.FromSeconds(27);

    /// <summary>
    /// The cap on one aggregated call, engagement look-up included (reference: 28 s). When it passes, the consumer
    /// gets what has arrived; every source system still out gets NoDataSynchFailed, code 504.
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(28);

    /// <summary>Largest accepted consumer request in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest accepted answer of one source system in bytes; a larger one fails only that branch.</summary>
    public long MaxProducerResponseBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// The time zone of the ProcessingStatus timestamps (RIVTA timestamps are Swedish local time without zone).
    /// Unknown ids fall back to the machine's local zone.
    /// </summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary><see cref="TimeZone"/> resolved; the machine's local zone when the id is unknown.</summary>
    public TimeZoneInfo ResolveTimeZone() => TjanstePlattform.Platform.RivtaTime.Zone(TimeZone);

    /// <summary>
    /// The aggregated contracts, by name. Built in: <c>GetMedicationHistory-2</c>, <c>GetSubjectOfCareSchedule-1</c>,
    /// <c>GetRequestActivities-1</c>. An entry with a built-in's name replaces it as a whole; <c>Enabled: false</c> switches
    /// one off; any other name adds a contract.
    /// </summary>
    public Dictionary<string, AggregatedContractOptions> Contracts { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Which engagement field decides the source system to call.</summary>
public enum EngagementField
{
    /// <summary>engagement.sourceSystem (one call per unique source system).</summary>
    SourceSystem,

    /// <summary>engagement.logicalAddress (one call per unique logical address, e.g. a booking unit).</summary>
    LogicalAddress,
}

/// <summary>
/// One aggregated contract as configuration (a descriptor): everything the generic engine needs to know about
/// it. Element names are local names: children of the request/response root are in the contract's namespace;
/// deeper steps of a path match by local name in any namespace (core namespaces differ per contract).
/// </summary>
public sealed class AggregatedContractOptions
{
    /// <summary>False: the contract is not aggregated (and not registered in the catalog).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The responder namespace, which is the service contract (tjänstekontrakt), e.g. <c>urn:riv:crm:requeststatus:GetRequestActivitiesResponder:1</c>.</summary>
    public string? Namespace { get; set; }

    /// <summary>The request's body element. Empty: the interaction name in <see cref="Namespace"/> (<c>…:GetRequestActivitiesResponder:1</c> → <c>GetRequestActivities</c>).</summary>
    public string? RequestElement { get; set; }

    /// <summary>The answer's body element. Empty: <see cref="RequestElement"/> + <c>Response</c>.</summary>
    public string? ResponseElement { get; set; }

    /// <summary>The aggregating endpoint below the platform's base address. Empty: <c>/platform/aggregation/&lt;Interaction&gt;/&lt;major&gt;/rivtabp21</c>.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// The router path (below <c>/vp/</c>) the fan-out calls are posted to. The router routes on LogicalAddress and
    /// namespace, never on the path; empty: the conventional path derived from <see cref="Namespace"/>.
    /// </summary>
    public string? RouterPath { get; set; }

    /// <summary>The engagement index service domain, e.g. <c>riv:crm:requeststatus</c>.</summary>
    public string? ServiceDomain { get; set; }

    /// <summary>Engagement categorizations to aggregate (case-insensitive). Empty: every categorization of the domain.</summary>
    public List<string> Categorizations { get; set; } = [];

    /// <summary>
    /// A request element whose values (0..n) narrow the categorizations, e.g. <c>typeOfRequest</c> for GetRequestActivities.
    /// Absent from the request: no narrowing.
    /// </summary>
    public string? CategorizationFilter { get; set; }

    /// <summary>Where the patient id is, as a path below the request element, e.g. <c>patientId/id</c>.</summary>
    public string? PatientId { get; set; }

    /// <summary>The fan-out key: one call per unique value of this engagement field.</summary>
    public EngagementField FanOutKey { get; set; } = EngagementField.SourceSystem;

    /// <summary>Request elements (children of the request element) set to the called source system's address, e.g. <c>healthcare_facility</c>.</summary>
    public List<string> SetToProducerAddress { get; set; } = [];

    /// <summary>
    /// Where the request names one source system, as a path below the request element like <see cref="PatientId"/>, e.g.
    /// <c>sourceSystemHSAId</c> or <c>sourceSystemId/extension</c>: when given, only that system is called.
    /// </summary>
    public string? SourceSystemFilter { get; set; }

    /// <summary>The engagement field <see cref="SourceSystemFilter"/> is compared with (reference: logicalAddress).</summary>
    public EngagementField SourceSystemFilterField { get; set; } = EngagementField.LogicalAddress;

    /// <summary>The repeated record element of the answer that is merged, e.g. <c>medicationMedicalRecord</c>.</summary>
    public string? Record { get; set; }

    /// <summary>
    /// Further repeated elements merged the same way, each written after all branches' <see cref="Record"/> elements in
    /// the order listed (GetCareDocumentation 3: <c>hasMore</c>, which the schema puts after the records).
    /// </summary>
    public List<string> MoreRecords { get; set; } = [];

    /// <summary>
    /// The answer never carries records (RequestExemptionStatuses: its response type holds only <c>xs:any</c>, and the
    /// reference answers an empty response whatever the producers say). <see cref="Record"/> may then be empty.
    /// </summary>
    public bool EmptyAnswer { get; set; }

    /// <summary>
    /// Validate the consumer's request against the contract's schema before anything else (GetCareManagers, the only
    /// reference service with incoming validation on); an invalid request is a soap:Client fault naming the error.
    /// </summary>
    public bool ValidateRequest { get; set; }

    /// <summary>
    /// Request elements (children of the request element) the aggregating service refuses, e.g. GetCareDocumentation 3's
    /// <c>hasMoreReference</c>: paging cannot go through an aggregation.
    /// </summary>
    public List<string> RefusedElements { get; set; } = [];

    /// <summary>
    /// When set, FindContent is sent with <c>mostRecentContent</c> = now minus this span (RequestExemptionStatuses: one
    /// year), so only engagements with content that recent are asked.
    /// </summary>
    public TimeSpan? MostRecentContentWithin { get; set; }

    /// <summary>
    /// An XML fragment written after the merged records, e.g. GetMedicationHistory's mandatory <c>result</c>. Unprefixed
    /// elements are in <see cref="Namespace"/>; declare other namespaces in the fragment. The text <c>{correlationId}</c>
    /// is replaced by the call's correlation id.
    /// </summary>
    public string? Closing { get; set; }
}
