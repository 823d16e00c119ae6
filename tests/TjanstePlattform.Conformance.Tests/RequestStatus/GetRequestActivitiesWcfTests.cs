using System.Collections.Concurrent;
using System.Xml.Linq;
using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Contracts.Interoperability;
using ProcessingStatusCode = TjanstePlattform.Contracts.Interoperability.StatusCodeEnum;
using TjanstePlattform.Contracts.RequestStatus;
using TjanstePlattform.Contracts.RequestStatus.GetRequestActivities;
using StatusCodeEnum = TjanstePlattform.Contracts.RequestStatus.StatusCodeEnum;

namespace TjanstePlattform.Conformance.Tests.RequestStatus;

/// <summary>A System.ServiceModel client and a SoapCore endpoint, both built from the project's GetRequestActivities types.</summary>
public class GetRequestActivitiesWcfTests
{
    [Test]
    public async Task A_wcf_client_calls_a_soapcore_producer_with_headers_and_records_intact()
    {
        var producer = new Producer();
        await using var server = await SoapCoreServer<IGetRequestActivitiesResponderInterface>.StartAsync(producer, "/GetRequestActivities/1/rivtabp21");
        var client = server.CreateClient();
        try
        {
            var response = await client.GetRequestActivitiesAsync(new GetRequestActivitiesRequest("SE2321000016-JRN1", new GetRequestActivitiesType
            {
                SubjectOfCareId = "191212121212",
                TypeOfRequest = { RequestTypeCodeEnum.Type1, RequestTypeCodeEnum.Type3 },
                FromDate = "20200101000000",
            }));

            var received = producer.Received.Single();
            Assert.That(received.LogicalAddress, Is.EqualTo("SE2321000016-JRN1"));
            Assert.That(received.GetRequestActivities.TypeOfRequest, Is.EqualTo(new[] { RequestTypeCodeEnum.Type1, RequestTypeCodeEnum.Type3 }));
            Assert.That(received.GetRequestActivities.FromDate, Is.EqualTo("20200101000000"));
            Assert.That(received.GetRequestActivities.ToDate, Is.Null);

            var activity = response.GetRequestActivitiesResponseValue.RequestActivity.Single();
            Assert.That(activity.RequestIssuedByOrganizationalUnitDescription, Is.EqualTo("Vårdcentralen Tolvsta"));
            Assert.That(activity.StatusCode, Is.EqualTo(StatusCodeEnum.Status126));
            var status = response.ProcessingStatus!.ProcessingStatusList.Single();
            Assert.That((status.LogicalAddress, status.StatusCode, status.IsResponseFromCache), Is.EqualTo(("SE2321000016-JRN1", ProcessingStatusCode.DataFromCache, true)));

            var official = SchemaTree.Official("crm_requeststatus_1.0.1");
            var request = SoapEnvelope.Parse(server.Wire.Request);
            SchemaValidation.AssertValid(official, request.BodyRoot, "request on the wire");
            SchemaValidation.AssertValid(official, request.Header(XName.Get(LogicalAddressHeader.Name, LogicalAddressHeader.Namespace))!, "LogicalAddress on the wire");
            var wire = SoapEnvelope.Parse(server.Wire.Response);
            SchemaValidation.AssertValid(official, wire.BodyRoot, "response on the wire");
            SchemaValidation.AssertValid(official, wire.Header(XName.Get(HeaderNamespaces.ProcessingStatusElement, HeaderNamespaces.InteroperabilityHeaders))!, "ProcessingStatus on the wire");
        }
        finally
        {
            WcfChannels.CloseQuietly(client);
        }
    }

    private sealed class Producer : IGetRequestActivitiesResponderInterface
    {
        public ConcurrentQueue<GetRequestActivitiesRequest> Received { get; } = new();

        public Task<GetRequestActivitiesResponse> GetRequestActivitiesAsync(GetRequestActivitiesRequest request)
        {
            Received.Enqueue(request);
            var status = new ProcessingStatusType
            {
                ProcessingStatusList =
                {
                    new ProcessingStatusRecordType
                    {
                        LogicalAddress = "SE2321000016-JRN1", StatusCode = ProcessingStatusCode.DataFromCache,
                        IsResponseFromCache = true, IsResponseInSynch = true, LastSuccessfulSynch = "20240315101500",
                    },
                },
            };
            return Task.FromResult(new GetRequestActivitiesResponse(
                new GetRequestActivitiesResponseType { RequestActivity = { GetRequestActivitiesConformanceTests.FullActivity() } }, status));
        }
    }
}
