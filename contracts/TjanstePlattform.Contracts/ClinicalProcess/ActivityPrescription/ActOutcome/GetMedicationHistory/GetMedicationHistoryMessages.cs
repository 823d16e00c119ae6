using System.ServiceModel;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;

/// <summary>
/// The GetMedicationHistory request: the <c>LogicalAddress</c> header (the source system, or
/// <c>5565594230</c> for the national aggregating service) and the <c>GetMedicationHistory</c> body.
/// </summary>
[MessageContract(IsWrapped = false)]
public sealed class GetMedicationHistoryRequest
{
    public GetMedicationHistoryRequest()
    {
    }

    public GetMedicationHistoryRequest(string logicalAddress, GetMedicationHistoryType body)
    {
        LogicalAddress = logicalAddress;
        GetMedicationHistory = body;
    }

    /// <summary>Receiver (logisk adress).</summary>
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Name = "GetMedicationHistory", Namespace = ActOutcomeNamespaces.GetMedicationHistoryResponder, Order = 0)]
    public GetMedicationHistoryType GetMedicationHistory { get; set; } = new();
}

/// <summary>
/// The GetMedicationHistory response. An aggregating service adds a <c>ProcessingStatus</c> header
/// (one record per source system); a plain producer leaves it out.
/// </summary>
[MessageContract(IsWrapped = false)]
public sealed class GetMedicationHistoryResponse
{
    public GetMedicationHistoryResponse()
    {
    }

    public GetMedicationHistoryResponse(GetMedicationHistoryResponseType body, ProcessingStatusType? processingStatus = null)
    {
        GetMedicationHistoryResponseValue = body;
        ProcessingStatus = processingStatus;
    }

    [MessageHeader(Name = HeaderNamespaces.ProcessingStatusElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
    public ProcessingStatusType? ProcessingStatus { get; set; }

    [MessageBodyMember(Name = "GetMedicationHistoryResponse", Namespace = ActOutcomeNamespaces.GetMedicationHistoryResponder, Order = 0)]
    public GetMedicationHistoryResponseType GetMedicationHistoryResponseValue { get; set; } = new();
}
