namespace TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;

/// <summary>
/// Namespaces of the service domain <c>clinicalprocess:activityprescription:actoutcome</c> 2
/// (läkemedel: ordinationer, förskrivningar och administreringar).
/// </summary>
public static class ActOutcomeNamespaces
{
    /// <summary>Core components, major version 2.</summary>
    public const string Core = "urn:riv:clinicalprocess:activityprescription:actoutcome:2";

    /// <summary>Minor-version additions of 2.1 (the <c>relation</c> element).</summary>
    public const string Core21 = "urn:riv:clinicalprocess:activityprescription:actoutcome:2.1";

    /// <summary>Code lists (result codes, prescription type and status …).</summary>
    public const string Enums = "urn:riv:clinicalprocess:activityprescription:actoutcome:enums:2";

    /// <summary>The GetMedicationHistory 2 responder namespace: the service contract key in the catalog.</summary>
    public const string GetMedicationHistoryResponder = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";

    /// <summary>The WSDL target namespace of the RIVTA BP 2.1 interaction.</summary>
    public const string GetMedicationHistoryInteraction = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistory:2:rivtabp21";

    /// <summary>The interaction's SOAPAction.</summary>
    public const string GetMedicationHistoryAction = GetMedicationHistoryResponder + ":GetMedicationHistory";
}
