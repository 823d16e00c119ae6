using TjanstePlattform.Soap.Faults;

namespace TjanstePlattform.Soap.Service;

/// <summary>What a built-in service answers, independent of how it is delivered (HTTP or in-process to the router).</summary>
public enum SoapResponseKind
{
    /// <summary>A SOAP envelope with HTTP 200 (or a fault envelope with 500).</summary>
    Envelope,

    /// <summary>Something that is not a well-behaved SOAP answer (a producer's error page, broken XML): status, type and bytes as given.</summary>
    Raw,

    /// <summary>The connection is dropped without an answer.</summary>
    Abort,
}

/// <summary>One answer of a built-in service. Faults are rendered once here, by <see cref="SoapFaultWriter"/>.</summary>
public sealed class SoapResponse
{
    private SoapResponse(SoapResponseKind kind, int statusCode, string contentType, IReadOnlyList<ReadOnlyMemory<byte>> body, SoapFault? fault)
    {
        Kind = kind;
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        Fault = fault;
        foreach (var segment in body)
        {
            Length += segment.Length;
        }
    }

    public SoapResponseKind Kind { get; }

    public int StatusCode { get; }

    public string ContentType { get; }

    /// <summary>The body in segments (an aggregated answer is written without joining them).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Body { get; }

    public long Length { get; }

    /// <summary>The fault this answer carries, when it is one.</summary>
    public SoapFault? Fault { get; }

    /// <summary>HTTP 200 with a response envelope.</summary>
    public static SoapResponse Ok(ReadOnlyMemory<byte> envelope) => new(SoapResponseKind.Envelope, 200, SoapFaultWriter.ContentType, [envelope], null);

    /// <summary>HTTP 200 with a response envelope in segments.</summary>
    public static SoapResponse Ok(IReadOnlyList<ReadOnlyMemory<byte>> segments) => new(SoapResponseKind.Envelope, 200, SoapFaultWriter.ContentType, segments, null);

    /// <summary>HTTP 500 with the fault envelope (the one fault writer; it never throws on any text).</summary>
    public static SoapResponse FaultOf(SoapFault fault) =>
        new(SoapResponseKind.Envelope, 500, SoapFaultWriter.ContentType, [SoapFaultWriter.Render(fault.Actor, fault.FaultString, fault.Detail)], fault);

    /// <summary>A non-SOAP answer, e.g. an injected HTTP error or a body that breaks off.</summary>
    public static SoapResponse Raw(int statusCode, string contentType, ReadOnlyMemory<byte> body) => new(SoapResponseKind.Raw, statusCode, contentType, [body], null);

    /// <summary>No answer at all: the connection is closed.</summary>
    public static SoapResponse Abort() => new(SoapResponseKind.Abort, 0, string.Empty, [], null);
}
