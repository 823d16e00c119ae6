using TjanstePlattform.Catalog.Model;

namespace TjanstePlattform.Catalog.Editing;

/// <summary>The kinds of catalog entity, as named in change reports and REST paths.</summary>
public enum CatalogEntityKind
{
    ServiceProduction,
    Cooperation,
    Component,
    ServiceContract,
    LogicalAddress,
}

/// <summary>One change an edit made (or, in a dry run, would make).</summary>
public sealed record CatalogChange(string Action, CatalogEntityKind Kind, long Id, string Description)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}

/// <summary>
/// A working copy of the catalog for one change set, checked rule by rule: every add validates its fields,
/// the no-overlap rules and creates the components, contracts and logical addresses it refers to (as a
/// JSON-beställning does). Nothing is stored until the editor saves the result; a dry run simply drops it.
/// </summary>
public sealed class CatalogEdit
{
    private readonly List<ServiceComponent> _components;
    private readonly List<ServiceContractDefinition> _contracts;
    private readonly List<LogicalAddressDefinition> _addresses;
    private readonly List<ServiceProduction> _productions;
    private readonly List<Cooperation> _cooperations;
    private readonly List<CatalogChange> _changes = [];
    private readonly Dictionary<string, string> _settings;
    private EditIndex? _index;

    internal CatalogEdit(CatalogDocument working, long nextId, DateOnly today, IReadOnlyDictionary<string, string> settings)
    {
        Original = working;
        _components = [.. working.Components];
        _contracts = [.. working.ServiceContracts];
        _addresses = [.. working.LogicalAddresses];
        _productions = [.. working.ServiceProductions];
        _cooperations = [.. working.Cooperations];
        NextId = nextId;
        Today = today;
        _settings = new Dictionary<string, string>(settings, StringComparer.Ordinal);
    }

    /// <summary>The working state the edit started from.</summary>
    public CatalogDocument Original { get; }

    /// <summary>Today's date in the platform's local time: the default start of a validity.</summary>
    public DateOnly Today { get; }

    /// <summary>The next entity id (ids are never reused).</summary>
    public long NextId { get; private set; }

    public IReadOnlyList<CatalogChange> Changes => _changes;

    public bool HasChanges => _changes.Count > 0 || SettingsChanged || ReplacedAll is not null;

    /// <summary>Set when the whole content was replaced (rollback, import).</summary>
    public string? ReplacedAll { get; private set; }

    internal bool SettingsChanged { get; private set; }

    internal IReadOnlyDictionary<string, string> Settings => _settings;

    public IReadOnlyList<ServiceProduction> ServiceProductions => _productions;

    public IReadOnlyList<Cooperation> Cooperations => _cooperations;

    public IReadOnlyList<ServiceComponent> Components => _components;

    public IReadOnlyList<ServiceContractDefinition> ServiceContracts => _contracts;

    public IReadOnlyList<LogicalAddressDefinition> LogicalAddresses => _addresses;

    /// <summary>A persistent setting of the catalog (built-in bookkeeping).</summary>
    public string? GetSetting(string key) => _settings.GetValueOrDefault(key);

    public void SetSetting(string key, string value)
    {
        if (_settings.GetValueOrDefault(key) != value)
        {
            _settings[key] = value;
            SettingsChanged = true;
        }
    }

    public CatalogDocument ToDocument() => new([.. _components], [.. _contracts], [.. _addresses], [.. _productions], [.. _cooperations]);

    /// <summary>Adds a routing (vägval) with its physical address.</summary>
    public CatalogResult<ServiceProduction> AddServiceProduction(ServiceProductionRequest request)
    {
        var problem = CatalogRules.CheckName("serviceProducer", request.ServiceProducer)
            ?? CatalogRules.CheckName("logicalAddress", request.LogicalAddress, allowAny: true)
            ?? CatalogRules.CheckContract("serviceContract", request.ServiceContract)
            ?? CatalogRules.CheckPhysicalAddress("physicalAddress", request.PhysicalAddress);
        if (problem is not null)
        {
            return problem;
        }

        var profile = CatalogRules.NormalizeProfile("rivtaProfile", request.RivtaProfile);
        if (profile.Problem is not null)
        {
            return profile.Problem;
        }

        var validity = CatalogRules.ParseValidity(request.ValidFrom, request.ValidTo, Today);
        if (validity.Problem is not null)
        {
            return validity.Problem;
        }

        var production = new ServiceProduction(0, request.ServiceProducer!, request.LogicalAddress!, request.ServiceContract!,
            request.PhysicalAddress!, profile.Value!, validity.Value);
        return AddServiceProduction(production);
    }

    /// <summary>Adds a checked routing (ids are assigned here; <paramref name="production"/>'s id is ignored unless <paramref name="keepId"/>).</summary>
    internal CatalogResult<ServiceProduction> AddServiceProduction(ServiceProduction production, bool keepId = false)
    {
        if (FindOverlappingRouting(production.LogicalAddress, production.ServiceContract, production.Validity, exceptId: null) is { } conflict)
        {
            return new CatalogProblem(CatalogProblems.OverlappingRouting, "Overlapping routing", 409,
                $"A routing for logical address '{conflict.LogicalAddress}' and service contract '{conflict.ServiceContract}' " +
                $"already exists with an overlapping validity ({CatalogRules.Format(conflict.Validity.From)}..{CatalogRules.Format(conflict.Validity.To)}): " +
                $"service production {conflict.Id} to {conflict.PhysicalAddress}.")
            {
                ConflictingId = conflict.Id,
            };
        }

        EnsureComponent(production.ServiceProducer);
        EnsureContract(production.ServiceContract);
        EnsureLogicalAddress(production.LogicalAddress);
        var stored = keepId ? production : production with { Id = NextId++ };
        NextId = Math.Max(NextId, stored.Id + 1);
        AddEntity(stored);
        Record(CatalogChange.Created, CatalogEntityKind.ServiceProduction, stored.Id, Describe(stored));
        return stored;
    }

    /// <summary>Adds an authorization (anropsbehörighet).</summary>
    public CatalogResult<Cooperation> AddCooperation(CooperationRequest request)
    {
        var problem = CatalogRules.CheckName("serviceConsumer", request.ServiceConsumer)
            ?? CatalogRules.CheckName("logicalAddress", request.LogicalAddress, allowAny: true)
            ?? CatalogRules.CheckContract("serviceContract", request.ServiceContract)
            ?? CatalogRules.CheckDescription("integrationAgreement", request.IntegrationAgreement);
        if (problem is not null)
        {
            return problem;
        }

        var validity = CatalogRules.ParseValidity(request.ValidFrom, request.ValidTo, Today);
        if (validity.Problem is not null)
        {
            return validity.Problem;
        }

        var filters = new List<CooperationFilter>();
        for (var i = 0; i < (request.Filters?.Length ?? 0); i++)
        {
            var filter = request.Filters![i];
            if (filter is null || string.IsNullOrWhiteSpace(filter.ServiceDomain))
            {
                return CatalogProblems.Missing($"filters[{i}].serviceDomain");
            }

            var categorizations = filter.Categorizations ?? [];
            if (categorizations.Any(string.IsNullOrWhiteSpace))
            {
                return CatalogProblems.Invalid($"filters[{i}].categorizations", $"'filters[{i}].categorizations' must not hold blank values.");
            }

            if (filters.Any(f => string.Equals(f.ServiceDomain, filter.ServiceDomain.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                return CatalogProblems.Invalid($"filters[{i}].serviceDomain", $"The service domain '{filter.ServiceDomain}' is filtered twice.");
            }

            filters.Add(new CooperationFilter(filter.ServiceDomain.Trim(),
                categorizations.Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()));
        }

        var cooperation = new Cooperation(0, request.ServiceConsumer!, request.LogicalAddress!, request.ServiceContract!, validity.Value, filters)
        {
            IntegrationAgreement = string.IsNullOrWhiteSpace(request.IntegrationAgreement) ? null : request.IntegrationAgreement.Trim(),
        };
        return AddCooperation(cooperation);
    }

    internal CatalogResult<Cooperation> AddCooperation(Cooperation cooperation, bool keepId = false)
    {
        if (FindOverlappingAuthorization(cooperation.ServiceConsumer, cooperation.LogicalAddress, cooperation.ServiceContract, cooperation.Validity, exceptId: null) is { } conflict)
        {
            return new CatalogProblem(CatalogProblems.OverlappingAuthorization, "Overlapping authorization", 409,
                $"Consumer '{conflict.ServiceConsumer}' is already authorized for service contract '{conflict.ServiceContract}' at logical address " +
                $"'{conflict.LogicalAddress}' with an overlapping validity ({CatalogRules.Format(conflict.Validity.From)}..{CatalogRules.Format(conflict.Validity.To)}): " +
                $"cooperation {conflict.Id}.")
            {
                ConflictingId = conflict.Id,
            };
        }

        EnsureComponent(cooperation.ServiceConsumer);
        EnsureContract(cooperation.ServiceContract);
        EnsureLogicalAddress(cooperation.LogicalAddress);
        var stored = keepId ? cooperation : cooperation with { Id = NextId++ };
        NextId = Math.Max(NextId, stored.Id + 1);
        AddEntity(stored);
        Record(CatalogChange.Created, CatalogEntityKind.Cooperation, stored.Id, Describe(stored));
        return stored;
    }

    public CatalogResult<ServiceComponent> AddComponent(ServiceComponentRequest request)
    {
        var problem = CatalogRules.CheckName("hsaId", request.HsaId) ?? CatalogRules.CheckDescription("description", request.Description);
        if (problem is not null)
        {
            return problem;
        }

        if (FindComponent(request.HsaId!) is { } existing)
        {
            return Duplicate("service component", "hsaId", existing.HsaId, existing.Id);
        }

        var component = new ServiceComponent(NextId++, request.HsaId!, request.Description);
        AddEntity(component);
        Record(CatalogChange.Created, CatalogEntityKind.Component, component.Id, $"component {component.HsaId}");
        return component;
    }

    public CatalogResult<ServiceContractDefinition> AddServiceContract(ServiceContractRequest request)
    {
        var problem = CatalogRules.CheckContract("namespace", request.Namespace) ?? CatalogRules.CheckDescription("description", request.Description);
        if (problem is not null)
        {
            return problem;
        }

        if (request.Major is < 0 or > 999 || request.Minor is < 0 or > 999)
        {
            return CatalogProblems.Invalid("major", "'major' and 'minor' must be between 0 and 999.");
        }

        var derived = ServiceContractNames.VersionOf(request.Namespace!);
        if (derived is { } version && request.Major is { } major && major != version.Major)
        {
            return CatalogProblems.Invalid("major", $"'major' {major} contradicts the namespace, which says major version {version.Major}.");
        }

        if (FindContract(request.Namespace!) is { } existing)
        {
            return Duplicate("service contract", "namespace", existing.Namespace, existing.Id);
        }

        var contract = new ServiceContractDefinition(NextId++, request.Namespace!,
            request.Major ?? derived?.Major ?? 1, request.Minor ?? derived?.Minor ?? 0, request.Description);
        AddEntity(contract);
        Record(CatalogChange.Created, CatalogEntityKind.ServiceContract, contract.Id, $"service contract {contract.Namespace}");
        return contract;
    }

    public CatalogResult<LogicalAddressDefinition> AddLogicalAddress(LogicalAddressRequest request)
    {
        var problem = CatalogRules.CheckName("hsaId", request.HsaId, allowAny: true) ?? CatalogRules.CheckDescription("description", request.Description);
        if (problem is not null)
        {
            return problem;
        }

        if (FindLogicalAddress(request.HsaId!) is { } existing)
        {
            return Duplicate("logical address", "hsaId", existing.HsaId, existing.Id);
        }

        var address = new LogicalAddressDefinition(NextId++, request.HsaId!, request.Description);
        AddEntity(address);
        Record(CatalogChange.Created, CatalogEntityKind.LogicalAddress, address.Id, $"logical address {address.HsaId}");
        return address;
    }

    /// <summary>Removes an entity. Components, contracts and logical addresses still referred to are refused.</summary>
    public CatalogResult<bool> Remove(CatalogEntityKind kind, long id)
    {
        switch (kind)
        {
            case CatalogEntityKind.ServiceProduction:
                var production = _productions.Find(p => p.Id == id);
                if (production is null)
                {
                    return CatalogProblems.NotFoundEntity("service production", id);
                }

                RemoveEntity(production);
                Record(CatalogChange.Deleted, kind, id, Describe(production));
                return true;
            case CatalogEntityKind.Cooperation:
                var cooperation = _cooperations.Find(c => c.Id == id);
                if (cooperation is null)
                {
                    return CatalogProblems.NotFoundEntity("cooperation", id);
                }

                RemoveEntity(cooperation);
                Record(CatalogChange.Deleted, kind, id, Describe(cooperation));
                return true;
            case CatalogEntityKind.Component:
                var component = _components.Find(c => c.Id == id);
                if (component is null)
                {
                    return CatalogProblems.NotFoundEntity("service component", id);
                }

                if (ReferencedBy("service component", component.HsaId, p => p.ServiceProducer, c => c.ServiceConsumer) is { } componentInUse)
                {
                    return componentInUse;
                }

                RemoveEntity(component);
                Record(CatalogChange.Deleted, kind, id, $"component {component.HsaId}");
                return true;
            case CatalogEntityKind.ServiceContract:
                var contract = _contracts.Find(c => c.Id == id);
                if (contract is null)
                {
                    return CatalogProblems.NotFoundEntity("service contract", id);
                }

                if (ReferencedBy("service contract", contract.Namespace, p => p.ServiceContract, c => c.ServiceContract) is { } contractInUse)
                {
                    return contractInUse;
                }

                RemoveEntity(contract);
                Record(CatalogChange.Deleted, kind, id, $"service contract {contract.Namespace}");
                return true;
            case CatalogEntityKind.LogicalAddress:
                var address = _addresses.Find(a => a.Id == id);
                if (address is null)
                {
                    return CatalogProblems.NotFoundEntity("logical address", id);
                }

                if (ReferencedBy("logical address", address.HsaId, p => p.LogicalAddress, c => c.LogicalAddress) is { } addressInUse)
                {
                    return addressInUse;
                }

                RemoveEntity(address);
                Record(CatalogChange.Deleted, kind, id, $"logical address {address.HsaId}");
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>Points an existing routing at a new physical address (built-in producers after the base address moved).</summary>
    public CatalogResult<ServiceProduction> UpdatePhysicalAddress(long id, string physicalAddress)
    {
        var index = _productions.FindIndex(p => p.Id == id);
        if (index < 0)
        {
            return CatalogProblems.NotFoundEntity("service production", id);
        }

        if (CatalogRules.CheckPhysicalAddress("physicalAddress", physicalAddress) is { } problem)
        {
            return problem;
        }

        var updated = _productions[index] with { PhysicalAddress = physicalAddress };
        ReplaceEntity(index, updated);
        Record(CatalogChange.Updated, CatalogEntityKind.ServiceProduction, id, Describe(updated));
        return updated;
    }

    /// <summary>Gives a routing a new validity (an order ends it the day before its own routing starts).</summary>
    internal ServiceProduction SetValidity(ServiceProduction production, Validity validity)
    {
        var index = _productions.FindIndex(p => p.Id == production.Id);
        var updated = _productions[index] with { Validity = validity };
        ReplaceEntity(index, updated);
        Record(CatalogChange.Updated, CatalogEntityKind.ServiceProduction, updated.Id, Describe(updated));
        return updated;
    }

    /// <summary>Gives an authorization a new validity.</summary>
    internal Cooperation SetValidity(Cooperation cooperation, Validity validity)
    {
        var index = _cooperations.FindIndex(c => c.Id == cooperation.Id);
        var updated = _cooperations[index] with { Validity = validity };
        ReplaceEntity(index, updated);
        Record(CatalogChange.Updated, CatalogEntityKind.Cooperation, updated.Id, Describe(updated));
        return updated;
    }

    /// <summary>Creates the component, or updates its description when it differs.</summary>
    internal void UpsertComponent(string hsaId, string? description)
    {
        var index = _components.FindIndex(c => Same(c.HsaId, hsaId));
        if (index < 0)
        {
            var component = new ServiceComponent(NextId++, hsaId, description);
            AddEntity(component);
            Record(CatalogChange.Created, CatalogEntityKind.Component, component.Id, $"component {hsaId}");
        }
        else if (description is not null && _components[index].Description != description)
        {
            ReplaceEntity(index, _components[index] with { Description = description });
            Record(CatalogChange.Updated, CatalogEntityKind.Component, _components[index].Id, $"component {hsaId}: description '{description}'");
        }
    }

    /// <summary>Creates the contract, or updates its description and version when they differ.</summary>
    internal void UpsertContract(string serviceContract, string? description, int? major, int? minor)
    {
        var derived = ServiceContractNames.VersionOf(serviceContract) ?? (1, 0);
        var index = _contracts.FindIndex(c => Same(c.Namespace, serviceContract));
        if (index < 0)
        {
            var contract = new ServiceContractDefinition(NextId++, serviceContract, major ?? derived.Major, minor ?? derived.Minor, description);
            AddEntity(contract);
            Record(CatalogChange.Created, CatalogEntityKind.ServiceContract, contract.Id, $"service contract {serviceContract}");
            return;
        }

        var current = _contracts[index];
        var updated = current with
        {
            Description = description ?? current.Description,
            Major = major ?? current.Major,
            Minor = minor ?? current.Minor,
        };
        if (updated != current)
        {
            ReplaceEntity(index, updated);
            Record(CatalogChange.Updated, CatalogEntityKind.ServiceContract, updated.Id, $"service contract {serviceContract} {updated.Major}.{updated.Minor}: description '{updated.Description}'");
        }
    }

    /// <summary>Creates the logical address, or updates its description when it differs.</summary>
    internal void UpsertLogicalAddress(string hsaId, string? description)
    {
        var index = _addresses.FindIndex(a => Same(a.HsaId, hsaId));
        if (index < 0)
        {
            var address = new LogicalAddressDefinition(NextId++, hsaId, description);
            AddEntity(address);
            Record(CatalogChange.Created, CatalogEntityKind.LogicalAddress, address.Id, $"logical address {hsaId}");
        }
        else if (description is not null && _addresses[index].Description != description)
        {
            ReplaceEntity(index, _addresses[index] with { Description = description });
            Record(CatalogChange.Updated, CatalogEntityKind.LogicalAddress, _addresses[index].Id, $"logical address {hsaId}: description '{description}'");
        }
    }

    /// <summary>Replaces the whole content (rollback, import); the caller has validated <paramref name="document"/>.</summary>
    internal void ReplaceAll(CatalogDocument document, string description)
    {
        _components.Clear();
        _components.AddRange(document.Components);
        _contracts.Clear();
        _contracts.AddRange(document.ServiceContracts);
        _addresses.Clear();
        _addresses.AddRange(document.LogicalAddresses);
        _productions.Clear();
        _productions.AddRange(document.ServiceProductions);
        _cooperations.Clear();
        _cooperations.AddRange(document.Cooperations);
        _index = null;
        NextId = Math.Max(NextId, document.MaxId() + 1);
        ReplacedAll = description;
    }

    internal void AddImported(ServiceComponent component)
    {
        AddEntity(component);
        NextId = Math.Max(NextId, component.Id + 1);
    }

    internal void AddImported(ServiceContractDefinition contract)
    {
        AddEntity(contract);
        NextId = Math.Max(NextId, contract.Id + 1);
    }

    internal void AddImported(LogicalAddressDefinition address)
    {
        AddEntity(address);
        NextId = Math.Max(NextId, address.Id + 1);
    }

    internal long TakeId() => NextId++;

    internal void Note(string action, CatalogEntityKind kind, long id, string description) => Record(action, kind, id, description);

    public ServiceComponent? FindComponent(string hsaId) => Index.Components.GetValueOrDefault(hsaId);

    public ServiceContractDefinition? FindContract(string serviceContract) => Index.Contracts.GetValueOrDefault(serviceContract);

    public LogicalAddressDefinition? FindLogicalAddress(string hsaId) => Index.Addresses.GetValueOrDefault(hsaId);

    /// <summary>Every routing for the (logical address, contract) pair, case-insensitively, whatever its validity.</summary>
    public IReadOnlyList<ServiceProduction> RoutingsFor(string logicalAddress, string serviceContract) =>
        Index.Routings.TryGetValue((logicalAddress, serviceContract), out var found) ? found : [];

    /// <summary>Every authorization for the (consumer, logical address, contract) triple, case-insensitively, whatever its validity.</summary>
    public IReadOnlyList<Cooperation> AuthorizationsFor(string consumer, string logicalAddress, string serviceContract) =>
        Index.Authorizations.TryGetValue((consumer, logicalAddress, serviceContract), out var found) ? found : [];

    /// <summary>A routing for the same (logical address, contract) whose validity overlaps (TAK's no-overlap rule for vägval).</summary>
    public ServiceProduction? FindOverlappingRouting(string logicalAddress, string serviceContract, Validity validity, long? exceptId) =>
        RoutingsFor(logicalAddress, serviceContract).FirstOrDefault(p => p.Id != exceptId && p.Validity.Overlaps(validity));

    /// <summary>An equivalent authorization (same consumer, logical address and contract) whose validity overlaps.</summary>
    public Cooperation? FindOverlappingAuthorization(string consumer, string logicalAddress, string serviceContract, Validity validity, long? exceptId) =>
        AuthorizationsFor(consumer, logicalAddress, serviceContract).FirstOrDefault(c => c.Id != exceptId && c.Validity.Overlaps(validity));

    internal void EnsureComponent(string hsaId)
    {
        if (FindComponent(hsaId) is null)
        {
            var component = new ServiceComponent(NextId++, hsaId, null);
            AddEntity(component);
            Record(CatalogChange.Created, CatalogEntityKind.Component, component.Id, $"component {hsaId}");
        }
    }

    internal void EnsureContract(string serviceContract)
    {
        if (FindContract(serviceContract) is null)
        {
            var version = ServiceContractNames.VersionOf(serviceContract) ?? (1, 0);
            var contract = new ServiceContractDefinition(NextId++, serviceContract, version.Major, version.Minor, null);
            AddEntity(contract);
            Record(CatalogChange.Created, CatalogEntityKind.ServiceContract, contract.Id, $"service contract {serviceContract}");
        }
    }

    internal void EnsureLogicalAddress(string hsaId)
    {
        if (FindLogicalAddress(hsaId) is null)
        {
            var address = new LogicalAddressDefinition(NextId++, hsaId, null);
            AddEntity(address);
            Record(CatalogChange.Created, CatalogEntityKind.LogicalAddress, address.Id, $"logical address {hsaId}");
        }
    }

    internal static string Describe(ServiceProduction p) =>
        $"routing {p.LogicalAddress} / {p.ServiceContract} -> {p.PhysicalAddress} ({p.RivtaProfile}, producer {p.ServiceProducer}, {CatalogRules.Format(p.Validity.From)}..{CatalogRules.Format(p.Validity.To)})";

    internal static string Describe(Cooperation c) =>
        $"authorization {c.ServiceConsumer} -> {c.LogicalAddress} / {c.ServiceContract} ({CatalogRules.Format(c.Validity.From)}..{CatalogRules.Format(c.Validity.To)})";

    /// <summary>Case-insensitive look-ups, built on first use and kept in step with every change: bulk orders and imports stay linear.</summary>
    private EditIndex Index => _index ??= new EditIndex(_components, _contracts, _addresses, _productions, _cooperations);

    private void AddEntity(ServiceProduction production)
    {
        _productions.Add(production);
        _index?.Add(production);
    }

    private void AddEntity(Cooperation cooperation)
    {
        _cooperations.Add(cooperation);
        _index?.Add(cooperation);
    }

    private void AddEntity(ServiceComponent component)
    {
        _components.Add(component);
        _index?.Components.TryAdd(component.HsaId, component);
    }

    private void AddEntity(ServiceContractDefinition contract)
    {
        _contracts.Add(contract);
        _index?.Contracts.TryAdd(contract.Namespace, contract);
    }

    private void AddEntity(LogicalAddressDefinition address)
    {
        _addresses.Add(address);
        _index?.Addresses.TryAdd(address.HsaId, address);
    }

    private void RemoveEntity(ServiceProduction production)
    {
        _productions.Remove(production);
        _index?.Remove(production);
    }

    private void RemoveEntity(Cooperation cooperation)
    {
        _cooperations.Remove(cooperation);
        _index?.Remove(cooperation);
    }

    private void RemoveEntity(ServiceComponent component)
    {
        _components.Remove(component);
        _index?.Components.Remove(component.HsaId);
    }

    private void RemoveEntity(ServiceContractDefinition contract)
    {
        _contracts.Remove(contract);
        _index?.Contracts.Remove(contract.Namespace);
    }

    private void RemoveEntity(LogicalAddressDefinition address)
    {
        _addresses.Remove(address);
        _index?.Addresses.Remove(address.HsaId);
    }

    private void ReplaceEntity(int position, ServiceProduction updated)
    {
        _index?.Remove(_productions[position]);
        _productions[position] = updated;
        _index?.Add(updated);
    }

    private void ReplaceEntity(int position, Cooperation updated)
    {
        _index?.Remove(_cooperations[position]);
        _cooperations[position] = updated;
        _index?.Add(updated);
    }

    private void ReplaceEntity(int position, ServiceComponent updated)
    {
        _components[position] = updated;
        _index?.Components[updated.HsaId] = updated;
    }

    private void ReplaceEntity(int position, ServiceContractDefinition updated)
    {
        _contracts[position] = updated;
        _index?.Contracts[updated.Namespace] = updated;
    }

    private void ReplaceEntity(int position, LogicalAddressDefinition updated)
    {
        _addresses[position] = updated;
        _index?.Addresses[updated.HsaId] = updated;
    }

    private void Record(string action, CatalogEntityKind kind, long id, string description) =>
        _changes.Add(new CatalogChange(action, kind, id, description));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static CatalogProblem Duplicate(string kind, string field, string value, long id) =>
        new(CatalogProblems.Duplicate, "Duplicate entity", 409, $"A {kind} with {field} '{value}' already exists: id {id}.")
        {
            ConflictingId = id,
            Field = field,
        };

    /// <summary>The first routing, then authorization, that still refers to <paramref name="name"/> (a delete must wait for it).</summary>
    private CatalogProblem? ReferencedBy(string kind, string name, Func<ServiceProduction, string> production, Func<Cooperation, string> cooperation)
    {
        if (_productions.FirstOrDefault(p => Same(production(p), name)) is { } routing)
        {
            return InUse(kind, name, "service production", routing.Id);
        }

        return _cooperations.FirstOrDefault(c => Same(cooperation(c), name)) is { } authorization
            ? InUse(kind, name, "cooperation", authorization.Id)
            : null;
    }

    private static CatalogProblem InUse(string kind, string name, string referrer, long referrerId) =>
        new(CatalogProblems.InUse, "Entity in use", 409, $"The {kind} '{name}' is still used by {referrer} {referrerId}; delete that first.")
        {
            ConflictingId = referrerId,
        };
}

/// <summary>The look-ups of one edit: names and keys compared case-insensitively, as the router compares them.</summary>
internal sealed class EditIndex
{
    public EditIndex(
        IEnumerable<ServiceComponent> components,
        IEnumerable<ServiceContractDefinition> contracts,
        IEnumerable<LogicalAddressDefinition> addresses,
        IEnumerable<ServiceProduction> productions,
        IEnumerable<Cooperation> cooperations)
    {
        foreach (var component in components)
        {
            Components.TryAdd(component.HsaId, component);
        }

        foreach (var contract in contracts)
        {
            Contracts.TryAdd(contract.Namespace, contract);
        }

        foreach (var address in addresses)
        {
            Addresses.TryAdd(address.HsaId, address);
        }

        foreach (var production in productions)
        {
            Add(production);
        }

        foreach (var cooperation in cooperations)
        {
            Add(cooperation);
        }
    }

    public Dictionary<string, ServiceComponent> Components { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, ServiceContractDefinition> Contracts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, LogicalAddressDefinition> Addresses { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<(string, string), List<ServiceProduction>> Routings { get; } = new(KeyComparer.Instance);

    public Dictionary<(string, string, string), List<Cooperation>> Authorizations { get; } = new(KeyComparer.Instance);

    public void Add(ServiceProduction production)
    {
        var key = (production.LogicalAddress, production.ServiceContract);
        if (!Routings.TryGetValue(key, out var list))
        {
            Routings[key] = list = [];
        }

        list.Add(production);
    }

    public void Remove(ServiceProduction production)
    {
        if (Routings.TryGetValue((production.LogicalAddress, production.ServiceContract), out var list))
        {
            list.RemoveAll(p => p.Id == production.Id);
        }
    }

    public void Add(Cooperation cooperation)
    {
        var key = (cooperation.ServiceConsumer, cooperation.LogicalAddress, cooperation.ServiceContract);
        if (!Authorizations.TryGetValue(key, out var list))
        {
            Authorizations[key] = list = [];
        }

        list.Add(cooperation);
    }

    public void Remove(Cooperation cooperation)
    {
        if (Authorizations.TryGetValue((cooperation.ServiceConsumer, cooperation.LogicalAddress, cooperation.ServiceContract), out var list))
        {
            list.RemoveAll(c => c.Id == cooperation.Id);
        }
    }

    private sealed class KeyComparer : IEqualityComparer<(string, string)>, IEqualityComparer<(string, string, string)>
    {
        public static readonly KeyComparer Instance = new();

        private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

        public bool Equals((string, string) x, (string, string) y) => Names.Equals(x.Item1, y.Item1) && Names.Equals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) => HashCode.Combine(Names.GetHashCode(obj.Item1), Names.GetHashCode(obj.Item2));

        public bool Equals((string, string, string) x, (string, string, string) y) =>
            Names.Equals(x.Item1, y.Item1) && Names.Equals(x.Item2, y.Item2) && Names.Equals(x.Item3, y.Item3);

        public int GetHashCode((string, string, string) obj) =>
            HashCode.Combine(Names.GetHashCode(obj.Item1), Names.GetHashCode(obj.Item2), Names.GetHashCode(obj.Item3));
    }
}
