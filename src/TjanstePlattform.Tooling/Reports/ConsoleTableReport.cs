using System.Globalization;
using TjanstePlattform.Tooling.Replay;

namespace TjanstePlattform.Tooling.Reports;

/// <summary>
/// The readable report: one row per case (name, status, time, first failure reason), grouped by suite;
/// then the assertions that were skipped (by name, never counted as passed), the case notes and a summary.
/// </summary>
public static class ConsoleTableReport
{
    private const int ReasonWidth = 110;

    public static void Write(ReplayReport report, TextWriter writer, IReadOnlyList<string>? ignoredInputs = null)
    {
        var nameWidth = Math.Clamp(report.Cases.Select(c => c.Case.Name.Length).DefaultIfEmpty(10).Max() + 2, 12, 70);
        writer.WriteLine($"  {"Case".PadRight(nameWidth)}{"Status",-9}{"Time",9}  Reason");
        foreach (var group in report.Cases.GroupBy(c => c.Case.Suite))
        {
            writer.WriteLine(group.Key);
            foreach (var result in group)
            {
                var time = result.Status is CaseStatus.Skipped ? string.Empty : $"{result.Time.TotalMilliseconds:0} ms";
                writer.WriteLine($"  {Fit(result.Case.Name, nameWidth - 2).PadRight(nameWidth)}{Status(result.Status),-9}{time,9}  {Fit(OneLine(result.Reason), ReasonWidth)}");
            }
        }

        var skipped = report.Cases.Where(c => c.SkippedAssertions.Any()).ToList();
        if (skipped.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Skipped assertions (not evaluated, not counted as passed):");
            foreach (var result in skipped)
            {
                writer.WriteLine($"  {result.Case.Suite} / {result.Case.Name}:");
                foreach (var group in result.SkippedAssertions.GroupBy(a => (a.Name, a.Type, a.Message)))
                {
                    var times = group.Count() > 1 ? $" ×{group.Count()}" : string.Empty;
                    writer.WriteLine($"    - '{group.Key.Name}' ({group.Key.Type}){times}: {group.Key.Message}");
                }
            }
        }

        WriteListsPerCase(writer, report, "Steps not run (replay cannot run them; the case ran without them):", c => c.StepsNotRun);
        WriteListsPerCase(writer, report, "Notes:", c => c.Notes);

        if (ignoredInputs is { Count: > 0 })
        {
            writer.WriteLine();
            writer.WriteLine($"Ignored {ignoredInputs.Count} file(s) that are not requests:");
            foreach (var ignored in ignoredInputs)
            {
                writer.WriteLine($"  - {ignored}");
            }
        }

        var skippedAssertions = report.Cases.Sum(c => c.SkippedAssertions.Count());
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Cases.Count} case(s): {report.Passed} passed, {report.Failed} failed, {report.Errors} error(s), {report.Skipped} skipped; {skippedAssertions} assertion(s) skipped; {report.StepsNotRun} step(s) not run; {report.Time.TotalSeconds:0.00} s."));
    }

    // A titled section with each case that has entries, and its entries below it.
    private static void WriteListsPerCase(TextWriter writer, ReplayReport report, string title, Func<ReplayCase, List<string>> entries)
    {
        var cases = report.Cases.Where(c => entries(c.Case).Count > 0).ToList();
        if (cases.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine(title);
        foreach (var result in cases)
        {
            writer.WriteLine($"  {result.Case.Suite} / {result.Case.Name}:");
            foreach (var entry in entries(result.Case))
            {
                writer.WriteLine($"    - {entry}");
            }
        }
    }

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Passed => "PASSED",
        CaseStatus.Failed => "FAILED",
        CaseStatus.Error => "ERROR",
        _ => "SKIPPED",
    };

    private static string OneLine(string? text) => text is null ? string.Empty : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
