using TjanstePlattform.Platform;
using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using TjanstePlattform.EngagementIndex.Storage;

namespace TjanstePlattform.EngagementIndex.Notifications;

/// <summary>What became of one outbox message: delivered, or dead-lettered after <see cref="Attempts"/> failed tries.</summary>
internal sealed record NotificationOutcome(long Id, string Subscriber, bool Delivered, int Attempts);

/// <summary>Wakes the delivery queue of a subscriber after new outbox rows were committed for it.</summary>
public interface INotificationSignal
{
    void Wake(string subscriber);
}

/// <summary>
/// Delivers the outbox: one independent, ordered queue per subscriber, each with its own resilience pipeline
/// (Polly: retry with exponential back-off, a circuit breaker, a timeout per attempt). A slow or dead subscriber
/// only holds up its own queue; Update never waits for a delivery. After
/// <see cref="NotificationOptions.MaxAttempts"/> failed tries a notification is dead-lettered and the queue moves on.
/// At start-up every queue with pending rows resumes (the outbox is the state; nothing is kept only in memory).
/// </summary>
internal sealed partial class NotificationDispatcher : IHostedService, INotificationSignal, IDisposable
{
    private static readonly ResiliencePropertyKey<int> AttemptsKey = new("tjp.ei.attempts");

    private readonly INotificationOutbox _outbox;
    private readonly INotificationTransport _transport;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly ConcurrentDictionary<string, SubscriberQueue> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();

    public NotificationDispatcher(
        INotificationOutbox outbox,
        INotificationTransport transport,
        IOptions<EngagementIndexOptions> options,
        TimeProvider time,
        ILogger<NotificationDispatcher> logger,
        IHostApplicationLifetime? lifetime = null)
    {
        _outbox = outbox;
        _transport = transport;
        _options = options.Value.Notifications;
        _time = time;
        _logger = logger;

        // Deliveries in flight go through the platform's own router: cancel them as soon as the host starts stopping,
        // or Kestrel's graceful shutdown would wait for them (they stay in the outbox for the next start).
        lifetime?.ApplicationStopping.Register(() => _stopping.Cancel());
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(ResumeAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        var running = _queues.Values.Select(q => q.Completion).ToArray();
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host gave up waiting; undelivered rows stay in the outbox for the next start.
        }
    }

    public void Wake(string subscriber)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        if (!_queues.TryGetValue(subscriber, out var queue))
        {
            // Created under a lock: a queue starts its loop when constructed, and there must be one loop per subscriber.
            lock (_queues)
            {
                queue = _queues.GetOrAdd(subscriber, s => new SubscriberQueue(this, s));
            }
        }

        queue.Signal();
    }

    /// <summary>Raised after a notification was delivered or dead-lettered (an observation hook for operations and tests).</summary>
    internal event Action<NotificationOutcome>? Completed;

    public void Dispose() => _stopping.Dispose();

    /// <summary>Tells the observers; an observer's failure never disturbs a queue.</summary>
    private void Report(NotificationOutcome outcome)
    {
        Processing.EngagementIndexMetrics.Notification(outcome.Subscriber, outcome.Delivered);
        try
        {
            Completed?.Invoke(outcome);
        }
        catch (Exception e)
        {
            LogObserverFailed(e);
        }
    }

    private async Task ResumeAsync()
    {
        try
        {
            foreach (var pending in await _outbox.PendingAsync(_stopping.Token).ConfigureAwait(false))
            {
                LogResuming(pending.Subscriber, pending.Count);
                Wake(pending.Subscriber);
            }
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            LogResumeFailed(e);
        }
    }

    private ResiliencePipeline BuildPipeline()
    {
        var maxAttempts = Math.Max(1, _options.MaxAttempts);
        var stopping = _stopping.Token;
        return new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                // The number of tries is counted in the outbox (it survives restarts), not by Polly.
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e
                    && !(e is OperationCanceledException && stopping.IsCancellationRequested)
                    && (e is BrokenCircuitException || args.Context.Properties.GetValue(AttemptsKey, 0) < maxAttempts)),
                // While the circuit is open no try is spent: wait until it may close.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is BrokenCircuitException broken ? broken.RetryAfter ?? _options.BreakDuration : (TimeSpan?)null),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 1.0,
                MinimumThroughput = Math.Max(2, _options.BreakerFailures),
                SamplingDuration = TimeSpan.FromMinutes(10),
                BreakDuration = _options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && !(e is OperationCanceledException && stopping.IsCancellationRequested)),
            })
            .AddTimeout(_options.Timeout)
            .Build();
    }

    /// <summary>The ordered queue of one subscriber and its delivery loop.</summary>
    private sealed class SubscriberQueue
    {
        private readonly NotificationDispatcher _owner;
        private readonly string _subscriber;
        private readonly ResiliencePipeline _pipeline;
        private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SubscriberQueue(NotificationDispatcher owner, string subscriber)
        {
            _owner = owner;
            _subscriber = subscriber;
            _pipeline = owner.BuildPipeline();
            Completion = Task.Run(() => RunAsync(owner._stopping.Token), CancellationToken.None);
        }

        public Task Completion { get; }

        public void Signal() => Volatile.Read(ref _signal).TrySetResult();

        private async Task RunAsync(CancellationToken stopping)
        {
            while (!stopping.IsCancellationRequested)
            {
                // Take the signal before looking at the queue so a wake-up in between is never lost.
                var signal = Volatile.Read(ref _signal);
                try
                {
                    var message = await _owner._outbox.PeekAsync(_subscriber, stopping).ConfigureAwait(false);
                    if (message is null)
                    {
                        await signal.Task.WaitAsync(stopping).ConfigureAwait(false);
                        Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), signal);
                        continue;
                    }

                    await DeliverAsync(message, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The store itself failed: wait a little and look again; the row is still there.
                    _owner.LogQueueFailed(_subscriber, e);
                    try
                    {
                        await Task.Delay(_owner._options.BaseDelay, _owner._time, stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }

        private async Task DeliverAsync(OutboxMessage message, CancellationToken stopping)
        {
            var context = ResilienceContextPool.Shared.Get(stopping);
            context.Properties.Set(AttemptsKey, message.Attempts);
            try
            {
                await _pipeline.ExecuteAsync(
                    static async (ctx, state) =>
                    {
                        var (queue, message, stopping) = state;
                        try
                        {
                            await queue._owner._transport.DeliverAsync(message, ctx.CancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception e) when (!stopping.IsCancellationRequested)
                        {
                            var reason = e is OperationCanceledException
                                ? $"No answer from {message.Subscriber} within {queue._owner._options.Timeout}"
                                : e.Message;
                            var attempts = await queue._owner._outbox.RecordFailedAttemptAsync(message.Id, reason, CancellationToken.None).ConfigureAwait(false);
                            ctx.Properties.Set(AttemptsKey, attempts);
                            queue._owner.LogAttemptFailed(message.Id, message.Subscriber, attempts, reason);
                            throw;
                        }
                    },
                    context,
                    (this, message, stopping)).ConfigureAwait(false);

                await _owner._outbox.CompleteAsync(message.Id, CancellationToken.None).ConfigureAwait(false);
                _owner.LogDelivered(message.Id, message.Subscriber, message.EngagementCount);
                _owner.Report(new NotificationOutcome(message.Id, message.Subscriber, Delivered: true, context.Properties.GetValue(AttemptsKey, 0)));
            }
            catch (Exception e) when (!stopping.IsCancellationRequested
                && context.Properties.GetValue(AttemptsKey, 0) >= _owner._options.MaxAttempts)
            {
                var attempts = context.Properties.GetValue(AttemptsKey, 0);
                await _owner._outbox.DeadLetterAsync(message.Id, _owner._time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                _owner.LogDeadLettered(message.Id, message.Subscriber, attempts, e.Message);
                _owner.Report(new NotificationOutcome(message.Id, message.Subscriber, Delivered: false, attempts));
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
    }

    [LoggerMessage(EventId = LogEventIds.EngagementIndexResuming, Level = LogLevel.Information, Message = "Resuming {Count} pending notification(s) for subscriber {Subscriber}")]
    private partial void LogResuming(string subscriber, int count);

    [LoggerMessage(EventId = LogEventIds.EngagementIndexResumeFailed, Level = LogLevel.Error, Message = "Could not read the notification outbox at start-up")]
    private partial void LogResumeFailed(Exception exception);

    [LoggerMessage(EventId = LogEventIds.EngagementIndexDelivered, Level = LogLevel.Debug, Message = "Notification {Id} delivered to {Subscriber} ({Count} engagement(s))")]
    private partial void LogDelivered(long id, string subscriber, int count);

    [LoggerMessage(EventId = LogEventIds.EngagementIndexAttemptFailed, Level = LogLevel.Warning, Message = "Notification {Id} to {Subscriber} failed (try {Attempts}): {Reason}")]
    private partial void LogAttemptFailed(long id, string subscriber, int attempts, string reason);

    [LoggerMessage(EventId = LogEventIds.EngagementIndexDeadLettered, Level = LogLevel.Error, Message = "Notification {Id} to {Subscriber} dead-lettered after {Attempts} tries: {Reason}")]
    private partial void LogDeadLettered(long id, string subscriber, int attempts, string reason);

    [LoggerMessage(EventId = LogEventIds.EngagementIndexObserverFailed, Level = LogLevel.Warning, Message = "An observer of notification outcomes failed")]
    private partial void LogObserverFailed(Exception exception);

    [LoggerMessage(EventId = LogEventIds.EngagementIndexQueueFailed, Level = LogLevel.Error, Message = "The notification queue of {Subscriber} could not read the outbox")]
    private partial void LogQueueFailed(string subscriber, Exception exception);
}
