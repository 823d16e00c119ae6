using TjanstePlattform.Catalog.Model;

namespace TjanstePlattform.Catalog.Editing;

/// <summary>
/// Checks a whole catalog document (an import, a snapshot file) with the same rules as single changes:
/// every field, uniqueness, no overlaps. Ids are kept when they are positive and unique, else new ones are given.
/// </summary>
internal static class CatalogImport
{
    public static CatalogResult<CatalogDocument> Validate(CatalogDocument document, long nextId, DateOnly today)
    {
        var edit = new CatalogEdit(CatalogDocument.Empty, Math.Max(nextId, document.MaxId() + 1), today, new Dictionary<string, string>());
        var used = new HashSet<long>();
        long IdFor(long id) => id > 0 && used.Add(id) ? id : Reserve(edit, used);

        foreach (var (component, i) in document.Components.Select((c, i) => (c, i)))
        {
            if ((CatalogRules.CheckName($"components[{i}].hsaId", component.HsaId) ?? CatalogRules.CheckDescription($"components[{i}].description", component.Description)) is { } problem)
            {
                return problem;
            }

            if (edit.FindComponent(component.HsaId) is { } twin)
            {
                return Invalid($"components[{i}]", $"The service component '{component.HsaId}' appears twice (ids {twin.Id} and {component.Id}).");
            }

            edit.AddImported(component with { Id = IdFor(component.Id) });
        }

        foreach (var (contract, i) in document.ServiceContracts.Select((c, i) => (c, i)))
        {
            if ((CatalogRules.CheckContract($"serviceContracts[{i}].namespace", contract.Namespace) ?? CatalogRules.CheckDescription($"serviceContracts[{i}].description", contract.Description)) is { } problem)
            {
                return problem;
            }

            if (edit.FindContract(contract.Namespace) is not null)
            {
                return Invalid($"serviceContracts[{i}]", $"The service contract '{contract.Namespace}' appears twice.");
            }

            edit.AddImported(contract with { Id = IdFor(contract.Id) });
        }

        foreach (var (address, i) in document.LogicalAddresses.Select((a, i) => (a, i)))
        {
            if ((CatalogRules.CheckName($"logicalAddresses[{i}].hsaId", address.HsaId, allowAny: true) ?? CatalogRules.CheckDescription($"logicalAddresses[{i}].description", address.Description)) is { } problem)
            {
                return problem;
            }

            if (edit.FindLogicalAddress(address.HsaId) is not null)
            {
                return Invalid($"logicalAddresses[{i}]", $"The logical address '{address.HsaId}' appears twice.");
            }

            edit.AddImported(address with { Id = IdFor(address.Id) });
        }

        foreach (var (production, i) in document.ServiceProductions.Select((p, i) => (p, i)))
        {
            var field = $"serviceProductions[{i}]";
            var problem = CatalogRules.CheckName($"{field}.serviceProducer", production.ServiceProducer)
                ?? CatalogRules.CheckName($"{field}.logicalAddress", production.LogicalAddress, allowAny: true)
                ?? CatalogRules.CheckContract($"{field}.serviceContract", production.ServiceContract)
                ?? CatalogRules.CheckPhysicalAddress($"{field}.physicalAddress", production.PhysicalAddress)
                ?? CatalogRules.NormalizeProfile($"{field}.rivtaProfile", production.RivtaProfile).Problem
                ?? CatalogRules.CheckValidity(production.Validity);
            if (problem is not null)
            {
                return problem;
            }

            var added = edit.AddServiceProduction(production with { Id = IdFor(production.Id), RivtaProfile = production.RivtaProfile.ToUpperInvariant() }, keepId: true);
            if (added.Problem is not null)
            {
                return added.Problem with { Detail = $"{field}: {added.Problem.Detail}" };
            }
        }

        foreach (var (cooperation, i) in document.Cooperations.Select((c, i) => (c, i)))
        {
            var field = $"cooperations[{i}]";
            var problem = CatalogRules.CheckName($"{field}.serviceConsumer", cooperation.ServiceConsumer)
                ?? CatalogRules.CheckName($"{field}.logicalAddress", cooperation.LogicalAddress, allowAny: true)
                ?? CatalogRules.CheckContract($"{field}.serviceContract", cooperation.ServiceContract)
                ?? CatalogRules.CheckValidity(cooperation.Validity)
                ?? CatalogRules.CheckDescription($"{field}.integrationAgreement", cooperation.IntegrationAgreement);
            if (problem is not null)
            {
                return problem;
            }

            if (cooperation.Filters is null || cooperation.Filters.Any(f => f is null || string.IsNullOrWhiteSpace(f.ServiceDomain) || f.Categorizations is null || f.Categorizations.Any(string.IsNullOrWhiteSpace)))
            {
                return Invalid($"{field}.filters", $"{field}: every filter needs a serviceDomain and non-blank categorizations.");
            }

            var added = edit.AddCooperation(cooperation with { Id = IdFor(cooperation.Id) }, keepId: true);
            if (added.Problem is not null)
            {
                return added.Problem with { Detail = $"{field}: {added.Problem.Detail}" };
            }
        }

        return edit.ToDocument();
    }

    /// <summary>Replaces the edit's content with <paramref name="document"/>, recording what is created and deleted.</summary>
    public static void ReplaceWithReport(CatalogEdit edit, CatalogDocument document)
    {
        var before = edit.Original;
        edit.ReplaceAll(document, "import of a whole catalog");
        Report(edit, CatalogEntityKind.Component, before.Components, document.Components, c => c.Id, c => $"component {c.HsaId}");
        Report(edit, CatalogEntityKind.ServiceContract, before.ServiceContracts, document.ServiceContracts, c => c.Id, c => $"service contract {c.Namespace}");
        Report(edit, CatalogEntityKind.LogicalAddress, before.LogicalAddresses, document.LogicalAddresses, a => a.Id, a => $"logical address {a.HsaId}");
        Report(edit, CatalogEntityKind.ServiceProduction, before.ServiceProductions, document.ServiceProductions, p => p.Id, CatalogEdit.Describe);
        Report(edit, CatalogEntityKind.Cooperation, before.Cooperations, document.Cooperations, c => c.Id, CatalogEdit.Describe);
    }

    private static void Report<T>(CatalogEdit edit, CatalogEntityKind kind, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, long> id, Func<T, string> describe)
    {
        var old = before.Select(e => describe(e).ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var fresh = after.Select(e => describe(e).ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in after.Where(e => !old.Contains(describe(e).ToUpperInvariant())))
        {
            edit.Note(CatalogChange.Created, kind, id(entity), describe(entity));
        }

        foreach (var entity in before.Where(e => !fresh.Contains(describe(e).ToUpperInvariant())))
        {
            edit.Note(CatalogChange.Deleted, kind, id(entity), describe(entity));
        }
    }

    private static long Reserve(CatalogEdit edit, HashSet<long> used)
    {
        var id = edit.TakeId();
        used.Add(id);
        return id;
    }

    private static CatalogProblem Invalid(string field, string detail) =>
        new(CatalogProblems.InvalidDocument, "Invalid catalog document", 400, detail) { Field = field };
}
