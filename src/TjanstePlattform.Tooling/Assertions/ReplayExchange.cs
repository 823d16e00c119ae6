using System.Xml;
using System.Xml.XPath;
using TjanstePlattform.Soap.Xml;
using TjanstePlattform.Tooling.Replay;

namespace TjanstePlattform.Tooling.Assertions;

/// <summary>
/// One request and its answer. The answer's XML is parsed once, lazily, with the safe reader settings;
/// a body that is not XML leaves <see cref="Document"/> null and <see cref="XmlProblem"/> set.
/// </summary>
public sealed class ReplayExchange
{
    private readonly Lazy<string> _text;
    private readonly Lazy<(XPathDocument? Document, string? Problem)> _document;
    private readonly Lazy<EnvelopeInfo> _envelope;

    public ReplayExchange(int status, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, TimeSpan elapsed, EnvelopeInfo? request = null)
    {
        Status = status;
        Headers = headers;
        Body = body;
        Elapsed = elapsed;
        Request = request;
        _text = new Lazy<string>(() => EnvelopeText.Decode(Body.Span));
        _document = new Lazy<(XPathDocument?, string?)>(Parse);
        _envelope = new Lazy<EnvelopeInfo>(() => EnvelopeInfo.Inspect(Text));
    }

    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; }

    /// <summary>Response and content headers (names case-insensitive, multiple values joined with <c>, </c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>From sending the request to the last byte of the answer.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The request's head (contract, receiver), when it was an envelope.</summary>
    public EnvelopeInfo? Request { get; }

    /// <summary>The answer as text (BOM or UTF-8, see <see cref="EnvelopeText"/>).</summary>
    public string Text => _text.Value;

    /// <summary>The parsed answer, or null when it is not well-formed XML.</summary>
    public XPathDocument? Document => _document.Value.Document;

    /// <summary>Why the answer could not be parsed.</summary>
    public string? XmlProblem => _document.Value.Problem;

    /// <summary>The answer's envelope head: kind (response/fault), contract namespace, payload name.</summary>
    public EnvelopeInfo Envelope => _envelope.Value;

    /// <summary>True when the answer is a SOAP 1.1 envelope with a Body child.</summary>
    public bool IsSoapEnvelope => Envelope.Kind is EnvelopeKind.Response or EnvelopeKind.Request or EnvelopeKind.Fault;

    public bool IsFault => Envelope.Kind == EnvelopeKind.Fault;

    /// <summary>The fault's <c>faultcode</c> and <c>faultstring</c>, when the answer is a fault.</summary>
    public (string? Code, string? String) FaultInfo()
    {
        if (!IsFault || Document is null)
        {
            return (null, null);
        }

        var nav = Document.CreateNavigator();
        var ns = new XmlNamespaceManager(nav.NameTable);
        ns.AddNamespace("soap", RivtaNamespaces.Soap11Envelope);
        var fault = nav.SelectSingleNode("/soap:Envelope/soap:Body/soap:Fault", ns);
        return (fault?.SelectSingleNode("*[local-name()='faultcode']")?.Value.Trim(),
                fault?.SelectSingleNode("*[local-name()='faultstring']")?.Value.Trim());
    }

    private (XPathDocument?, string?) Parse()
    {
        try
        {
            using var reader = SafeXml.CreateReader(new StringReader(Text));
            return (new XPathDocument(reader), null);
        }
        catch (XmlException ex)
        {
            return (null, ex.Message);
        }
    }
}
