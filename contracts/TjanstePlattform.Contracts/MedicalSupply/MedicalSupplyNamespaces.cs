namespace TjanstePlattform.Contracts.MedicalSupply;

/// <summary>
/// Namespace URIs and SOAP actions of crm:selfservice:medicalsupply 1.0 (beställning av läkemedelsnära
/// produkter / förbrukningsartiklar), basic profile 2.1. A regional contract: no engagement index, no aggregation.
/// </summary>
public static class MedicalSupplyNamespaces
{
    /// <summary>Domain core types (OrderType, PrescriptionItemType, the Swedish enumerations, …).</summary>
    public const string Core = "urn:riv:crm:selfservice:medicalsupply:1";

    public const string GetMedicalSupplyPrescriptionsResponder = "urn:riv:crm:selfservice:medicalsupply:GetMedicalSupplyPrescriptionsResponder:1";
    public const string GetMedicalSupplyDeliveryPointsResponder = "urn:riv:crm:selfservice:medicalsupply:GetMedicalSupplyDeliveryPointsResponder:1";
    public const string RegisterMedicalSupplyOrderResponder = "urn:riv:crm:selfservice:medicalsupply:RegisterMedicalSupplyOrderResponder:1";

    /// <summary>SOAP actions exactly as the 1.0 WSDLs declare them (the router never routes on them).</summary>
    public static class Actions
    {
        public const string GetMedicalSupplyPrescriptions = GetMedicalSupplyPrescriptionsResponder + ":GetMedicalSupplyPrescriptions";
        public const string GetMedicalSupplyDeliveryPoints = GetMedicalSupplyDeliveryPointsResponder + ":GetMedicalSupplyDeliveryPoints";
        public const string RegisterMedicalSupplyOrder = RegisterMedicalSupplyOrderResponder + ":RegisterMedicalSupplyOrder";
    }
}
