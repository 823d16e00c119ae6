using System.Collections.Concurrent;
using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Conformance.Tests.ClinicalProcess;

/// <summary>A System.ServiceModel client and a SoapCore endpoint, both built from the project's GetMedicationHistory types.</summary>
public class GetMedicationHistoryWcfTests
{
    [Test]
    public async Task A_wcf_client_calls_a_soapcore_producer_with_headers_and_records_intact()
    {
        var producer = new Producer();
        await using var server = await SoapCoreServer<IGetMedicationHistoryResponderInterface>.StartAsync(producer, "/GetMedicationHistory/2/rivtabp21");
        var client = server.CreateClient();
        try
        {
            var response = await client.GetMedicationHistoryAsync(new GetMedicationHistoryRequest("5565594230", new GetMedicationHistoryType
            {
                PatientId = new PersonIdType { Id = "191212121212", Type = "1.2.752.129.2.1.3.1" },
                DatePeriod = new DatePeriodType { Start = "20200101", End = "20301231" },
                PrescriptionStatus = PrescriptionStatusEnum.Active,
                CareUnitHSAId = { "SE2321000016-A1", "SE2321000016-A2" },
            }));

            // The request arrived with its LogicalAddress header and every filter.
            var received = producer.Received.Single();
            Assert.That(received.LogicalAddress, Is.EqualTo("5565594230"));
            Assert.That(received.GetMedicationHistory.PatientId.Id, Is.EqualTo("191212121212"));
            Assert.That(received.GetMedicationHistory.PrescriptionStatus, Is.EqualTo(PrescriptionStatusEnum.Active));
            Assert.That(received.GetMedicationHistory.CareUnitHSAId, Is.EqualTo(new[] { "SE2321000016-A1", "SE2321000016-A2" }));
            Assert.That(received.GetMedicationHistory.DatePeriod!.End, Is.EqualTo("20301231"));

            // The response came back with its ProcessingStatus header and records.
            var status = response.ProcessingStatus!.ProcessingStatusList;
            Assert.That(status.Select(s => (s.LogicalAddress, s.StatusCode)), Is.EqualTo(new[]
            {
                ("SE2321000016-JRN1", StatusCodeEnum.DataFromSource),
                ("SE2321000016-JRN2", StatusCodeEnum.NoDataSynchFailed),
            }));
            Assert.That(status[1].LastUnsuccessfulSynchError!.CausingAgent, Is.EqualTo(CausingAgentEnum.ServiceProducer));
            Assert.That(status[1].LastUnsuccessfulSynchError!.Text, Is.EqualTo("Timeout efter 27 s – åäö"));
            var record = response.GetMedicationHistoryResponseValue.MedicationMedicalRecord.Single();
            Assert.That(record.MedicationMedicalRecordBody.MedicationPrescription.Drug!.Comment, Is.EqualTo("Alvedon 500 mg – vid behov"));
            Assert.That(record.MedicationMedicalRecordBody.MedicationPrescription.Relation.Single().Code.Code, Is.EqualTo("DISP"));
            Assert.That(response.GetMedicationHistoryResponseValue.Result.ResultCode, Is.EqualTo(ResultCodeEnum.INFO));

            // And both messages on the wire are valid against the official schemas, headers included.
            var official = SchemaTree.Official("clinicalprocess_activityprescription_actoutcome_2.1.5");
            var request = SoapEnvelope.Parse(server.Wire.Request);
            SchemaValidation.AssertValid(official, request.BodyRoot, "request on the wire");
            SchemaValidation.AssertValid(official, request.Header(System.Xml.Linq.XName.Get(LogicalAddressHeader.Name, LogicalAddressHeader.Namespace))!, "LogicalAddress on the wire");
            var wireResponse = SoapEnvelope.Parse(server.Wire.Response);
            SchemaValidation.AssertValid(official, wireResponse.BodyRoot, "response on the wire");
            SchemaValidation.AssertValid(SchemaTree.OfficialFile("crm_requeststatus_1.0.1", "core_components", "interoperability_headers_1.0.xsd"),
                wireResponse.Header(System.Xml.Linq.XName.Get(HeaderNamespaces.ProcessingStatusElement, HeaderNamespaces.InteroperabilityHeaders))!, "ProcessingStatus on the wire");
        }
        finally
        {
            WcfChannels.CloseQuietly(client);
        }
    }

    private sealed class Producer : IGetMedicationHistoryResponderInterface
    {
        public ConcurrentQueue<GetMedicationHistoryRequest> Received { get; } = new();

        public Task<GetMedicationHistoryResponse> GetMedicationHistoryAsync(GetMedicationHistoryRequest request)
        {
            Received.Enqueue(request);
            var body = new GetMedicationHistoryResponseType
            {
                MedicationMedicalRecord =
                {
                    new MedicationMedicalRecordType
                    {
                        MedicationMedicalRecordHeader = new PatientSummaryHeaderType
                        {
                            DocumentId = "D1",
                            SourceSystemHSAId = "SE2321000016-JRN1",
                            PatientId = request.GetMedicationHistory.PatientId,
                            AccountableHealthcareProfessional = new HealthcareProfessionalType { AuthorTime = "20240101120000", HealthcareProfessionalName = "Doktor Åsa Öberg" },
                            ApprovedForPatient = true,
                        },
                        MedicationMedicalRecordBody = new MedicationMedicalRecordBodyType
                        {
                            MedicationPrescription = new MedicationPrescriptionType
                            {
                                PrescriptionId = new IIType { Root = "1.2.752.129.2.1.2.1", Extension = "RX1" },
                                TypeOfPrescription = TypeOfPrescriptionEnum.I,
                                PrescriptionStatus = PrescriptionStatusEnum.Active,
                                SelfMedication = false,
                                Drug = new DrugChoiceType
                                {
                                    Comment = "Alvedon 500 mg – vid behov",
                                    Drug = new DrugType { NplId = new CVType { Code = "19750101000011" }, Strength = 500, StrengthUnit = "mg" },
                                },
                                Relation =
                                {
                                    new RelationType
                                    {
                                        Code = new CVType { Code = "DISP" },
                                        ReferredInformation =
                                        {
                                            new RelationReferredInformationType
                                            {
                                                Id = new IIType { Root = "1.2.4" },
                                                Type = new CVType { Code = "DISPENSATION" },
                                                InformationOwner = new InformationOwnerType { Id = new IIType { Root = "SE2" } },
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
                Result = new ResultType { ResultCode = ResultCodeEnum.INFO, LogId = "L1", Message = "Svar saknas från SE2321000016-JRN2" },
            };
            var status = new ProcessingStatusType
            {
                ProcessingStatusList =
                {
                    new ProcessingStatusRecordType
                    {
                        LogicalAddress = "SE2321000016-JRN1", StatusCode = StatusCodeEnum.DataFromSource,
                        IsResponseFromCache = false, IsResponseInSynch = true, LastSuccessfulSynch = "20240101120000",
                    },
                    new ProcessingStatusRecordType
                    {
                        LogicalAddress = "SE2321000016-JRN2", StatusCode = StatusCodeEnum.NoDataSynchFailed,
                        IsResponseFromCache = false, IsResponseInSynch = false, LastUnsuccessfulSynch = "20240101120000",
                        LastUnsuccessfulSynchError = new LastUnsuccessfulSynchErrorType
                        {
                            CausingAgent = CausingAgentEnum.ServiceProducer, Code = "VP009", Text = "Timeout efter 27 s – åäö",
                        },
                    },
                },
            };
            return Task.FromResult(new GetMedicationHistoryResponse(body, status));
        }
    }
}
