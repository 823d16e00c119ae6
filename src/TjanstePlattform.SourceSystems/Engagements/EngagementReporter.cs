using TjanstePlattform.Soap.Service;
using System.Diagnostics;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.Platform;
using TjanstePlattform.Soap.Xml;
using TjanstePlattform.SourceSystems.Soap;
using TjanstePlattform.SourceSystems.Storage;

namespace TjanstePlattform.SourceSystems.Engagements;

/// <summary>
/// Sends the queued engagement reports to EI as a real source system does: an Update through the router
/// (<c>/vp/…/Update/1/rivtabp21</c>, LogicalAddress = the index's owner, <c>x-vp-sender-id</c> = the source system's
/// HSA-id). One at a time in queue order, so a booking's add is never overtaken by its delete; retried with back-off
/// (also at once whenever the catalog changes, which is when a missing routing or authorization may have appeared);
/// given up after <c>MaxAttempts</c> or on an EI validation fault (EIxxx), which no retry can cure.
/// </summary>
internal sealed partial class EngagementReporter : BackgroundService
{
    public const string HttpClientName = "TjanstePlattform.SourceSystems.EngagementIndex";

    private readonly ISourceSystemStore _store;
    private readonly IHttpClientFactory _http;
    private readonly IPlatformAddress _address;
    private readonly ICatalogSnapshotSource? _catalog;
    private readonly SourceSystemClock _clock;
    private readonly EngagementReportingOptions _options;
    private readonly ILogger<EngagementReporter> _logger;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<bool>> _waiters = new();
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private TaskCompletionSource<long> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _retryNow;

    public EngagementReporter(
        ISourceSystemStore store,
        IHttpClientFactory http,
        IPlatformAddress address,
        SourceSystemClock clock,
        IOptions<SourceSystemsOptions> options,
        IOptions<PlatformOptions> platform,
        ILogger<EngagementReporter> logger,
        ICatalogSnapshotSource? catalog = null)
    {
        _store = store;
        _http = http;
        _address = address;
        // Optional: a host without the catalog (some tests) has no routing changes to follow.
        _catalog = catalog;
        _clock = clock;
        _options = options.Value.EngagementIndex;
        _logger = logger;
        IndexAddress = string.IsNullOrWhiteSpace(_options.LogicalAddress) ? platform.Value.HsaId : _options.LogicalAddress;
    }

    /// <summary>The index's logical address (owner) Update is sent to.</summary>
    public string IndexAddress { get; }

    public bool Enabled => _options.Enabled;

    /// <summary>
    /// A task that completes with true once the report <paramref name="outboxId"/> reached EI (false: given up).
    /// Call it inside the write that queued the report, before the commit makes the report visible to the sender.
    /// </summary>
    public Task<bool> Track(long outboxId) =>
        _waiters.GetOrAdd(outboxId, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>
    /// Queues <paramref name="reports"/> inside a write (at most 1000 engagements per Update, as EI demands) and returns
    /// a task that completes once every one of them reached EI (a retried report can arrive after a later one), true
    /// when all did. Nothing is queued when reporting is disabled.
    /// </summary>
    public Task<bool> Queue(IStoreWriter writer, string sender, IReadOnlyCollection<EngagementReport> reports)
    {
        if (!Enabled || reports.Count == 0)
        {
            return Task.FromResult(true);
        }

        var delivered = new List<Task<bool>>();
        foreach (var chunk in reports.Chunk(1000))
        {
            delivered.Add(Track(writer.EnqueueReport(sender, chunk, _clock.UtcNow)));
        }

        return AllDelivered(delivered);
    }

    /// <summary>
    /// Completes at the next failed delivery attempt, with the <see cref="Stopwatch"/> timestamp at which that attempt
    /// started (for the start-up's readiness decision: an attempt begun before the routings were published proves nothing).
    /// </summary>
    public Task<long> NextFailure => Volatile.Read(ref _failed).Task;

    /// <summary>True once every tracked report was delivered; false when any was given up.</summary>
    public static async Task<bool> AllDelivered(IReadOnlyCollection<Task<bool>> delivered) =>
        delivered.Count == 0 || (await Task.WhenAll(delivered).ConfigureAwait(false)).All(d => d);

    /// <summary>Wakes the sender (a new report is queued).</summary>
    public void Wake() => _wake.Release();

    /// <summary>Wakes the sender and waits up to <c>WriteWait</c> for <paramref name="delivered"/>; a late report is still sent later.</summary>
    public async Task<bool> AwaitAsync(Task<bool> delivered, CancellationToken cancellationToken)
    {
        Wake();
        try
        {
            return await delivered.WaitAsync(_options.WriteWait, _clock.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogSlow(_options.WriteWait);
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Uri baseAddress;
        try
        {
            baseAddress = await _address.GetBaseAddressAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var target = new Uri(baseAddress, _options.RouterPath);
        var catalog = _catalog;
        if (catalog is not null)
        {
            catalog.Changed += OnCatalogChanged;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var retryNow = _retryNow;
                _retryNow = false;
                var due = _store.DueReports(retryNow ? DateTimeOffset.MaxValue : _clock.UtcNow, 50);
                foreach (var entry in due)
                {
                    if (!await DeliverAsync(target, entry, stoppingToken).ConfigureAwait(false))
                    {
                        break;
                    }
                }

                var next = _store.NextReportDue();
                var delay = next is null ? Timeout.InfiniteTimeSpan : next.Value - _clock.UtcNow;
                if (delay != Timeout.InfiniteTimeSpan && delay <= TimeSpan.Zero)
                {
                    continue;
                }

                await _wake.WaitAsync(delay, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (catalog is not null)
            {
                catalog.Changed -= OnCatalogChanged;
            }
        }
    }

    private void OnCatalogChanged(CatalogSnapshot snapshot)
    {
        _retryNow = true;
        Wake();
    }

    /// <summary>True when the entry is done with (delivered or given up); false when it waits for a retry.</summary>
    private async Task<bool> DeliverAsync(Uri target, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (delivered, permanent, error) = await SendAsync(target, entry, cancellationToken).ConfigureAwait(false);
        if (delivered)
        {
            await _store.ReportDeliveredAsync(entry.Id, cancellationToken).ConfigureAwait(false);
            Complete(entry.Id, true);
            return true;
        }

        var attempts = entry.Attempts + 1;
        var dead = permanent || attempts >= _options.MaxAttempts;
        var backoff = TimeSpan.FromMilliseconds(Math.Min(_options.MaxDelay.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(attempts - 1, 20))));
        await _store.ReportFailedAsync(entry.Id, error, _clock.UtcNow + backoff, dead, cancellationToken).ConfigureAwait(false);
        if (dead)
        {
            LogGivenUp(entry.Id, entry.Sender, attempts, error);
            Complete(entry.Id, false);
            Interlocked.Exchange(ref _failed, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(started);
            return true;
        }

        LogRetry(entry.Id, entry.Sender, attempts, error);
        Interlocked.Exchange(ref _failed, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(started);
        return false;
    }

    private void Complete(long id, bool delivered)
    {
        if (_waiters.TryRemove(id, out var waiter))
        {
            waiter.TrySetResult(delivered);
        }
    }

    private async Task<(bool Delivered, bool Permanent, string Error)> SendAsync(Uri target, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var update = new UpdateType { EngagementTransaction = [.. entry.Engagements.Select(e => e.ToTransaction())] };
        var body = SoapBodies.Envelope(update, SoapBodies.SerializerFor(typeof(UpdateType), EngagementIndexNamespaces.UpdateElement, EngagementIndexNamespaces.UpdateResponder),
            SoapBodies.NoExtraNamespaces, [(IndexAddress, RivtaNamespaces.LogicalAddressElement, RivtaNamespaces.Registry)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
        request.Headers.TryAddWithoutValidation("SOAPAction", EngagementIndexNamespaces.UpdateAction);
        request.Headers.TryAddWithoutValidation("x-vp-sender-id", entry.Sender);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var (resultCode, faultString) = Inspect(text);
            if (response.IsSuccessStatusCode && resultCode == "OK")
            {
                return (true, false, "");
            }

            var error = faultString ?? $"HTTP {(int)response.StatusCode}, ResultCode {resultCode ?? "missing"}";
            return (false, faultString?.StartsWith("EI", StringComparison.Ordinal) == true, error);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (false, false, ex.Message);
        }
    }

    /// <summary>The ResultCode of an Update answer, or the faultstring of a SOAP fault.</summary>
    private static (string? ResultCode, string? FaultString) Inspect(string text)
    {
        try
        {
            using var reader = SafeXml.CreateReader(new StringReader(text), maxCharacters: 1_000_000);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "ResultCode")
                {
                    return (reader.ReadElementContentAsString().Trim(), null);
                }

                if (reader.LocalName == "faultstring")
                {
                    return (null, reader.ReadElementContentAsString().Trim());
                }
            }
        }
        catch (XmlException)
        {
        }

        return (null, text.Length > 200 ? text[..200] : text);
    }

    [LoggerMessage(EventId = LogEventIds.SourceSystemsRetry, Level = LogLevel.Warning, Message = "Engagement report {Id} from {Sender} not accepted by EI (attempt {Attempt}), will retry: {Error}")]
    private partial void LogRetry(long id, string sender, int attempt, string error);

    [LoggerMessage(EventId = LogEventIds.SourceSystemsGivenUp, Level = LogLevel.Error, Message = "Engagement report {Id} from {Sender} given up after {Attempt} attempts: {Error}")]
    private partial void LogGivenUp(long id, string sender, int attempt, string error);

    [LoggerMessage(EventId = LogEventIds.SourceSystemsSlow, Level = LogLevel.Warning, Message = "EI did not confirm a write's engagement report within {Wait}; answering anyway, the report is retried in the background")]
    private partial void LogSlow(TimeSpan wait);
}
