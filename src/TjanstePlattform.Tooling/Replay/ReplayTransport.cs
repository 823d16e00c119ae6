using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>The HTTP handler replay sends with: no redirects, no cookies, no decompression, optional mTLS.</summary>
public static class ReplayTransport
{
    public static SocketsHttpHandler CreateHandler(ReplayOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };

        if (options.CertificatePath is not null)
        {
            handler.SslOptions.ClientCertificates = [LoadClientCertificate(options.CertificatePath, options.KeyPath)];
        }

        if (options.AcceptAnyServerCertificate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }

        return handler;
    }

    /// <summary>Loads a PEM certificate with its PEM private key (the key may sit in the certificate file).</summary>
    public static X509Certificate2 LoadClientCertificate(string certificatePath, string? keyPath)
    {
        try
        {
            var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            if (!OperatingSystem.IsWindows())
            {
                return pem;
            }

            // SChannel (Windows) cannot use an ephemeral PEM key for client authentication; a PKCS#12 round trip gives it a usable one.
            using (pem)
            {
                return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or ArgumentException)
        {
            throw new ReplayInputException($"Cannot load the client certificate {certificatePath}{(keyPath is null ? string.Empty : " with key " + keyPath)}: {ex.Message}");
        }
    }
}

/// <summary>A problem with the command line's inputs (certificate, schema folder …): exit code 2.</summary>
public sealed class ReplayInputException(string message) : Exception(message);
