namespace TjanstePlattform.Aggregation.Descriptors;

/// <summary>
/// The descriptors the platform ships with (PLATFORM.md §5). They are plain configuration: the same shape a user
/// writes under <c>Aggregation:Contracts</c> to aggregate another contract.
/// </summary>
public static class BuiltInContracts
{
    public const string GetMedicationHistory = "GetMedicationHistory-2";
    public const string GetSubjectOfCareSchedule = "GetSubjectOfCareSchedule-1";
    public const string GetRequestActivities = "GetRequestActivities-1";

    public const string GetMedicationHistoryNamespace = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";
    public const string GetSubjectOfCareScheduleNamespace = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";
    public const string GetRequestActivitiesNamespace = "urn:riv:crm:requeststatus:GetRequestActivitiesResponder:1";

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
    };
}
