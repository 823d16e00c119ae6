using TjanstePlattform.Contracts.MedicalSupply;
using TjanstePlattform.SourceSystems.Tests.Support;

namespace TjanstePlattform.SourceSystems.Tests.MedicalSupply;

/// <summary>The region's ordering system (crm:selfservice:medicalsupply 1.0), through the router with a WCF consumer.</summary>
public class OrderingTests : DemoWorldFixture
{
    private Calls Calls => new(Platform);

    private static OrderRowType Row(string prescriptionId, string itemId, string articleNo, int packages = 1, DeliveryMethodEnum method = DeliveryMethodEnum.Hemleverans) => new()
    {
        PrescriptionId = prescriptionId,
        PrescriptionItemId = itemId,
        DeliveryChoice = method == DeliveryMethodEnum.Hemleverans
            ? new DeliveryChoiceType
            {
                DeliveryMethodId = "2",
                DeliveryMethod = DeliveryMethodEnum.Hemleverans,
                HomeDeliveryAddress = new AddressType { Receiver = "Siv Svensson", Street = "Sivgatan 1", PostalCode = "41319", City = "Göteborg", Phone = "0701111111" },
                DeliveryNotificationMethod = DeliveryNotificationMethodEnum.Sms,
                DeliveryNotificationReceiver = "0701111111",
            }
            : new DeliveryChoiceType
            {
                DeliveryMethodId = "1",
                DeliveryMethod = DeliveryMethodEnum.Utlamningsstalle,
                DeliveryPoint = new DeliveryPointType { DeliveryPointId = "PN-41319-1", DeliveryPointName = "Ombud Järntorget", DeliveryPointAddress = "Järntorget 4", DeliveryPointPostalCode = "41304", DeliveryPointCity = "Göteborg" },
                DeliveryNotificationMethod = DeliveryNotificationMethodEnum.Sms,
                DeliveryNotificationReceiver = "0701111111",
            },
        Article = new ArticleType { ArticleNo = articleNo, ArticleName = "x", PackageSize = 1, ProductArea = ProductAreaEnum.Stomi, IsOrderable = true },
        NoOfPackages = packages,
        NoOfPcs = packages * 30,
        Source = "BP",
    };

    private static OrderType Order(string patient, params OrderRowType[] rows) => new() { SubjectOfCareId = patient, Orderer = "Siv Svensson", OrderRow = [.. rows] };

    private async Task<PrescriptionItemType> ItemAsync(string patient, string itemId) =>
        (await Calls.PrescriptionsAsync(Msup, patient)).Body.SubjectOfCare!.PrescriptionItem.Single(i => i.PrescriptionItemId == itemId);

    [Test]
    public async Task Prescriptions_carry_remaining_orders_last_valid_date_status_delivery_alternatives_and_the_order_history()
    {
        var response = await Calls.PrescriptionsAsync(Msup, Tolvan);

        var subject = response.Body.SubjectOfCare!;
        Assert.That(response.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
        Assert.That(subject.PrescriptionItem.Select(i => i.PrescriptionItemId), Is.EqualTo(new[] { "6000001", "6000002" }));
        var diabetes = subject.PrescriptionItem[0];
        Assert.That(diabetes.Article.ProductArea, Is.EqualTo(ProductAreaEnum.Diabetes));
        Assert.That(subject.PrescriptionItem[1].Article.ProductArea, Is.EqualTo(ProductAreaEnum.Sarnar), "SÄRNÄR round-trips as UTF-8");
        Assert.That(diabetes.DeliveryAlternative.Select(a => a.DeliveryMethod), Is.EqualTo(new[] { DeliveryMethodEnum.Utlamningsstalle, DeliveryMethodEnum.Hemleverans }));
        Assert.That(diabetes.DeliveryAlternative[0].AllowChoiceOfDeliveryPoints, Is.True);
        Assert.That(diabetes.LastValidDate, Is.EqualTo(new DateTime(2035, 12, 31)));
        Assert.That(diabetes.Status, Is.EqualTo(StatusEnum.Aktiv));
        Assert.That(subject.OrderItem.Select(o => o.OrderItemId), Does.Contain("MSUP-69001"));
    }

    [Test]
    public async Task A_prescription_past_its_last_valid_date_is_shown_as_expired()
    {
        Assert.That((await ItemAsync(Siv, "6000011")).Status, Is.EqualTo(StatusEnum.Utgatt));
    }

    [Test]
    public async Task Delivery_points_are_at_most_ten_of_the_provider_nearest_the_postal_code()
    {
        var postnord = await Calls.DeliveryPointsAsync(Msup, "41319", ServicePointProviderEnum.Postnord);
        var dhl = await Calls.DeliveryPointsAsync(Msup, "41319", ServicePointProviderEnum.Dhl);
        var bad = await Calls.DeliveryPointsAsync(Msup, "4131", ServicePointProviderEnum.Postnord);

        Assert.That(postnord.Body.DeliveryPoint, Has.Count.EqualTo(10), "the demo region has 13 POSTNORD points");
        Assert.That(postnord.Body.DeliveryPoint[0].DeliveryPointId, Is.EqualTo("PN-41319-1"));
        Assert.That(postnord.Body.DeliveryPoint.Select(p => p.DeliveryPointId), Has.None.StartsWith("DHL"));
        Assert.That(dhl.Body.DeliveryPoint.Select(p => p.DeliveryPointId), Is.All.StartsWith("DHL"));
        Assert.That(bad.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(bad.Body.Comment, Does.Contain("fem siffror"));
    }

    [Test]
    public async Task Ordering_takes_one_order_each_time_until_none_remains_then_answers_ERROR()
    {
        var first = await Calls.OrderAsync(Msup, Order(Siv, Row("3000010", "6000010", "731244")));
        var afterFirst = await ItemAsync(Siv, "6000010");
        var second = await Calls.OrderAsync(Msup, Order(Siv, Row("3000010", "6000010", "731244")));

        Assert.That(first.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok), first.Body.Comment);
        Assert.That(first.Body.Order.Single().PrescriptionItemId, Is.EqualTo("6000010"));
        Assert.That(first.Body.Order.Single().OrderItemId, Does.StartWith("MSUP-7"));
        Assert.That(afterFirst.NoOfRemainingOrders, Is.EqualTo(0));
        Assert.That(second.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(second.Body.Comment, Does.Contain("har inga uttag kvar"));
        Assert.That(second.Body.Order, Is.Empty);
        var history = (await Calls.PrescriptionsAsync(Msup, Siv)).Body.SubjectOfCare!.OrderItem;
        Assert.That(history.Select(o => o.OrderItemId), Does.Contain(first.Body.Order.Single().OrderItemId));
        Assert.That(history.Count(o => o.PrescriptionItemId == "6000010"), Is.EqualTo(1), "the refused order left no trace");
    }

    [TestCase("3000011", "6000011", "612201", "gick ut 2024-06-30")]
    [TestCase("3000012", "6000012", "480113", "är inte aktiv (status MAKULERAD)")]
    [TestCase("3000013", "6000013", "905118", "går inte att beställa")]
    [TestCase("3000001", "6000001", "329605", "finns inte för 194404029813")]
    public async Task A_row_that_breaks_a_rule_answers_ERROR_with_a_comment(string prescriptionId, string itemId, string articleNo, string comment)
    {
        var response = await Calls.OrderAsync(Msup, Order(Siv, Row(prescriptionId, itemId, articleNo)));

        Assert.That(response.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(response.Body.Comment, Does.Contain(comment));
    }

    [Test]
    public async Task An_order_is_all_or_nothing_and_checks_packages_and_delivery()
    {
        var before = (await ItemAsync(Tolvan, "6000002")).NoOfRemainingOrders;
        var tooMany = await Calls.OrderAsync(Msup, Order(Tolvan, Row("3000002", "6000002", "480112", packages: 3)));
        var mixed = await Calls.OrderAsync(Msup, Order(Tolvan, Row("3000002", "6000002", "480112"), Row("3000012", "6000012", "480113")));
        var noPoint = Row("3000002", "6000002", "480112", method: DeliveryMethodEnum.Utlamningsstalle);
        noPoint.DeliveryChoice.DeliveryPoint!.DeliveryPointId = "PN-00000-0";
        var unknownPoint = await Calls.OrderAsync(Msup, Order(Tolvan, noPoint));

        Assert.That(tooMany.Body.Comment, Does.Contain("1–2 förpackningar"));
        Assert.That(mixed.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Error));
        Assert.That(unknownPoint.Body.Comment, Does.Contain("Utlämningsstället PN-00000-0 finns inte"));
        Assert.That((await ItemAsync(Tolvan, "6000002")).NoOfRemainingOrders, Is.EqualTo(before), "no refused row took an order");
    }
}
