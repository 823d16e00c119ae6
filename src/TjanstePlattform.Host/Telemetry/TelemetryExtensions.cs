using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the platform's <see cref="PlatformTelemetry"/> source and meter: a Prometheus scrape endpoint,
/// and OTLP export of traces and metrics when <c>Telemetry:Otlp:Endpoint</c> is set.
/// </summary>
public static class TelemetryExtensions
{
    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName)
            .Validate(o => o.MetricsPath.StartsWith('/'), "Telemetry:MetricsPath must start with '/'.")
            .Validate(o => o.MaxSeriesPerMetric is >= 10 and <= 100_000, "Telemetry:MaxSeriesPerMetric must be 10–100000.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Otlp.Endpoint) || Uri.TryCreate(o.Otlp.Endpoint, UriKind.Absolute, out _),
                "Telemetry:Otlp:Endpoint must be an absolute URI.")
            .Validate(o => o.Otlp.Protocol is "grpc" or "http/protobuf", "Telemetry:Otlp:Protocol must be 'grpc' or 'http/protobuf'.")
            .ValidateOnStart();

        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return services;
        }

        var otlp = string.IsNullOrWhiteSpace(options.Otlp.Endpoint) ? null : new Uri(options.Otlp.Endpoint);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(PlatformTelemetry.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PlatformTelemetry.Name)
                    .AddView(instrument => instrument.Meter.Name == PlatformTelemetry.Name
                        ? new MetricStreamConfiguration { CardinalityLimit = options.MaxSeriesPerMetric }
                        : null)
                    .AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => Configure(o, otlp, options.Otlp.Protocol));
                }
            });

        // Spans only when they go somewhere: a span nobody exports is pure cost on the routed path.
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(PlatformTelemetry.Name)
                .AddOtlpExporter(o => Configure(o, otlp, options.Otlp.Protocol)));
        }

        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint when telemetry is on.</summary>
    public static IEndpointRouteBuilder MapPlatformMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.Enabled)
        {
            endpoints.MapPrometheusScrapingEndpoint(options.MetricsPath);
        }

        return endpoints;
    }

    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, string protocol)
    {
        exporter.Endpoint = endpoint;
        exporter.Protocol = protocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
    }
}
