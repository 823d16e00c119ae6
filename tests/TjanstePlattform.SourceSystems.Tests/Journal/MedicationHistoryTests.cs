using System.ServiceModel;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;
using TjanstePlattform.SourceSystems.Tests.Support;

namespace TjanstePlattform.SourceSystems.Tests.Journal;

/// <summary>GetMedicationHistory 2 at the journal systems, through the router with a WCF consumer.</summary>
public class MedicationHistoryTests : DemoWorldFixture
{
    /// <summary>A consumer that is not a patient portal: it also gets records not approved for the patient.</summary>
    private const string Clinician = "SE2321000016-NPO-KONSUMENT";

    private Calls Calls => new(Platform);

    private static string[] Documents(GetMedicationHistoryResponse response) =>
        [.. response.GetMedicationHistoryResponseValue.MedicationMedicalRecord.Select(r => r.MedicationMedicalRecordHeader.DocumentId)];

    [Test]
    public async Task A_journal_system_answers_the_patients_records_with_result_OK_a_logId_and_no_ProcessingStatus()
    {
        var response = await Calls.MedicationHistoryAsync(Jrn1, Tolvan);

        var body = response.GetMedicationHistoryResponseValue;
        Assert.That(Documents(response), Is.EqualTo(new[] { "JRN1-LM-1002", "JRN1-LM-1003", "JRN1-LM-1001" }), "ordered by authorTime; JRN1-LM-1004 is not approved for the patient");
        Assert.That(body.Result.ResultCode, Is.EqualTo(ResultCodeEnum.OK));
        Assert.That(body.Result.LogId, Is.Not.Empty);
        Assert.That(response.ProcessingStatus, Is.Null, "only an aggregating service sends ProcessingStatus");
        Assert.That(body.MedicationMedicalRecord.Select(r => r.MedicationMedicalRecordHeader.SourceSystemHSAId), Is.All.EqualTo(Jrn1));
        Assert.That(body.MedicationMedicalRecord.Select(r => r.MedicationMedicalRecordHeader.PatientId.Id), Is.All.EqualTo(Tolvan));
        var metformin = body.MedicationMedicalRecord.Single(r => r.MedicationMedicalRecordHeader.DocumentId == "JRN1-LM-1001").MedicationMedicalRecordBody.MedicationPrescription;
        Assert.That(metformin.Drug!.Drug!.AtcCode!.Code, Is.EqualTo("A10BA02"));
        Assert.That(metformin.Prescriber!.HealthcareProfessionalCareUnitHSAId, Is.Null, "the contract test suite forbids care unit ids on the prescriber");
    }

    [Test]
    public async Task A_consumer_that_is_no_patient_portal_also_gets_records_not_approved_for_the_patient()
    {
        var response = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, originalConsumer: Clinician);

        Assert.That(Documents(response), Does.Contain("JRN1-LM-1004"));
    }

    [Test]
    public async Task A_patient_without_records_gets_an_empty_answer_with_result_OK()
    {
        var response = await Calls.MedicationHistoryAsync(Jrn1, Nils);

        Assert.That(response.GetMedicationHistoryResponseValue.MedicationMedicalRecord, Is.Empty);
        Assert.That(response.GetMedicationHistoryResponseValue.Result.ResultCode, Is.EqualTo(ResultCodeEnum.OK));
    }

    [TestCase("20230101", "20231231", new[] { "JRN1-LM-1001" })]
    [TestCase("20200101", "20201231", new[] { "JRN1-LM-1002" })]
    [TestCase("20220103", "20220103", new[] { "JRN1-LM-1003" }, Description = "an utsättning is the moment it was written; 1002 ended 2021-12-31, 1001 started 2023")]
    [TestCase(null, "20190228", new string[0])]
    [TestCase("20250101", null, new[] { "JRN1-LM-1001" })]
    public async Task DatePeriod_keeps_treatments_that_overlap_it(string? start, string? end, string[] expected)
    {
        var response = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, b => b.DatePeriod = new DatePeriodType { Start = start, End = end });

        Assert.That(Documents(response), Is.EquivalentTo(expected));
    }

    [Test]
    public async Task CareUnitHSAId_and_careGiverHSAId_keep_the_records_of_those_units()
    {
        var psychiatry = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, b => b.CareUnitHSAId.Add("SE2321000016-JRN1-PS01"), Clinician);
        var region = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, b => b.CareGiverHSAId.Add("SE2321000016-0001"), Clinician);
        var other = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, b => b.CareGiverHSAId.Add("SE2321000024-0001"), Clinician);

        Assert.That(Documents(psychiatry), Is.EqualTo(new[] { "JRN1-LM-1004" }));
        Assert.That(Documents(region), Has.Length.EqualTo(4));
        Assert.That(Documents(other), Is.Empty);
    }

    [Test]
    public async Task PrescriptionStatus_and_prescriptionChainId_filter_exactly()
    {
        var inactive = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, b => b.PrescriptionStatus = PrescriptionStatusEnum.Inactive);
        var chain = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, b => b.PrescriptionChainId = new IIType { Root = "1.2.752.129.2.1.4.1", Extension = "JRN1-KEDJA-2" });
        var otherRoot = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, b => b.PrescriptionChainId = new IIType { Root = "1.2.3", Extension = "JRN1-KEDJA-2" });

        Assert.That(Documents(inactive), Is.EquivalentTo(new[] { "JRN1-LM-1002", "JRN1-LM-1003" }));
        Assert.That(Documents(chain), Is.EquivalentTo(new[] { "JRN1-LM-1002", "JRN1-LM-1003" }));
        Assert.That(Documents(otherRoot), Is.Empty);
    }

    [Test]
    public async Task CareContactId_with_sourceSystemHSAId_keeps_that_care_contact()
    {
        var response = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, b =>
        {
            b.SourceSystemHSAId = Jrn1;
            b.CareContactId.Add("JRN1-VK-5001");
        });

        Assert.That(Documents(response), Is.EqualTo(new[] { "JRN1-LM-1001" }));
        Assert.That(response.GetMedicationHistoryResponseValue.Result.ResultCode, Is.EqualTo(ResultCodeEnum.OK));
    }

    [Test]
    public async Task A_sourceSystemHSAId_other_than_the_logical_address_is_an_INVALID_REQUEST()
    {
        var response = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, b => b.SourceSystemHSAId = Jrn2);

        var body = response.GetMedicationHistoryResponseValue;
        Assert.That(body.MedicationMedicalRecord, Is.Empty);
        Assert.That(body.Result.ResultCode, Is.EqualTo(ResultCodeEnum.ERROR));
        Assert.That(body.Result.ErrorCode, Is.EqualTo(ErrorCodeEnum.INVALID_REQUEST));
        Assert.That(body.Result.LogId, Is.Not.Empty);
        Assert.That(body.Result.Message, Does.Contain(Jrn2));
    }

    [Test]
    public async Task A_careContactId_without_sourceSystemHSAId_is_an_INVALID_REQUEST()
    {
        var response = await Calls.MedicationHistoryAsync(Jrn1, Tolvan, b => b.CareContactId.Add("JRN1-VK-5001"));

        Assert.That(response.GetMedicationHistoryResponseValue.Result.ErrorCode, Is.EqualTo(ErrorCodeEnum.INVALID_REQUEST));
        Assert.That(response.GetMedicationHistoryResponseValue.MedicationMedicalRecord, Is.Empty);
    }

    [Test]
    public async Task The_demo_consumer_is_not_authorized_for_the_private_journal_system()
    {
        var fault = await Assert.ThrowsAsync<FaultException>(() => Calls.MedicationHistoryAsync(Jrn4, Karin));

        Assert.That(fault!.Reason.GetMatchingTranslation().Text, Does.StartWith("VP007 [TJP]"));
    }

    [Test]
    public async Task The_contract_test_suite_system_answers_its_data_and_hides_unapproved_records_from_the_suites_consumer()
    {
        const string suite = "112233";
        var onlyPatient = await Calls.MedicationHistoryAsync(suite, "7601021212", originalConsumer: suite);
        var careUnit = await Calls.MedicationHistoryAsync(suite, "7601021212", b => b.CareUnitHSAId.Add("123465"), suite);
        var wrongAddress = await Calls.MedicationHistoryAsync("987654321", "7601021212", b =>
        {
            b.SourceSystemHSAId = suite;
            b.CareContactId.Add("1122334455");
        }, suite);
        var active = await Calls.MedicationHistoryAsync("987654321", "7601021212", b => b.PrescriptionStatus = PrescriptionStatusEnum.Active, suite);

        Assert.That(Documents(onlyPatient), Is.EquivalentTo(new[] { "774411", "774412", "5566770" }));
        Assert.That(Documents(careUnit), Is.EquivalentTo(new[] { "774411", "774412" }));
        Assert.That(wrongAddress.GetMedicationHistoryResponseValue.Result.ErrorCode, Is.EqualTo(ErrorCodeEnum.INVALID_REQUEST));
        Assert.That(Documents(active), Is.EquivalentTo(new[] { "774411", "5566770" }));
    }
}
