namespace TjanstePlattform.Contracts.RequestStatus;

/// <summary>Namespaces of the service domain <c>crm:requeststatus</c> 1 (remisstatus for 1177).</summary>
public static class RequestStatusNamespaces
{
    /// <summary>Core components.</summary>
    public const string Core = "urn:riv:crm:requeststatus:1";

    /// <summary>The GetRequestActivities 1 responder namespace: the service contract key in the catalog.</summary>
    public const string GetRequestActivitiesResponder = "urn:riv:crm:requeststatus:GetRequestActivitiesResponder:1";

    /// <summary>The WSDL target namespace of the RIVTA BP 2.1 interaction.</summary>
    public const string GetRequestActivitiesInteraction = "urn:riv:crm:requeststatus:GetRequestActivities:1:rivtabp21";

    /// <summary>The interaction's SOAPAction.</summary>
    public const string GetRequestActivitiesAction = GetRequestActivitiesResponder + ":GetRequestActivities";
}
