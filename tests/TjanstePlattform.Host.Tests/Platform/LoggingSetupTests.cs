using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using TjanstePlattform.Host.Serve;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Host.Tests.Platform;

/// <summary>The console formatters the platform offers and how start-up readiness is logged.</summary>
public class LoggingSetupTests
{
    private string _data = null!;

    [SetUp]
    public void CreateData() => _data = Path.Combine(Path.GetTempPath(), "tjp-tests", "log-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteData()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the OS.
        }
    }

    [Test]
    public async Task The_ecs_formatter_writes_one_Elastic_Common_Schema_object_per_line()
    {
        await using var app = PlatformApplication.Build(["--urls=http://127.0.0.1:0", $"--Storage:Directory={_data}", "--Logging:Console:FormatterName=ecs"]);
        var formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == "ecs");

        var fields = new List<KeyValuePair<string, object?>>
        {
            new("Result", "VP004"), new("Sender", "TJP-DEMO-CONSUMER"), new("DurationMs", 12.5), new("CorrelationId", "c-1+2"),
            new("{OriginalFormat}", "{Result} {Sender} in {DurationMs} ms, correlation {CorrelationId}"),
        };
        using var output = new StringWriter();
        var failure = new InvalidOperationException("broken");
        formatter.Write(new LogEntry<List<KeyValuePair<string, object?>>>(LogLevel.Warning, "TjanstePlattform.Routing.Pipeline.RouterEndpoint",
            new EventId(LogEventIds.RouterFault, "Fault"), fields, failure, (_, _) => "VP004 TJP-DEMO-CONSUMER in 12.5 ms, correlation c-1+2"), null, output);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.Contain("c-1+2"), "no \\u002B in logs either");
        var entry = JsonNode.Parse(lines[0])!;
        Assert.That((string?)entry["log.level"], Is.EqualTo("warn"));
        Assert.That((string?)entry["log.logger"], Is.EqualTo("TjanstePlattform.Routing.Pipeline.RouterEndpoint"));
        Assert.That((string?)entry["message"], Does.StartWith("VP004"));
        Assert.That((string?)entry["event.code"], Is.EqualTo(LogEventIds.RouterFault.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That((string?)entry["labels.correlation_id"], Is.EqualTo("c-1+2"));
        Assert.That((string?)entry["labels.result"], Is.EqualTo("VP004"));
        Assert.That((long)entry["event.duration"]!, Is.EqualTo(12_500_000));
        Assert.That((string?)entry["error.type"], Is.EqualTo(typeof(InvalidOperationException).FullName));
        Assert.That(DateTimeOffset.TryParse((string?)entry["@timestamp"], out _), Is.True);
        Assert.That(entry.AsObject().ContainsKey("labels.{original_format}"), Is.False);
    }

    [Test]
    public async Task Not_being_ready_during_start_up_is_logged_as_Information_not_as_an_error()
    {
        using var logs = new CapturedLogs();
        await using var app = PlatformApplication.Build(["--urls=http://127.0.0.1:0", $"--Storage:Directory={_data}", "--Logging:LogLevel:Default=Debug"],
            builder => builder.Logging.AddProvider(logs));

        // Not started: the catalog and the built-in producers are still pending.
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));

        Assert.That(report.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(logs.Records.Where(r => r.EventId.Id == LogEventIds.HostNotReady).Select(r => r.Level), Is.EqualTo(new[] { LogLevel.Information }));
        Assert.That(logs.Records.Where(r => r.Level >= LogLevel.Warning).Select(r => $"{r.Category}: {r.Message}"), Is.Empty);
    }
}
