using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.EngagementIndex.Processing;

/// <summary>
/// A request the index refuses, answered as a SOAP 1.1 fault with <see cref="Exception.Message"/> as faultstring.
/// The texts are the reference EI's (clients match on them), typos included ("messge", "to long", "Minium").
/// </summary>
public sealed class EngagementIndexFault : SoapFaultException
{
    private EngagementIndexFault(string code, string message, SoapFaultActor actor)
        : base(actor, $"{code}: {message}")
    {
        Code = code;
        Actor = actor;
    }

    /// <summary>EI000 … EI006.</summary>
    public string Code { get; }

    /// <summary>
    /// Client for a request the caller must change, Server for our own failure. (The reference answers
    /// soap:Server for every EI fault because its exceptions are unchecked; the faultstring is what callers
    /// match on, and in SOAP 1.1 a caller's mistake is a Client fault.)
    /// </summary>
    public SoapFaultActor Actor { get; }

    /// <summary>EI000 for a request the caller must change (too many engagements, a mandatory FindContent field).</summary>
    public static EngagementIndexFault TechnicalError(string message) =>
        new("EI000", $"A technical error has occurred, error message: {message}", SoapFaultActor.Client);

    /// <summary>EI000 for an unexpected failure of the index itself.</summary>
    public static EngagementIndexFault InternalError(string message) =>
        new("EI000", $"A technical error has occurred, error message: {message}", SoapFaultActor.Server);

    public static EngagementIndexFault TooFew() => TechnicalError(
        $"The request contains less than {EngagementValidator.MinEngagements} engagements. Minium number of engagements per request is {EngagementValidator.MinEngagements}.");

    public static EngagementIndexFault TooMany() => TechnicalError(
        $"The request contains more than {EngagementValidator.MaxEngagements} engagements. Maximum number of engagements per request is {EngagementValidator.MaxEngagements}.");

    /// <summary>EI001: the body is not the contract's request element (or not a SOAP 1.1 envelope).</summary>
    public static EngagementIndexFault SchemaViolation(string message) =>
        new("EI001", $"The payload does not follow the XML Schema, error messge: {message}", SoapFaultActor.Client);

    /// <summary>EI002: two transactions of one request have the same key (numbers are 1-based).</summary>
    public static EngagementIndexFault DuplicateKeys(int first, int second) =>
        new("EI002", $"EngagementTransaction #{first} and #{second} have the same key. That is not allowed. See rule for Update-R1 in service contract", SoapFaultActor.Client);

    /// <summary>EI003: Update addressed to another logical address than the index's owner.</summary>
    public static EngagementIndexFault InvalidRouting(string logicalAddress, string owner) =>
        new("EI003", $"Invalid routing. Logical address is {logicalAddress} but the owner is {owner}. They must be the same. See rule for Update-R7 in service contract", SoapFaultActor.Client);

    /// <summary>EI004: a field is missing, too long, padded or not a timestamp.</summary>
    public static EngagementIndexFault Invalid(string message) =>
        new("EI004", $"The payload does not validate, error messge: {message}", SoapFaultActor.Client);

    /// <summary>EI005: a reserved HSA-id (the platform's own) as logicalAddress.</summary>
    public static EngagementIndexFault ReservedLogicalAddress(int index, string hsaId) =>
        new("EI005", $"The logicalAddress in EngagementTransaction #{index} is reserved and not allowed, hsa-id: {hsaId}", SoapFaultActor.Client);

    /// <summary>EI006: a reserved HSA-id as sourceSystem.</summary>
    public static EngagementIndexFault ReservedSourceSystem(int index, string hsaId) =>
        new("EI006", $"The sourceSystem in EngagementTransaction #{index} is reserved and not allowed, hsa-id: {hsaId}", SoapFaultActor.Client);
}
