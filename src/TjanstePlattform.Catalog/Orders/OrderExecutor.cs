using System.Text.RegularExpressions;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Model;

namespace TjanstePlattform.Catalog.Orders;

/// <summary>
/// Carries out a JSON-beställning on a working copy, as TAK does: first the exclusions, then the inclusions, all
/// taking effect on the order's execution date. Every entry is validated; a routing or authorization that refers
/// to a component, contract or logical address neither in the catalog nor in the order is an error.
/// </summary>
internal static partial class OrderExecutor
{
    public sealed record Outcome(DateOnly EffectiveFrom, IReadOnlyList<string> Messages);

    public static CatalogResult<Outcome> Apply(CatalogEdit edit, CatalogOrder order, string? requiredPlatform)
    {
        if (requiredPlatform is not null && !string.Equals(order.Plattform, requiredPlatform, StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("plattform", $"The order is for platform '{order.Plattform}', this catalog is '{requiredPlatform}'.");
        }

        if (string.IsNullOrWhiteSpace(order.GenomforandeTidpunkt) || DateOf(order.GenomforandeTidpunkt) is not { } from)
        {
            return Invalid("genomforandeTidpunkt", $"'genomforandeTidpunkt' is required, as yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss with an optional zone: '{order.GenomforandeTidpunkt}'.");
        }

        if (order.Inkludera is null && order.Exkludera is null)
        {
            return Invalid("inkludera", "The order has neither 'inkludera' nor 'exkludera'.");
        }

        var to = from.AddYears(100);
        var messages = new List<string>();
        var include = order.Inkludera ?? new CatalogOrderSection(null, null, null, null, null);
        var exclude = order.Exkludera ?? new CatalogOrderSection(null, null, null, null, null);

        var problem = Validate(include, "inkludera", edit) ?? Validate(exclude, "exkludera", null);
        if (problem is not null)
        {
            return problem;
        }

        // Exclusions: authorizations and routings only (TAK removes nothing else through an order).
        foreach (var (routing, i) in Indexed(exclude.Vagval))
        {
            var found = edit.RoutingsFor(routing.LogiskAdress!, routing.Tjanstekontrakt!).FirstOrDefault(p =>
                Same(p.PhysicalAddress, routing.Adress!) && Same(p.RivtaProfile, routing.Rivtaprofil!) && Same(p.ServiceProducer, routing.Tjanstekomponent!)
                && p.Validity.To >= from);
            if (found is null)
            {
                messages.Add($"exkludera.vagval[{i}]: no routing {routing.LogiskAdress} / {routing.Tjanstekontrakt} -> {routing.Adress} is valid on {CatalogRules.Format(from)}; nothing to end.");
                continue;
            }

            End(edit, found, from);
        }

        foreach (var (authorization, i) in Indexed(exclude.Anropsbehorigheter))
        {
            var found = edit.AuthorizationsFor(authorization.Tjanstekonsument!, authorization.LogiskAdress!, authorization.Tjanstekontrakt!)
                .FirstOrDefault(c => c.Validity.To >= from);
            if (found is null)
            {
                messages.Add($"exkludera.anropsbehorigheter[{i}]: no authorization {authorization.Tjanstekonsument} -> {authorization.LogiskAdress} / {authorization.Tjanstekontrakt} is valid on {CatalogRules.Format(from)}; nothing to end.");
                continue;
            }

            End(edit, found, from);
        }

        var ignored = (exclude.Tjanstekontrakt?.Length ?? 0) + (exclude.Logiskadresser?.Length ?? 0) + (exclude.Tjanstekomponenter?.Length ?? 0);
        if (ignored > 0)
        {
            messages.Add($"exkludera: {ignored} contract, logical address or component entries ignored; as in TAK an order removes only authorizations and routings.");
        }

        // Inclusions: reference data first, then authorizations and routings that may use it.
        foreach (var contract in include.Tjanstekontrakt ?? [])
        {
            edit.UpsertContract(contract.Namnrymd!, contract.Beskrivning, contract.MajorVersion, contract.MinorVersion);
        }

        foreach (var address in include.Logiskadresser ?? [])
        {
            edit.UpsertLogicalAddress(address.HsaId!, address.Beskrivning);
        }

        foreach (var component in include.Tjanstekomponenter ?? [])
        {
            edit.UpsertComponent(component.HsaId!, component.Beskrivning);
        }

        foreach (var (authorization, i) in Indexed(include.Anropsbehorigheter))
        {
            var current = edit.AuthorizationsFor(authorization.Tjanstekonsument!, authorization.LogiskAdress!, authorization.Tjanstekontrakt!)
                .Where(c => c.Validity.To >= from).ToList();
            if (current.Any(c => c.Validity.From <= from))
            {
                messages.Add($"inkludera.anropsbehorigheter[{i}]: {authorization.Tjanstekonsument} -> {authorization.LogiskAdress} / {authorization.Tjanstekontrakt} already exists; unchanged.");
                continue;
            }

            // Scheduled later than the order: the order supersedes it (it was never in effect).
            current.ForEach(c => edit.Remove(CatalogEntityKind.Cooperation, c.Id));
            var added = edit.AddCooperation(new Cooperation(0, authorization.Tjanstekonsument!, authorization.LogiskAdress!, authorization.Tjanstekontrakt!, new Validity(from, to), []));
            if (added.Problem is not null)
            {
                return added.Problem with { Detail = $"inkludera.anropsbehorigheter[{i}]: {added.Problem.Detail}" };
            }
        }

        foreach (var (routing, i) in Indexed(include.Vagval))
        {
            var profile = routing.Rivtaprofil!.ToUpperInvariant();
            var current = edit.RoutingsFor(routing.LogiskAdress!, routing.Tjanstekontrakt!).Where(p => p.Validity.To >= from).ToList();
            var active = current.FirstOrDefault(p => p.Validity.From <= from);
            if (active is not null && Same(active.PhysicalAddress, routing.Adress!) && Same(active.RivtaProfile, profile) && Same(active.ServiceProducer, routing.Tjanstekomponent!))
            {
                messages.Add($"inkludera.vagval[{i}]: {routing.LogiskAdress} / {routing.Tjanstekontrakt} -> {routing.Adress} already exists; unchanged.");
                continue;
            }

            // A changed routing: the current one ends the day before, later scheduled ones are superseded.
            foreach (var existing in current)
            {
                End(edit, existing, from);
            }

            var added = edit.AddServiceProduction(new ServiceProduction(0, routing.Tjanstekomponent!, routing.LogiskAdress!, routing.Tjanstekontrakt!, routing.Adress!, profile, new Validity(from, to)));
            if (added.Problem is not null)
            {
                return added.Problem with { Detail = $"inkludera.vagval[{i}]: {added.Problem.Detail}" };
            }
        }

        return new Outcome(from, messages);
    }

    /// <summary>The date an order takes effect: the calendar date written in <c>genomforandeTidpunkt</c>.</summary>
    internal static DateOnly? DateOf(string text)
    {
        var match = DatePrefix().Match(text.Trim());
        return match.Success && CatalogRules.TryParseDate(match.Groups["date"].Value, out var date) ? date : null;
    }

    /// <summary>Ends an entry the day before <paramref name="from"/>, or deletes it when it would not have started by then.</summary>
    private static void End(CatalogEdit edit, ServiceProduction production, DateOnly from)
    {
        if (production.Validity.From >= from)
        {
            edit.Remove(CatalogEntityKind.ServiceProduction, production.Id);
        }
        else
        {
            edit.SetValidity(production, production.Validity with { To = from.AddDays(-1) });
        }
    }

    private static void End(CatalogEdit edit, Cooperation cooperation, DateOnly from)
    {
        if (cooperation.Validity.From >= from)
        {
            edit.Remove(CatalogEntityKind.Cooperation, cooperation.Id);
        }
        else
        {
            edit.SetValidity(cooperation, cooperation.Validity with { To = from.AddDays(-1) });
        }
    }

    /// <summary>Field rules, duplicates, and (for inclusions) that every referenced entity exists or is ordered.</summary>
    private static CatalogProblem? Validate(CatalogOrderSection section, string name, CatalogEdit? catalog)
    {
        var nulls = new (string List, bool HasNull)[]
        {
            ("tjanstekontrakt", section.Tjanstekontrakt?.Contains(null) == true),
            ("logiskadresser", section.Logiskadresser?.Contains(null) == true),
            ("tjanstekomponenter", section.Tjanstekomponenter?.Contains(null) == true),
            ("anropsbehorigheter", section.Anropsbehorigheter?.Contains(null) == true),
            ("vagval", section.Vagval?.Contains(null) == true),
        }.FirstOrDefault(l => l.HasNull);
        if (nulls.HasNull)
        {
            return Invalid($"{name}.{nulls.List}", $"'{name}.{nulls.List}' holds a null entry.");
        }

        foreach (var (contract, i) in Indexed(section.Tjanstekontrakt))
        {
            if (CatalogRules.CheckContract($"{name}.tjanstekontrakt[{i}].namnrymd", contract.Namnrymd) is { } problem)
            {
                return AsOrderProblem(problem);
            }
        }

        foreach (var (address, i) in Indexed(section.Logiskadresser))
        {
            if (CatalogRules.CheckName($"{name}.logiskadresser[{i}].hsaId", address.HsaId, allowAny: true) is { } problem)
            {
                return AsOrderProblem(problem);
            }
        }

        foreach (var (component, i) in Indexed(section.Tjanstekomponenter))
        {
            if (CatalogRules.CheckName($"{name}.tjanstekomponenter[{i}].hsaId", component.HsaId) is { } problem)
            {
                return AsOrderProblem(problem);
            }
        }

        var authorizations = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (authorization, i) in Indexed(section.Anropsbehorigheter))
        {
            var field = $"{name}.anropsbehorigheter[{i}]";
            var problem = CatalogRules.CheckName($"{field}.tjanstekonsument", authorization.Tjanstekonsument)
                ?? CatalogRules.CheckName($"{field}.logiskAdress", authorization.LogiskAdress, allowAny: true)
                ?? CatalogRules.CheckContract($"{field}.tjanstekontrakt", authorization.Tjanstekontrakt);
            if (problem is not null)
            {
                return AsOrderProblem(problem);
            }

            if (!authorizations.Add($"{authorization.Tjanstekonsument}|{authorization.LogiskAdress}|{authorization.Tjanstekontrakt}"))
            {
                return Invalid(field, $"{field}: the authorization {authorization.Tjanstekonsument} -> {authorization.LogiskAdress} / {authorization.Tjanstekontrakt} is ordered twice.");
            }

            if (catalog is not null)
            {
                problem = Missing(catalog, section, field, component: authorization.Tjanstekonsument!, address: authorization.LogiskAdress!, contract: authorization.Tjanstekontrakt!);
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        var routings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (routing, i) in Indexed(section.Vagval))
        {
            var field = $"{name}.vagval[{i}]";
            var problem = CatalogRules.CheckName($"{field}.tjanstekomponent", routing.Tjanstekomponent)
                ?? CatalogRules.CheckName($"{field}.logiskAdress", routing.LogiskAdress, allowAny: true)
                ?? CatalogRules.CheckContract($"{field}.tjanstekontrakt", routing.Tjanstekontrakt)
                ?? CatalogRules.CheckPhysicalAddress($"{field}.adress", routing.Adress)
                ?? CatalogRules.NormalizeProfile($"{field}.rivtaprofil", routing.Rivtaprofil).Problem;
            if (problem is not null)
            {
                return AsOrderProblem(problem);
            }

            if (!routings.Add($"{routing.LogiskAdress}|{routing.Tjanstekontrakt}"))
            {
                return Invalid(field, $"{field}: a routing for {routing.LogiskAdress} / {routing.Tjanstekontrakt} is ordered twice.");
            }

            if (catalog is not null)
            {
                problem = Missing(catalog, section, field, component: routing.Tjanstekomponent!, address: routing.LogiskAdress!, contract: routing.Tjanstekontrakt!);
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static CatalogProblem? Missing(CatalogEdit catalog, CatalogOrderSection section, string field, string component, string address, string contract)
    {
        if (catalog.FindComponent(component) is null && !(section.Tjanstekomponenter ?? []).Any(c => Same(c.HsaId!, component)))
        {
            return Invalid(field, $"{field}: the component '{component}' is neither in the catalog nor in inkludera.tjanstekomponenter.");
        }

        if (catalog.FindLogicalAddress(address) is null && !(section.Logiskadresser ?? []).Any(a => Same(a.HsaId!, address)))
        {
            return Invalid(field, $"{field}: the logical address '{address}' is neither in the catalog nor in inkludera.logiskadresser.");
        }

        if (catalog.FindContract(contract) is null && !(section.Tjanstekontrakt ?? []).Any(c => Same(c.Namnrymd!, contract)))
        {
            return Invalid(field, $"{field}: the service contract '{contract}' is neither in the catalog nor in inkludera.tjanstekontrakt.");
        }

        return null;
    }

    private static IEnumerable<(T Item, int Index)> Indexed<T>(T[]? items) =>
        (items ?? []).Select((item, index) => (item, index));

    private static CatalogProblem AsOrderProblem(CatalogProblem problem) =>
        problem with { Type = CatalogProblems.InvalidOrder, Title = "Invalid order" };

    private static CatalogProblem Invalid(string field, string detail) =>
        new(CatalogProblems.InvalidOrder, "Invalid order", 400, detail) { Field = field };

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePrefix();
}
