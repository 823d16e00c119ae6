using System.Diagnostics;
using TjanstePlattform.Aggregation.Merge;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Aggregation.Engine;

/// <summary>
/// Records each aggregated call once it is answered: the calls and branches metrics, and the fan-out (each branch's
/// ProcessingStatus) in the live-call feed under the consumer's correlation id, where the console joins it to the
/// routed calls of the same id.
/// </summary>
internal sealed class AggregationObserver(ICallFeed? feed, TimeProvider time)
{
    private const string Ok = "OK";
    private const string Fault = "FAULT";

    public void Aggregated(ConsumerRequest request, ConsumerIdentity consumer, AggregationResult result, TimeSpan elapsed)
    {
        var contract = request.Contract.Name;
        PlatformTelemetry.AggregationCalls.Add(1,
            new KeyValuePair<string, object?>(PlatformTelemetry.Tags.Contract, contract),
            new KeyValuePair<string, object?>(PlatformTelemetry.Tags.Result, result.Fault is null ? Ok : Fault));

        var recording = feed is { Enabled: true };
        var branches = recording ? new FanOutBranch[result.Branches.Count] : [];
        for (var i = 0; i < result.Branches.Count; i++)
        {
            var outcome = result.Branches[i];
            var failure = outcome.Failure;
            PlatformTelemetry.AggregationBranches.Add(1, new TagList
            {
                { PlatformTelemetry.Tags.Contract, contract },
                { PlatformTelemetry.Tags.Producer, outcome.LogicalAddress },
                { PlatformTelemetry.Tags.Status, failure is null ? Ok : failure.Code },
                { PlatformTelemetry.Tags.CausingAgent, failure is null ? string.Empty : BranchFailure.Spell(failure.CausingAgent) },
            });
            if (!recording)
            {
                continue;
            }

            branches[i] = new FanOutBranch(
                outcome.LogicalAddress,
                failure is null ? FanOut.DataFromSource : FanOut.NoDataSynchFailed,
                failure?.Code,
                failure is null ? null : BranchFailure.Spell(failure.CausingAgent),
                failure?.Text,
                outcome.RecordCount,
                outcome.At);
        }

        if (!recording)
        {
            return;
        }

        feed!.AddFanOut(new FanOut(
            consumer.CorrelationId,
            contract,
            request.PatientId,
            time.GetUtcNow() - elapsed,
            elapsed.TotalMilliseconds,
            result.Fault?.FaultString,
            branches));
    }
}
