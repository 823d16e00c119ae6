using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Configuration;

namespace TjanstePlattform.Routing.Identity;

/// <summary>The router's TLS listener (section <c>Routing:Https</c>): consumers identify themselves with a client certificate.</summary>
public sealed class RouterHttpsOptions
{
    /// <summary>The HTTPS port; null = no TLS listener. 0 = any free port (tests).</summary>
    public int? Port { get; set; }

    /// <summary>The address to bind (default loopback).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Server certificate (PFX/PKCS#12). Empty: a self-signed one is created in the data directory.</summary>
    public string? CertificateFile { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>PEM file of CA certificates client certificates must chain to. Empty: any client certificate is accepted (emulator).</summary>
    public string? TrustedCaFile { get; set; }

    /// <summary>The subject attribute holding the consumer's HSA-id: an OID or SERIALNUMBER, OU, CN, O (default SERIALNUMBER, 2.5.4.5).</summary>
    public string SenderIdAttribute { get; set; } = "SERIALNUMBER";

    /// <summary>The OID of <see cref="SenderIdAttribute"/>.</summary>
    public string SenderIdOid => SenderIdAttribute.ToUpperInvariant() switch
    {
        "SERIALNUMBER" => "2.5.4.5",
        "OU" => "2.5.4.11",
        "CN" => "2.5.4.3",
        "O" => "2.5.4.10",
        _ => SenderIdAttribute,
    };
}

/// <summary>
/// Adds the TLS listener to Kestrel next to the plain-HTTP ones from <c>--urls</c>. Client certificates are asked
/// for but not required by TLS, so a consumer without one gets the platform's VP002 fault, not a failed handshake.
/// </summary>
public static class RouterHttps
{
    public static void Configure(KestrelServerOptions kestrel, IConfiguration configuration, string dataDirectory)
    {
        var options = configuration.GetSection("Routing:Https").Get<RouterHttpsOptions>();
        if (options?.Port is not { } port)
        {
            return;
        }

        // Listening in code replaces --urls: bind the plain-HTTP addresses too.
        var urls = configuration["urls"] ?? configuration["Urls"] ?? "http://127.0.0.1:8080";
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var uri = new Uri(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"));
            kestrel.Listen(ParseHost(uri.Host), uri.Port);
        }

        var serverCertificate = LoadOrCreateServerCertificate(options, dataDirectory);
        X509Certificate2Collection? trusted = null;
        if (!string.IsNullOrWhiteSpace(options.TrustedCaFile))
        {
            trusted = [];
            trusted.ImportFromPemFile(options.TrustedCaFile);
        }

        kestrel.Listen(ParseHost(options.Address), port, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.ClientCertificateValidation = (certificate, chain, errors) => trusted is null || ChainsTo(certificate, trusted);
        }));
    }

    private static IPAddress ParseHost(string host) =>
        host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(host.Trim('[', ']'));

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection trusted)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static X509Certificate2 LoadOrCreateServerCertificate(RouterHttpsOptions options, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificateFile))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(options.CertificateFile, options.CertificatePassword);
        }

        var file = Path.Combine(dataDirectory, "tls", "server.pfx");
        if (File.Exists(file))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(file, null);
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=TjanstePlattform", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var pfx = created.Export(X509ContentType.Pkcs12);
        File.WriteAllBytes(file, pfx);
        return X509CertificateLoader.LoadPkcs12(pfx, null);
    }
}
