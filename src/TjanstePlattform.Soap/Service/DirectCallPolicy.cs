using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TjanstePlattform.Platform;
using TjanstePlattform.Soap.Faults;

namespace TjanstePlattform.Soap.Service;

/// <summary>
/// The secret the router sends with an HTTP hop to one of the platform's own producers (when the HTTP hop is forced),
/// so they can tell the platform from any other caller. Random per process; the header starts with <c>x-vp-</c>, which
/// the router never passes on from a consumer.
/// </summary>
public sealed class PlatformCallToken
{
    public const string HeaderName = "x-vp-platform-call";

    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public bool IsPresentOn(HttpRequest request) =>
        request.Headers.TryGetValue(HeaderName, out var value)
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(value.ToString()), System.Text.Encoding.ASCII.GetBytes(Value));
}

/// <summary>Identifies a plain caller the way the router does (whitelist, sender): implemented by the router.</summary>
public interface IConsumerIdentification
{
    (string? Sender, VpFault? Fault) Identify(HttpContext context);
}

/// <summary>Whether an HTTP caller may use a built-in producer's own path, and whether it is the platform itself.</summary>
public readonly record struct DirectCallDecision(bool ViaRouter, SoapFault? Refusal);

/// <summary>
/// Built-in producers are reached through the router: their own HTTP paths answer the platform itself (in-process
/// dispatch never comes here; a forced HTTP hop carries <see cref="PlatformCallToken"/>). Anyone else is refused with a
/// SOAP fault unless <see cref="PlatformOptions.BuiltInDirectAccess"/> is on, and even then the router's whitelist and
/// sender rules apply, so no path walks around the router's checks.
/// </summary>
public sealed class DirectCallPolicy(PlatformCallToken token, IOptions<PlatformOptions> platform, IEnumerable<IConsumerIdentification> identification)
{
    public DirectCallDecision Check(HttpContext context)
    {
        if (token.IsPresentOn(context.Request))
        {
            return new DirectCallDecision(true, null);
        }

        if (!platform.Value.BuiltInDirectAccess)
        {
            return new DirectCallDecision(false, SoapFault.Client(
                "Den inbyggda tjänsteproducenten nås bara genom tjänsteplattformen.",
                $"Built-in producers answer only through the router (POST /vp/…); {context.Request.Path} is not open to direct calls. "
                + "An operator can open it with Platform:BuiltInDirectAccess=true."));
        }

        foreach (var check in identification)
        {
            var (_, fault) = check.Identify(context);
            if (fault is not null)
            {
                return new DirectCallDecision(false, SoapFault.From(fault, platform.Value.Name));
            }
        }

        return new DirectCallDecision(false, null);
    }
}
