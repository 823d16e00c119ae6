using Microsoft.Extensions.Configuration;

namespace TjanstePlattform.Host.Backup;

/// <summary>
/// <c>tjp backup &lt;target&gt;</c>. A stand-in of the store backup's entry point (issue 17 writes the real one with this
/// exact signature): it says so and fails, rather than pretending a backup was made.
/// </summary>
public static class StoreBackup
{
    public static async Task<int> RunAsync(IConfiguration configuration, string target, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        await output.WriteLineAsync($"tjp backup: not available in this build; nothing was written to {target}.");
        return 1;
    }
}
