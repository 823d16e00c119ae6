using System.Xml.Serialization;
using TjanstePlattform.Contracts.EngagementIndex;

namespace TjanstePlattform.EngagementIndex.Soap;

/// <summary>Prefixes of the index's answers: the responder namespace as default, the core namespace as <c>ns2</c>.</summary>
internal static class WireNamespaces
{
    public static readonly XmlSerializerNamespaces Update = Create(EngagementIndexNamespaces.UpdateResponder);
    public static readonly XmlSerializerNamespaces ProcessNotification = Create(EngagementIndexNamespaces.ProcessNotificationResponder);
    public static readonly XmlSerializerNamespaces FindContent = Create(EngagementIndexNamespaces.FindContentResponder);
    public static readonly XmlSerializerNamespaces GetUpdates = Create(EngagementIndexNamespaces.GetUpdatesResponder);

    private static XmlSerializerNamespaces Create(string responder)
    {
        var namespaces = new XmlSerializerNamespaces();
        namespaces.Add("", responder);
        namespaces.Add("ns2", EngagementIndexNamespaces.Core);
        return namespaces;
    }
}
