namespace TjanstePlattform.Aggregation.Descriptors;

/// <summary>
/// The descriptors the platform ships with (PLATFORM.md §5, AGGREGATIONS.md): the reference platform's aggregating
/// services, each with its facts (EI domain and categorization, where the patient id and the source-system filter sit,
/// the merged list, the closing result). They are plain configuration: the same shape a user writes under
/// <c>Aggregation:Contracts</c> to aggregate another contract.
/// </summary>
public static class BuiltInContracts
{
    public const string GetMedicationHistory = "GetMedicationHistory-2";
    public const string GetSubjectOfCareSchedule = "GetSubjectOfCareSchedule-1";
    public const string GetRequestActivities = "GetRequestActivities-1";
    public const string GetCareManagers = "GetCareManagers-1";
    public const string GetCarePlans = "GetCarePlans-2";

    public const string GetMedicationHistoryNamespace = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";
    public const string GetSubjectOfCareScheduleNamespace = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";
    public const string GetRequestActivitiesNamespace = "urn:riv:crm:requeststatus:GetRequestActivitiesResponder:1";

    /// <summary>Fasta vård- och omsorgskontakter.</summary>
    public const string GetCareManagersNamespace = "urn:riv:coreprocess:residentparticipation:residentparticipation:GetCareManagersResponder:1";

    /// <summary>Vård- och omsorgsplaner.</summary>
    public const string GetCarePlansNamespace = "urn:riv:clinicalprocess:logistics:logistics:GetCarePlansResponder:2";

    private const string Logistics = "riv:clinicalprocess:logistics:logistics";
    private const string HealthcondActOutcome = "riv:clinicalprocess:healthcond:actoutcome";
    private const string HealthcondDescription = "riv:clinicalprocess:healthcond:description";

    /// <summary>The aggregate's own result: INFO with logId "NA", as the reference writes it (core = the contract's core namespace).</summary>
    private static string InfoNotApplicable(string core) =>
        $"<result xmlns:core=\"{core}\"><core:resultCode>INFO</core:resultCode><core:logId>NA</core:logId></result>";

    /// <summary>A fresh copy of every built-in descriptor, by name.</summary>
    public static IReadOnlyDictionary<string, AggregatedContractOptions> Create() => new Dictionary<string, AggregatedContractOptions>(StringComparer.OrdinalIgnoreCase)
    {
        // Medication history: one call per source system; a sourceSystemHSAId in the request keeps only the engagements
        // at that logical address (as the reference does). The schema demands exactly one result after the records.
        [GetMedicationHistory] = new()
        {
            Namespace = GetMedicationHistoryNamespace,
            ServiceDomain = "riv:clinicalprocess:activityprescription:actoutcome",
            Categorizations = ["caa-gmh"],
            PatientId = "patientId/id",
            FanOutKey = EngagementField.SourceSystem,
            SourceSystemFilter = "sourceSystemHSAId",
            SourceSystemFilterField = EngagementField.LogicalAddress,
            Record = "medicationMedicalRecord",
            Closing = "<result xmlns:core=\"urn:riv:clinicalprocess:activityprescription:actoutcome:2\">"
                + "<core:resultCode>INFO</core:resultCode><core:logId>{correlationId}</core:logId></result>",
        },

        // Booked times: one call per booking unit (engagement logicalAddress), healthcare_facility set to that unit.
        [GetSubjectOfCareSchedule] = new()
        {
            Namespace = GetSubjectOfCareScheduleNamespace,
            ServiceDomain = "riv:crm:scheduling",
            PatientId = "subject_of_care",
            FanOutKey = EngagementField.LogicalAddress,
            SetToProducerAddress = ["healthcare_facility"],
            Record = "timeslotDetail",
        },

        // Referral status: one call per source system; typeOfRequest in the request narrows the EI categorizations.
        [GetRequestActivities] = new()
        {
            Namespace = GetRequestActivitiesNamespace,
            ServiceDomain = "riv:crm:requeststatus",
            CategorizationFilter = "typeOfRequest",
            PatientId = "subjectOfCareId",
            FanOutKey = EngagementField.SourceSystem,
            Record = "requestActivity",
        },

        // Fasta vård- och omsorgskontakter: unlike the platform default, one call per engagement logicalAddress; the only
        // reference service with incoming schema validation on; no source-system filter.
        [GetCareManagers] = new()
        {
            Namespace = GetCareManagersNamespace,
            ServiceDomain = "riv:coreprocess:residentparticipation:residentparticipation",
            Categorizations = ["crr-gcm"],
            PatientId = "patientId/extension",
            FanOutKey = EngagementField.LogicalAddress,
            Record = "careManager",
            ValidateRequest = true,
        },

        // Vård- och omsorgsplaner.
        [GetCarePlans] = Standard(GetCarePlansNamespace, Logistics, "cll-cp", "patientId/id", "sourceSystemHSAId", "carePlan",
            InfoNotApplicable("urn:riv:clinicalprocess:logistics:logistics:3")),

        ["GetCareContacts-3"] = Standard("urn:riv:clinicalprocess:logistics:logistics:GetCareContactsResponder:3", Logistics, "vko", "patientId/id",
            "sourceSystemHSAId", "careContact", InfoNotApplicable("urn:riv:clinicalprocess:logistics:logistics:3")),

        // Version 2 has no result element.
        ["GetCareContacts-2"] = Standard("urn:riv:clinicalprocess:logistics:logistics:GetCareContactsResponder:2", Logistics, "vko", "patientId/id",
            "sourceSystemHSAId", "careContact", null),

        ["GetActivities-1"] = Standard("urn:riv:clinicalprocess:activity:actions:GetActivitiesResponder:1", "riv:clinicalprocess:activity:actions", "caa-ga",
            "patientId/extension", "sourceSystemId/extension", "activityGroup", null),

        // Version 2 does not narrow on typeOfRequest (version 1 does).
        ["GetRequestActivities-2"] = Standard("urn:riv:crm:requeststatus:GetRequestActivitiesResponder:2", "riv:crm:requeststatus", "req-act",
            "patientId/extension", "sourceSystemHSAId/extension", "requestActivity", null),

        // The schema spells the filter sourceSystemHSAid (lower-case d).
        ["GetVaccinationHistory-2"] = Standard("urn:riv:clinicalprocess:activityprescription:actoutcome:GetVaccinationHistoryResponder:2",
            "riv:clinicalprocess:activityprescription:actoutcome", "caa-gvh", "patientId/id", "sourceSystemHSAid", "vaccinationMedicalRecord",
            InfoNotApplicable("urn:riv:clinicalprocess:activityprescription:actoutcome:2")),

        ["GetLaboratoryOrderOutcome-4"] = Standard("urn:riv:clinicalprocess:healthcond:actoutcome:GetLaboratoryOrderOutcomeResponder:4", HealthcondActOutcome,
            "und-kkm-ure", "patientId/extension", "sourceSystemHSAId/extension", "laboratoryOrderOutcome", null),

        ["GetReferralOutcome-3"] = Standard("urn:riv:clinicalprocess:healthcond:actoutcome:GetReferralOutcomeResponder:3", HealthcondActOutcome,
            "und-kon-ure", "patientId/id", "sourceSystemHSAId", "referralOutcome", InfoNotApplicable("urn:riv:clinicalprocess:healthcond:actoutcome:3")),

        ["GetImagingOutcome-1"] = Standard("urn:riv:clinicalprocess:healthcond:actoutcome:GetImagingOutcomeResponder:1", HealthcondActOutcome,
            "und-bdi-ure", "patientId/id", "sourceSystemHSAId", "imagingOutcome", InfoNotApplicable("urn:riv:clinicalprocess:healthcond:actoutcome:3")),

        ["GetECGOutcome-1"] = Standard("urn:riv:clinicalprocess:healthcond:actoutcome:GetECGOutcomeResponder:1", HealthcondActOutcome,
            "und-ekg-ure", "patientId/id", "sourceSystemHSAId", "ecgOutcome", InfoNotApplicable("urn:riv:clinicalprocess:healthcond:actoutcome:3")),

        ["GetMaternityMedicalHistory-2"] = Standard("urn:riv:clinicalprocess:healthcond:actoutcome:GetMaternityMedicalHistoryResponder:2", HealthcondActOutcome,
            "utr-mtr", "patientId/id", "sourceSystemHSAId", "maternityMedicalRecord", null),

        // Diagnosis and alert information leave the (optional) result unset.
        ["GetDiagnosis-2"] = Standard("urn:riv:clinicalprocess:healthcond:description:GetDiagnosisResponder:2", HealthcondDescription,
            "dia", "patientId/id", "sourceSystemHSAId", "diagnosis", null),

        ["GetAlertInformation-2"] = Standard("urn:riv:clinicalprocess:healthcond:description:GetAlertInformationResponder:2", HealthcondDescription,
            "upp", "patientId/id", "sourceSystemHSAId", "alertInformation", null),

        ["GetCareDocumentation-2"] = Standard("urn:riv:clinicalprocess:healthcond:description:GetCareDocumentationResponder:2", HealthcondDescription,
            "voo", "patientId/id", "sourceSystemHSAid", "careDocumentation", null),

        // Version 3: careDocumentation and hasMore both merged; result INFO without logId (the 3.0 result has none);
        // hasMoreReference (paging) is refused: it cannot go through an aggregation.
        ["GetCareDocumentation-3"] = Standard("urn:riv:clinicalprocess:healthcond:description:GetCareDocumentationResponder:3", HealthcondDescription,
            "voo", "patientId/extension", "sourceSystemId/extension", "careDocumentation",
            "<result xmlns:core=\"urn:riv:clinicalprocess:healthcond:description:3\"><core:resultCode>INFO</core:resultCode></result>",
            more: ["hasMore"], refused: ["hasMoreReference"]),

        // Two categorizations: FindContent goes without one, the engagements are kept if theirs is either.
        ["GetFunctionalStatus-2"] = Standard("urn:riv:clinicalprocess:healthcond:description:GetFunctionalStatusResponder:2", HealthcondDescription,
            "fun-fun,pad-pad", "patientId/id", "sourceSystemHSAId", "functionalStatusAssessment",
            InfoNotApplicable("urn:riv:clinicalprocess:healthcond:description:2")),

        ["GetObservations-1"] = Standard("urn:riv:clinicalprocess:healthcond:basic:GetObservationsResponder:1", "riv:clinicalprocess:healthcond:basic",
            "chb-o", "patientId/extension", "sourceSystemHSAId", "observationGroup", null),

        // Always an empty answer (the response type holds only xs:any); FindContent asks only for content of the last year.
        ["RequestExemptionStatuses-1"] = new()
        {
            Namespace = "urn:riv:financial:patientfees:exemption:RequestExemptionStatusesResponder:1",
            ServiceDomain = "riv:financial:patientfees:exemption",
            Categorizations = ["fpe-es"],
            PatientId = "patientId/extension",
            FanOutKey = EngagementField.SourceSystem,
            EmptyAnswer = true,
            MostRecentContentWithin = TimeSpan.FromDays(365),
        },
    };

    /// <summary>
    /// The platform default (AGGREGATIONS.md, common behaviour): one call per engagement sourceSystem, the request's
    /// source-system filter compared with the engagement's logicalAddress.
    /// </summary>
    private static AggregatedContractOptions Standard(
        string ns, string domain, string categorizations, string patientId, string? sourceSystemFilter, string record, string? closing,
        List<string>? more = null, List<string>? refused = null) => new()
        {
            Namespace = ns,
            ServiceDomain = domain,
            Categorizations = [.. categorizations.Split(',')],
            PatientId = patientId,
            FanOutKey = EngagementField.SourceSystem,
            SourceSystemFilter = sourceSystemFilter,
            SourceSystemFilterField = EngagementField.LogicalAddress,
            Record = record,
            MoreRecords = more ?? [],
            RefusedElements = refused ?? [],
            Closing = closing,
        };
}
