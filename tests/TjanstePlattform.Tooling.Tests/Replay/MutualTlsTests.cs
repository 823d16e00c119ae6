using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Tooling.Replay;
using static TjanstePlattform.Tooling.Tests.ToolingTestData;

namespace TjanstePlattform.Tooling.Tests.Replay;

/// <summary>--cert/--key: the PEM client certificate is presented to a producer that requires one.</summary>
public class MutualTlsTests
{
    private WebApplication _producer = null!;
    private Uri _address = null!;
    private string _certificatePem = null!;
    private string _keyPem = null!;
    private string? _seenClient;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        using var ephemeral = serverRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var serverCertificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);

        using var clientKey = RSA.Create(2048);
        var clientRequest = new CertificateRequest("CN=Test Consumer, OU=SE-CONSUMER-1", clientKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var client = clientRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var folder = TestContext.CurrentContext.WorkDirectory;
        _certificatePem = Path.Combine(folder, $"client-{Guid.NewGuid():N}.crt.pem");
        _keyPem = Path.Combine(folder, $"client-{Guid.NewGuid():N}.key.pem");
        await File.WriteAllTextAsync(_certificatePem, client.ExportCertificatePem());
        await File.WriteAllTextAsync(_keyPem, clientKey.ExportPkcs8PrivateKeyPem());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = serverCertificate,
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = (_, _, _) => true,
        })));
        _producer = builder.Build();
        _producer.Run(async context =>
        {
            _seenClient = context.Connection.ClientCertificate?.Subject;
            context.Response.ContentType = "text/xml; charset=UTF-8";
            await context.Response.WriteAsync(GmhResponse());
        });
        await _producer.StartAsync();
        _address = new Uri(_producer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/producer");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _producer.DisposeAsync();
        File.Delete(_certificatePem);
        File.Delete(_keyPem);
    }

    private async Task<CaseResult> ReplayAsync(ReplayOptions options)
    {
        options.Target = _address;
        options.Validate = false;
        using var runner = new ReplayRunner(options);
        var cases = ReplayInputs.Load([Sample("GetMedicationHistory", "agp_TC1_request_national_address.xml")]).Cases;
        return (await runner.RunAsync(cases)).Cases.Single();
    }

    [Test]
    public async Task Presents_the_pem_certificate_to_the_producer()
    {
        _seenClient = null;
        var result = await ReplayAsync(new ReplayOptions { CertificatePath = _certificatePem, KeyPath = _keyPem, AcceptAnyServerCertificate = true });
        Assert.That(result.Status, Is.EqualTo(CaseStatus.Passed), result.Reason);
        Assert.That(_seenClient, Does.Contain("CN=Test Consumer").And.Contain("OU=SE-CONSUMER-1"));
    }

    [Test]
    public async Task Without_a_certificate_the_handshake_fails_as_a_transport_error()
    {
        var result = await ReplayAsync(new ReplayOptions { AcceptAnyServerCertificate = true });
        Assert.That(result.Status, Is.EqualTo(CaseStatus.Error));
        Assert.That(result.Reason, Does.StartWith("Transport error:"));
    }

    [Test]
    public async Task An_untrusted_server_certificate_is_refused_unless_insecure()
    {
        var result = await ReplayAsync(new ReplayOptions { CertificatePath = _certificatePem, KeyPath = _keyPem });
        Assert.That(result.Status, Is.EqualTo(CaseStatus.Error));
        Assert.That(result.Reason, Does.Contain("SSL").IgnoreCase);
    }
}
