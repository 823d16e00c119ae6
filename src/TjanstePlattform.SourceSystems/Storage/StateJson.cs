using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Serialization;
using TjanstePlattform.Platform;

namespace TjanstePlattform.SourceSystems.Storage;

/// <summary>
/// JSON for the data files and the stored state: camelCase, comments and trailing commas allowed in files, and the
/// contract enumerations written with their wire values (<c>UTLÄMNINGSSTÄLLE</c>, <c>SÄRNÄR</c>) so files read like the messages.
/// </summary>
internal static class StateJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Encoder = PlatformJson.Encoder,
        };
        options.Converters.Add(new WireEnumConverterFactory());
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"Empty JSON for {typeof(T).Name}.");
}

/// <summary>Enumerations by their <see cref="XmlEnumAttribute"/> wire value (member name when there is none), case-sensitive as on the wire.</summary>
internal sealed class WireEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class WireEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly IReadOnlyDictionary<string, T> ByWire = Values().ToDictionary(v => v.Wire, v => v.Value, StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<T, string> ToWire = new(Values().ToDictionary(v => v.Value, v => v.Wire));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.Number ? reader.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.GetString();
            if (text is not null && ByWire.TryGetValue(text, out var value))
            {
                return value;
            }

            throw new JsonException($"'{text}' is not one of {string.Join(", ", ByWire.Keys)}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ToWire.TryGetValue(value, out var wire) ? wire : value.ToString());

        private static IEnumerable<(T Value, string Wire)> Values() =>
            typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => ((T)f.GetValue(null)!, f.GetCustomAttribute<XmlEnumAttribute>()?.Name ?? f.Name));
    }
}
