using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using TjanstePlattform.Catalog.Editing;
using TjanstePlattform.Catalog.Serialization;

namespace TjanstePlattform.Catalog.Api;

/// <summary>
/// Reads a JSON request body within a size limit. Every way a body can be wrong (media type, size, syntax,
/// unknown members, wrong types) becomes a precise problem, never a 500.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, CatalogProblem? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken, bool strict = true)
        where T : class
    {
        if (request.ContentType is not { } contentType
            || !(contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, new CatalogProblem(CatalogProblems.UnsupportedMediaType, "Unsupported media type", 415,
                $"Send the body as application/json (got '{request.ContentType ?? "none"}')."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Kestrel stops a lying or chunked sender at the limit (plus one byte, so we can tell).
            limit.MaxRequestBodySize = maxBytes + 1L;
        }

        byte[] body;
        try
        {
            body = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false) ?? [];
            if (body.Length > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }

        if (body.Length == 0)
        {
            return (null, new CatalogProblem(CatalogProblems.MalformedJson, "Malformed JSON", 400, "The request body is empty."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, strict ? CatalogJson.Strict : CatalogJson.Options);
            return value is null
                ? (null, new CatalogProblem(CatalogProblems.MalformedJson, "Malformed JSON", 400, "The request body is the JSON literal null."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            // The message names the path and position (e.g. "$.validFrom | LineNumber: 0 | BytePositionInLine: 42"): enough to fix the request.
            return (null, new CatalogProblem(CatalogProblems.MalformedJson, "Malformed JSON", 400, $"The request body is not valid JSON for this resource: {ex.Message}"));
        }
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return buffer.ToArray();
            }
        }

        return buffer.ToArray();
    }

    private static CatalogProblem TooLarge(int maxBytes) =>
        new(CatalogProblems.PayloadTooLarge, "Payload too large", 413, $"The request body is larger than {maxBytes} bytes.");
}
