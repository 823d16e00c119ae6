using System.Xml;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;

namespace TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;

[XmlType(TypeName = "GetMedicationHistoryType", Namespace = ActOutcomeNamespaces.GetMedicationHistoryResponder)]
public sealed class GetMedicationHistoryType
{
    [XmlElement("careUnitHSAId", Order = 0)]
    public List<string> CareUnitHSAId { get; set; } = [];

    [XmlElement("careGiverHSAId", Order = 1)]
    public List<string> CareGiverHSAId { get; set; } = [];

    [XmlElement("patientId", Order = 2)]
    public PersonIdType PatientId { get; set; } = new();

    [XmlElement("datePeriod", Order = 3)]
    public DatePeriodType? DatePeriod { get; set; }

    [XmlElement("sourceSystemHSAId", Order = 4)]
    public string? SourceSystemHSAId { get; set; }

    [XmlElement("careContactId", Order = 5)]
    public List<string> CareContactId { get; set; } = [];

    [XmlElement("prescriptionChainId", Order = 6)]
    public IIType? PrescriptionChainId { get; set; }

    [XmlElement("prescriptionStatus", Order = 7)]
    public PrescriptionStatusEnum? PrescriptionStatus { get; set; }

    public bool ShouldSerializePrescriptionStatus() => PrescriptionStatus.HasValue;

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 8)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(TypeName = "GetMedicationHistoryResponseType", Namespace = ActOutcomeNamespaces.GetMedicationHistoryResponder)]
public sealed class GetMedicationHistoryResponseType
{
    [XmlElement("medicationMedicalRecord", Order = 0)]
    public List<MedicationMedicalRecordType> MedicationMedicalRecord { get; set; } = [];

    [XmlElement("result", Order = 1)]
    public ResultType Result { get; set; } = new();

    /// <summary><c>xs:any</c> extension point.</summary>
    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}
