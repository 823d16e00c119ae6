using TjanstePlattform.Soap.Faults;

namespace TjanstePlattform.Soap.Service;

/// <summary>A SOAP 1.1 fault as a value: who is to blame, the faultstring clients match on, and the detail.</summary>
public sealed record SoapFault(SoapFaultActor Actor, string FaultString, string? Detail = null)
{
    public static SoapFault Client(string faultString, string? detail = null) => new(SoapFaultActor.Client, faultString, detail);

    public static SoapFault Server(string faultString, string? detail = null) => new(SoapFaultActor.Server, faultString, detail);

    /// <summary>A VP fault in the platform's wording (<c>VPnnn [name] text</c>).</summary>
    public static SoapFault From(VpFault fault, string platformName) => new(fault.Actor, fault.FaultString(platformName), fault.Detail);
}

/// <summary>
/// Thrown by an operation (or anything it calls) to answer with a SOAP fault instead of a response. The one way a
/// built-in service refuses a request: the dispatcher turns it into HTTP 500 with the fault envelope.
/// </summary>
public class SoapFaultException : Exception
{
    public SoapFaultException(SoapFault fault)
        : base(fault.FaultString) => Fault = fault;

    public SoapFaultException(SoapFaultActor actor, string faultString, string? detail = null)
        : this(new SoapFault(actor, faultString, detail))
    {
    }

    public SoapFault Fault { get; }

    public static SoapFaultException Client(string faultString, string? detail = null) => new(SoapFault.Client(faultString, detail));

    public static SoapFaultException Server(string faultString, string? detail = null) => new(SoapFault.Server(faultString, detail));
}
