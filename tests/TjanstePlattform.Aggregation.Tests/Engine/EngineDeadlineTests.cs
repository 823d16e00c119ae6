using TjanstePlattform.Routing.RoutingRules;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation.Engine;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Aggregation.Tests.Support;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Aggregation.Tests.Engine;

/// <summary>
/// The per-producer timeout and the overall deadline on a clock the test moves: no sleeps, no wall-clock. A producer
/// that misses either still gets its NoDataSynchFailed record (504), and the others' data comes back.
/// </summary>
public class EngineDeadlineTests
{
    private const string Consumer = "SE-1177";
    private static readonly ConsumerIdentity Identity = new(Consumer, Consumer, "corr-1");

    private static (AggregationEngine Engine, ScriptedCaller Caller, ManualTimeProvider Clock, BranchLog Log) Engine(TimeSpan producerTimeout, TimeSpan deadline, params string[] systems)
    {
        var log = new BranchLog();
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero));
        var engagements = systems.Select(s => new Engagement("191212121212", "riv:clinicalprocess:activityprescription:actoutcome", "caa-gmh", s, "NA", "NA", null, s, "DC", "5565594230", null, null)).ToList();
        var catalog = FixedCatalog.With([], [new Cooperation(1, Consumer, "*", Payloads.Gmh, FixedCatalog.Always, [])]);
        var caller = new ScriptedCaller();
        var engine = new AggregationEngine(new ListFinder(engagements), catalog, caller, ConsumerAuthorization.CatalogOnly,
            Options.Create(BuiltIns.Options(producerTimeout, deadline)), clock, log);
        return (engine, caller, clock, log);
    }

    private static ConsumerRequest Request() => ConsumerRequests.Read(Utf8.Bytes(Payloads.GmhRequest("191212121212"))).Request!;

    [Test]
    public async Task A_producer_past_its_timeout_gets_504_and_the_others_their_data()
    {
        var (engine, caller, clock, _) = Engine(TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(28), "SYS-FAST", "SYS-HANGS");
        caller.Answer("SYS-FAST", new ProducerAnswer(200, Utf8.Bytes(Payloads.GmhAnswer("DOC-FAST"))));

        var aggregation = engine.AggregateAsync(Request(), Identity, CancellationToken.None);
        await caller.Called("SYS-HANGS");
        Assert.That(aggregation.IsCompleted, Is.False, "nothing may finish before the clock moves");
        clock.Advance(TimeSpan.FromSeconds(27));
        var result = await aggregation.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result.Fault, Is.Null);
        Assert.That(result.Branches.Select(b => b.LogicalAddress), Is.EqualTo(new[] { "SYS-FAST", "SYS-HANGS" }));
        Assert.That(result.Branches[0].Succeeded, Is.True);
        Assert.That(result.Branches[1].Failure, Is.EqualTo(new BranchFailure(CausingAgent.ServiceProducer, "504",
            "No answer from SYS-HANGS within the aggregating service's timeout of 27000 ms.")));
        Assert.That(caller.Cancelled("SYS-HANGS"), Is.True, "the late call is abandoned, not left running");
    }

    [Test]
    public async Task A_producer_that_ignores_cancellation_still_gets_its_record_at_the_deadline()
    {
        var (engine, caller, clock, log) = Engine(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(28), "SYS-FAST", "SYS-STUCK");
        caller.Answer("SYS-FAST", new ProducerAnswer(200, Utf8.Bytes(Payloads.GmhAnswer("DOC-FAST"))));
        caller.IgnoreCancellation("SYS-STUCK");

        var aggregation = engine.AggregateAsync(Request(), Identity, CancellationToken.None);
        await caller.Called("SYS-STUCK");
        await log.Succeeded("SYS-FAST");
        clock.Advance(TimeSpan.FromSeconds(28));
        var result = await aggregation.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result.Branches[0].Succeeded, Is.True);
        Assert.That(result.Branches[1].Failure!.Code, Is.EqualTo("504"));
        Assert.That(result.Branches[1].Failure!.Text, Does.Contain("before the aggregated call's deadline of 28000 ms"));
    }

    [Test]
    public async Task The_engagement_index_failing_fails_the_call()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var engine = new AggregationEngine(new ListFinder(null), FixedCatalog.With([], []), new ScriptedCaller(), ConsumerAuthorization.CatalogOnly,
            Options.Create(BuiltIns.Options()), clock, NullLogger<AggregationEngine>.Instance);

        var result = await engine.AggregateAsync(Request(), Identity, CancellationToken.None);

        Assert.That(result.Fault, Is.Not.Null);
        Assert.That(result.Fault!.Actor, Is.EqualTo(Soap.Faults.SoapFaultActor.Server));
        Assert.That(result.Fault.FaultString, Does.Contain("engagement index"));
        Assert.That(result.Fault.Detail, Does.Contain("index is down"));
    }

    /// <summary>The engine's log, signalling each source system that answered (its debug event 6006).</summary>
    private sealed class BranchLog : Microsoft.Extensions.Logging.ILogger<AggregationEngine>
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _succeeded = new();

        public Task Succeeded(string system) => Signal(system).Task.WaitAsync(TimeSpan.FromSeconds(30));

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 6006 && state is IReadOnlyList<KeyValuePair<string, object?>> fields
                && fields.FirstOrDefault(f => f.Key == "LogicalAddress").Value is string system)
            {
                Signal(system).TrySetResult();
            }
        }

        private TaskCompletionSource Signal(string system) =>
            _succeeded.GetOrAdd(system, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Engagements from a list (null: the index is down).</summary>
    private sealed class ListFinder(IReadOnlyList<Engagement>? engagements) : IEngagementFinder
    {
        public Task<IReadOnlyList<Engagement>> FindAsync(EngagementQuery query, CancellationToken cancellationToken = default) =>
            engagements is null
                ? Task.FromException<IReadOnlyList<Engagement>>(new InvalidOperationException("The index is down."))
                : Task.FromResult(engagements);
    }

    /// <summary>A fan-out caller whose producers answer when the script says, or never.</summary>
    private sealed class ScriptedCaller : IProducerCaller
    {
        private readonly ConcurrentDictionary<string, ProducerAnswer> _answers = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _called = new();
        private readonly ConcurrentDictionary<string, bool> _cancelled = new();
        private readonly ConcurrentDictionary<string, bool> _stubborn = new();

        public void Answer(string system, ProducerAnswer answer) => _answers[system] = answer;

        public void IgnoreCancellation(string system) => _stubborn[system] = true;

        public Task Called(string system) => Signal(system).Task.WaitAsync(TimeSpan.FromSeconds(30));

        public bool Cancelled(string system) => _cancelled.ContainsKey(system);

        public Task<ProducerAnswer> CallAsync(ProducerCall call, CancellationToken cancellationToken)
        {
            var system = call.LogicalAddress;
            Signal(system).TrySetResult();
            if (_answers.TryGetValue(system, out var answer))
            {
                return Task.FromResult(answer);
            }

            var never = new TaskCompletionSource<ProducerAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_stubborn.ContainsKey(system))
            {
                cancellationToken.Register(() =>
                {
                    _cancelled[system] = true;
                    never.TrySetCanceled(cancellationToken);
                });
            }

            return never.Task;
        }

        private TaskCompletionSource Signal(string system) =>
            _called.GetOrAdd(system, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
