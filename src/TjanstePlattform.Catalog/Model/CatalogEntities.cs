using System.Text.RegularExpressions;

namespace TjanstePlattform.Catalog.Model;

/// <summary>A service component (tjänstekomponent): a producer or consumer system, named by its HSA-id.</summary>
public sealed record ServiceComponent(long Id, string HsaId, string? Description);

/// <summary>
/// A service contract (tjänstekontrakt), keyed by its responder namespace. <see cref="Major"/> and
/// <see cref="Minor"/> are derived from the namespace (<c>…Responder:2</c> → 2.0) unless given.
/// </summary>
public sealed record ServiceContractDefinition(long Id, string Namespace, int Major, int Minor, string? Description);

/// <summary>A logical address (logisk adress); <c>*</c> is the default address of a routing or authorization.</summary>
public sealed record LogicalAddressDefinition(long Id, string HsaId, string? Description);

/// <summary>Rules on service contract namespaces.</summary>
public static partial class ServiceContractNames
{
    /// <summary>
    /// The version the namespace carries: <c>urn:riv:…:GetXResponder:2</c> → (2, 0), <c>…:2.1</c> → (2, 1),
    /// <c>urn:skl:tp:vagvalsinfo:v2</c> → (2, 0); null when it ends in no version.
    /// </summary>
    public static (int Major, int Minor)? VersionOf(string serviceContractNamespace)
    {
        var match = VersionSuffix().Match(serviceContractNamespace);
        if (!match.Success || !int.TryParse(match.Groups["major"].Value, out var major))
        {
            return null;
        }

        var minor = match.Groups["minor"].Success && int.TryParse(match.Groups["minor"].Value, out var m) ? m : 0;
        return (major, minor);
    }

    /// <summary>True for a URN (<c>urn:nid:nss</c>) or absolute URI without whitespace: the shape a namespace must have.</summary>
    public static bool IsWellFormed(string serviceContractNamespace) =>
        serviceContractNamespace.Length <= 512
        && !serviceContractNamespace.Any(char.IsWhiteSpace)
        && (UrnShape().IsMatch(serviceContractNamespace)
            || (Uri.TryCreate(serviceContractNamespace, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"));

    [GeneratedRegex(@":v?(?<major>\d{1,6})(\.(?<minor>\d{1,6}))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VersionSuffix();

    [GeneratedRegex(@"^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrnShape();
}
