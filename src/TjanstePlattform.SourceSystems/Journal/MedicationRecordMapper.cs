using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;
using TjanstePlattform.SourceSystems.DemoWorld;

namespace TjanstePlattform.SourceSystems.Journal;

/// <summary>
/// A data-file medication record as a full <see cref="MedicationMedicalRecordType"/>, shaped to pass the official
/// contract test suite's Schematron rules (constraints.xml): no documentTime/nullified/nullifiedReason; coded values with
/// code, codeSystem and displayName; a prescriber (without care unit/care giver ids) unless self-medication;
/// startOfTreatment and drug only for an insättning (I). The care unit and care giver the filters work on sit on
/// the header's accountableHealthcareProfessional.
/// </summary>
internal static class MedicationRecordMapper
{
    public const string Personnummer = "1.2.752.129.2.1.3.1";
    public const string Samordningsnummer = "1.2.752.129.2.1.3.3";

    /// <summary>
    /// Each record mapped once: journal data is fixed for the life of the process, and an answer only reads what it is
    /// given (serialized, never changed), so every call shares the one contract object per record.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MedicationRecordData, MedicationMedicalRecordType> Mapped = new();

    public static MedicationMedicalRecordType Map(JournalSystemData system, MedicationRecordData record)
    {
        if (!Mapped.TryGetValue(record, out var mapped))
        {
            mapped = Create(system, record);
            Mapped.AddOrUpdate(record, mapped);
        }

        return mapped;
    }

    private static MedicationMedicalRecordType Create(JournalSystemData system, MedicationRecordData record)
    {
        var insertion = record.TypeOfPrescription == "I";
        return new MedicationMedicalRecordType
        {
            MedicationMedicalRecordHeader = new PatientSummaryHeaderType
            {
                DocumentId = record.DocumentId,
                SourceSystemHSAId = system.HsaId,
                DocumentTitle = record.DocumentTitle ?? "Läkemedelsordination",
                PatientId = new PersonIdType { Id = record.PatientId, Type = record.PatientIdType ?? PersonIdTypeOf(record.PatientId) },
                AccountableHealthcareProfessional = new HealthcareProfessionalType
                {
                    AuthorTime = record.AuthorTime,
                    HealthcareProfessionalHSAId = record.Professional.HsaId,
                    HealthcareProfessionalName = record.Professional.Name,
                    HealthcareProfessionalOrgUnit = new OrgUnitType { OrgUnitHSAId = record.CareUnit.HsaId, OrgUnitName = record.CareUnit.Name },
                    HealthcareProfessionalCareUnitHSAId = record.CareUnit.HsaId,
                    HealthcareProfessionalCareGiverHSAId = record.CareGiver.HsaId,
                },
                LegalAuthenticator = new LegalAuthenticatorType
                {
                    SignatureTime = record.AuthorTime,
                    LegalAuthenticatorHSAId = record.Professional.HsaId,
                    LegalAuthenticatorName = record.Professional.Name,
                },
                ApprovedForPatient = record.ApprovedForPatient,
                CareContactId = record.CareContactId,
            },
            MedicationMedicalRecordBody = new MedicationMedicalRecordBodyType
            {
                MedicationPrescription = new MedicationPrescriptionType
                {
                    PrescriptionId = new IIType { Root = system.IdRoot, Extension = record.PrescriptionId },
                    TypeOfPrescription = insertion ? TypeOfPrescriptionEnum.I : TypeOfPrescriptionEnum.U,
                    PrescriptionStatus = record.PrescriptionStatus == "Active" ? PrescriptionStatusEnum.Active : PrescriptionStatusEnum.Inactive,
                    PrescriptionNote = record.PrescriptionNote,
                    PrincipalPrescriptionReason = record.Reason is { } reason ? [new PrescriptionReasonType { Reason = Code(reason) }] : [],
                    TreatmentPurpose = record.TreatmentPurpose,
                    PrescriptionChainId = record.PrescriptionChainId is { } chain ? new IIType { Root = system.IdRoot, Extension = chain } : null,
                    Prescriber = record.SelfMedication && record.Professional.HsaId is null && record.Professional.Name is null
                        ? null
                        : new HealthcareProfessionalType
                        {
                            AuthorTime = record.AuthorTime,
                            HealthcareProfessionalHSAId = record.Professional.HsaId,
                            HealthcareProfessionalName = record.Professional.Name,
                        },
                    StartOfTreatment = record.StartOfTreatment,
                    EndOfTreatment = record.EndOfTreatment,
                    SelfMedication = record.SelfMedication,
                    Drug = insertion && record.Drug is { } drug ? Drug(record, drug) : null,
                },
            },
        };
    }

    /// <summary>Samordningsnummer have 60 added to the day of birth.</summary>
    public static string PersonIdTypeOf(string id) =>
        id.Length == 12 && int.TryParse(id.AsSpan(6, 2), out var day) && day > 60 ? Samordningsnummer : Personnummer;

    private static DrugChoiceType Drug(MedicationRecordData record, DrugData drug) => new()
    {
        Drug = new DrugType
        {
            NplId = Code(drug.NplId),
            AtcCode = drug.AtcCode is { } atc ? Code(atc) : null,
            PharmaceuticalForm = drug.PharmaceuticalForm,
            Strength = drug.Strength,
            StrengthUnit = drug.StrengthUnit,
        },
        Dosage = record.DosageInstruction is null && record.ShortNotation is null
            ? []
            : [new DosageType { DosageInstruction = record.DosageInstruction, ShortNotation = record.ShortNotation }],
    };

    private static CVType Code(CodeData code) => new() { Code = code.Code, CodeSystem = code.CodeSystem, DisplayName = code.DisplayName };
}
