using System.Xml;
using TjanstePlattform.Aggregation.Descriptors;
using TjanstePlattform.Routing.Internal;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Aggregation.Merge;

/// <summary>
/// One built-in producer's direct answer as a branch of the merge: the answer object is written once, through
/// <see cref="MergeFilterWriter"/>, into the fragments <see cref="ProducerAnswerReader"/> would have cut from its
/// envelope; a fault it answered is read as that envelope, so both paths fail alike. Records a producer shares are
/// rendered once per record object (<see cref="SharedRecordRenderer"/>).
/// </summary>
internal static class DirectAnswerReader
{
    public static BranchOutcome Read(InternalDirectAnswer answer, AggregatedContract contract, string logicalAddress, DateTimeOffset at)
    {
        if (answer.Result.Fault is { } fault)
        {
            // A direct entry's fault is always one rendered fault envelope (SoapResponse.FaultOf).
            return ProducerAnswerReader.Read(new ProducerAnswer(fault.StatusCode, fault.Body[0]), contract, logicalAddress, at);
        }

        var filter = new MergeFilterWriter(contract);
        try
        {
            var body = answer.Result.Body!;
            var shared = answer.Operation.SharedRecords is { } renderer && renderer.Takes(body) && renderer.Renders(contract.Record, contract.Namespace)
                ? renderer
                : null;
            System.Collections.IList? records = null;
            answer.Operation.WriteBody(filter, shared is null ? body : shared.WithoutRecords(body, out records));
            if (filter.Root is not { } root || root.LocalName != contract.ResponseElement || root.Namespace != contract.Namespace)
            {
                return BranchOutcome.Failed(logicalAddress, at, new BranchFailure(CausingAgent.ServiceProducer, "200",
                    $"Expected the answer element {{{contract.Namespace}}}{contract.ResponseElement}, found {{{filter.Root?.Namespace}}}{filter.Root?.LocalName}."));
            }

            if (shared is not null)
            {
                var parts = shared.Render(records, filter.RootNamespaces);
                return BranchOutcome.Success(logicalAddress, at, parts, parts.Count, filter.Extensions, filter.MoreRecords);
            }

            return BranchOutcome.Success(logicalAddress, at, filter.Records, filter.RecordCount, filter.Extensions, filter.MoreRecords);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or XmlException)
        {
            return BranchOutcome.Failed(logicalAddress, at, new BranchFailure(CausingAgent.ServiceProducer, "500", $"The source system's answer could not be written: {ex.Message}"));
        }
    }
}
