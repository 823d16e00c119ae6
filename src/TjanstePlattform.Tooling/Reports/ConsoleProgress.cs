using TjanstePlattform.Tooling.Replay;

namespace TjanstePlattform.Tooling.Reports;

/// <summary>
/// The progress line on stderr: rewritten in place on a terminal, one line per finished case when
/// stderr is redirected (CI logs), so that stdout keeps only the report.
/// </summary>
public sealed class ConsoleProgress(TextWriter writer, bool interactive) : IProgress<ReplayProgress>
{
    private int _lastWidth;

    public void Report(ReplayProgress value)
    {
        var name = $"{value.Case.Suite} / {value.Case.Name}";
        if (interactive)
        {
            var line = value.Result is null
                ? $"[{value.Index}/{value.Total}] {name} …"
                : $"[{value.Index}/{value.Total}] {name} {ConsoleTableReport.Status(value.Result.Status)}";
            line = line.Length > 150 ? line[..149] + "…" : line;
            writer.Write("\r" + line.PadRight(_lastWidth));
            _lastWidth = line.Length;
            if (value.Result is not null && value.Index == value.Total)
            {
                writer.WriteLine();
            }
        }
        else if (value.Result is not null)
        {
            writer.WriteLine($"[{value.Index}/{value.Total}] {ConsoleTableReport.Status(value.Result.Status),-7} {value.Result.Time.TotalMilliseconds,6:0} ms  {name}");
        }

        writer.Flush();
    }
}
