using System.CommandLine;
using TjanstePlattform.Host.Backup;

namespace TjanstePlattform.Host.Cli;

/// <summary><c>tjp backup &lt;target&gt; [--Section:Key=value …]</c>: a consistent copy of the stores, with the platform's configuration.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("target") { Description = "where the backup is written" };
        var command = new Command("backup", "Back up the platform's stores (catalog, engagement index, source systems) to <target>.") { target };
        HostArguments.Allow(command);
        command.SetAction(async parseResult =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            string[] hostArgs;
            try
            {
                hostArgs = HostArguments.Collect(parseResult);
            }
            catch (CliUsageException ex)
            {
                await error.WriteLineAsync($"tjp backup: {ex.Message}");
                return TjpCommandLine.UsageError;
            }

            return await StoreBackup.RunAsync(HostArguments.Configuration(hostArgs), parseResult.GetRequiredValue(target), output);
        });
        return command;
    }
}
