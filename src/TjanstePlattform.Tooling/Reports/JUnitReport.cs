using System.Globalization;
using System.Text;
using System.Xml;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Replay;

namespace TjanstePlattform.Tooling.Reports;

/// <summary>
/// The run as JUnit XML, the format CI servers read: <c>testsuites</c> → one <c>testsuite</c> per suite
/// (SoapUI test suite or input folder) → one <c>testcase</c> per case with <c>failure</c> (an assertion
/// failed), <c>error</c> (no answer, unreadable input) or <c>skipped</c>. Counts are on both levels.
/// Assertions that were skipped are listed by name in the case's <c>system-out</c>, with the notes.
/// </summary>
public static class JUnitReport
{
    public static void Write(ReplayReport report, Stream stream)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "tjp replay");
        WriteCounts(xml, report.Cases, report.Time);
        xml.WriteAttributeString("timestamp", report.StartedAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));

        var id = 0;
        foreach (var suite in report.Cases.GroupBy(c => c.Case.Suite))
        {
            var cases = suite.ToList();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("id", (id++).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("name", suite.Key);
            WriteCounts(xml, cases, TimeSpan.FromTicks(cases.Sum(c => c.Time.Ticks)));
            xml.WriteAttributeString("timestamp", report.StartedAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            foreach (var result in cases)
            {
                WriteCase(xml, result);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    public static void Write(ReplayReport report, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = File.Create(path);
        Write(report, stream);
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<CaseResult> cases, TimeSpan time)
    {
        xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", cases.Count(c => c.Status == CaseStatus.Failed).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", cases.Count(c => c.Status == CaseStatus.Error).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", cases.Count(c => c.Status == CaseStatus.Skipped).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(time));
    }

    private static void WriteCase(XmlWriter xml, CaseResult result)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", result.Case.Suite);
        xml.WriteAttributeString("name", result.Case.Name);
        xml.WriteAttributeString("time", Seconds(result.Time));
        xml.WriteAttributeString("file", result.Case.Source);

        switch (result.Status)
        {
            case CaseStatus.Failed:
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(result.Reason ?? "failed"));
                xml.WriteAttributeString("type", "AssertionFailure");
                xml.WriteString(Clean(Details(result)));
                xml.WriteEndElement();
                break;
            case CaseStatus.Error:
                xml.WriteStartElement("error");
                xml.WriteAttributeString("message", Clean(result.Reason ?? "error"));
                xml.WriteAttributeString("type", result.Case.InputError is null ? "TransportError" : "InputError");
                xml.WriteString(Clean(Details(result)));
                xml.WriteEndElement();
                break;
            case CaseStatus.Skipped:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean(result.Reason ?? "skipped"));
                xml.WriteEndElement();
                break;
        }

        var output = SystemOut(result);
        if (output.Length > 0)
        {
            xml.WriteElementString("system-out", Clean(output));
        }

        xml.WriteEndElement();
    }

    private static string Details(CaseResult result)
    {
        var text = new StringBuilder();
        foreach (var step in result.Steps)
        {
            text.Append(step.Name).Append(": ");
            text.AppendLine(step.TransportError ?? (step.HttpStatus is null ? "run by replay (sends nothing)" : $"HTTP {step.HttpStatus} in {step.Time.TotalMilliseconds:0} ms from {step.Address}"));
            foreach (var assertion in step.Assertions.Where(a => a.Status == AssertionStatus.Failed))
            {
                text.Append("  FAILED ").Append(assertion.Name).Append(" (").Append(assertion.Type).Append("): ").AppendLine(assertion.Message);
            }
        }

        return text.ToString();
    }

    private static string SystemOut(CaseResult result)
    {
        var text = new StringBuilder();
        foreach (var step in result.Steps)
        {
            foreach (var assertion in step.Assertions)
            {
                text.Append(assertion.Status switch
                {
                    AssertionStatus.Passed => "passed  ",
                    AssertionStatus.Failed => "FAILED  ",
                    _ => "skipped ",
                });
                text.Append('\'').Append(assertion.Name).Append("' (").Append(assertion.Type).Append(')');
                if (assertion.Status != AssertionStatus.Passed && assertion.Message is not null)
                {
                    text.Append(": ").Append(assertion.Message);
                }

                text.AppendLine();
            }
        }

        foreach (var step in result.Case.StepsNotRun)
        {
            text.Append("step not run: ").AppendLine(step);
        }

        foreach (var note in result.Case.Notes)
        {
            text.Append("note: ").AppendLine(note);
        }

        return text.ToString();
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    // XML 1.0 cannot carry most control characters; an answer excerpt may hold them.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '?');
        }

        return builder.ToString();
    }
}
