using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Routing.Internal;

namespace TjanstePlattform.Aggregation.Engine;

/// <summary>One fan-out call: the rewritten envelope for one source system, sent on the consumer's behalf.</summary>
internal sealed record ProducerCall(AggregatedContract Contract, string LogicalAddress, byte[] Envelope, ConsumerIdentity Consumer);

/// <summary>Sends a fan-out call and returns the buffered answer (the engine adds timeouts around it).</summary>
internal interface IProducerCaller
{
    Task<ProducerAnswer> CallAsync(ProducerCall call, CancellationToken cancellationToken);

    /// <summary>
    /// A branch a built-in producer's direct entry answers, when the router would hand the call to one unchanged, made
    /// ready on the calling thread (routing decided, the body bound once for all branches); null when the call must be
    /// sent as an envelope (<see cref="CallAsync"/>).
    /// </summary>
    Func<CancellationToken, ValueTask<BranchOutcome>>? PrepareDirect(ConsumerRequest request, string logicalAddress, ConsumerIdentity consumer) => null;
}

/// <summary>An answer larger than <see cref="AggregationOptions.MaxProducerResponseBytes"/>: fails its branch only.</summary>
internal sealed class ProducerAnswerTooLargeException(long limit)
    : Exception($"The answer is larger than the aggregating service's limit of {limit} bytes.");

/// <summary>
/// Calls a source system through the platform's own router, in-process: the router does routing (vägval),
/// authorization (anropsbehörighet), profile conversion and its headers exactly as for a consumer, and hands the call to
/// a built-in producer without a socket (an HTTP producer is called over HTTP as always). The consumer's identity travels
/// on: the sender the router told us, the original consumer and the same correlation id. The routing history is
/// deliberately not passed on: it already holds our instance id, and the router would take the second hop for a loop.
/// A built-in producer the router would reach unchanged is called at its direct entry instead (<see cref="PrepareDirect"/>).
/// </summary>
internal sealed class RouterProducerCaller(IInternalRouter router, IOptions<AggregationOptions> options, TimeProvider time) : IProducerCaller
{
    public Func<CancellationToken, ValueTask<BranchOutcome>>? PrepareDirect(ConsumerRequest request, string logicalAddress, ConsumerIdentity consumer)
    {
        // A contract whose body names the producer (GetSubjectOfCareSchedule) needs its copy rewritten: the envelope path.
        var contract = request.Contract;
        if (request.Soap is not { } soap || contract.SetToProducerAddress.Count > 0)
        {
            return null;
        }

        var call = new InternalDirectCall(contract.Namespace, contract.RequestElement, logicalAddress, soap.Headers, consumer.Sender, consumer.OriginalConsumer, consumer.CorrelationId);
        if (router.FindDirect(call) is not { } route)
        {
            return null;
        }

        // Bound here, on the request thread before the branch runs: every branch with the same request type shares it.
        Func<Type, object> bind;
        try
        {
            var body = request.Bind(route.RequestType);
            bind = _ => body;
        }
        catch (Exception ex)
        {
            // The producer words its own fault for a body that does not bind, as over the envelope path.
            var error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
            bind = _ =>
            {
                error.Throw();
                return null!;
            };
        }

        return async cancellationToken => DirectAnswerReader.Read(
            await router.SendDirectAsync(route, call, bind, cancellationToken).ConfigureAwait(false), contract, logicalAddress, time.GetUtcNow());
    }

    public async Task<ProducerAnswer> CallAsync(ProducerCall call, CancellationToken cancellationToken)
    {
        var answer = await router.SendAsync(new InternalRouterCall(
            call.Contract.RouterPath,
            call.Envelope,
            call.Consumer.Sender,
            call.Consumer.OriginalConsumer,
            call.Consumer.CorrelationId,
            call.Consumer.SoapAction,
            options.Value.MaxProducerResponseBytes), cancellationToken).ConfigureAwait(false);
        if (answer.TooLarge)
        {
            throw new ProducerAnswerTooLargeException(options.Value.MaxProducerResponseBytes);
        }

        return new ProducerAnswer(answer.StatusCode, answer.Body);
    }
}
