using TjanstePlattform.Conformance.Tests.Scheduling;
using TjanstePlattform.Contracts.MedicalSupply;

namespace TjanstePlattform.Conformance.Tests.MedicalSupply;

/// <summary>
/// A System.ServiceModel client (BasicHttpBinding, ChannelFactory) calls a SoapCore endpoint on real Kestrel,
/// both built from the project's crm:selfservice:medicalsupply types: the LogicalAddress header arrives, the
/// Swedish enumeration values survive both directions as UTF-8, <c>AllowChioceOfDeliveryPoints</c> is spelled
/// as the contract spells it, and both envelopes are valid against the official XSD.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MedicalSupplyWcfTests
{
    private const string Patient = MedicalSupplyProjectSamplesTests.Patient;
    private const string Region = MedicalSupplyProjectSamplesTests.Region;

    private static ArticleType Article(ProductAreaEnum area, string name) => new()
    {
        ArticleNo = "480112",
        ArticleName = name,
        PackageSize = 10,
        PackageSizeUnit = "st",
        ProductArea = area,
        IsOrderable = true,
        ArticleImage = new() { Original = "https://bilder.example.se/480112.png", Thumbnail = "https://bilder.example.se/480112_t.png" },
        GrossPrice = "101,92 kr",
    };

    private static DeliveryPointType PickUpPoint() => new()
    {
        DeliveryPointId = "PN-41319-1",
        DeliveryPointName = "Ombud Järntorget",
        DeliveryPointAddress = "Järntorget 4",
        DeliveryPointPostalCode = "41304",
        DeliveryPointCity = "Göteborg",
        CountryCode = CountryCodeEnum.Se,
    };

    [Test]
    public async Task GetMedicalSupplyPrescriptions_swedish_values_cross_the_wire_both_ways()
    {
        var service = new Producer();
        var (response, wire) = await WcfRoundTrip.CallAsync<IGetMedicalSupplyPrescriptionsResponder, GetMedicalSupplyPrescriptionsResponse>(service,
            c => c.GetMedicalSupplyPrescriptionsAsync(new() { LogicalAddress = Region, Body = new() { SubjectOfCareId = Patient } }));

        Assert.That(service.Prescriptions!.LogicalAddress, Is.EqualTo(Region), "LogicalAddress header at the producer");
        Assert.That(service.Prescriptions.Body.SubjectOfCareId, Is.EqualTo(Patient));

        var item = response.Body.SubjectOfCare!.PrescriptionItem.Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
            Assert.That(item.Status, Is.EqualTo(StatusEnum.Utgatt), "UTGÅTT survives");
            Assert.That(item.Article.ProductArea, Is.EqualTo(ProductAreaEnum.Sarnar), "SÄRNÄR survives");
            Assert.That(item.DeliveryAlternative.Select(a => a.DeliveryMethod), Is.EqualTo(new[] { DeliveryMethodEnum.Utlamningsstalle, DeliveryMethodEnum.Hemleverans }), "UTLÄMNINGSSTÄLLE survives");
            Assert.That(item.DeliveryAlternative[0].AllowChoiceOfDeliveryPoints, Is.True);
            Assert.That(item.DeliveryAlternative[0].DeliveryNotificationMethod, Is.EqualTo(new[] { DeliveryNotificationMethodEnum.EPost, DeliveryNotificationMethodEnum.Sms }));
            Assert.That(item.DeliveryAlternative[1].AllowContactPerson, Is.Null, "an absent optional boolean stays absent");
            Assert.That(item.NextEarliestOrderDate, Is.EqualTo(new DateTime(2035, 11, 1)));
            Assert.That(item.LastValidDate, Is.EqualTo(new DateTime(2036, 10, 31)));
            var order = response.Body.SubjectOfCare.OrderItem.Single();
            Assert.That(order.DeliveredDateSpecified, Is.True, "an xsi:nil DeliveredDate is kept as present");
            Assert.That(order.DeliveredDate, Is.Null);
            Assert.That(order.DeliveryChoice.DeliveryPoint?.DeliveryPointCity, Is.EqualTo("Göteborg"));
        });

        Assert.Multiple(() =>
        {
            // The wire itself, decoded as UTF-8, carries the values exactly as the schema spells them.
            Assert.That(wire.Response, Does.Contain(">UTGÅTT<").And.Contain(">SÄRNÄR<").And.Contain(">UTLÄMNINGSSTÄLLE<").And.Contain(">E-POST<"));
            Assert.That(wire.Response, Does.Contain("AllowChioceOfDeliveryPoints>"), "the contract's spelling on the wire");
            Assert.That(wire.Response, Does.Contain("DeliveredDate").And.Contain("nil=\"true\""), "nillable DeliveredDate written as xsi:nil");
        });
        WcfRoundTrip.AssertWireConforms(wire, MedicalSupplyContracts.GetMedicalSupplyPrescriptions, MedicalSupplyContracts.OfficialTree);
    }

    [Test]
    public async Task GetMedicalSupplyDeliveryPoints_header_body_and_answer_cross_the_wire()
    {
        var service = new Producer();
        var (response, wire) = await WcfRoundTrip.CallAsync<IGetMedicalSupplyDeliveryPointsResponder, GetMedicalSupplyDeliveryPointsResponse>(service,
            c => c.GetMedicalSupplyDeliveryPointsAsync(new() { LogicalAddress = Region, Body = new() { PostalCode = "41319", ServicePointProvider = ServicePointProviderEnum.Postnord } }));

        Assert.That(service.DeliveryPoints!.LogicalAddress, Is.EqualTo(Region), "LogicalAddress header at the producer");
        Assert.That(service.DeliveryPoints.Body.ServicePointProvider, Is.EqualTo(ServicePointProviderEnum.Postnord));
        Assert.That(service.DeliveryPoints.Body.PostalCode, Is.EqualTo("41319"));
        Assert.That(response.Body.DeliveryPoint.Select(p => p.DeliveryPointName), Is.EqualTo(new[] { "Ombud Järntorget" }));
        Assert.That(response.Body.Comment, Is.EqualTo("Närmaste ombud först."));
        WcfRoundTrip.AssertWireConforms(wire, MedicalSupplyContracts.GetMedicalSupplyDeliveryPoints, MedicalSupplyContracts.OfficialTree);
    }

    [Test]
    public async Task RegisterMedicalSupplyOrder_swedish_values_cross_the_wire_both_ways()
    {
        var service = new Producer();
        var order = new OrderType
        {
            SubjectOfCareId = Patient,
            Orderer = "Tolvan Tolvansson",
            OrderRow =
            [
                new()
                {
                    PrescriptionId = "3000001",
                    PrescriptionItemId = "6000001",
                    DeliveryChoice = new()
                    {
                        DeliveryMethodId = "1",
                        DeliveryMethod = DeliveryMethodEnum.Utlamningsstalle,
                        DeliveryPoint = PickUpPoint(),
                        DeliveryNotificationMethod = DeliveryNotificationMethodEnum.Sms,
                        DeliveryNotificationReceiver = "0701234567",
                    },
                    Article = Article(ProductAreaEnum.Sarnar, "Skumförband silikon 10x10 cm"),
                    NoOfPackages = 2,
                    NoOfPcs = 20,
                    Source = "BP",
                },
            ],
        };
        var (response, wire) = await WcfRoundTrip.CallAsync<IRegisterMedicalSupplyOrderResponder, RegisterMedicalSupplyOrderResponse>(service,
            c => c.RegisterMedicalSupplyOrderAsync(new() { LogicalAddress = Region, Body = new() { Order = order } }));

        var row = service.Order!.Body.Order.OrderRow.Single();
        Assert.Multiple(() =>
        {
            Assert.That(service.Order.LogicalAddress, Is.EqualTo(Region), "LogicalAddress header at the producer");
            Assert.That(row.DeliveryChoice.DeliveryMethod, Is.EqualTo(DeliveryMethodEnum.Utlamningsstalle), "UTLÄMNINGSSTÄLLE arrives");
            Assert.That(row.Article.ProductArea, Is.EqualTo(ProductAreaEnum.Sarnar), "SÄRNÄR arrives");
            Assert.That(row.Article.ArticleName, Is.EqualTo("Skumförband silikon 10x10 cm"));
            Assert.That(row.DeliveryChoice.DeliveryNotificationMethod, Is.EqualTo(DeliveryNotificationMethodEnum.Sms));
            Assert.That(row.DeliveryChoice.HomeDeliveryAddress, Is.Null);
            Assert.That(wire.Request, Does.Contain(">UTLÄMNINGSSTÄLLE<").And.Contain(">SÄRNÄR<"), "request wire carries the Swedish values");

            var registered = response.Body.Order.Single();
            Assert.That(response.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
            Assert.That(registered.OrderItemId, Is.EqualTo("ORD-1"));
            Assert.That(registered.DeliveryChoice.DeliveryMethod, Is.EqualTo(DeliveryMethodEnum.Utlamningsstalle), "UTLÄMNINGSSTÄLLE comes back");
            Assert.That(registered.OrderDate, Is.EqualTo(new DateTime(2035, 10, 15)));
            Assert.That(registered.DeliveredDateSpecified, Is.False, "an absent DeliveredDate stays absent");
        });
        WcfRoundTrip.AssertWireConforms(wire, MedicalSupplyContracts.RegisterMedicalSupplyOrder, MedicalSupplyContracts.OfficialTree);
    }

    /// <summary>A regional ordering system that records what reached it and answers with fixed data.</summary>
    private sealed class Producer : IGetMedicalSupplyPrescriptionsResponder, IGetMedicalSupplyDeliveryPointsResponder, IRegisterMedicalSupplyOrderResponder
    {
        public GetMedicalSupplyPrescriptionsRequest? Prescriptions { get; private set; }

        public GetMedicalSupplyDeliveryPointsRequest? DeliveryPoints { get; private set; }

        public RegisterMedicalSupplyOrderRequest? Order { get; private set; }

        public Task<GetMedicalSupplyPrescriptionsResponse> GetMedicalSupplyPrescriptionsAsync(GetMedicalSupplyPrescriptionsRequest request)
        {
            Prescriptions = request;
            var item = new PrescriptionItemType
            {
                PrescriptionItemId = "6000002",
                Article = Article(ProductAreaEnum.Sarnar, "Skumförband silikon 10x10 cm"),
                NoOfOrders = 4,
                NoOfRemainingOrders = 3,
                NoOfArticlesPerOrder = 20,
                NoOfPackagesPerOrder = 2,
                DeliveryAlternative =
                [
                    new()
                    {
                        DeliveryMethodId = "1", DeliveryMethodName = "Utlämningsställe", DeliveryMethod = DeliveryMethodEnum.Utlamningsstalle,
                        ServicePointProvider = ServicePointProviderEnum.Postnord, AllowChoiceOfDeliveryPoints = true,
                        DeliveryNotificationMethod = [DeliveryNotificationMethodEnum.EPost, DeliveryNotificationMethodEnum.Sms], AllowDeliveryComment = false,
                    },
                    new()
                    {
                        DeliveryMethodId = "2", DeliveryMethodName = "Hemleverans", DeliveryMethod = DeliveryMethodEnum.Hemleverans,
                        ServicePointProvider = ServicePointProviderEnum.Ingen, AllowChoiceOfDeliveryPoints = false,
                    },
                ],
                NextEarliestOrderDate = new DateTime(2035, 11, 1),
                PrescriptionId = "3000002",
                Source = "BP",
                Prescriber = new() { PrescriberId = "SE2321000131-P001", PrescriberName = "Åsa Öberg", PrescriberTitle = "Distriktssköterska" },
                PrescribingOrganization = new() { PrescribingOrganizationId = "SE2321000131-E001", PrescribingOrganizationName = "Vårdcentralen Järntorget" },
                LastValidDate = new DateTime(2036, 10, 31),
                Status = StatusEnum.Utgatt,
                AllowOtherInvoiceAddress = true,
            };
            var delivered = new OrderItemType
            {
                OrderItemId = "ORD-0",
                PrescriptionItemId = "6000002",
                DeliveryChoice = new() { DeliveryMethodId = "1", DeliveryMethod = DeliveryMethodEnum.Utlamningsstalle, DeliveryPoint = PickUpPoint() },
                Article = Article(ProductAreaEnum.Sarnar, "Skumförband silikon 10x10 cm"),
                NoOfPcs = 20,
                OrderDate = new DateTime(2035, 9, 1),
                DeliveredDateSpecified = true, // present but nil: not delivered yet
            };
            return Task.FromResult(new GetMedicalSupplyPrescriptionsResponse
            {
                Body = new() { SubjectOfCare = new() { SubjectOfCareId = request.Body.SubjectOfCareId, PrescriptionItem = [item], OrderItem = [delivered] }, ResultCode = ResultCodeEnum.Ok },
            });
        }

        public Task<GetMedicalSupplyDeliveryPointsResponse> GetMedicalSupplyDeliveryPointsAsync(GetMedicalSupplyDeliveryPointsRequest request)
        {
            DeliveryPoints = request;
            return Task.FromResult(new GetMedicalSupplyDeliveryPointsResponse
            {
                Body = new() { DeliveryPoint = [PickUpPoint()], ResultCode = ResultCodeEnum.Ok, Comment = "Närmaste ombud först." },
            });
        }

        public Task<RegisterMedicalSupplyOrderResponse> RegisterMedicalSupplyOrderAsync(RegisterMedicalSupplyOrderRequest request)
        {
            Order = request;
            var row = request.Body.Order.OrderRow[0];
            return Task.FromResult(new RegisterMedicalSupplyOrderResponse
            {
                Body = new()
                {
                    Order =
                    [
                        new()
                        {
                            OrderItemId = "ORD-1", PrescriptionItemId = row.PrescriptionItemId, DeliveryChoice = row.DeliveryChoice,
                            Article = row.Article, NoOfPcs = row.NoOfPcs, OrderDate = new DateTime(2035, 10, 15),
                        },
                    ],
                    ResultCode = ResultCodeEnum.Ok,
                },
            });
        }
    }
}
