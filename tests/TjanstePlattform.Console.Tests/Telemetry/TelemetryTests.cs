using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using TjanstePlattform.Platform;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Console.Tests.Telemetry;

/// <summary>
/// The platform's OpenTelemetry: the Prometheus scrape endpoint shows router, aggregation and EI series after calls
/// through the demo world; a routed call's span reaches the producer as traceparent (one trace id); off means off.
/// </summary>
public class TelemetryTests
{
    private const string Consumer = "TJP-DEMO-CONSUMER";
    private const string Jrn1 = "SE2321000016-JRN1";
    private const string National = "5565594230";
    private const string GmhPath = "clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21";

    [Test]
    public async Task Metrics_show_router_aggregation_and_engagement_index_series_after_calls()
    {
        await using var platform = await TestPlatform.StartAsync();

        await CallAsync(platform, Jrn1);
        await CallAsync(platform, National);
        await CallAsync(platform, "SE-NO-SUCH-RECEIVER");
        var metrics = await platform.Http.GetStringAsync("/metrics");

        Assert.Multiple(() =>
        {
            Assert.That(metrics, Does.Match($"tjp_router_calls_total\\{{[^}}]*tjp_receiver=\"{Jrn1}\"[^}}]*tjp_result=\"OK\""));
            Assert.That(metrics, Does.Match("tjp_router_calls_total\\{[^}]*tjp_receiver=\"SE-NO-SUCH-RECEIVER\"[^}]*tjp_result=\"VP004\""));
            Assert.That(metrics, Does.Contain("tjp_router_duration_seconds_bucket"));
            Assert.That(metrics, Does.Contain("tjp_router_producer_duration_seconds_bucket"));
            Assert.That(metrics, Does.Match("tjp_aggregation_calls_total\\{[^}]*tjp_contract=\"GetMedicationHistory-2\"[^}]*tjp_result=\"OK\""));
            Assert.That(metrics, Does.Match($"tjp_aggregation_branches_total\\{{[^}}]*tjp_producer=\"{Jrn1}\"[^}}]*tjp_status=\"OK\""));
            // The demo world's source systems report their engagements to EI at start, and the aggregated call looks them up.
            Assert.That(metrics, Does.Match("tjp_ei_updates_total\\{[^}]*tjp_operation=\"Update\"[^}]*tjp_result=\"OK\""));
            Assert.That(metrics, Does.Match("tjp_ei_finds_total\\{[^}]*tjp_result=\"OK\""));
        });
    }

    [Test]
    public async Task A_routed_call_is_one_trace_from_router_span_to_producer()
    {
        var spans = new List<Activity>();
        string? traceparent = null;
        await using var producer = await TestProducer.StartAsync(async context =>
        {
            traceparent = context.Request.Headers.TraceParent.ToString();
            context.Response.ContentType = "text/xml; charset=UTF-8";
            await context.Response.WriteAsync(SoapMessages.GetMedicationHistoryResponse());
        });
        var catalog = FixedCatalog.With(
            [new(1, "TEST-PRODUCER", "SE-TRACE-1", SoapMessages.GetMedicationHistoryNamespace, producer.Address.ToString(), "RIVTABP21", FixedCatalog.Always)],
            [new(1, "TEST-CONSUMER", "SE-TRACE-1", SoapMessages.GetMedicationHistoryNamespace, FixedCatalog.Always, [])]);
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["SourceSystems:Enabled"] = "false" }, configure: b =>
        {
            b.Services.AddSingleton<TjanstePlattform.Catalog.Snapshots.ICatalogSnapshotSource>(catalog);
            b.Services.AddOpenTelemetry().WithTracing(t => t.AddSource(PlatformTelemetry.Name).AddInMemoryExporter(spans));
        });

        // The consumer starts a trace of its own: the router continues it and the producer sees the router's span as parent.
        var consumerTrace = ActivityTraceId.CreateRandom();
        var consumerSpan = ActivitySpanId.CreateRandom();
        using var request = SoapMessages.Post(platform.Router(), SoapMessages.GetMedicationHistory("SE-TRACE-1"));
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{consumerTrace}-{consumerSpan}-01");
        using var response = await platform.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());

        var router = spans.Single(s => s.TraceId == consumerTrace);
        Assert.Multiple(() =>
        {
            Assert.That(router.OperationName, Is.EqualTo("vp.route"));
            Assert.That(router.ParentSpanId, Is.EqualTo(consumerSpan));
            Assert.That(router.GetTagItem(PlatformTelemetry.Tags.Result), Is.EqualTo("OK"));
            Assert.That(router.GetTagItem(PlatformTelemetry.Tags.Receiver), Is.EqualTo("SE-TRACE-1"));
            Assert.That(traceparent, Is.EqualTo($"00-{consumerTrace}-{router.SpanId}-01"), "the producer's parent is the router's span, in the consumer's trace");
        });
    }

    [Test]
    public async Task Switched_off_there_is_no_metrics_endpoint()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Telemetry:Enabled"] = "false", ["SourceSystems:Enabled"] = "false" });

        using var metrics = await platform.Http.GetAsync("/metrics");

        Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Series_per_metric_are_bounded_when_callers_invent_receivers()
    {
        await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Telemetry:MaxSeriesPerMetric"] = "10",
            ["SourceSystems:Enabled"] = "false",
        });

        for (var i = 0; i < 30; i++)
        {
            await CallAsync(platform, $"SE-INVENTED-{i}");
        }

        var metrics = await platform.Http.GetStringAsync("/metrics");
        var series = Regex.Matches(metrics, "^tjp_router_calls_total\\{", RegexOptions.Multiline).Count;
        Assert.That(series, Is.InRange(2, 11), "at most the configured 10 series and the one overflow series");
        Assert.That(metrics, Does.Contain("otel_metric_overflow=\"true\""));
    }

    private static async Task CallAsync(TestPlatform platform, string receiver, string patient = "191212121212")
    {
        using var request = SoapMessages.Post(platform.Router(GmhPath), SoapMessages.GetMedicationHistory(receiver, patient), Consumer);
        using var response = await platform.Http.SendAsync(request);
        await response.Content.ReadAsStringAsync();
    }
}
