using TjanstePlattform.Platform;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.Routing.RoutingRules;
using TjanstePlattform.Soap.Faults;

namespace TjanstePlattform.Aggregation.Engine;

/// <summary>A refusal of the whole aggregated call, written as a SOAP fault (HTTP 500).</summary>
public sealed record AggregationFault(SoapFaultActor Actor, string FaultString, string? Detail);

/// <summary>Either every called source system's outcome, in merge order, or a fault for the whole call.</summary>
public sealed record AggregationResult(IReadOnlyList<BranchOutcome> Branches, AggregationFault? Fault)
{
    public static AggregationResult Failed(AggregationFault fault) => new([], fault);
}

/// <summary>
/// The one aggregation pipeline, driven by a descriptor (PLATFORM.md §5): engagement look-up, filtering, parallel
/// fan-out through the router with a per-producer timeout (Polly) under an overall deadline, and one outcome per
/// called source system. A failing or late source system fails only its branch; only an engagement index failure
/// fails the call.
/// </summary>
internal sealed class AggregationEngine
{
    private readonly IEngagementFinder _finder;
    private readonly ICatalogSnapshotSource _catalog;
    private readonly IProducerCaller _caller;
    private readonly ConsumerAuthorization _authorization;
    private readonly AggregationOptions _options;
    private readonly TimeProvider _time;
    private readonly LocalDate _today;
    private readonly TimeZoneInfo _zone;
    private readonly ILogger<AggregationEngine> _logger;
    private readonly ResiliencePipeline _producerTimeout;
    private readonly AggregationObserver _observer;

    public AggregationEngine(
        IEngagementFinder finder,
        ICatalogSnapshotSource catalog,
        IProducerCaller caller,
        ConsumerAuthorization authorization,
        IOptions<AggregationOptions> options,
        TimeProvider time,
        ILogger<AggregationEngine> logger,
        ICallFeed? feed = null)
    {
        _finder = finder;
        _catalog = catalog;
        _caller = caller;
        _authorization = authorization;
        _options = options.Value;
        _time = time;
        _today = new LocalDate(time);
        _zone = _options.ResolveTimeZone();
        _logger = logger;
        _observer = new AggregationObserver(feed, time);
        _producerTimeout = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(_options.ProducerTimeout)
            .Build();
    }

    public string OwnAddress => _options.LogicalAddress!;

    public async Task<AggregationResult> AggregateAsync(ConsumerRequest request, ConsumerIdentity consumer, CancellationToken consumerAborted)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await AggregateCoreAsync(request, consumer, started, consumerAborted).ConfigureAwait(false);
        _observer.Aggregated(request, consumer, result, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<AggregationResult> AggregateCoreAsync(ConsumerRequest request, ConsumerIdentity consumer, long started, CancellationToken consumerAborted)
    {
        var contract = request.Contract;

        // The deadline runs from the first moment: the engagement look-up counts against it too.
        using var deadline = new CancellationTokenSource(_options.Deadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, consumerAborted);

        var snapshot = _catalog.Current;
        if (snapshot is null)
        {
            return AggregationResult.Failed(new AggregationFault(SoapFaultActor.Server,
                "The aggregating service cannot read the service addressing catalog (TAK).",
                "No catalog has been loaded, so no authorization can be checked."));
        }

        IReadOnlyList<Engagement> engagements;
        var query = new EngagementQuery(
            request.PatientId,
            contract.ServiceDomain,
            Categorization: contract.Categorizations.Count == 1 ? contract.Categorizations[0] : null,
            MostRecentContentFrom: contract.MostRecentContentWithin is { } within
                ? AggregatedResponse.Timestamp(_time.GetUtcNow() - within, _zone)
                : null);
        try
        {
            engagements = await _finder.FindAsync(query, linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (consumerAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            AggregationLog.EngagementIndexFailed(_logger, contract.Name, consumer.CorrelationId, "deadline passed", null);
            return AggregationResult.Failed(EngagementIndexFault($"FindContent did not answer within the deadline of {_options.Deadline}."));
        }
        catch (Exception ex)
        {
            AggregationLog.EngagementIndexFailed(_logger, contract.Name, consumer.CorrelationId, ex.Message, ex);
            return AggregationResult.Failed(EngagementIndexFault(ex.Message));
        }

        var today = _today.Today;
        var producers = FanOutPlan.Producers(request, engagements, consumer, snapshot, today, OwnAddress, _authorization);
        if (producers.Count == 0)
        {
            AggregationLog.Aggregated(_logger, contract.Name, consumer.CorrelationId, engagements.Count, 0, 0, Elapsed(started));
            return new AggregationResult([], null);
        }

        var branches = new Task<BranchOutcome>[producers.Count];
        for (var i = 0; i < producers.Count; i++)
        {
            branches[i] = RunBranchAsync(request, producers[i], consumer, deadline.Token, linked.Token);
        }

        try
        {
            await Task.WhenAll(branches).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (consumerAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // The deadline: answer with what has arrived; the rest get their NoDataSynchFailed record below.
        }

        var outcomes = new BranchOutcome[producers.Count];
        var failures = 0;
        for (var i = 0; i < producers.Count; i++)
        {
            var branch = branches[i];
            outcomes[i] = branch.IsCompletedSuccessfully ? branch.Result : DeadlineOutcome(producers[i]);
            if (!outcomes[i].Succeeded)
            {
                failures++;
                var failure = outcomes[i].Failure!;
                AggregationLog.BranchFailed(_logger, contract.Name, producers[i], failure.Code, BranchFailure.Spell(failure.CausingAgent), failure.Text, consumer.CorrelationId);
            }
        }

        AggregationLog.Aggregated(_logger, contract.Name, consumer.CorrelationId, engagements.Count, producers.Count, failures, Elapsed(started));
        return new AggregationResult(outcomes, null);
    }

    private async Task<BranchOutcome> RunBranchAsync(ConsumerRequest request, string producer, ConsumerIdentity consumer, CancellationToken deadline, CancellationToken token)
    {
        // A built-in producer the router would hand the call to unchanged answers through its direct entry: decided and
        // bound here, on the request thread, so the branches share one bound body.
        Func<CancellationToken, ValueTask<BranchOutcome>>? prepared;
        try
        {
            prepared = _caller.PrepareDirect(request, producer, consumer);
        }
        catch (Exception ex)
        {
            AggregationLog.BranchError(_logger, producer, consumer.CorrelationId, ex);
            prepared = null;
        }

        if (prepared is not null)
        {
            return await RunDirectAsync(prepared, producer, consumer, deadline, token).ConfigureAwait(false);
        }

        // Off the request thread at once, so that one slow rewrite or parse never delays the other calls' start.
        await Task.Yield();
        try
        {
            var envelope = RequestRewriter.Rewrite(request.Envelope, request.Contract, producer);
            var call = new ProducerCall(request.Contract, producer, envelope, consumer);
            var answer = await _producerTimeout.ExecuteAsync(
                static async (state, ct) => await state.Caller.CallAsync(state.Call, ct).ConfigureAwait(false),
                (Caller: _caller, Call: call),
                token).ConfigureAwait(false);
            var outcome = ProducerAnswerReader.Read(answer, request.Contract, producer, _time.GetUtcNow());
            if (outcome.Succeeded)
            {
                AggregationLog.BranchSucceeded(_logger, producer, outcome.RecordCount, consumer.CorrelationId);
            }

            return outcome;
        }
        catch (Exception ex)
        {
            return FailedBranch(ex, producer, consumer, deadline, token);
        }
    }

    /// <summary>
    /// A direct branch runs on the calling thread: an in-memory producer answers in microseconds, less than a hop to
    /// another thread costs, so the branches run one after the other. One that does not finish at once is awaited
    /// under the producer timeout like any other.
    /// </summary>
    private async ValueTask<BranchOutcome> RunDirectAsync(
        Func<CancellationToken, ValueTask<BranchOutcome>> prepared, string producer, ConsumerIdentity consumer, CancellationToken deadline, CancellationToken token)
    {
        try
        {
            var running = prepared(token);
            var outcome = running.IsCompletedSuccessfully
                ? running.Result
                : await running.AsTask().WaitAsync(_options.ProducerTimeout, _time, token).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                AggregationLog.BranchSucceeded(_logger, producer, outcome.RecordCount, consumer.CorrelationId);
            }

            return outcome;
        }
        catch (Exception ex)
        {
            return FailedBranch(ex, producer, consumer, deadline, token);
        }
    }

    /// <summary>How a branch that threw ends: a timeout, the deadline, the consumer gone, or a failure of its own.</summary>
    private BranchOutcome FailedBranch(Exception exception, string producer, ConsumerIdentity consumer, CancellationToken deadline, CancellationToken token)
    {
        switch (exception)
        {
            case TimeoutRejectedException or TimeoutException:
                return Failed(producer, CausingAgent.ServiceProducer, BranchFailure.TimeoutCode,
                    $"No answer from {producer} within the aggregating service's timeout of {_options.ProducerTimeout.TotalMilliseconds:0} ms.");
            case OperationCanceledException when deadline.IsCancellationRequested:
                return DeadlineOutcome(producer);
            case OperationCanceledException when token.IsCancellationRequested:
                return Failed(producer, CausingAgent.Other, "499", "The consumer closed the connection.");
            case ProducerAnswerTooLargeException tooLarge:
                return Failed(producer, CausingAgent.ServiceProducer, "413", tooLarge.Message);
            case HttpRequestException http:
                // The router itself could not be reached or broke the connection: the platform is to blame.
                var code = http.StatusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : "503";
                return Failed(producer, CausingAgent.VirtualizationPlatform, code, $"The router could not be called: {http.Message}");
            default:
                AggregationLog.BranchError(_logger, producer, consumer.CorrelationId, exception);
                return Failed(producer, CausingAgent.Other, "500", $"The aggregating service failed on this source system: {exception.Message}");
        }
    }

    private BranchOutcome DeadlineOutcome(string producer) =>
        Failed(producer, CausingAgent.ServiceProducer, BranchFailure.TimeoutCode,
            $"No answer from {producer} before the aggregated call's deadline of {_options.Deadline.TotalMilliseconds:0} ms.");

    private BranchOutcome Failed(string producer, CausingAgent agent, string code, string text) =>
        BranchOutcome.Failed(producer, _time.GetUtcNow(), new BranchFailure(agent, code, text));

    private static AggregationFault EngagementIndexFault(string reason) =>
        new(SoapFaultActor.Server, "The aggregating service could not search the engagement index (FindContent).", reason);

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
