using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Testing;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Routing.Tests.RoutingRules;

/// <summary>RIV basic profile 2.0 ↔ 2.1 conversion and re-encoding while streaming.</summary>
public class ProfileConversionTests
{
    private const string PingNamespace = "urn:riv:itintegration:monitoring:PingForConfigurationResponder:1";
    private string? _received;
    private TestProducer _producer = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _producer = await TestProducer.StartAsync(async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            _received = await reader.ReadToEndAsync();
            ctx.Response.ContentType = "text/xml; charset=UTF-8";
            await ctx.Response.WriteAsync(GetMedicationHistoryResponse());
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _producer.DisposeAsync();

    private Task<TestPlatform> StartPlatformAsync(params ServiceProduction[] productions) =>
        TestPlatform.StartWithCatalogAsync(
            FixedCatalog.With(productions, productions.Select(p => new Cooperation(p.Id, "C1", p.LogicalAddress, p.ServiceContract, FixedCatalog.Always, [])).ToArray()));

    private ServiceProduction Production(string receiver, string contract, string profile) =>
        new(1, "P", receiver, contract, _producer.Address.ToString(), profile, FixedCatalog.Always);

    [Test]
    public async Task A_BP20_request_reaches_a_BP21_producer_as_the_reference_converts_it()
    {
        var input = await File.ReadAllTextAsync(RivtaOracle.PathOf("samples", "platform", "03a_vp_rivconv_input_rivtabp20_PingForConfiguration.xml"));
        var expected = XDocument.Parse(await File.ReadAllTextAsync(RivtaOracle.PathOf("samples", "platform", "03b_vp_rivconv_expected_output_rivtabp21_PingForConfiguration.xml")));
        await using var platform = await StartPlatformAsync(Production("local-ping-producer", PingNamespace, RivtaProfiles.Bp21));

        using var response = await platform.Http.SendAsync(Post(platform.Router("itintegration/monitoring/PingForConfiguration/1/rivtabp20"), input, "C1"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());

        var actual = XDocument.Parse(_received!);
        Assert.That(XNode.DeepEquals(Normalize(actual), Normalize(expected)), Is.True,
            $"converted:\n{_received}\nexpected:\n{expected}");
    }

    [Test]
    public async Task A_BP21_request_reaches_a_BP20_producer_with_wsa_To()
    {
        await using var platform = await StartPlatformAsync(Production("SE-OLD", GetMedicationHistoryNamespace, RivtaProfiles.Bp20));
        using var response = await platform.Http.SendAsync(Post(platform.Router(), GetMedicationHistory("SE-OLD"), "C1"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));

        var received = XDocument.Parse(_received!);
        XNamespace wsa = "http://www.w3.org/2005/08/addressing";
        XNamespace registry = "urn:riv:itintegration:registry:1";
        Assert.That(received.Descendants(wsa + "To").Single().Value, Is.EqualTo("SE-OLD"));
        Assert.That(received.Descendants(registry + "LogicalAddress"), Is.Empty);
        XNamespace gmh = GetMedicationHistoryNamespace;
        Assert.That(received.Descendants(gmh + "patientId").Single().Value, Does.Contain("191212121212"), "the body is untouched");
    }

    [Test]
    public async Task VP005_when_the_producer_speaks_a_profile_the_router_cannot_convert_to()
    {
        await using var platform = await StartPlatformAsync(Production("SE-FUTURE", GetMedicationHistoryNamespace, "RIVTABP30"));
        using var response = await platform.Http.SendAsync(Post(platform.Router(), GetMedicationHistory("SE-FUTURE"), "C1"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP005", "Client", RouterAssert.VP005);
        Assert.That(detail, Does.StartWith("No receiverId (logical address) with matching Riv-version found for"));
    }

    [Test]
    public async Task A_body_declared_UTF16_but_sent_as_UTF8_is_read_and_forwarded_as_UTF8()
    {
        var bytes = await File.ReadAllBytesAsync(RivtaOracle.PathOf("samples", "GetMedicationHistory", "utf16_declared_request.xml"));
        var receiver = TjanstePlattform.Soap.Envelope.EnvelopeHeadReader.Read(bytes).Head!.Receiver!;
        await using var platform = await StartPlatformAsync(Production(receiver, GetMedicationHistoryNamespace, RivtaProfiles.Bp21));

        var request = Post(platform.Router(), "", "C1");
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml");
        using var response = await platform.Http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(_received, Does.Not.Contain("utf-16").IgnoreCase);
        var sent = XDocument.Parse(Encoding.UTF8.GetString(bytes).Replace("utf-16", "utf-8"));
        Assert.That(XNode.DeepEquals(Normalize(XDocument.Parse(_received!)), Normalize(sent)), Is.True);
    }

    [Test]
    public async Task A_real_UTF16_body_is_forwarded_as_UTF8()
    {
        await using var platform = await StartPlatformAsync(Production("SE-UTF16", GetMedicationHistoryNamespace, RivtaProfiles.Bp21));
        var xml = "<?xml version=\"1.0\" encoding=\"utf-16\"?>" + GetMedicationHistory("SE-UTF16", extraBody: "<!-- Åsa Öberg -->");
        var request = Post(platform.Router(), "", "C1");
        request.Content = new ByteArrayContent(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray());
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/xml; charset=utf-16");
        using var response = await platform.Http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(_received, Does.Contain("Åsa Öberg"));
        Assert.That(_received, Does.Not.Contain("utf-16").IgnoreCase);

        // … and the answer comes back in the consumer's own encoding.
        Assert.That(response.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-16").IgnoreCase);
        var answer = await response.Content.ReadAsByteArrayAsync();
        Assert.That(answer.Take(2), Is.EqualTo(new byte[] { 0xFF, 0xFE }), "UTF-16 little-endian with a byte order mark");
        var text = Encoding.Unicode.GetString(answer, 2, answer.Length - 2);
        Assert.That(text, Does.Contain("encoding=\"utf-16\""));
        Assert.That(XDocument.Parse(text).Root!.Name.LocalName, Is.EqualTo("Envelope"));
    }

    [Test]
    public async Task VP012_when_the_body_breaks_while_it_is_being_converted()
    {
        await using var platform = await StartPlatformAsync(Production("SE-OLD", GetMedicationHistoryNamespace, RivtaProfiles.Bp20));
        var broken = GetMedicationHistory("SE-OLD").Replace("</urn1:GetMedicationHistory>", "<unclosed></urn1:GetMedicationHistory>");
        using var response = await platform.Http.SendAsync(Post(platform.Router(), broken, "C1"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP012", "Server",
            "Internt fel i tjänsteplattformen. Nödvändiga resurser saknas för att VP skall fungera.");
        Assert.That(detail, Does.StartWith("Server problem, VP does not have all necessary resources to operate."));
    }

    [Test]
    public async Task VP001_when_the_endpoint_names_a_RIV_profile_the_platform_does_not_support()
    {
        await using var platform = await StartPlatformAsync(Production("SE-NEW", GetMedicationHistoryNamespace, RivtaProfiles.Bp21));
        using var response = await platform.Http.SendAsync(Post(platform.Router("clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp30"), GetMedicationHistory("SE-NEW"), "C1"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP001", "Client", "Rivta-version saknas i anrop eller stöds ej av tjänsteplattformen.");
        Assert.That(detail, Does.StartWith("No RIV version configured"));

        using var fine = await platform.Http.SendAsync(Post(platform.Router("any/path/without/profile"), GetMedicationHistory("SE-NEW"), "C1"));
        Assert.That((int)fine.StatusCode, Is.EqualTo(200), "the path is never used to route");
    }

    /// <summary>Meaning, not bytes: drop namespace declarations, comments and whitespace-only text.</summary>
    private static XElement Normalize(XDocument document)
    {
        var root = new XElement(document.Root!);
        root.DescendantNodesAndSelf().OfType<XComment>().ToList().ForEach(c => c.Remove());
        foreach (var element in root.DescendantsAndSelf())
        {
            element.Attributes().Where(a => a.IsNamespaceDeclaration).ToList().ForEach(a => a.Remove());
            foreach (var text in element.Nodes().OfType<XText>().Where(t => string.IsNullOrWhiteSpace(t.Value)).ToList())
            {
                text.Remove();
            }
        }

        return root;
    }
}
