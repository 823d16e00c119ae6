using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TjanstePlattform.Routing.Headers;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Platform;

namespace TjanstePlattform.Routing.Identity;

/// <summary>
/// Who is calling (the service consumer's HSA-id). HTTPS: the client certificate's subject SERIALNUMBER;
/// plain HTTP: a whitelisted peer's <c>x-vp-sender-id</c>.
/// </summary>
internal sealed class SenderIdentification(IOptionsMonitor<RoutingOptions> routing, IOptions<PlatformOptions> platform)
{
    /// <summary>OID of the subject attribute SERIALNUMBER, where Swedish e-service certificates carry the HSA-id.</summary>
    public const string SerialNumberOid = "2.5.4.5";

    public (string? Sender, VpFault? Fault) Identify(HttpContext context)
    {
        if (context.Request.IsHttps)
        {
            // On TLS the certificate decides; x-vp-sender-id is ignored.
            var certificate = context.Connection.ClientCertificate;
            if (certificate is null)
            {
                return (null, VpFaults.NoSenderId("No client certificate was presented."));
            }

            var fromCertificate = SenderFromCertificate(certificate);
            return fromCertificate is null
                ? (null, VpFaults.NoSenderId($"Subject: {certificate.Subject}"))
                : (fromCertificate, null);
        }

        var options = routing.CurrentValue;
        var peer = PeerAddress(context.Connection.RemoteIpAddress);
        if (!IsWhitelisted(peer, options.EffectiveIpWhitelist))
        {
            return (null, VpFaults.NotOnWhitelist(peer));
        }

        var headers = context.Request.Headers;
        var trusted = !options.RequireInstanceId
            || string.Equals(headers[RivtaHeaders.InstanceId].ToString(), platform.Value.InstanceId, StringComparison.Ordinal);
        var sender = trusted ? headers[RivtaHeaders.SenderId].ToString() : string.Empty;
        if (string.IsNullOrWhiteSpace(sender))
        {
            return (null, VpFaults.NoSenderId(trusted
                ? $"No {RivtaHeaders.SenderId} header on a plain HTTP call."
                : $"{RivtaHeaders.SenderId} is only trusted together with {RivtaHeaders.InstanceId} of this platform."));
        }

        return (sender.Trim(), null);
    }

    /// <summary>Reads SERIALNUMBER (2.5.4.5) from the subject, decoding hex-encoded values (<c>#13…</c>).</summary>
    public static string? SenderFromCertificate(X509Certificate2 certificate)
    {
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == SerialNumberOid)
            {
                var value = rdn.GetSingleElementValue();
                return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            }
        }

        return null;
    }

    private static string PeerAddress(IPAddress? address)
    {
        if (address is null)
        {
            return string.Empty;
        }

        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
    }

    private static bool IsWhitelisted(string peer, IReadOnlyList<string> whitelist)
    {
        // Prefix match as on the reference platform. An empty list admits nobody (the reference behaves so
        // although its documentation claims the opposite).
        foreach (var prefix in whitelist)
        {
            if (!string.IsNullOrWhiteSpace(prefix) && peer.StartsWith(prefix.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
