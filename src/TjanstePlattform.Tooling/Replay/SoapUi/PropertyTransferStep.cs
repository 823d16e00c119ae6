using System.Diagnostics;
using System.Xml;
using System.Xml.XPath;
using TjanstePlattform.Soap.Xml;
using TjanstePlattform.Tooling.Assertions;
using TjanstePlattform.Tooling.Assertions.XPath;
using Wmhelp.XPath2;

namespace TjanstePlattform.Tooling.Replay.SoapUi;

/// <summary>
/// A SoapUI Property Transfer step, run when the case reaches it: each transfer reads its source from the run so far
/// (an earlier step's answer or sent request, or a property), through its XPath 2.0 source path if any, and writes
/// the value into a property or, at its target path, into a later request step's content. One result per transfer;
/// the first that fails ends the step (the rest are reported as not run).
/// </summary>
internal sealed class PropertyTransferStep(string name, IReadOnlyList<PropertyTransfer> transfers, TransferredProperties properties, PropertyExpander snapshot) : ILocalReplayStep
{
    public const string TypeId = "Property Transfer";

    /// <summary>The longest value a transfer carries (characters): a bookingId is short, an answer's fragment need not be huge.</summary>
    public const int MaxValueChars = 256 * 1024;

    public string Name { get; } = name;

    public IReadOnlyList<PropertyTransfer> Transfers { get; } = transfers;

    public StepResult Run(CaseRun run)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<AssertionResult>(Transfers.Count);
        var failed = false;
        foreach (var transfer in Transfers)
        {
            if (failed)
            {
                results.Add(Result(transfer, AssertionStatus.Skipped, "not run: an earlier transfer of the step failed"));
                continue;
            }

            var result = transfer.Disabled ? Result(transfer, AssertionStatus.Skipped, "disabled in the project") : Apply(transfer, run);
            failed = result.Status == AssertionStatus.Failed;
            results.Add(result);
        }

        return new StepResult { Name = Name, Time = clock.Elapsed, Assertions = results };
    }

    private AssertionResult Apply(PropertyTransfer transfer, CaseRun run)
    {
        // Each transfer sees what the ones before it in the step wrote.
        var view = properties.View(snapshot, run);
        var source = Source(transfer, run, view);
        if (source.Error is not null)
        {
            return Result(transfer, AssertionStatus.Failed, source.Error);
        }

        var value = source.Value;
        if (value is not null && value.Length > MaxValueChars)
        {
            return Result(transfer, AssertionStatus.Failed, $"the value from {source.Described} is {value.Length} characters; replay transfers at most {MaxValueChars}.");
        }

        if (transfer.IgnoreEmpty && string.IsNullOrEmpty(value))
        {
            return Result(transfer, AssertionStatus.Passed, $"{source.Described} is {(value is null ? "missing" : "empty")}: ignoreEmpty leaves {Target(transfer)} as it is");
        }

        if (value is null)
        {
            if (!transfer.SetNullOnMissingSource)
            {
                var missing = $"{source.Described} is missing";
                return transfer.FailOnError
                    ? Result(transfer, AssertionStatus.Failed, $"{missing} (setNullOnMissingSource and ignoreEmpty are off).")
                    : Result(transfer, AssertionStatus.Skipped, $"{missing}; failOnError is off, so {Target(transfer)} is left as it is");
            }

            value = string.Empty;
        }

        var error = Write(transfer, value, run, view);
        return error is null
            ? Result(transfer, AssertionStatus.Passed, $"'{Shorten(value)}' into {Target(transfer)}")
            : Result(transfer, AssertionStatus.Failed, error);
    }

    private (string? Value, string Described, string? Error) Source(PropertyTransfer transfer, CaseRun run, PropertyExpander view)
    {
        string? text;
        string described;
        if (TransferredProperties.Scope(transfer.SourceStep, view) is { } scope)
        {
            text = scope.GetValueOrDefault(transfer.SourceType);
            described = $"the property {transfer.SourceStep}{(transfer.SourceStep.StartsWith('#') ? string.Empty : "#")}{transfer.SourceType}";
        }
        else if (transfer.SourceType is "Response" or "Request" or "RawRequest")
        {
            if (run.Exchange(transfer.SourceStep) is not { } exchange)
            {
                return (null, string.Empty, $"the source step '{transfer.SourceStep}' has no {transfer.SourceType.ToLowerInvariant()} in this run (no request step of that name ran before this transfer).");
            }

            text = transfer.SourceType == "Response" ? exchange.Answer.Text : EnvelopeText.Decode(exchange.Request.Span);
            described = $"the {transfer.SourceType.ToLowerInvariant()} of '{transfer.SourceStep}'";
        }
        else
        {
            return (null, string.Empty, $"the source {transfer.SourceStep}#{transfer.SourceType} is not a property replay knows (a properties step, #TestCase#, #TestSuite#, #Project#, or a request step's Response or Request).");
        }

        if (text is null || string.IsNullOrWhiteSpace(transfer.SourcePath))
        {
            return (text, described, null);
        }

        var path = view.Expand(transfer.SourcePath);
        XPathDocument document;
        try
        {
            using var reader = SafeXml.CreateReader(new StringReader(text), maxCharacters: 64L * 1024 * 1024);
            document = new XPathDocument(reader);
        }
        catch (XmlException ex)
        {
            return (null, described, $"{described} is not XML ({ex.Message}); cannot evaluate the source path.");
        }

        var query = XPathQuery.Parse(path);
        try
        {
            var value = FirstValue(query.Evaluate(document.CreateNavigator()), transfer.TransferTextContent);
            return (value, $"the source path '{query.Expression}' in {described}", null);
        }
        catch (XPathException ex)
        {
            return (null, described, $"XPath error in the source path '{query.Expression}': {ex.Message}");
        }
    }

    // The text of the first node (transferTextContent), or the item as an XPath Match compares it (an element with
    // children as XML); null when the path matched nothing.
    private static string? FirstValue(object result, bool textContent)
    {
        if (textContent && result is XPath2NodeIterator sequence)
        {
            return sequence.MoveNext() && sequence.Current is { } first ? (first is XPathNavigator node ? node.Value : XPathQuery.Render(first)) : null;
        }

        return XPathQuery.Render(result);
    }

    private string? Write(PropertyTransfer transfer, string value, CaseRun run, PropertyExpander view)
    {
        if (TransferredProperties.Scope(transfer.TargetStep, view) is { } scope)
        {
            var store = properties.Store(transfer.TargetStep, run);
            if (string.IsNullOrWhiteSpace(transfer.TargetPath))
            {
                store[transfer.TargetType] = value;
                return null;
            }

            var current = scope.GetValueOrDefault(transfer.TargetType) ?? string.Empty;
            return WriteAtPath(transfer, current, value, view, Target(transfer), written => store[transfer.TargetType] = written);
        }

        if (properties.IsRequest(transfer.TargetStep) && transfer.TargetType is "Request")
        {
            if (string.IsNullOrWhiteSpace(transfer.TargetPath))
            {
                properties.SetRequestContent(transfer.TargetStep, run, value);
                return null;
            }

            return WriteAtPath(transfer, properties.RequestContent(transfer.TargetStep, run), value, view, Target(transfer), written => properties.SetRequestContent(transfer.TargetStep, run, written));
        }

        return $"the target {Target(transfer)} is not one replay can write: a properties step, #TestCase#, #TestSuite#, #Project#, or the Request of a request step after this transfer.";
    }

    // Sets the text of the node(s) the target path matches in the target's XML; the rest of the XML is kept as it is
    // (with its ${…}, expanded when the request is sent).
    private static string? WriteAtPath(PropertyTransfer transfer, string xml, string value, PropertyExpander view, string target, Action<string> store)
    {
        var document = new XmlDocument { XmlResolver = null, PreserveWhitespace = true };
        try
        {
            using var reader = SafeXml.CreateReader(new StringReader(xml), maxCharacters: 64L * 1024 * 1024);
            document.Load(reader);
        }
        catch (XmlException ex)
        {
            return $"{target} is not XML ({ex.Message}); cannot write at the target path.";
        }

        var query = XPathQuery.Parse(view.Expand(transfer.TargetPath));
        var nodes = new List<XPathNavigator>();
        try
        {
            if (query.Evaluate(document.CreateNavigator()!) is XPath2NodeIterator matches)
            {
                while (matches.MoveNext() && (nodes.Count == 0 || transfer.TransferToAll))
                {
                    if (matches.Current is XPathNavigator node)
                    {
                        nodes.Add(node.Clone());
                    }
                }
            }
        }
        catch (XPathException ex)
        {
            return $"XPath error in the target path '{query.Expression}': {ex.Message}";
        }

        if (nodes.Count == 0)
        {
            return $"the target path '{query.Expression}' matched no node in {target}.";
        }

        foreach (var node in nodes)
        {
            node.SetValue(value);
        }

        store(document.OuterXml);
        return null;
    }

    private static string Target(PropertyTransfer transfer)
        => transfer.TargetStep.StartsWith('#') ? $"{transfer.TargetStep}{transfer.TargetType}" : $"'{transfer.TargetStep}'#{transfer.TargetType}";

    private static AssertionResult Result(PropertyTransfer transfer, AssertionStatus status, string message) => new(transfer.Name, TypeId, status, message);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
