using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Host.Logging;

/// <summary>
/// Console logs as Elastic Common Schema JSON, one object per line, as the reference platform offers for Kibana:
/// <c>Logging:Console:FormatterName=ecs</c>. The message's fields keep their names under <c>labels.</c> in snake case
/// (<c>labels.correlation_id</c>, <c>labels.sender</c>, <c>labels.result</c>); a duration becomes <c>event.duration</c>
/// in nanoseconds, an exception <c>error.*</c>.
/// </summary>
internal sealed class EcsConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "ecs";

    private const string EcsVersion = "8.11.0";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = PlatformJson.Encoder };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture));
            json.WriteString("log.level", Level(logEntry.LogLevel));
            json.WriteString("log.logger", logEntry.Category);
            json.WriteString("message", message ?? logEntry.Exception!.Message);
            json.WriteString("ecs.version", EcsVersion);
            json.WriteString("service.name", "tjp");
            if (logEntry.EventId.Id != 0)
            {
                json.WriteString("event.code", logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture));
            }

            if (logEntry.EventId.Name is { } action)
            {
                json.WriteString("event.action", action);
            }

            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                WriteFields(json, fields);
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("error.type", exception.GetType().FullName);
                json.WriteString("error.message", exception.Message);
                json.WriteString("error.stack_trace", exception.ToString());
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    private static void WriteFields(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        foreach (var (name, value) in fields)
        {
            if (name == "{OriginalFormat}" || value is null)
            {
                continue;
            }

            if (name == "DurationMs" && value is IConvertible convertible)
            {
                // ECS durations are nanoseconds.
                json.WriteNumber("event.duration", (long)(convertible.ToDouble(CultureInfo.InvariantCulture) * 1_000_000));
                continue;
            }

            // ECS labels are keywords: strings, formatted invariantly.
            var key = "labels." + JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
            json.WriteString(key, value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString());
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };
}
