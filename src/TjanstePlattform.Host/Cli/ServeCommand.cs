using System.CommandLine;
using Microsoft.Extensions.Options;
using TjanstePlattform.Host.Serve;
using TjanstePlattform.Host.Storage;

namespace TjanstePlattform.Host.Cli;

/// <summary><c>tjp [serve] [--urls …] [--Section:Key=value …]</c>: runs the platform until Ctrl+C.</summary>
internal static class ServeCommand
{
    /// <summary>The platform could not start (port in use, data directory not writable, bad configuration).</summary>
    public const int StartFailed = 1;

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { HelpName = "url[;url]", Description = "plain-HTTP listeners (default http://127.0.0.1:8080)" };
        var environment = new Option<string>("--environment") { HelpName = "name", Description = "the host environment (Production, Development)" };
        var command = new Command("serve", "Run the platform with its demo world (the default verb). Data lives in ./data (Storage:Directory).")
        {
            urls, environment,
        };
        HostArguments.Allow(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            string[] hostArgs;
            try
            {
                hostArgs = HostArguments.Collect(parseResult, urls, environment);
            }
            catch (CliUsageException ex)
            {
                await error.WriteLineAsync($"tjp serve: {ex.Message}");
                return TjpCommandLine.UsageError;
            }

            return await RunAsync(hostArgs, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] hostArgs, TextWriter error, CancellationToken cancellationToken)
    {
        // What would otherwise end in a stack trace half-way through start-up is checked first, and said in one line.
        if (StartupChecks.Problem(HostArguments.Configuration(hostArgs)) is { } problem)
        {
            await error.WriteLineAsync($"tjp: {problem}");
            return StartFailed;
        }

        WebApplication app;
        try
        {
            app = PlatformApplication.Build(hostArgs);
        }
        catch (StoreDamagedException damaged)
        {
            // A store failed its start-up check (Storage:ContinueOnDamage starts anyway): said in one line.
            await error.WriteLineAsync($"tjp: {damaged.Message}");
            return StartFailed;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OptionsValidationException)
        {
            await error.WriteLineAsync($"tjp: cannot start: {ex.Message}");
            return StartFailed;
        }

        await using (app)
        {
            try
            {
                await app.RunAsync(cancellationToken);
                return 0;
            }
            catch (Exception ex) when (ex is IOException or OptionsValidationException or UnauthorizedAccessException)
            {
                // A port taken between the check and the bind, or an option that fails validation at start.
                await error.WriteLineAsync($"tjp: cannot start: {ex.Message}");
                return StartFailed;
            }
        }
    }
}
