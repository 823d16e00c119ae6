using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.EngagementIndex.Notifications;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Testing;

namespace TjanstePlattform.EngagementIndex.Tests.Notifications;

/// <summary>The delivery queues on a manual clock: back-off, timeout, dead letters, order and isolation.</summary>
public sealed class DispatcherTests
{
    private string _directory = null!;
    private SqliteEngagementStore _store = null!;
    private ManualTimeProvider _clock = null!;
    private FakeTransport _transport = null!;
    private NotificationDispatcher _dispatcher = null!;
    private ConcurrentQueue<NotificationOutcome> _outcomes = null!;
    private HashSet<NotificationOutcome> _seen = null!;
    private int _next;

    [SetUp]
    public void SetUp()
    {
        _directory = Path.Combine(Path.GetTempPath(), "tjp-tests", "ei-dispatch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _clock = new ManualTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        _store = new SqliteEngagementStore(Path.Combine(_directory, "ei.db"), 2, _clock, NullLogger<SqliteEngagementStore>.Instance);
        _transport = new FakeTransport();
        _outcomes = new();
        _seen = [];
    }

    [TearDown]
    public async Task TearDown()
    {
        await _dispatcher.StopAsync(CancellationToken.None);
        _dispatcher.Dispose();
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartAsync(int maxAttempts = 3, TimeSpan? timeout = null)
    {
        var options = Options.Create(new EngagementIndexOptions
        {
            Owner = "OWNER",
            ConsumerId = "OWNER",
            Notifications = new NotificationOptions
            {
                MaxAttempts = maxAttempts,
                BaseDelay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(2),
                Timeout = timeout ?? TimeSpan.FromHours(1),
                BreakerFailures = 100,
                BreakDuration = TimeSpan.FromMinutes(1),
            },
        });
        _dispatcher = new NotificationDispatcher(_store, _transport, options, _clock, NullLogger<NotificationDispatcher>.Instance);
        _dispatcher.Completed += outcome =>
        {
            _outcomes.Enqueue(outcome);
            _transport.Changed();
        };
        await _dispatcher.StartAsync(CancellationToken.None);
    }

    /// <summary>Commits a notification for <paramref name="subscriber"/> and wakes its queue, as Update does.</summary>
    private async Task EnqueueAsync(string subscriber, string payload)
    {
        var n = Interlocked.Increment(ref _next);
        var e = new Engagement("191212121212", "dom", "NA", "LA", $"b{n}", "NA", null, "SRC", "DC", "OWNER", null, null);
        await _store.ApplyAsync([new EngagementWrite(false, e, EngagementKey.Of(e))], "20250101120000", _ => [new OutboxEntry(subscriber, payload, 1)]);
        _dispatcher.Wake(subscriber);
    }

    /// <summary>The next outcome of <paramref name="subscriber"/> not yet taken by the test.</summary>
    private Task<NotificationOutcome> NextOutcomeAsync(string subscriber) => _transport.UntilAsync(() =>
        _outcomes.FirstOrDefault(o => o.Subscriber == subscriber && !_seen.Contains(o)) is { } found && _seen.Add(found) ? found : null);


    [Test]
    public async Task A_failed_delivery_waits_for_the_back_off_before_the_next_try()
    {
        _transport.Script("SUB", Fail, Succeed);
        await StartAsync();

        await EnqueueAsync("SUB", "<n1/>");
        await _transport.WhenCalledAsync("SUB", 1);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));

        Assert.That(_transport.Calls("SUB"), Is.EqualTo(1), "the second try waits for the clock");
        _clock.Advance(TimeSpan.FromSeconds(2));
        var outcome = await NextOutcomeAsync("SUB");

        Assert.That(outcome.Delivered, Is.True);
        Assert.That(_transport.Calls("SUB"), Is.EqualTo(2));
        Assert.That(await _store.PendingAsync(), Is.Empty);
    }

    [Test]
    public async Task After_MaxAttempts_the_notification_is_dead_lettered_and_the_queue_moves_on()
    {
        _transport.Script("SUB", Fail, Fail, Succeed);
        await StartAsync(maxAttempts: 2);

        await EnqueueAsync("SUB", "<n1/>");
        await EnqueueAsync("SUB", "<n2/>");
        await _transport.WhenCalledAsync("SUB", 1);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var first = await NextOutcomeAsync("SUB");
        var second = await NextOutcomeAsync("SUB");

        Assert.That(first.Delivered, Is.False);
        Assert.That(first.Attempts, Is.EqualTo(2));
        Assert.That(second.Delivered, Is.True);
        Assert.That(_transport.Payloads("SUB"), Is.EqualTo(new[] { "<n1/>", "<n1/>", "<n2/>" }));
        var letter = (await _store.DeadLettersAsync()).Single();
        Assert.That(letter.Payload, Is.EqualTo("<n1/>"));
        Assert.That(letter.Attempts, Is.EqualTo(2));
        Assert.That(letter.LastError, Is.EqualTo("subscriber says no"));
    }

    [Test]
    public async Task A_try_without_answer_times_out_and_counts()
    {
        _transport.Script("SUB", Hang, Succeed);
        await StartAsync(timeout: TimeSpan.FromSeconds(30));

        await EnqueueAsync("SUB", "<n1/>");
        await _transport.WhenCalledAsync("SUB", 1);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(30));
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var outcome = await NextOutcomeAsync("SUB");

        Assert.That(outcome.Delivered, Is.True);
        Assert.That(outcome.Attempts, Is.EqualTo(1), "one failed try was counted");
    }

    [Test]
    public async Task Each_subscriber_gets_its_notifications_in_order_and_a_hanging_one_holds_up_nobody_else()
    {
        _transport.Script("SLOW", Hang);
        await StartAsync();

        await EnqueueAsync("SLOW", "<s1/>");
        await _transport.WhenCalledAsync("SLOW", 1);
        for (var i = 1; i <= 5; i++)
        {
            await EnqueueAsync("FAST", $"<f{i}/>");
        }

        for (var i = 1; i <= 5; i++)
        {
            Assert.That((await NextOutcomeAsync("FAST")).Delivered, Is.True);
        }

        Assert.That(_transport.Payloads("FAST"), Is.EqualTo(new[] { "<f1/>", "<f2/>", "<f3/>", "<f4/>", "<f5/>" }));
        Assert.That((await _store.PendingAsync()).Single(), Is.EqualTo(new PendingQueue("SLOW", 1)));
    }

    [Test]
    public async Task Pending_notifications_are_resumed_at_start()
    {
        var e = new Engagement("191212121212", "dom", "NA", "LA", "NA", "NA", null, "SRC", "DC", "OWNER", null, null);
        await _store.ApplyAsync([new EngagementWrite(false, e, EngagementKey.Of(e))], "20250101120000", _ => [new OutboxEntry("SUB", "<left-over/>", 1)]);

        await StartAsync();
        var outcome = await NextOutcomeAsync("SUB");

        Assert.That(outcome.Delivered, Is.True);
        Assert.That(_transport.Payloads("SUB"), Is.EqualTo(new[] { "<left-over/>" }));
    }

    private static Task Succeed(CancellationToken _) => Task.CompletedTask;

    private static Task Fail(CancellationToken _) => throw new NotificationDeliveryException("subscriber says no");

    private static Task Hang(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    /// <summary>Answers per subscriber from a script (the last step repeats); signals every call and every outcome.</summary>
    private sealed class FakeTransport : INotificationTransport
    {
        private readonly ConcurrentDictionary<string, Func<CancellationToken, Task>[]> _scripts = new();
        private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _payloads = new();
        private readonly Lock _lock = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Script(string subscriber, params Func<CancellationToken, Task>[] steps) => _scripts[subscriber] = steps;

        public int Calls(string subscriber) => Payloads(subscriber).Count;

        public IReadOnlyList<string> Payloads(string subscriber) => _payloads.GetOrAdd(subscriber, _ => new()).ToList();

        public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            var calls = _payloads.GetOrAdd(message.Subscriber, _ => new());
            calls.Enqueue(message.Payload);
            var steps = _scripts.GetValueOrDefault(message.Subscriber) ?? [Succeed];
            var step = steps[Math.Min(calls.Count, steps.Length) - 1];
            Changed();
            await step(cancellationToken);
        }

        public Task WhenCalledAsync(string subscriber, int count) => UntilAsync(() => Calls(subscriber) >= count ? subscriber : null);

        public void Changed()
        {
            TaskCompletionSource changed;
            lock (_lock)
            {
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }

        /// <summary>Completes with the probe's first non-null answer, looking again at every call or outcome.</summary>
        public async Task<T> UntilAsync<T>(Func<T?> probe)
            where T : class
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                Task changed;
                lock (_lock)
                {
                    changed = _changed.Task;
                }

                if (probe() is { } found)
                {
                    return found;
                }

                await changed.WaitAsync(timeout.Token);
            }
        }
    }
}
