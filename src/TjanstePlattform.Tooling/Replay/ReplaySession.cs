using TjanstePlattform.Tooling.Assertions.Schemas;
using TjanstePlattform.Tooling.Reports;

namespace TjanstePlattform.Tooling.Replay;

/// <summary>A parsed <c>tjp replay</c> command line.</summary>
public sealed class ReplayRequest
{
    /// <summary>Envelope files, folders and SoapUI projects, in the order given.</summary>
    public List<string> Inputs { get; } = [];

    public ReplayOptions Options { get; } = new();

    /// <summary><c>--property name=value</c>.</summary>
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary><c>--data file</c>: a data.xml instead of the one next to a SoapUI project.</summary>
    public string? DataFile { get; set; }

    /// <summary><c>--schemas dir</c>: validate against these schema trees instead of the platform's own.</summary>
    public string? SchemasDirectory { get; set; }

    /// <summary><c>--junit file</c>.</summary>
    public string? JUnitPath { get; set; }
}

/// <summary>
/// Runs a replay end to end: load the inputs, send, print the table to <c>output</c> and progress to
/// <c>progress</c>, write JUnit XML. Exit code 0 only when every case that ran passed (and at least one
/// ran), 1 when a case failed or erred, 2 when the command itself cannot run (no inputs, bad certificate,
/// missing schema folder).
/// </summary>
public static class ReplaySession
{
    public const int Success = 0;
    public const int CasesFailed = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(ReplayRequest request, TextWriter output, TextWriter progress, bool interactive, CancellationToken cancellationToken = default)
    {
        if (request.Inputs.Count == 0)
        {
            await progress.WriteLineAsync("tjp replay: give at least one envelope file, folder or SoapUI project.").ConfigureAwait(false);
            return UsageError;
        }

        IResponseSchemaValidator? validator = null;
        ReplayRunner runner;
        try
        {
            // Compiled on first use: a run whose project asks for no validation never loads a schema.
            validator = ContractSchemas.Create(request.SchemasDirectory);
            runner = new ReplayRunner(request.Options, validator);
        }
        catch (Exception ex) when (ex is ReplayInputException or DirectoryNotFoundException)
        {
            await progress.WriteLineAsync($"tjp replay: {ex.Message}").ConfigureAwait(false);
            return UsageError;
        }

        using (runner)
        {
            var inputs = ReplayInputs.Load(request.Inputs, request.Properties, request.DataFile);
            if (inputs.Cases.Count == 0)
            {
                await progress.WriteLineAsync($"tjp replay: no request envelopes, recordings or SoapUI test cases found in {string.Join(", ", request.Inputs)}.").ConfigureAwait(false);
                ConsoleTableReport.Write(new ReplayReport { Cases = [] }, output, inputs.Ignored);
                return UsageError;
            }

            var report = await runner.RunAsync(inputs.Cases, new ConsoleProgress(progress, interactive), cancellationToken).ConfigureAwait(false);
            ConsoleTableReport.Write(report, output, inputs.Ignored);
            if (request.JUnitPath is not null)
            {
                JUnitReport.Write(report, request.JUnitPath);
                await output.WriteLineAsync($"JUnit report: {Path.GetFullPath(request.JUnitPath)}").ConfigureAwait(false);
            }

            return report.AllPassed ? Success : CasesFailed;
        }
    }
}
