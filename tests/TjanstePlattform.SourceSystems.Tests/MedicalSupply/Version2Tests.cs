using System.Net;
using System.Xml.Linq;
using System.Xml.Serialization;
using TjanstePlattform.Contracts.MedicalSupply;
using TjanstePlattform.SourceSystems.MedicalSupply;
using TjanstePlattform.SourceSystems.Tests.Support;
using static TjanstePlattform.SourceSystems.Tests.Records.RecordCalls;

namespace TjanstePlattform.SourceSystems.Tests.MedicalSupply;

/// <summary>
/// Medical-supply ordering version 2 (urn:riv:crm:selfservice:medicalsupply:2) at the region's system beside 1.0, with
/// the same ordering state behind both; every answer valid against the official 2.0 schemas.
/// </summary>
public class Version2Tests : DemoWorldFixture
{
    private static readonly XNamespace Core = "urn:riv:crm:selfservice:medicalsupply:2";
    private static readonly XNamespace Prescriptions = "urn:riv:crm:selfservice:medicalsupply:GetMedicalSupplyPrescriptionsResponder:2";
    private static readonly XNamespace Points = "urn:riv:crm:selfservice:medicalsupply:GetMedicalSupplyDeliveryPointsResponder:2";
    private static readonly XNamespace Register = "urn:riv:crm:selfservice:medicalsupply:RegisterMedicalSupplyOrderResponder:2";

    private Calls Calls => new(Platform);

    private async Task<XElement> PrescriptionsV2Async(string patient)
    {
        var (status, envelope) = await CallAsync(Platform, Msup, new XElement(Prescriptions + "GetMedicalSupplyPrescriptions", new XElement(Prescriptions + "SubjectOfCareId", patient)));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), envelope.ToString());
        var body = BodyChild(envelope);
        AssertOfficiallyValid(body, "GetMedicalSupplyPrescriptions 2");
        return body;
    }

    private static int Remaining(XElement prescriptions, string item) =>
        (int)prescriptions.Descendants(Core + "PrescriptionItem").Single(i => (string?)i.Element(Core + "PrescriptionItemId") == item).Element(Core + "NoOfRemainingOrders")!;

    [Test]
    public async Task Prescriptions_come_with_coded_product_areas_and_service_point_providers()
    {
        var body = await PrescriptionsV2Async(Tolvan);

        Assert.That(body.Element(Prescriptions + "ResultCode")!.Value, Is.EqualTo("OK"));
        Assert.That(body.Descendants(Core + "ProductArea").Select(p => p.Element(Core + "code")?.Value), Does.Contain("DIABETES"));
        Assert.That(body.Descendants(Core + "ServicePointProvider").Select(p => p.Element(Core + "code")?.Value), Is.All.Not.Null);
    }

    [Test]
    public async Task Delivery_points_are_asked_for_with_a_coded_provider()
    {
        var request = new XElement(Points + "GetMedicalSupplyDeliveryPoints",
            new XElement(Points + "PostalCode", "41319"),
            new XElement(Points + "ServicePointProvider", new XElement(Core + "code", "POSTNORD")));

        var (status, envelope) = await CallAsync(Platform, Msup, request);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), envelope.ToString());
        var body = BodyChild(envelope);
        AssertOfficiallyValid(body, "GetMedicalSupplyDeliveryPoints 2");
        Assert.That(body.Elements(Points + "DeliveryPoint").Count(), Is.EqualTo(10), "as 1.0: the ten nearest of the region's 13 POSTNORD points");
    }

    [Test]
    public async Task An_order_through_version_2_takes_an_order_that_version_1_sees_and_an_empty_item_is_refused()
    {
        var before = Remaining(await PrescriptionsV2Async(Siv), "6000010");
        var v1Before = (await Calls.PrescriptionsAsync(Msup, Siv)).Body.SubjectOfCare!.PrescriptionItem.Single(i => i.PrescriptionItemId == "6000010").NoOfRemainingOrders;

        var first = await OrderAsync(Siv, "6000010");
        var second = await OrderAsync(Siv, "6000010");
        var v1After = (await Calls.PrescriptionsAsync(Msup, Siv)).Body.SubjectOfCare!.PrescriptionItem.Single(i => i.PrescriptionItemId == "6000010").NoOfRemainingOrders;

        Assert.That((before, v1Before), Is.EqualTo((1, 1)), "one order left, the same in both versions");
        Assert.That(first.Element(Register + "ResultCode")!.Value, Is.EqualTo("OK"), first.ToString());
        Assert.That(v1After, Is.EqualTo(0), "the order taken through version 2 is gone in 1.0 too");
        Assert.That(second.Element(Register + "ResultCode")!.Value, Is.EqualTo("ERROR"));
        Assert.That(second.Element(Register + "comment")?.Value, Is.Not.Empty);
    }

    /// <summary>A version-2 order of one package of the item, by home delivery, built from the 1.0 contract types.</summary>
    private async Task<XElement> OrderAsync(string patient, string itemId)
    {
        var item = (await Calls.PrescriptionsAsync(Msup, patient)).Body.SubjectOfCare!.PrescriptionItem.Single(i => i.PrescriptionItemId == itemId);
        var home = item.DeliveryAlternative.First(d => d.DeliveryMethod == DeliveryMethodEnum.Hemleverans);
        var order = new RegisterMedicalSupplyOrderType
        {
            Order = new OrderType
            {
                SubjectOfCareId = patient,
                Orderer = "Siv Svensson",
                OrderRow =
                [
                    new OrderRowType
                    {
                        PrescriptionId = item.PrescriptionId, PrescriptionItemId = item.PrescriptionItemId, NoOfPackages = 1, NoOfPcs = item.Article.PackageSize,
                        Source = item.Source, Article = item.Article,
                        DeliveryChoice = new DeliveryChoiceType
                        {
                            DeliveryMethodId = home.DeliveryMethodId, DeliveryMethod = DeliveryMethodEnum.Hemleverans,
                            HomeDeliveryAddress = new AddressType { Receiver = "Siv Svensson", Street = "Sivgatan 4", PostalCode = "41320", City = "Göteborg", Phone = "0701234568" },
                        },
                    },
                ],
            },
        };
        var document = new XDocument();
        using (var writer = document.CreateWriter())
        {
            new XmlSerializer(typeof(RegisterMedicalSupplyOrderType)).Serialize(writer, order);
        }

        var (status, envelope) = await CallAsync(Platform, Msup, MedicalSupplyVersion2.ToVersion2(document.Root!));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), envelope.ToString());
        var body = BodyChild(envelope);
        AssertOfficiallyValid(body, "RegisterMedicalSupplyOrder 2");
        return body;
    }
}
