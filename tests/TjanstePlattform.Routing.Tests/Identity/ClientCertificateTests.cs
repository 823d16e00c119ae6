using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Testing;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Routing.Tests.Identity;

/// <summary>The consumer's identity from a client certificate: a real mTLS handshake on loopback.</summary>
public class ClientCertificateTests
{
    private TestPlatform _platform = null!;
    private TestProducer _producer = null!;
    private Uri _https = null!;
    private string? _seenSender;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _producer = await TestProducer.StartAsync(async ctx =>
        {
            _seenSender = ctx.Request.Headers["x-vp-sender-id"].ToString();
            ctx.Response.ContentType = "text/xml";
            await ctx.Response.WriteAsync(GetMedicationHistoryResponse());
        });
        _platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Routing:Https:Port"] = "0" });
        var addresses = _platform.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _https = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
        await new CatalogApi(_platform.Http).ConnectAsync("SE165565594230-1000", "SE-TLS", GetMedicationHistoryNamespace, _producer.Address.ToString());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _platform.DisposeAsync();
        await _producer.DisposeAsync();
    }

    private static X509Certificate2 ClientCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private HttpClient Client(X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true, // the platform's self-signed server certificate
                ClientCertificates = certificate is null ? null : [certificate],
                LocalCertificateSelectionCallback = certificate is null ? null : (_, _, _, _, _) => certificate,
            },
        };
        return new HttpClient(handler) { BaseAddress = _https };
    }

    [Test]
    public async Task The_SERIALNUMBER_of_the_client_certificate_is_the_sender_and_the_header_is_ignored()
    {
        using var certificate = ClientCertificate("CN=E-tjanst, SERIALNUMBER=SE165565594230-1000, O=Inera AB, C=SE");
        using var client = Client(certificate);
        using var response = await client.SendAsync(Post(new Uri(_https, "/vp/x"), GetMedicationHistory("SE-TLS"), senderId: "SOMEONE-ELSE"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(_seenSender, Is.EqualTo("SE165565594230-1000"));
    }

    [Test]
    public async Task VP002_without_a_client_certificate()
    {
        using var client = Client(null);
        using var response = await client.SendAsync(Post(new Uri(_https, "/vp/x"), GetMedicationHistory("SE-TLS"), senderId: "SE165565594230-1000"));
        await RouterAssert.IsVpFaultAsync(response, "VP002", "Client", RouterAssert.VP002);
    }

    [Test]
    public async Task VP002_when_the_certificate_has_no_SERIALNUMBER()
    {
        using var certificate = ClientCertificate("CN=No serial, O=Test, C=SE");
        using var client = Client(certificate);
        using var response = await client.SendAsync(Post(new Uri(_https, "/vp/x"), GetMedicationHistory("SE-TLS")));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP002", "Client", RouterAssert.VP002);
        Assert.That(detail, Does.Contain("CN=No serial"));
    }

    [Test]
    public async Task Over_plain_HTTP_a_forwarded_PEM_certificate_names_the_sender()
    {
        using var certificate = ClientCertificate("CN=Proxy client, SERIALNUMBER=SE165565594230-1000, C=SE");
        var request = Post(_platform.Router(), GetMedicationHistory("SE-TLS"), senderId: null);
        request.Headers.TryAddWithoutValidation("x-vp-auth-cert", certificate.ExportCertificatePem().Replace("\n", "\\n"));
        using var response = await _platform.Http.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(_seenSender, Is.EqualTo("SE165565594230-1000"));
    }
}
