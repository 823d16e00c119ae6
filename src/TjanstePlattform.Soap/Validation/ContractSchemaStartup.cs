using Microsoft.Extensions.Hosting;

namespace TjanstePlattform.Soap.Validation;

/// <summary>
/// Loads the schema trees as the platform starts, off the start-up path, so a tree that cannot be loaded (an unpacked
/// release with a broken import, say) is reported by name in the log at once — not at the first validated call — and
/// never stops the platform: its contracts are simply unknown to validation.
/// </summary>
internal sealed class ContractSchemaStartup(IContractSchemaValidator validator) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => _ = validator.Trees, stoppingToken);
}
