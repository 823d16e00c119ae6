namespace TjanstePlattform.Host.Telemetry;

/// <summary>OpenTelemetry of the platform (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Off: no SDK listens, so no span is started and no metric is aggregated; <c>/metrics</c> is not mapped.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Path of the Prometheus scrape endpoint.</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>
    /// Series kept per metric; later tag combinations go to one overflow series. Senders and receivers come from
    /// callers, so without a bound a caller inventing logical addresses would grow the metrics without end.
    /// </summary>
    public int MaxSeriesPerMetric { get; set; } = 2000;

    public OtlpOptions Otlp { get; set; } = new();

    public sealed class OtlpOptions
    {
        /// <summary>The OTLP collector (for example <c>http://localhost:4317</c>); empty: no OTLP export, and no spans.</summary>
        public string? Endpoint { get; set; }

        /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
        public string Protocol { get; set; } = "grpc";
    }
}
