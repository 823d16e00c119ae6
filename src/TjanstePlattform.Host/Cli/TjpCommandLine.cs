using TjanstePlattform.Host.Backup;
using TjanstePlattform.Host.Serve;
using TjanstePlattform.Host.Storage;

namespace TjanstePlattform.Host.Cli;

/// <summary>
/// <c>tjp [serve] [options]</c> runs the platform; further verbs (replay, record, catalog) are added by their parts.
/// Anything that is not a verb is passed to the host as configuration (<c>--urls</c>, <c>--Section:Key=value</c>).
/// </summary>
public static class TjpCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        switch (verb)
        {
            case "serve":
                WebApplication app;
                try
                {
                    app = PlatformApplication.Build(rest);
                }
                catch (StoreDamagedException damaged)
                {
                    Console.Error.WriteLine($"tjp: {damaged.Message}");
                    return 1;
                }

                await app.RunAsync();
                return 0;
            case "backup":
                return await StoreBackup.RunAsync(
                    new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                        .AddEnvironmentVariables().AddCommandLine(rest.Skip(1).ToArray()).Build(),
                    rest.Length > 0 && !rest[0].StartsWith('-') ? rest[0] : "", Console.Out);
            case "replay":
                return await ReplayCommand.RunAsync(rest);
            case "record":
                return await RecordCommand.RunAsync(rest);
            case "catalog": return await CatalogCommand.RunAsync(rest);
            case "help":
            case "--help":
                PrintUsage(Console.Out);
                return 0;
            default:
                Console.Error.WriteLine($"tjp: unknown command '{verb}'.");
                PrintUsage(Console.Error);
                return 2;
        }
    }

    private static void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("Usage: tjp [serve] [--urls http://127.0.0.1:8080] [--Section:Key=value ...]   run the platform");
        writer.WriteLine("       tjp replay <envelopes | folders | soapui-project.xml> --target <url> [...]  (tjp replay --help)");
        writer.WriteLine("       tjp record --target <url> --out <dir> [--listen http://127.0.0.1:9090]     (tjp record --help)");
        writer.WriteLine("       tjp catalog [--server <url> | --data <dir>] <command>                     (tjp catalog --help)");
        writer.WriteLine("       tjp backup <target folder> [--Storage:Directory=<dir>]                   consistent copy of the SQLite stores");
    }
}
