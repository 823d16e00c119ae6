using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TjanstePlattform.Routing.Headers;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Platform;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Routing.Identity;

/// <summary>
/// Who is calling (the service consumer's HSA-id). HTTPS: the client certificate's subject SERIALNUMBER;
/// plain HTTP: a whitelisted peer's <c>x-vp-sender-id</c>.
/// </summary>
internal sealed class SenderIdentification(IOptionsMonitor<RoutingOptions> routing, IOptions<PlatformOptions> platform) : IConsumerIdentification
{
    /// <summary>OID of the subject attribute SERIALNUMBER, where Swedish e-service certificates carry the HSA-id.</summary>
    public const string SerialNumberOid = "2.5.4.5";

    private static readonly string DefaultSenderIdOid = new RouterHttpsOptions().SenderIdOid;

    public (string? Sender, VpFault? Fault) Identify(HttpContext context)
    {
        var options = routing.CurrentValue;
        var oid = options.Https?.SenderIdOid ?? DefaultSenderIdOid;
        if (context.Request.IsHttps)
        {
            // On TLS the certificate decides; x-vp-sender-id is ignored.
            var certificate = context.Connection.ClientCertificate;
            if (certificate is null)
            {
                return (null, VpFaults.NoSenderId("No client certificate was presented."));
            }

            var fromCertificate = SenderFromCertificate(certificate, oid);
            return fromCertificate is null
                ? (null, VpFaults.NoSenderId($"Subject: {certificate.Subject}"))
                : (fromCertificate, null);
        }

        var peer = PeerAddress(context.Connection.RemoteIpAddress);
        if (!IsWhitelisted(peer, options.EffectiveIpWhitelist))
        {
            return (null, VpFaults.NotOnWhitelist(peer));
        }

        var headers = context.Request.Headers;
        var trusted = !options.RequireInstanceId
            || string.Equals(headers[RivtaHeaders.InstanceId].ToString(), platform.Value.InstanceId, StringComparison.Ordinal);
        var sender = trusted ? headers[RivtaHeaders.SenderId].ToString() : string.Empty;
        if (!string.IsNullOrWhiteSpace(sender))
        {
            return (sender.Trim(), null);
        }

        // A TLS-terminating proxy in front may pass the consumer's certificate instead (PEM), as on the reference.
        var forwardedCertificate = headers[RivtaHeaders.AuthCert].ToString();
        if (!string.IsNullOrWhiteSpace(forwardedCertificate))
        {
            try
            {
                using var certificate = X509Certificate2.CreateFromPem(forwardedCertificate.Replace("\\n", "\n"));
                var fromCertificate = SenderFromCertificate(certificate, oid);
                return fromCertificate is null
                    ? (null, VpFaults.NoSenderId($"Subject: {certificate.Subject}"))
                    : (fromCertificate, null);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                return (null, VpFaults.NoSenderId($"The certificate in {RivtaHeaders.AuthCert} could not be read: {ex.Message}"));
            }
        }

        return (null, VpFaults.NoSenderId(trusted
            ? $"No {RivtaHeaders.SenderId} header on a plain HTTP call."
            : $"{RivtaHeaders.SenderId} is only trusted together with {RivtaHeaders.InstanceId} of this platform."));
    }

    /// <summary>Reads the sender attribute (default SERIALNUMBER, 2.5.4.5) from the subject; hex-encoded values (<c>#13…</c>) are decoded.</summary>
    public static string? SenderFromCertificate(X509Certificate2 certificate, string oid = SerialNumberOid)
    {
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == oid)
            {
                var value = rdn.GetSingleElementValue();
                if (value is { Length: > 1 } && value[0] == '#')
                {
                    value = DecodeHexValue(value[1..]);
                }

                return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            }
        }

        return null;
    }

    /// <summary>A DN value written as <c>#</c> + hex of its DER encoding (tag, length, bytes).</summary>
    private static string? DecodeHexValue(string hex)
    {
        try
        {
            var der = Convert.FromHexString(hex);
            var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.BER);
            return reader.ReadCharacterString(reader.PeekTag().TagValue switch
            {
                12 => System.Formats.Asn1.UniversalTagNumber.UTF8String,
                19 => System.Formats.Asn1.UniversalTagNumber.PrintableString,
                22 => System.Formats.Asn1.UniversalTagNumber.IA5String,
                _ => System.Formats.Asn1.UniversalTagNumber.UTF8String,
            });
        }
        catch (Exception ex) when (ex is FormatException or System.Formats.Asn1.AsnContentException)
        {
            return null;
        }
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
