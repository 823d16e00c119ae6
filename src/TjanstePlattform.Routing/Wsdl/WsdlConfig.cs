using System.Text.Json;
using System.Text.Json.Serialization;

namespace TjanstePlattform.Routing.Wsdl;

/// <summary>
/// Reads a WSDL mapping file in the reference's <c>wsdlconfig.json</c> shape (see <see cref="ContractsOptions.WsdlConfigFile"/>).
/// A wrong file stops the start with the entry and the problem named: a platform that silently serves fewer WSDLs
/// than configured is worse than one that does not start.
/// </summary>
internal static class WsdlConfig
{
    private const long MaxFileBytes = 4 * 1024 * 1024;

    public static IReadOnlyList<WsdlEntry> Load(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return [];
        }

        var full = Path.GetFullPath(file);
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            throw new InvalidOperationException($"Contracts:WsdlConfigFile {full} does not exist.");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InvalidOperationException($"Contracts:WsdlConfigFile {full} is larger than {MaxFileBytes} bytes.");
        }

        List<Mapping>? mappings;
        try
        {
            mappings = JsonSerializer.Deserialize<List<Mapping>>(File.ReadAllText(full), new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Contracts:WsdlConfigFile {full} is not a JSON array of mappings: {ex.Message}", ex);
        }

        var root = Path.GetDirectoryName(full)!;
        var entries = new List<WsdlEntry>();
        foreach (var (mapping, index) in (mappings ?? []).Select((m, i) => (m, i)))
        {
            var url = (mapping.WsdlUrl ?? string.Empty).Trim().Trim('/');
            url = url.StartsWith("vp/", StringComparison.OrdinalIgnoreCase) ? url[3..] : url;
            var wsdl = (mapping.WsdlFilePath ?? string.Empty).Trim();
            wsdl = wsdl.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(wsdl).LocalPath : wsdl;
            var path = Path.GetFullPath(Path.Combine(root, wsdl));
            if (url.Length == 0 || wsdl.Length == 0)
            {
                throw new InvalidOperationException($"Contracts:WsdlConfigFile {full}, entry {index + 1} ({mapping.Contract}): wsdlurl and wsdlfilepath are required.");
            }

            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                throw new InvalidOperationException($"Contracts:WsdlConfigFile {full}, entry {index + 1} ({mapping.Contract}): no WSDL {wsdl} below {root}.");
            }

            entries.Add(new WsdlEntry(url, path, root));
        }

        return entries;
    }

    private sealed class Mapping
    {
        [JsonPropertyName("tjanstekontrakt")]
        public string? Contract { get; set; }

        [JsonPropertyName("wsdlfilepath")]
        public string? WsdlFilePath { get; set; }

        [JsonPropertyName("wsdlurl")]
        public string? WsdlUrl { get; set; }
    }
}
