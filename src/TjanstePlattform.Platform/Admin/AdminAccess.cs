using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TjanstePlattform.Platform;

/// <summary>
/// Guards the administrative REST APIs (catalog, EI dead letters, fault injection): without
/// <c>Admin:Token</c> only loopback callers get in; with a token every caller must present
/// <c>Authorization: Bearer &lt;token&gt;</c>. Refusals are RFC 7807 problems (401/403).
/// </summary>
public static class AdminAccess
{
    /// <summary>Problem type of a request without valid credentials (401).</summary>
    public const string UnauthorizedType = "urn:tjp:problem:admin-unauthorized";

    /// <summary>Problem type of a non-loopback caller when no token is configured (403).</summary>
    public const string ForbiddenType = "urn:tjp:problem:admin-forbidden";

    /// <summary>Binds <see cref="AdminOptions"/> from the <c>Admin</c> section (idempotent; every part may call it).</summary>
    public static IServiceCollection AddAdminAccess(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(AdminAccessMarker)))
        {
            return services;
        }

        services.TryAddSingleton<AdminAccessMarker>();
        services.AddOptions<AdminOptions>()
            .Bind(configuration.GetSection(AdminOptions.SectionName))
            .Validate(o => o.Token is null || o.Token.Length == 0 || o.Token.Trim().Length >= 8,
                "Admin:Token must be empty or at least 8 characters long.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Requires admin access for every endpoint of the group or handler.</summary>
    public static TBuilder RequireAdminAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter(CheckAsync).WithMetadata(AdminAccessMetadata.Instance);

    /// <summary>Null when the caller may proceed, else the problem to answer with.</summary>
    public static IResult? Check(HttpContext context, AdminOptions options)
    {
        var token = options.Token?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            var remote = context.Connection.RemoteIpAddress;
            // No remote address: an in-process server (TestServer); it cannot be reached from the network.
            return remote is null || IPAddress.IsLoopback(remote) || IsMappedLoopback(remote)
                ? null
                : Problem(StatusCodes.Status403Forbidden, ForbiddenType, "Admin access denied",
                    $"The administrative API answers loopback callers only unless Admin:Token is configured; caller {remote}.");
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(StatusCodes.Status401Unauthorized, UnauthorizedType, "Admin token required",
                "Send the configured Admin:Token as 'Authorization: Bearer <token>'.");
        }

        var presented = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(token);
        if (!CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Problem(StatusCodes.Status401Unauthorized, UnauthorizedType, "Admin token rejected",
                "The bearer token does not match Admin:Token.");
        }

        return null;
    }

    private static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var options = context.HttpContext.RequestServices.GetService<IOptions<AdminOptions>>()?.Value ?? new AdminOptions();
        var refusal = Check(context.HttpContext, options);
        return refusal ?? await next(context).ConfigureAwait(false);
    }

    private static bool IsMappedLoopback(IPAddress address) =>
        address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4());

    private static IResult Problem(int status, string type, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: type);

    private sealed class AdminAccessMarker;
}

/// <summary>Endpoint metadata of <see cref="AdminAccess.RequireAdminAccess"/>: the OpenAPI document marks such operations with the admin security scheme.</summary>
public sealed class AdminAccessMetadata
{
    private AdminAccessMetadata()
    {
    }

    public static AdminAccessMetadata Instance { get; } = new();
}
