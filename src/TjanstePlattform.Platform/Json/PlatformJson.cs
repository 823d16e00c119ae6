using System.Text.Encodings.Web;
using System.Text.Json;

namespace TjanstePlattform.Platform;

/// <summary>The one JSON text setting of the REST API: how strings are escaped, for every option set and Results.Json.</summary>
public static class PlatformJson
{
    /// <summary>
    /// Only what JSON itself requires is escaped (quotes, backslash, control characters): the default encoder writes
    /// <c>+</c> in a timestamp's offset as <c>\u002B</c> and <c>å</c> as <c>\u00E5</c>, which readers of the API then see.
    /// The API serves <c>application/json</c> (never HTML), so the HTML-safety escaping buys nothing here.
    /// </summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Sets <see cref="Encoder"/> on <paramref name="options"/> (before first use) and returns them.</summary>
    public static JsonSerializerOptions WithEncoder(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Encoder = Encoder;
        return options;
    }
}
