using System.ServiceModel;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;
using TjanstePlattform.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Routing.Tests.EndToEnd;

/// <summary>
/// The foundation's promise end to end: a producer registered through the REST API, a real WCF consumer,
/// the router in between — the producer's answer, or the exact VP fault.
/// </summary>
public class WcfThroughRouterTests
{
    private const string Consumer = "SE-E-SERVICE-1177";
    private const string Receiver = "SE2321000016-JOURNAL";
    private TestPlatform _platform = null!;
    private WireMockServer _producer = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _platform = await TestPlatform.StartAsync();
        _producer = WireMockServer.Start();
        _producer.Given(Request.Create().UsingPost().WithHeader("x-vp-sender-id", Consumer).WithBody(b => b != null && b.Contains("191212121212")))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=UTF-8")
                .WithBody(GetMedicationHistoryResponse()));
        var api = new CatalogApi(_platform.Http);
        await api.AddServiceProductionAsync(Receiver, GetMedicationHistoryNamespace, _producer.Urls[0] + "/journal/GetMedicationHistory/2/rivtabp21", serviceProducer: "JOURNAL-SYSTEM");
        await api.AddCooperationAsync(Consumer, Receiver, GetMedicationHistoryNamespace);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _producer.Stop();
        await _platform.DisposeAsync();
    }

    private static GetMedicationHistoryRequest NewRequest(string logicalAddress) => new(logicalAddress, new GetMedicationHistoryType
    {
        PatientId = new PersonIdType { Id = "191212121212", Type = "1.2.752.129.2.1.3.1" },
    });

    [Test]
    public async Task A_WCF_consumer_gets_the_producers_answer_through_the_router()
    {
        var factory = WcfConsumer.Factory<IGetMedicationHistoryResponderInterface>(_platform.Router(), Consumer);
        var client = factory.CreateChannel();
        try
        {
            var response = await client.GetMedicationHistoryAsync(NewRequest(Receiver));
            Assert.That(response.GetMedicationHistoryResponseValue.Result.ResultCode.ToString(), Is.EqualTo("OK"));
            var headers = WcfConsumer.LastResponseHeaders(factory);
            Assert.That(headers.ContainsKey("x-skltp-correlation-id"), Is.True);
            Assert.That(headers.ContainsKey("x-skltp-prt"), Is.True);
            Assert.That(_producer.LogEntries.Last().RequestMessage!.Body, Does.Contain("<LogicalAddress").Or.Contain(":LogicalAddress"));
        }
        finally
        {
            ((IClientChannel)client).Abort();
            factory.Abort();
        }
    }

    [Test]
    public async Task A_WCF_consumer_gets_the_exact_VP_fault()
    {
        var factory = WcfConsumer.Factory<IGetMedicationHistoryResponderInterface>(_platform.Router(), Consumer);
        var client = factory.CreateChannel();
        try
        {
            var fault = await Assert.ThrowsAsync<FaultException>(() => client.GetMedicationHistoryAsync(NewRequest("SE-UNKNOWN")));
            Assert.That(fault!.Code.Name, Is.EqualTo("Client"));
            Assert.That(fault.Reason.GetMatchingTranslation().Text, Is.EqualTo("VP004 [TJP] " + RouterAssert.VP004));
        }
        finally
        {
            ((IClientChannel)client).Abort();
            factory.Abort();
        }
    }
}
