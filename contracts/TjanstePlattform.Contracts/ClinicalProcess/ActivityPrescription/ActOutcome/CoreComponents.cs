// Core components of clinicalprocess:activityprescription:actoutcome 2, as extended by 2.1.
// One C# type per schema type, elements in schema order (Order = n) so XmlSerializer writes the
// sequence the schema demands; every xs:any extension point is kept as Any.
using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;

/// <summary>A vaccination record (the domain shares its core with GetVaccinationHistory).</summary>
[XmlType(TypeName = "VaccinationMedicalRecordType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class VaccinationMedicalRecordType
{
    [XmlElement("vaccinationMedicalRecordHeader", Order = 0)]
    public PatientSummaryHeaderType VaccinationMedicalRecordHeader { get; set; } = new();

    [XmlElement("vaccinationMedicalRecordBody", Order = 1)]
    public VaccinationMedicalRecordBodyType VaccinationMedicalRecordBody { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "VaccinationMedicalRecordBodyType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class VaccinationMedicalRecordBodyType
{
    [XmlElement("registrationRecord", Order = 0)]
    public RegistrationRecordType RegistrationRecord { get; set; } = new();

    [XmlElement("administrationRecord", Order = 1)]
    public List<AdministrationRecordType> AdministrationRecord { get; set; } = [];

    [XmlElement("additionalPatientInformation", Order = 2)]
    public AdditionalPatientInformationType? AdditionalPatientInformation { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "RegistrationRecordType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class RegistrationRecordType
{
    [XmlElement("careGiverOrg", Order = 0)]
    public OrgUnitType CareGiverOrg { get; set; } = new();

    [XmlElement("careGiverContact", Order = 1)]
    public ActorType? CareGiverContact { get; set; }

    [XmlElement("sourceSystemName", Order = 2)]
    public string SourceSystemName { get; set; } = "";

    [XmlElement("sourceSystemProductName", Order = 3)]
    public string? SourceSystemProductName { get; set; }

    [XmlElement("sourceSystemProductVersion", Order = 4)]
    public string? SourceSystemProductVersion { get; set; }

    [XmlElement("sourceSystemContact", Order = 5)]
    public ActorType SourceSystemContact { get; set; } = new();

    [XmlElement("careUnitSmiId", Order = 6)]
    public string? CareUnitSmiId { get; set; }

    [XmlElement("date", Order = 7)]
    public string Date { get; set; } = "";

    [XmlElement("patientPostalCode", Order = 8)]
    public string? PatientPostalCode { get; set; }

    [XmlElement("vaccinationUnstructuredNote", Order = 9)]
    public string? VaccinationUnstructuredNote { get; set; }

    [XmlElement("riskCategory", Order = 10)]
    public List<CVType> RiskCategory { get; set; } = [];

    [XmlElement("patientAdverseEffect", Order = 11)]
    public List<CVType> PatientAdverseEffect { get; set; } = [];

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 12)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "AdministrationRecordType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class AdministrationRecordType
{
    [XmlElement("vaccinationProgramName", Order = 0)]
    public CVType? VaccinationProgramName { get; set; }

    [XmlElement("prescriberOrg", Order = 1)]
    public OrgUnitType? PrescriberOrg { get; set; }

    [XmlElement("prescriberPerson", Order = 2)]
    public ActorType? PrescriberPerson { get; set; }

    [XmlElement("performerOrg", Order = 3)]
    public OrgUnitType? PerformerOrg { get; set; }

    [XmlElement("performer", Order = 4)]
    public ActorType? Performer { get; set; }

    [XmlElement("anatomicalSite", Order = 5)]
    public CVType? AnatomicalSite { get; set; }

    [XmlElement("route", Order = 6)]
    public CVType? Route { get; set; }

    [XmlElement("dose", Order = 7)]
    public DoseType? Dose { get; set; }

    [XmlElement("isDoseComplete", Order = 8)]
    public bool? IsDoseComplete { get; set; }

    public bool ShouldSerializeIsDoseComplete() => IsDoseComplete.HasValue;

    [XmlElement("doseOrdinalNumber", DataType = "integer", Order = 9)]
    public string? DoseOrdinalNumber { get; set; }

    [XmlElement("numberOfPrescribedDoses", DataType = "integer", Order = 10)]
    public string? NumberOfPrescribedDoses { get; set; }

    [XmlElement("sourceDescription", Order = 11)]
    public string? SourceDescription { get; set; }

    [XmlElement("commentPrescription", Order = 12)]
    public string? CommentPrescription { get; set; }

    [XmlElement("commentAdministration", Order = 13)]
    public string? CommentAdministration { get; set; }

    [XmlElement("patientAdverseEffect", Order = 14)]
    public List<CVType> PatientAdverseEffect { get; set; } = [];

    [XmlElement("typeOfVaccine", Order = 15)]
    public CVType? TypeOfVaccine { get; set; }

    [XmlElement("vaccineName", Order = 16)]
    public CVType? VaccineName { get; set; }

    [XmlElement("vaccineBatchId", Order = 17)]
    public string? VaccineBatchId { get; set; }

    [XmlElement("vaccineManufacturer", Order = 18)]
    public string? VaccineManufacturer { get; set; }

    [XmlElement("vaccineTargetDisease", Order = 19)]
    public List<CVType> VaccineTargetDisease { get; set; } = [];

    [XmlElement("vaccinationUniqueReference", Order = 20)]
    public IIType? VaccinationUniqueReference { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 21)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "HealthcareProfessionalType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class HealthcareProfessionalType
{
    [XmlElement("authorTime", Order = 0)]
    public string AuthorTime { get; set; } = "";

    [XmlElement("healthcareProfessionalHSAId", Order = 1)]
    public string? HealthcareProfessionalHSAId { get; set; }

    [XmlElement("healthcareProfessionalName", Order = 2)]
    public string? HealthcareProfessionalName { get; set; }

    [XmlElement("healthcareProfessionalRoleCode", Order = 3)]
    public CVType? HealthcareProfessionalRoleCode { get; set; }

    [XmlElement("healthcareProfessionalOrgUnit", Order = 4)]
    public OrgUnitType? HealthcareProfessionalOrgUnit { get; set; }

    [XmlElement("healthcareProfessionalCareUnitHSAId", Order = 5)]
    public string? HealthcareProfessionalCareUnitHSAId { get; set; }

    [XmlElement("healthcareProfessionalCareGiverHSAId", Order = 6)]
    public string? HealthcareProfessionalCareGiverHSAId { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 7)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>An instance identifier: <c>root</c> (OID or HSA-id) and optional <c>extension</c>.</summary>
[XmlType(TypeName = "IIType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class IIType
{
    [XmlElement("root", Order = 0)]
    public string Root { get; set; } = "";

    [XmlElement("extension", Order = 1)]
    public string? Extension { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>A period of dates (YYYYMMDD), both ends optional.</summary>
[XmlType(TypeName = "DatePeriodType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class DatePeriodType
{
    [XmlElement("start", Order = 0)]
    public string? Start { get; set; }

    [XmlElement("end", Order = 1)]
    public string? End { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>A person id: <c>id</c> (12 digits) and <c>type</c> (OID, e.g. 1.2.752.129.2.1.3.1 for personnummer).</summary>
[XmlType(TypeName = "PersonIdType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class PersonIdType
{
    [XmlElement("id", Order = 0)]
    public string Id { get; set; } = "";

    [XmlElement("type", Order = 1)]
    public string Type { get; set; } = "";

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "PQType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class PQType
{
    [XmlElement("value", Order = 0)]
    public double Value { get; set; }

    [XmlElement("unit", Order = 1)]
    public string Unit { get; set; } = "";

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "LegalAuthenticatorType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class LegalAuthenticatorType
{
    [XmlElement("signatureTime", Order = 0)]
    public string SignatureTime { get; set; } = "";

    [XmlElement("legalAuthenticatorHSAId", Order = 1)]
    public string? LegalAuthenticatorHSAId { get; set; }

    [XmlElement("legalAuthenticatorName", Order = 2)]
    public string? LegalAuthenticatorName { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>The header every record carries: document id, source system, patient, accountable professional, signature and nullification.</summary>
[XmlType(TypeName = "PatientSummaryHeaderType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class PatientSummaryHeaderType
{
    [XmlElement("documentId", Order = 0)]
    public string DocumentId { get; set; } = "";

    [XmlElement("sourceSystemHSAId", Order = 1)]
    public string SourceSystemHSAId { get; set; } = "";

    [XmlElement("documentTitle", Order = 2)]
    public string? DocumentTitle { get; set; }

    [XmlElement("documentTime", Order = 3)]
    public string? DocumentTime { get; set; }

    [XmlElement("patientId", Order = 4)]
    public PersonIdType PatientId { get; set; } = new();

    [XmlElement("accountableHealthcareProfessional", Order = 5)]
    public HealthcareProfessionalType AccountableHealthcareProfessional { get; set; } = new();

    [XmlElement("legalAuthenticator", Order = 6)]
    public LegalAuthenticatorType? LegalAuthenticator { get; set; }

    [XmlElement("approvedForPatient", Order = 7)]
    public bool ApprovedForPatient { get; set; }

    [XmlElement("careContactId", Order = 8)]
    public string? CareContactId { get; set; }

    [XmlElement("nullified", Order = 9)]
    public bool? Nullified { get; set; }

    public bool ShouldSerializeNullified() => Nullified.HasValue;

    /// <summary>
    /// <c>nullifiedReason</c>: <c>xs:boolean</c> in 2.0, <c>xs:string</c> in 2.1. Kept as text so a 2.0
    /// message (<c>true</c>/<c>false</c>) still reads and writes back unchanged.
    /// </summary>
    [XmlElement("nullifiedReason", Order = 10)]
    public string? NullifiedReason { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 11)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "OrgUnitType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class OrgUnitType
{
    [XmlElement("orgUnitHSAId", Order = 0)]
    public string? OrgUnitHSAId { get; set; }

    [XmlElement("orgUnitName", Order = 1)]
    public string? OrgUnitName { get; set; }

    [XmlElement("orgUnitTelecom", Order = 2)]
    public string? OrgUnitTelecom { get; set; }

    [XmlElement("orgUnitEmail", Order = 3)]
    public string? OrgUnitEmail { get; set; }

    [XmlElement("orgUnitAddress", Order = 4)]
    public string? OrgUnitAddress { get; set; }

    [XmlElement("orgUnitLocation", Order = 5)]
    public string? OrgUnitLocation { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 6)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "ActorType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class ActorType
{
    [XmlElement("hsaid", Order = 0)]
    public string? Hsaid { get; set; }

    [XmlElement("personName", Order = 1)]
    public string? PersonName { get; set; }

    [XmlElement("personEmail", Order = 2)]
    public string? PersonEmail { get; set; }

    [XmlElement("personTelecom", Order = 3)]
    public string? PersonTelecom { get; set; }

    [XmlElement("personAddress", Order = 4)]
    public string? PersonAddress { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 5)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>A coded value: code, code system (OID), names and original text.</summary>
[XmlType(TypeName = "CVType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class CVType
{
    [XmlElement("code", Order = 0)]
    public string? Code { get; set; }

    [XmlElement("codeSystem", Order = 1)]
    public string? CodeSystem { get; set; }

    [XmlElement("codeSystemName", Order = 2)]
    public string? CodeSystemName { get; set; }

    [XmlElement("codeSystemVersion", Order = 3)]
    public string? CodeSystemVersion { get; set; }

    [XmlElement("displayName", Order = 4)]
    public string? DisplayName { get; set; }

    [XmlElement("originalText", Order = 5)]
    public string? OriginalText { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 6)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "DoseType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class DoseType
{
    [XmlElement("quantity", Order = 0)]
    public PQType? Quantity { get; set; }

    [XmlElement("displayName", Order = 1)]
    public string DisplayName { get; set; } = "";

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>The logical outcome: resultCode OK, INFO or ERROR (with errorCode INVALID_REQUEST), a logId and an optional message.</summary>
[XmlType(TypeName = "ResultType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class ResultType
{
    [XmlElement("resultCode", Order = 0)]
    public ResultCodeEnum ResultCode { get; set; }

    [XmlElement("errorCode", Order = 1)]
    public ErrorCodeEnum? ErrorCode { get; set; }

    public bool ShouldSerializeErrorCode() => ErrorCode.HasValue;

    [XmlElement("logId", Order = 2)]
    public string LogId { get; set; } = "";

    [XmlElement("subCode", Order = 3)]
    public string? SubCode { get; set; }

    [XmlElement("message", Order = 4)]
    public string? Message { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 5)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "ReferredInformationType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class ReferredInformationType
{
    [XmlElement("id", Order = 0)]
    public IIType Id { get; set; } = new();

    [XmlElement("time", Order = 1)]
    public string Time { get; set; } = "";

    [XmlElement("type", Order = 2)]
    public string Type { get; set; } = "";

    [XmlElement("informationOwner", Order = 3)]
    public InformationOwnerType InformationOwner { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 4)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "InformationOwnerType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class InformationOwnerType
{
    [XmlElement("id", Order = 0)]
    public IIType Id { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "PrescriptionReasonType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class PrescriptionReasonType
{
    [XmlElement("reason", Order = 0)]
    public CVType Reason { get; set; } = new();

    [XmlElement("otherReason", Order = 1)]
    public string? OtherReason { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "GenericsType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class GenericsType
{
    [XmlElement("substance", Order = 0)]
    public string? Substance { get; set; }

    [XmlElement("strength", Order = 1)]
    public PQType? Strength { get; set; }

    [XmlElement("form", Order = 2)]
    public string? Form { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "DispensationAuthorizationType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class DispensationAuthorizationType
{
    [XmlElement("dispensationAuthorizationId", Order = 0)]
    public IIType DispensationAuthorizationId { get; set; } = new();

    [XmlElement("validUntil", Order = 1)]
    public string? ValidUntil { get; set; }

    [XmlElement("receivingPharmacy", Order = 2)]
    public IIType? ReceivingPharmacy { get; set; }

    [XmlElement("minimumDispensationInterval", Order = 3)]
    public PQType? MinimumDispensationInterval { get; set; }

    [XmlElement("totalAmount", Order = 4)]
    public double? TotalAmount { get; set; }

    public bool ShouldSerializeTotalAmount() => TotalAmount.HasValue;

    [XmlElement("packageUnit", Order = 5)]
    public string? PackageUnit { get; set; }

    [XmlElement("distributionMethod", Order = 6)]
    public string? DistributionMethod { get; set; }

    [XmlElement("dispensationAuthorizer", Order = 7)]
    public HealthcareProfessionalType DispensationAuthorizer { get; set; } = new();

    [XmlElement("dispensationAuthorizerComment", Order = 8)]
    public string? DispensationAuthorizerComment { get; set; }

    [XmlElement("firstDispensationBefore", Order = 9)]
    public string? FirstDispensationBefore { get; set; }

    [XmlElement("prescriptionSignatura", Order = 10)]
    public string PrescriptionSignatura { get; set; } = "";

    [XmlElement("nonReplaceable", Order = 11)]
    public NonReplaceableEnum? NonReplaceable { get; set; }

    public bool ShouldSerializeNonReplaceable() => NonReplaceable.HasValue;

    [XmlElement("drug", Order = 12)]
    public DrugChoiceType? Drug { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 13)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "AdministrationType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class AdministrationType
{
    [XmlElement("administrationId", Order = 0)]
    public IIType AdministrationId { get; set; } = new();

    [XmlElement("administrationTime", Order = 1)]
    public TimePeriodType AdministrationTime { get; set; } = new();

    [XmlElement("administrationComment", Order = 2)]
    public string? AdministrationComment { get; set; }

    [XmlElement("routeOfAdministration", Order = 3)]
    public CVType? RouteOfAdministration { get; set; }

    [XmlElement("administeringHealthcareProfessional", Order = 4)]
    public HealthcareProfessionalType AdministeringHealthcareProfessional { get; set; } = new();

    [XmlElement("drug", Order = 5)]
    public DrugChoiceType? Drug { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 6)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "DrugType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class DrugType
{
    [XmlElement("nplId", Order = 0)]
    public CVType NplId { get; set; } = new();

    [XmlElement("atcCode", Order = 1)]
    public CVType? AtcCode { get; set; }

    [XmlElement("routeOfAdministration", Order = 2)]
    public CVType? RouteOfAdministration { get; set; }

    [XmlElement("pharmaceuticalForm", Order = 3)]
    public string? PharmaceuticalForm { get; set; }

    [XmlElement("strength", Order = 4)]
    public double? Strength { get; set; }

    public bool ShouldSerializeStrength() => Strength.HasValue;

    [XmlElement("strengthUnit", Order = 5)]
    public string? StrengthUnit { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 6)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "DosageType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class DosageType
{
    [XmlElement("lengthOfTreatment", Order = 0)]
    public LengthOfTreatmentType? LengthOfTreatment { get; set; }

    [XmlElement("dosageInstruction", Order = 1)]
    public string? DosageInstruction { get; set; }

    [XmlElement("unitDose", Order = 2)]
    public CVType? UnitDose { get; set; }

    [XmlElement("shortNotation", Order = 3)]
    public string? ShortNotation { get; set; }

    [XmlElement("setDosage", Order = 4)]
    public SetDosageType? SetDosage { get; set; }

    [XmlElement("maximumDosage", Order = 5)]
    public MaximumDosageType? MaximumDosage { get; set; }

    [XmlElement("conditionalDosage", Order = 6)]
    public ConditionalDosageType? ConditionalDosage { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 7)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "SetDosageType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class SetDosageType
{
    [XmlElement("frequencyDosage", Order = 0)]
    public FrequencyDosageType? FrequencyDosage { get; set; }

    [XmlElement("periodDosage", Order = 1)]
    public PeriodDosageType? PeriodDosage { get; set; }

    [XmlElement("occasionDosage", Order = 2)]
    public OccasionDosageType? OccasionDosage { get; set; }

    [XmlElement("rampedDosage", Order = 3)]
    public RampedDosageType? RampedDosage { get; set; }

    [XmlElement("singleDose", Order = 4)]
    public SingleDoseType? SingleDose { get; set; }

    [XmlElement("unstructuredDosageInformation", Order = 5)]
    public UnstructuredDosageInformationType? UnstructuredDosageInformation { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 6)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "MaximumDosageType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class MaximumDosageType
{
    [XmlElement("frequencyDosage", Order = 0)]
    public FrequencyDosageType? FrequencyDosage { get; set; }

    [XmlElement("periodDosage", Order = 1)]
    public PeriodDosageType? PeriodDosage { get; set; }

    [XmlElement("occasionDosage", Order = 2)]
    public OccasionDosageType? OccasionDosage { get; set; }

    [XmlElement("rampedDosage", Order = 3)]
    public RampedDosageType? RampedDosage { get; set; }

    [XmlElement("singleDose", Order = 4)]
    public SingleDoseType? SingleDose { get; set; }

    [XmlElement("unstructuredDosageInformation", Order = 5)]
    public UnstructuredDosageInformationType? UnstructuredDosageInformation { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 6)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "ConditionalDosageType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class ConditionalDosageType
{
    [XmlElement("conditionDescription", Order = 0)]
    public string ConditionDescription { get; set; } = "";

    [XmlElement("frequencyDosage", Order = 1)]
    public FrequencyDosageType? FrequencyDosage { get; set; }

    [XmlElement("periodDosage", Order = 2)]
    public PeriodDosageType? PeriodDosage { get; set; }

    [XmlElement("occasionDosage", Order = 3)]
    public OccasionDosageType? OccasionDosage { get; set; }

    [XmlElement("rampedDosage", Order = 4)]
    public RampedDosageType? RampedDosage { get; set; }

    [XmlElement("singleDose", Order = 5)]
    public SingleDoseType? SingleDose { get; set; }

    [XmlElement("unstructuredDosageInformation", Order = 6)]
    public UnstructuredDosageInformationType? UnstructuredDosageInformation { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 7)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "FrequencyDosageType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class FrequencyDosageType
{
    [XmlElement("dose", Order = 0)]
    public PQIntervalType Dose { get; set; } = new();

    [XmlElement("frequency", Order = 1)]
    public PQType Frequency { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "SingleDoseType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class SingleDoseType
{
    [XmlElement("dose", Order = 0)]
    public PQIntervalType Dose { get; set; } = new();

    [XmlElement("time", Order = 1)]
    public string? Time { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "UnstructuredDosageInformationType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class UnstructuredDosageInformationType
{
    [XmlElement("text", Order = 0)]
    public string Text { get; set; } = "";

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "RampedDosageType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class RampedDosageType
{
    [XmlElement("doseStep", Order = 0)]
    public PQType DoseStep { get; set; } = new();

    [XmlElement("timeStep", Order = 1)]
    public PQType TimeStep { get; set; } = new();

    [XmlElement("rampStart", Order = 2)]
    public RampEndpointType RampStart { get; set; } = new();

    [XmlElement("rampEnd", Order = 3)]
    public RampEndpointType RampEnd { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 4)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "RampEndpointType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class RampEndpointType
{
    [XmlElement("frequencyDosage", Order = 0)]
    public FrequencyDosageType? FrequencyDosage { get; set; }

    [XmlElement("periodDosage", Order = 1)]
    public PeriodDosageType? PeriodDosage { get; set; }

    [XmlElement("occasionDosage", Order = 2)]
    public OccasionDosageType? OccasionDosage { get; set; }

    [XmlElement("singleDose", Order = 3)]
    public SingleDoseType? SingleDose { get; set; }

    [XmlElement("unstructuredDosageInformation", Order = 4)]
    public UnstructuredDosageInformationType? UnstructuredDosageInformation { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 5)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "PeriodDosageType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class PeriodDosageType
{
    [XmlElement("dose", Order = 0)]
    public PQIntervalType Dose { get; set; } = new();

    [XmlElement("period", Order = 1)]
    public PQType Period { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "OccasionDosageType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class OccasionDosageType
{
    [XmlElement("period", Order = 0)]
    public PQType Period { get; set; } = new();

    [XmlElement("administration", Order = 1)]
    public List<AdministrationOccurrenceType> Administration { get; set; } = [];

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "AdministrationOccurrenceType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class AdministrationOccurrenceType
{
    [XmlElement("dose", Order = 0)]
    public PQIntervalType Dose { get; set; } = new();

    [XmlElement("time", Order = 1)]
    public string? Time { get; set; }

    [XmlElement("dayOfPeriod", Order = 2)]
    public int DayOfPeriod { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>The drug: unstructured information, merchandise, article, drug or generics, and dosages.</summary>
[XmlType(TypeName = "DrugChoiceType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class DrugChoiceType
{
    [XmlElement("comment", Order = 0)]
    public string? Comment { get; set; }

    [XmlElement("unstructuredDrugInformation", Order = 1)]
    public UnstructuredDrugInformationType? UnstructuredDrugInformation { get; set; }

    [XmlElement("merchandise", Order = 2)]
    public MerchandiseType? Merchandise { get; set; }

    [XmlElement("drugArticle", Order = 3)]
    public DrugArticleType? DrugArticle { get; set; }

    [XmlElement("drug", Order = 4)]
    public DrugType? Drug { get; set; }

    [XmlElement("generics", Order = 5)]
    public GenericsType? Generics { get; set; }

    [XmlElement("dosage", Order = 6)]
    public List<DosageType> Dosage { get; set; } = [];

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 7)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "UnstructuredDrugInformationType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class UnstructuredDrugInformationType
{
    [XmlElement("unstructuredInformation", Order = 0)]
    public string UnstructuredInformation { get; set; } = "";

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "MerchandiseType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class MerchandiseType
{
    [XmlElement("articleNumber", Order = 0)]
    public CVType ArticleNumber { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "DrugArticleType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class DrugArticleType
{
    [XmlElement("nplPackId", Order = 0)]
    public CVType NplPackId { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "UnstructuredInformationType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class UnstructuredInformationType
{
    [XmlElement("articleNumber", Order = 0)]
    public CVType ArticleNumber { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 1)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "AdditionalPatientInformationType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class AdditionalPatientInformationType
{
    [XmlElement("dateOfBirth", Order = 0)]
    public string DateOfBirth { get; set; } = "";

    [XmlElement("gender", Order = 1)]
    public CVType? Gender { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "PQIntervalType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class PQIntervalType
{
    [XmlElement("low", Order = 0)]
    public double? Low { get; set; }

    public bool ShouldSerializeLow() => Low.HasValue;

    [XmlElement("high", Order = 1)]
    public double? High { get; set; }

    public bool ShouldSerializeHigh() => High.HasValue;

    [XmlElement("unit", Order = 2)]
    public string Unit { get; set; } = "";

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "TimePeriodType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class TimePeriodType
{
    [XmlElement("start", Order = 0)]
    public string? Start { get; set; }

    [XmlElement("end", Order = 1)]
    public string? End { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "LengthOfTreatmentType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class LengthOfTreatmentType
{
    [XmlElement("treatmentInterval", Order = 0)]
    public PQIntervalType TreatmentInterval { get; set; } = new();

    [XmlElement("isMaximumTreatmentTime", Order = 1)]
    public bool IsMaximumTreatmentTime { get; set; }
}

/// <summary>One medication record: header (document, source system, patient, author) and body (the prescription).</summary>
[XmlType(TypeName = "MedicationMedicalRecordType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class MedicationMedicalRecordType
{
    [XmlElement("medicationMedicalRecordHeader", Order = 0)]
    public PatientSummaryHeaderType MedicationMedicalRecordHeader { get; set; } = new();

    [XmlElement("medicationMedicalRecordBody", Order = 1)]
    public MedicationMedicalRecordBodyType MedicationMedicalRecordBody { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "MedicationMedicalRecordBodyType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class MedicationMedicalRecordBodyType
{
    [XmlElement("medicationPrescription", Order = 0)]
    public MedicationPrescriptionType MedicationPrescription { get; set; } = new();

    [XmlElement("additionalPatientInformation", Order = 1)]
    public AdditionalPatientInformationType? AdditionalPatientInformation { get; set; }

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>A prescription (ordination/förskrivning): type, status, reasons, prescriber, treatment period, drug, dispensation authorization, administrations; 2.1 adds relations.</summary>
[XmlType(TypeName = "MedicationPrescriptionType", Namespace = ActOutcomeNamespaces.Core)]
public sealed class MedicationPrescriptionType
{
    [XmlElement("prescriptionId", Order = 0)]
    public IIType PrescriptionId { get; set; } = new();

    [XmlElement("typeOfPrescription", Order = 1)]
    public TypeOfPrescriptionEnum TypeOfPrescription { get; set; }

    [XmlElement("prescriptionStatus", Order = 2)]
    public PrescriptionStatusEnum PrescriptionStatus { get; set; }

    [XmlElement("prescriptionNote", Order = 3)]
    public string? PrescriptionNote { get; set; }

    [XmlElement("principalPrescriptionReason", Order = 4)]
    public List<PrescriptionReasonType> PrincipalPrescriptionReason { get; set; } = [];

    [XmlElement("additionalPrescriptionReason", Order = 5)]
    public List<PrescriptionReasonType> AdditionalPrescriptionReason { get; set; } = [];

    [XmlElement("evaluationTime", Order = 6)]
    public string? EvaluationTime { get; set; }

    [XmlElement("treatmentPurpose", Order = 7)]
    public string? TreatmentPurpose { get; set; }

    [XmlElement("prescriptionChainId", Order = 8)]
    public IIType? PrescriptionChainId { get; set; }

    [XmlElement("precedingPrescriptionId", Order = 9)]
    public IIType? PrecedingPrescriptionId { get; set; }

    [XmlElement("succeedingPrescriptionId", Order = 10)]
    public IIType? SucceedingPrescriptionId { get; set; }

    [XmlElement("prescriber", Order = 11)]
    public HealthcareProfessionalType? Prescriber { get; set; }

    [XmlElement("evaluator", Order = 12)]
    public HealthcareProfessionalType? Evaluator { get; set; }

    [XmlElement("startOfFirstTreatment", Order = 13)]
    public string? StartOfFirstTreatment { get; set; }

    [XmlElement("startOfTreatment", Order = 14)]
    public string? StartOfTreatment { get; set; }

    [XmlElement("endOfTreatment", Order = 15)]
    public string? EndOfTreatment { get; set; }

    [XmlElement("endOfTreatmentReason", Order = 16)]
    public CVType? EndOfTreatmentReason { get; set; }

    [XmlElement("selfMedication", Order = 17)]
    public bool SelfMedication { get; set; }

    [XmlElement("drug", Order = 18)]
    public DrugChoiceType? Drug { get; set; }

    [XmlElement("dispensationAuthorization", Order = 19)]
    public DispensationAuthorizationType? DispensationAuthorization { get; set; }

    [XmlElement("administration", Order = 20)]
    public List<AdministrationType> Administration { get; set; } = [];

    /// <summary><c>m1:relation</c>, added in 2.1 (namespace <c>…:actoutcome:2.1</c>).</summary>
    [XmlElement("relation", Namespace = ActOutcomeNamespaces.Core21, Order = 21)]
    public List<RelationType> Relation { get; set; } = [];

    /// <summary>
    /// The 2.0 <c>xs:any namespace="##other"</c> extension point that 2.1 replaced with <c>relation</c>.
    /// Kept so 2.0 messages with extensions read without loss; leave it empty when writing 2.1.
    /// </summary>
    [XmlAnyElement(Order = 22)]
    public XmlElement[]? Any { get; set; }
}
