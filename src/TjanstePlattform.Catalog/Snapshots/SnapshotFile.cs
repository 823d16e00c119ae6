using System.Text.Json;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Serialization;

namespace TjanstePlattform.Catalog.Snapshots;

/// <summary>
/// The local copy of the last good published version (the reference router's local TAK cache): written
/// after every publish, read only when the store cannot be read at start.
/// </summary>
internal sealed class SnapshotFile(string path)
{
    public string Path { get; } = path;

    /// <summary>Writes atomically: a reader never sees half a file.</summary>
    public async Task WriteAsync(CatalogVersion version, CancellationToken cancellationToken)
    {
        var temporary = Path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await JsonSerializer.SerializeAsync(stream, CatalogJson.ToJson(version), CatalogJson.Options, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>The saved version, or null with the reason when there is none or it is unreadable.</summary>
    public async Task<(CatalogVersion? Version, string? Error)> TryReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return (null, $"no local snapshot file {Path}");
        }

        try
        {
            await using var stream = File.OpenRead(Path);
            var json = await JsonSerializer.DeserializeAsync<CatalogDocumentJson>(stream, CatalogJson.Options, cancellationToken).ConfigureAwait(false);
            if (json is null || json.Format != CatalogJson.Format)
            {
                return (null, $"the local snapshot file {Path} is not a catalog document");
            }

            return (CatalogJson.VersionFromJson(json), null);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return (null, $"the local snapshot file {Path} is unreadable: {ex.Message}");
        }
    }
}
