using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TjanstePlattform.Platform;

/// <summary>
/// The platform's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>, and every
/// instrument. Static: an instrument nobody listens to costs a branch, so the parts record unconditionally and the
/// host decides (Telemetry:Enabled) whether an OpenTelemetry SDK listens. Tags are logical addresses, contract
/// namespaces and codes, never a person id.
/// </summary>
public static class PlatformTelemetry
{
    public const string Name = "TjanstePlattform";

    /// <summary>Tag names, shared by spans and metrics.</summary>
    public static class Tags
    {
        public const string Contract = "tjp.contract";
        public const string Sender = "tjp.sender";
        public const string Receiver = "tjp.receiver";
        public const string Result = "tjp.result";
        public const string CorrelationId = "tjp.correlation_id";
        public const string Producer = "tjp.producer";
        public const string Status = "tjp.status";
        public const string CausingAgent = "tjp.causing_agent";
        public const string Operation = "tjp.operation";
        public const string Subscriber = "tjp.subscriber";
    }

    /// <summary>The result tag of a routed call that reached its producer.</summary>
    public const string ResultOk = "OK";

    public static readonly ActivitySource ActivitySource = new(Name, typeof(PlatformTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(Name, typeof(PlatformTelemetry).Assembly.GetName().Version?.ToString());

    // Router (VP).
    public static readonly Counter<long> RouterCalls = Meter.CreateCounter<long>(
        "tjp.router.calls", "{call}", "Routed calls by contract, sender, receiver and result (OK or the VP code).");

    public static readonly Histogram<double> RouterDuration = Meter.CreateHistogram<double>(
        "tjp.router.duration", "s", "Time from the request's arrival to the end of the answer, per routed call.");

    public static readonly Histogram<double> RouterProducerTime = Meter.CreateHistogram<double>(
        "tjp.router.producer.duration", "s", "Time until the producer's response headers arrived (x-skltp-prt), per forwarded call.");

    // Aggregating services (AgP).
    public static readonly Counter<long> AggregationCalls = Meter.CreateCounter<long>(
        "tjp.aggregation.calls", "{call}", "Aggregated calls by contract and result (OK or fault).");

    public static readonly Counter<long> AggregationBranches = Meter.CreateCounter<long>(
        "tjp.aggregation.branches", "{branch}", "Fan-out branches by contract, producer and ProcessingStatus (OK or the failure code and causing agent).");

    // Engagement index (EI).
    public static readonly Counter<long> EngagementIndexUpdates = Meter.CreateCounter<long>(
        "tjp.ei.updates", "{request}", "Update and ProcessNotification requests by operation and result.");

    public static readonly Counter<long> EngagementIndexFinds = Meter.CreateCounter<long>(
        "tjp.ei.finds", "{request}", "FindContent look-ups (SOAP and in-process) by result.");

    public static readonly Counter<long> EngagementIndexNotifications = Meter.CreateCounter<long>(
        "tjp.ei.notifications", "{notification}", "Notifications to subscribers by result (delivered, dead_lettered).");

    public static readonly Counter<long> EngagementIndexDeadLetters = Meter.CreateCounter<long>(
        "tjp.ei.dead_letters", "{notification}", "Notifications given up after the last try.");
}
