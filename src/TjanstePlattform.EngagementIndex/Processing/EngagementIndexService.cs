using Microsoft.Extensions.Options;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Notifications;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Platform;

namespace TjanstePlattform.EngagementIndex.Processing;

/// <summary>The four operations of the index, independent of the SOAP plumbing.</summary>
internal sealed class EngagementIndexService : IEngagementFinder
{
    private readonly IEngagementStore _store;
    private readonly NotificationPlanner _planner;
    private readonly INotificationSignal _signal;
    private readonly EngagementClock _clock;
    private readonly EngagementIndexOptions _options;
    private readonly HashSet<string> _reserved;

    public EngagementIndexService(
        IEngagementStore store,
        NotificationPlanner planner,
        INotificationSignal signal,
        EngagementClock clock,
        IOptions<EngagementIndexOptions> options,
        IOptions<PlatformOptions> platform)
    {
        _store = store;
        _planner = planner;
        _signal = signal;
        _clock = clock;
        _options = options.Value;
        _reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { platform.Value.HsaId, Owner };
        _reserved.UnionWith(_options.ReservedHsaIds.Where(id => !string.IsNullOrWhiteSpace(id)));
    }

    public string Owner => _options.Owner!;

    /// <summary>
    /// Update: validates everything first (all or nothing), forces the owner, stores the batch and its outbox rows in
    /// one transaction and answers OK only once that is durable. (The reference answers OK first and stores from a
    /// queue afterwards, so an OK there does not mean the engagements are in the index yet.)
    /// </summary>
    public Task<UpdateResponseType> UpdateAsync(string? logicalAddress, UpdateType request, CancellationToken cancellationToken) =>
        EngagementIndexMetrics.CountUpdateAsync("Update", UpdateCoreAsync(logicalAddress, request, cancellationToken));

    private async Task<UpdateResponseType> UpdateCoreAsync(string? logicalAddress, UpdateType request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(logicalAddress))
        {
            throw EngagementIndexFault.InvalidRouting("missing", Owner);
        }

        if (!string.Equals(logicalAddress, Owner, StringComparison.OrdinalIgnoreCase))
        {
            throw EngagementIndexFault.InvalidRouting(logicalAddress, Owner);
        }

        var keys = EngagementValidator.Validate(request.EngagementTransaction, Owner, _reserved);
        var writes = new List<EngagementWrite>(request.EngagementTransaction.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            var transaction = request.EngagementTransaction[i];
            writes.Add(new EngagementWrite(transaction.DeleteFlag, EngagementMapping.ToEngagement(transaction.Engagement!, Owner), keys[i]));
        }

        await ApplyAsync(writes, cancellationToken).ConfigureAwait(false);
        return new UpdateResponseType { ResultCode = ResultCodeEnum.OK };
    }

    /// <summary>
    /// ProcessNotification from another index: transactions owned by us are dropped (we are their source of truth),
    /// the rest are stored with their owner, replacing a locally owned twin, and passed on to our subscribers.
    /// </summary>
    public Task<ProcessNotificationResponseType> ProcessNotificationAsync(ProcessNotificationType request, CancellationToken cancellationToken) =>
        EngagementIndexMetrics.CountUpdateAsync("ProcessNotification", ProcessNotificationCoreAsync(request, cancellationToken));

    private async Task<ProcessNotificationResponseType> ProcessNotificationCoreAsync(ProcessNotificationType request, CancellationToken cancellationToken)
    {
        var keys = EngagementValidator.Validate(request.EngagementTransaction, forcedOwner: null, _reserved);
        var writes = new List<EngagementWrite>(request.EngagementTransaction.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            var transaction = request.EngagementTransaction[i];
            var owner = transaction.Engagement!.Owner!;
            if (string.Equals(owner, Owner, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var engagement = EngagementMapping.ToEngagement(transaction.Engagement, owner);
            writes.Add(new EngagementWrite(
                transaction.DeleteFlag,
                engagement,
                keys[i],
                transaction.DeleteFlag ? null : EngagementKey.WithOwner(engagement, Owner)));
        }

        if (writes.Count > 0)
        {
            await ApplyAsync(writes, cancellationToken).ConfigureAwait(false);
        }

        return new ProcessNotificationResponseType { ResultCode = ResultCodeEnum.OK };
    }

    public FindContentResponseType FindContent(FindContentType request) =>
        EngagementIndexMetrics.CountFind(() => FindContentCore(request));

    private FindContentResponseType FindContentCore(FindContentType request)
    {
        if (string.IsNullOrEmpty(request.RegisteredResidentIdentification))
        {
            throw EngagementIndexFault.TechnicalError("registeredResidentIdentification is mandatory but missing");
        }

        if (string.IsNullOrEmpty(request.ServiceDomain))
        {
            throw EngagementIndexFault.TechnicalError("serviceDomain is mandatory but missing");
        }

        EngagementValidator.Timestamp("mostRecentContent", request.MostRecentContent);
        var found = _store.Find(new EngagementQuery(
            request.RegisteredResidentIdentification,
            request.ServiceDomain,
            request.Categorization,
            request.LogicalAddress,
            request.BusinessObjectInstanceIdentifier,
            request.ClinicalProcessInterestId,
            NullIfEmpty(request.MostRecentContent),
            request.SourceSystem,
            request.DataController,
            request.Owner));
        var response = new FindContentResponseType { Engagement = new List<EngagementType>(found.Count) };
        foreach (var engagement in found)
        {
            response.Engagement.Add(EngagementMapping.ToWire(engagement));
        }

        return response;
    }

    /// <summary>
    /// GetUpdates (never implemented by the reference): the engagements of a service domain created or changed at or
    /// after <c>timeStamp</c>, residents in order, paged by <c>registeredResidentLastFetched</c>. Deletions are not
    /// reported (EngagementType cannot say "deleted"); ProcessNotification carries them.
    /// </summary>
    public GetUpdatesResponseType GetUpdates(GetUpdatesType request)
    {
        if (string.IsNullOrEmpty(request.ServiceDomain))
        {
            throw EngagementIndexFault.TechnicalError("serviceDomain is mandatory but missing");
        }

        if (string.IsNullOrEmpty(request.TimeStamp))
        {
            throw EngagementIndexFault.TechnicalError("timeStamp is mandatory but missing");
        }

        EngagementValidator.Timestamp("timeStamp", request.TimeStamp);
        var page = _store.GetUpdates(request.ServiceDomain, request.TimeStamp, NullIfEmpty(request.RegisteredResidentLastFetched), _options.GetUpdatesPageSize);
        return new GetUpdatesResponseType
        {
            ResponseIsComplete = page.IsComplete,
            RegisteredResidentEngagement = page.Residents.Select(r => new RegisteredResidentEngagementType
            {
                RegisteredResidentIdentification = r.Resident,
                Engagement = r.Engagements.Select(EngagementMapping.ToWire).ToList(),
            }).ToList(),
        };
    }

    /// <summary>In-process FindContent for the aggregating services.</summary>
    public Task<IReadOnlyList<Engagement>> FindAsync(EngagementQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.RegisteredResidentIdentification);
        ArgumentException.ThrowIfNullOrEmpty(query.ServiceDomain);
        return Task.FromResult(EngagementIndexMetrics.CountFind(() => _store.Find(query)));
    }

    private async Task ApplyAsync(List<EngagementWrite> writes, CancellationToken cancellationToken)
    {
        var result = await _store.ApplyAsync(writes, _clock.Timestamp, _planner.ForCurrentSubscribers(), cancellationToken).ConfigureAwait(false);
        foreach (var subscriber in result.Subscribers)
        {
            _signal.Wake(subscriber);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
