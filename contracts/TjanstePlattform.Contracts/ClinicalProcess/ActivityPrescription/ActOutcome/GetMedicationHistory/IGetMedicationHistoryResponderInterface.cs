using System.ServiceModel;

namespace TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;

/// <summary>
/// GetMedicationHistory 2 (RIVTA BP 2.1): a patient's prescribed, dispensed and administered medication.
/// Usable by a System.ServiceModel client (ChannelFactory) and by a SoapCore endpoint alike.
/// </summary>
[ServiceContract(Namespace = ActOutcomeNamespaces.GetMedicationHistoryResponder, Name = "GetMedicationHistoryResponderInterface")]
[XmlSerializerFormat]
public interface IGetMedicationHistoryResponderInterface
{
    [OperationContract(Name = "GetMedicationHistory", Action = ActOutcomeNamespaces.GetMedicationHistoryAction, ReplyAction = "*")]
    [XmlSerializerFormat]
    Task<GetMedicationHistoryResponse> GetMedicationHistoryAsync(GetMedicationHistoryRequest request);
}
