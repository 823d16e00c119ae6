using System.ServiceModel.Channels;

namespace TjanstePlattform.Contracts.Interoperability;

/// <summary>
/// The basic profile 2.1 receiver header <c>{urn:riv:itintegration:registry:1}LogicalAddress</c>
/// (logisk adress). Message contracts declare it as
/// <c>[MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]</c>;
/// <see cref="Create"/> builds it for callers that add headers by hand (OperationContextScope, raw Messages).
/// </summary>
public static class LogicalAddressHeader
{
    public const string Name = HeaderNamespaces.LogicalAddressElement;
    public const string Namespace = HeaderNamespaces.Registry;

    /// <summary>A header carrying <paramref name="logicalAddress"/> as its text.</summary>
    public static MessageHeader Create(string logicalAddress)
    {
        ArgumentNullException.ThrowIfNull(logicalAddress);
        return MessageHeader.CreateHeader(Name, Namespace, logicalAddress);
    }
}
