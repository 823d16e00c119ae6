namespace TjanstePlattform.Contracts.EngagementIndex;

/// <summary>
/// Namespaces and SOAP actions of the engagement index (engagemangsindex) contracts,
/// <c>itintegration:engagementindex</c> 1.0, basic profile 2.1.
/// </summary>
public static class EngagementIndexNamespaces
{
    /// <summary>Core components: <c>EngagementType</c>, <c>EngagementTransactionType</c>, <c>ResultCodeEnum</c>.</summary>
    public const string Core = "urn:riv:itintegration:engagementindex:1";

    /// <summary>The basic profile 2.1 receiver header namespace (<c>LogicalAddress</c>).</summary>
    public const string Registry = "urn:riv:itintegration:registry:1";

    public const string UpdateResponder = "urn:riv:itintegration:engagementindex:UpdateResponder:1";
    public const string ProcessNotificationResponder = "urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1";
    public const string FindContentResponder = "urn:riv:itintegration:engagementindex:FindContentResponder:1";
    public const string GetUpdatesResponder = "urn:riv:itintegration:engagementindex:GetUpdatesResponder:1";

    /// <summary>The WSDL <c>soapAction</c>s (informative only: RIVTA never routes on SOAPAction).</summary>
    public const string UpdateAction = UpdateResponder + ":Update";
    public const string ProcessNotificationAction = ProcessNotificationResponder + ":ProcessNotification";
    public const string FindContentAction = FindContentResponder + ":FindContent";
    public const string GetUpdatesAction = GetUpdatesResponder + ":GetUpdates";

    /// <summary>Root elements of the request and response bodies.</summary>
    public const string UpdateElement = "Update";
    public const string UpdateResponseElement = "UpdateResponse";
    public const string ProcessNotificationElement = "ProcessNotification";
    public const string ProcessNotificationResponseElement = "ProcessNotificationResponse";
    public const string FindContentElement = "FindContent";
    public const string FindContentResponseElement = "FindContentResponse";
    public const string GetUpdatesElement = "GetUpdates";
    public const string GetUpdatesResponseElement = "GetUpdatesResponse";
}
