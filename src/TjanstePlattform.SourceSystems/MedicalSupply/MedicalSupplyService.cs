using System.Globalization;
using TjanstePlattform.Contracts.MedicalSupply;
using TjanstePlattform.SourceSystems.DemoWorld;
using TjanstePlattform.SourceSystems.Engagements;
using TjanstePlattform.SourceSystems.Soap;
using TjanstePlattform.SourceSystems.Storage;

namespace TjanstePlattform.SourceSystems.MedicalSupply;

/// <summary>
/// A region's ordering system for prescribed consumables (crm:selfservice:medicalsupply 1.0): prescription items with
/// remaining orders, last valid date, status and delivery alternatives; delivery points by postal code (at most 10);
/// RegisterMedicalSupplyOrder with the rules below. An order is all or nothing: one row that breaks a rule answers
/// ResultCode ERROR with a comment naming every problem, and nothing is stored.
/// </summary>
internal sealed class MedicalSupplyService(ISourceSystemStore store, SourceSystemClock clock, EngagementReporter reporter)
{
    /// <summary>The schema allows at most ten DeliveryPoint elements.</summary>
    public const int MaxDeliveryPoints = 10;

    public IReadOnlyList<SourceSystemOperation> Operations(MedicalSupplySystemData system) =>
    [
        SourceSystemOperation.Create<GetMedicalSupplyPrescriptionsType, GetMedicalSupplyPrescriptionsResponseType>(
            "GetMedicalSupplyPrescriptions", "1", MedicalSupplyNamespaces.GetMedicalSupplyPrescriptionsResponder, [MedicalSupplyNamespaces.Core], (_, request) => Task.FromResult(Prescriptions(system, request))),
        SourceSystemOperation.Create<GetMedicalSupplyDeliveryPointsType, GetMedicalSupplyDeliveryPointsResponseType>(
            "GetMedicalSupplyDeliveryPoints", "1", MedicalSupplyNamespaces.GetMedicalSupplyDeliveryPointsResponder, [MedicalSupplyNamespaces.Core], (_, request) => Task.FromResult(DeliveryPoints(system, request))),
        SourceSystemOperation.Create<RegisterMedicalSupplyOrderType, RegisterMedicalSupplyOrderResponseType>(
            "RegisterMedicalSupplyOrder", "1", MedicalSupplyNamespaces.RegisterMedicalSupplyOrderResponder, [MedicalSupplyNamespaces.Core], (call, request) => RegisterAsync(system, call, request)),
    ];

    /// <summary>The prescription items as stored at first start.</summary>
    public static IEnumerable<StoredSupplyItem> InitialItems(MedicalSupplySystemData system) =>
        system.PrescriptionItems.Select(p => new StoredSupplyItem(system.HsaId, p.PatientId, new PrescriptionItemType
        {
            PrescriptionItemId = p.PrescriptionItemId,
            Article = p.Article,
            NoOfOrders = p.NoOfOrders,
            NoOfRemainingOrders = p.NoOfRemainingOrders,
            NoOfArticlesPerOrder = p.NoOfArticlesPerOrder,
            NoOfPackagesPerOrder = p.NoOfPackagesPerOrder,
            SubArticle = p.SubArticles,
            DeliveryAlternative = p.DeliveryAlternatives,
            NextEarliestOrderDate = p.NextEarliestOrderDate,
            PrescriptionId = p.PrescriptionId,
            Source = p.Source,
            Prescriber = p.Prescriber,
            PrescribingOrganization = p.PrescribingOrganization,
            LastValidDate = p.LastValidDate,
            Status = p.Status,
            GrossPrice = p.GrossPrice,
            AllowOtherInvoiceAddress = p.AllowOtherInvoiceAddress,
        }));

    /// <summary>The order history the system starts with.</summary>
    public static IEnumerable<StoredOrder> InitialOrders(MedicalSupplySystemData system)
    {
        var items = system.PrescriptionItems.ToDictionary(p => p.PrescriptionItemId, StringComparer.OrdinalIgnoreCase);
        return system.Orders.Select(o => new StoredOrder(system.HsaId, o.PatientId, new OrderItemType
        {
            OrderItemId = o.OrderItemId,
            PrescriptionItemId = o.PrescriptionItemId,
            DeliveryChoice = o.DeliveryChoice,
            Article = items[o.PrescriptionItemId].Article,
            NoOfPcs = o.NoOfPcs,
            OrderDate = o.OrderDate,
            DeliveredDate = o.DeliveredDate,
            // Not delivered yet: written as xsi:nil, as the contract's nillable DeliveredDate allows.
            DeliveredDateSpecified = true,
        }));
    }

    /// <summary>One engagement per patient and region; mostRecentContent moves with every order.</summary>
    public static EngagementReport Engagement(MedicalSupplySystemData system, string patientId, string mostRecentContent) =>
        new(patientId, EngagementDomains.MedicalSupply, EngagementReport.NotApplicable, system.EngagementLogicalAddress, EngagementReport.NotApplicable,
            system.EngagementLogicalAddress, system.DataController, mostRecentContent);

    private GetMedicalSupplyPrescriptionsResponseType Prescriptions(MedicalSupplySystemData system, GetMedicalSupplyPrescriptionsType request)
    {
        var patient = request.SubjectOfCareId.Trim();
        var today = Today();
        var items = store.SupplyItems(system.HsaId, patient).Select(i => i.Item).ToList();
        foreach (var item in items.Where(i => i.Status == StatusEnum.Aktiv && i.LastValidDate.Date < today))
        {
            // Past its last valid date the item is shown as expired (utgånget), whatever was stored.
            item.Status = StatusEnum.Utgatt;
        }

        return new GetMedicalSupplyPrescriptionsResponseType
        {
            SubjectOfCare = new SubjectOfCareType
            {
                SubjectOfCareId = patient,
                PrescriptionItem = items,
                OrderItem = [.. store.SupplyOrders(system.HsaId, patient).Select(o => o.Item)],
            },
            ResultCode = ResultCodeEnum.Ok,
            Comment = items.Count == 0 ? "Det finns inga förskrivningar att beställa från." : null,
        };
    }

    /// <summary>The provider's points nearest the postal code (by number: the demo has no map), at most ten.</summary>
    private static GetMedicalSupplyDeliveryPointsResponseType DeliveryPoints(MedicalSupplySystemData system, GetMedicalSupplyDeliveryPointsType request)
    {
        var postalCode = request.PostalCode.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (postalCode.Length != 5 || !int.TryParse(postalCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new GetMedicalSupplyDeliveryPointsResponseType
            {
                ResultCode = ResultCodeEnum.Error,
                Comment = $"Postnumret '{request.PostalCode}' är inte fem siffror.",
            };
        }

        var points = system.DeliveryPoints
            .Where(p => p.Provider == request.ServicePointProvider)
            .OrderBy(p => Math.Abs(int.Parse(p.PostalCode, CultureInfo.InvariantCulture) - code))
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(MaxDeliveryPoints)
            .Select(ToDeliveryPoint)
            .ToList();
        return new GetMedicalSupplyDeliveryPointsResponseType
        {
            DeliveryPoint = points,
            ResultCode = ResultCodeEnum.Ok,
            Comment = points.Count == 0 ? "Det finns inga utlämningsställen hos den valda ombudsleverantören." : null,
        };
    }

    private async Task<RegisterMedicalSupplyOrderResponseType> RegisterAsync(MedicalSupplySystemData system, SoapCall call, RegisterMedicalSupplyOrderType request)
    {
        var order = request.Order;
        var patient = order.SubjectOfCareId.Trim();
        if (order.OrderRow.Count == 0)
        {
            return Error("Beställningen har inga rader.");
        }

        var today = Today();
        var now = clock.Timestamp;
        var (response, delivered) = await store.WriteAsync(writer =>
        {
            var problems = new List<string>();
            var updated = new Dictionary<string, PrescriptionItemType>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in order.OrderRow)
            {
                var itemId = row.PrescriptionItemId.Trim();
                var stored = writer.FindSupplyItem(system.HsaId, itemId);
                if (stored is null || stored.PatientId != patient
                    || (!string.IsNullOrWhiteSpace(row.PrescriptionId) && row.PrescriptionId.Trim() != stored.Item.PrescriptionId))
                {
                    problems.Add($"Förskrivning {row.PrescriptionId}/{itemId} finns inte för {patient}.");
                    continue;
                }

                var item = updated.TryGetValue(itemId, out var seen) ? seen : stored.Item;
                var problem = Check(system, item, row, today);
                if (problem is not null)
                {
                    problems.Add(problem);
                    continue;
                }

                item.NoOfRemainingOrders--;
                updated[itemId] = item;
            }

            if (problems.Count > 0)
            {
                return (Error(string.Join(" ", problems)), Task.FromResult(true));
            }

            var orderItems = new List<OrderItemType>();
            foreach (var row in order.OrderRow)
            {
                var number = writer.NextNumber("order:" + system.HsaId, 70001);
                var item = updated[row.PrescriptionItemId.Trim()];
                var orderItem = new OrderItemType
                {
                    OrderItemId = system.OrderIdPrefix + number.ToString(CultureInfo.InvariantCulture),
                    PrescriptionItemId = item.PrescriptionItemId,
                    DeliveryChoice = row.DeliveryChoice,
                    Article = ArticleOf(item, row),
                    NoOfPcs = row.NoOfPcs,
                    OrderDate = today,
                    DeliveredDate = null,
                    DeliveredDateSpecified = true,
                };
                writer.InsertOrder(new StoredOrder(system.HsaId, patient, orderItem));
                orderItems.Add(orderItem);
            }

            foreach (var item in updated.Values)
            {
                writer.SaveSupplyItem(new StoredSupplyItem(system.HsaId, patient, item));
            }

            var delivered = reporter.Queue(writer, system.HsaId, [Engagement(system, patient, now)]);
            return (new RegisterMedicalSupplyOrderResponseType { Order = orderItems, ResultCode = ResultCodeEnum.Ok }, delivered);
        }, call.Aborted).ConfigureAwait(false);

        await reporter.AwaitAsync(delivered, call.Aborted).ConfigureAwait(false);
        return response;
    }

    /// <summary>Null when the row may be ordered from the item, else why not (for the citizen).</summary>
    private static string? Check(MedicalSupplySystemData system, PrescriptionItemType item, OrderRowType row, DateTime today)
    {
        var id = item.PrescriptionItemId;
        if (item.Status != StatusEnum.Aktiv)
        {
            return $"Förskrivning {id} är inte aktiv (status {Wire(item.Status)}) och kan inte beställas.";
        }

        if (item.LastValidDate.Date < today)
        {
            return $"Förskrivning {id} gick ut {item.LastValidDate:yyyy-MM-dd} och kan inte beställas. Kontakta din förskrivare.";
        }

        if (item.NoOfRemainingOrders <= 0)
        {
            return $"Förskrivning {id} har inga uttag kvar. Kontakta din förskrivare för en ny förskrivning.";
        }

        if (item.NextEarliestOrderDate is { } earliest && earliest.Date > today)
        {
            return $"Förskrivning {id} kan beställas tidigast {earliest:yyyy-MM-dd}.";
        }

        var article = ArticleOf(item, row);
        if (!article.IsOrderable)
        {
            return $"Artikel {article.ArticleNo} ({article.ArticleName}) går inte att beställa.";
        }

        if (row.NoOfPackages < 1 || row.NoOfPackages > item.NoOfPackagesPerOrder)
        {
            return $"Förskrivning {id} tillåter 1–{item.NoOfPackagesPerOrder} förpackningar per beställning, inte {row.NoOfPackages}.";
        }

        var choice = row.DeliveryChoice;
        var alternative = item.DeliveryAlternative.FirstOrDefault(a => a.DeliveryMethodId == choice.DeliveryMethodId.Trim() && a.DeliveryMethod == choice.DeliveryMethod);
        if (alternative is null)
        {
            return $"Leveranssättet {Wire(choice.DeliveryMethod)} (id {choice.DeliveryMethodId}) är inte tillåtet för förskrivning {id}.";
        }

        if (choice.DeliveryMethod == DeliveryMethodEnum.Utlamningsstalle)
        {
            var pointId = choice.DeliveryPoint?.DeliveryPointId.Trim();
            var point = system.DeliveryPoints.FirstOrDefault(p => string.Equals(p.Id, pointId, StringComparison.OrdinalIgnoreCase));
            if (point is null)
            {
                return $"Utlämningsstället {pointId ?? "(saknas)"} finns inte. Välj ett utlämningsställe i listan.";
            }

            if (alternative.ServicePointProvider != ServicePointProviderEnum.Ingen && point.Provider != alternative.ServicePointProvider)
            {
                return $"Utlämningsstället {point.Id} hör inte till {Wire(alternative.ServicePointProvider)}.";
            }
        }
        else if (choice.HomeDeliveryAddress is null)
        {
            return $"Hemleverans av förskrivning {id} kräver en leveransadress.";
        }

        return null;
    }

    /// <summary>The ordered article: the item's own, or one of its sub-articles when the row names it.</summary>
    private static ArticleType ArticleOf(PrescriptionItemType item, OrderRowType row)
    {
        var number = row.Article.ArticleNo.Trim();
        return item.SubArticle.FirstOrDefault(a => a.ArticleNo == number) ?? item.Article;
    }

    private static DeliveryPointType ToDeliveryPoint(DeliveryPointData point) => new()
    {
        DeliveryPointId = point.Id,
        DeliveryPointName = point.Name,
        DeliveryPointAddress = point.Address,
        DeliveryPointPostalCode = point.PostalCode,
        DeliveryPointCity = point.City,
        CountryCode = CountryCodeEnum.Se,
    };

    private DateTime Today() => clock.Today.ToDateTime(TimeOnly.MinValue);

    private static string Wire<T>(T value)
        where T : struct, Enum
    {
        var field = typeof(T).GetField(value.ToString());
        return field?.GetCustomAttributes(typeof(System.Xml.Serialization.XmlEnumAttribute), false).OfType<System.Xml.Serialization.XmlEnumAttribute>().FirstOrDefault()?.Name ?? value.ToString();
    }

    private static RegisterMedicalSupplyOrderResponseType Error(string comment) => new() { ResultCode = ResultCodeEnum.Error, Comment = comment };
}
