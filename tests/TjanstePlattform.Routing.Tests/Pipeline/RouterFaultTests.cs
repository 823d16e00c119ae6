using System.Text;
using TjanstePlattform.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Routing.Tests.Pipeline;

/// <summary>Each VP fault the router core answers, with its exact faultcode, Swedish text and detail.</summary>
public class RouterFaultTests
{
    private const string Consumer = "TEST-CONSUMER";
    private const string Receiver = "SE-PRODUCER-1";
    private TestPlatform _platform = null!;
    private WireMockServer _producer = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Routing:OriginalConsumerAllowList:0"] = "APPROVED-AGGREGATOR" });
        _producer = WireMockServer.Start();
        _producer.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "text/xml; charset=UTF-8").WithBody(GetMedicationHistoryResponse()));
        var api = new CatalogApi(_platform.Http);
        await api.ConnectAsync(Consumer, Receiver, GetMedicationHistoryNamespace, _producer.Urls[0] + "/producer");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _producer.Stop();
        await _platform.DisposeAsync();
    }

    private Task<HttpResponseMessage> SendAsync(string envelope, string? sender = Consumer, Action<HttpRequestMessage>? adjust = null)
    {
        var request = Post(_platform.Router(), envelope, sender);
        adjust?.Invoke(request);
        return _platform.Http.SendAsync(request);
    }

    [Test]
    public async Task A_routed_call_reaches_the_producer()
    {
        using var response = await SendAsync(GetMedicationHistory(Receiver));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task VP002_without_sender_id()
    {
        using var response = await SendAsync(GetMedicationHistory(Receiver), sender: null);
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP002", "Client", RouterAssert.VP002);
        Assert.That(detail, Does.StartWith("No sender ID (SERIALNUMBER) found in certificate."));
    }

    [Test]
    public async Task VP003_without_LogicalAddress_header()
    {
        using var response = await SendAsync(GetMedicationHistory(null));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP003", "Client", RouterAssert.VP003);
        Assert.That(detail, Is.EqualTo("No receiverId (logical address) found in message header."), "as the reference words it: no trailing 'null'");
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task VP003_with_blank_LogicalAddress(string receiver)
    {
        using var response = await SendAsync(GetMedicationHistory(receiver));
        await RouterAssert.IsVpFaultAsync(response, "VP003", "Client", RouterAssert.VP003);
    }

    [Test]
    public async Task VP004_for_an_unknown_receiver()
    {
        using var response = await SendAsync(GetMedicationHistory("SE-NOBODY"));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP004", "Client", RouterAssert.VP004);
        Assert.That(detail, Is.EqualTo($"No receiverId (logical address) found for serviceNamespace: {GetMedicationHistoryNamespace}, receiverId: SE-NOBODY"));
    }

    [Test]
    public async Task VP004_names_whitespace_around_the_receiver()
    {
        using var response = await SendAsync(GetMedicationHistory($" {Receiver} "));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP004", "Client", RouterAssert.VP004);
        Assert.That(detail, Is.EqualTo($"No receiverId (logical address) found for serviceNamespace: {GetMedicationHistoryNamespace}, receiverId:  {Receiver} . Whitespace detected in incoming request!"));
    }

    [Test]
    public async Task Receiver_and_contract_lookups_are_case_insensitive()
    {
        var envelope = GetMedicationHistory(Receiver.ToLowerInvariant())
            .Replace(GetMedicationHistoryNamespace, GetMedicationHistoryNamespace.ToUpperInvariant());
        using var response = await SendAsync(envelope, sender: Consumer.ToLowerInvariant());
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task VP007_when_the_consumer_is_not_authorized()
    {
        using var response = await SendAsync(GetMedicationHistory(Receiver), sender: "SOMEONE-ELSE");
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP007", "Server", RouterAssert.VP007);
        Assert.That(detail, Is.EqualTo($"Authorization missing for serviceNamespace: {GetMedicationHistoryNamespace}, receiverId: {Receiver}, senderId: SOMEONE-ELSE"));
    }

    [Test]
    public async Task VP013_is_only_logged_by_default()
    {
        using var response = await SendAsync(GetMedicationHistory(Receiver),
            adjust: r => r.Headers.TryAddWithoutValidation("x-rivta-original-serviceconsumer-hsaid", "SOME-CITIZEN-SERVICE"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    [TestCase("tjp-local")]
    [TestCase("other-platform,tjp-local")]
    [TestCase("other-platform , tjp-local ,third")]
    public async Task VP014_when_the_routing_history_already_holds_our_instance_id(string history)
    {
        using var response = await SendAsync(GetMedicationHistory(Receiver),
            adjust: r => r.Headers.TryAddWithoutValidation("x-rivta-routing-history", history));
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP014", "Server", RouterAssert.VP014);
        Assert.That(detail, Is.Empty);
    }

    [TestCase("tjp-local-2")]
    [TestCase("other-platform#tjp-local")]
    public async Task No_VP014_when_our_id_is_only_part_of_an_element(string history)
    {
        using var response = await SendAsync(GetMedicationHistory(Receiver),
            adjust: r => r.Headers.TryAddWithoutValidation("x-rivta-routing-history", history));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), "elements are compared whole, separated by commas");
    }

    [TestCase("this is not xml", "Line 1, position 1")]
    [TestCase("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">\n  <soapenv:Header>\n    <a:LogicalAddress xmlns:a=\"urn:riv:itintegration:registry:1\">X</a:Logical>", "Line 3, position ")]
    public async Task VP015_names_the_line_and_column_where_the_parser_stopped(string body, string position)
    {
        using var response = await SendAsync(body);
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP015", "Client", RouterAssert.VP015);
        Assert.That(detail, Does.Contain(position));
    }

    [TestCase("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><lolz>&lol;</lolz>", TestName = "VP015_for_a_DTD")]
    [TestCase("this is not xml", TestName = "VP015_for_text")]
    [TestCase("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>", TestName = "VP015_for_a_truncated_envelope")]
    [TestCase("<Envelope xmlns=\"urn:not-soap\"><Body><x xmlns=\"urn:y\"/></Body></Envelope>", TestName = "VP015_for_a_non_SOAP_document")]
    [TestCase("", TestName = "VP015_for_an_empty_body")]
    public async Task VP015_for_unreadable_requests(string body)
    {
        using var response = await SendAsync(body);
        var (_, detail) = await RouterAssert.IsVpFaultAsync(response, "VP015", "Client", RouterAssert.VP015);
        Assert.That(detail, Does.StartWith("The request could not be read properly."));
    }
}
