using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.EngagementIndex.Processing;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.EngagementIndex.Soap;

/// <summary>
/// The index's SOAP services (the physical addresses the catalog routes to), one per operation path, on the platform's
/// SOAP layer: the operation is the Body's QName (never SOAPAction), bodies bind to the contract types, and every
/// refusal is an EI fault in the reference's words. The reference accepts fields out of schema order (an official
/// Update sample depends on it): <see cref="MisplacedFields"/> rescues them after binding.
/// </summary>
internal sealed class EngagementIndexServices
{
    public const string BasePath = "/platform/engagementindex";
    public const string UpdatePath = BasePath + "/Update/1/rivtabp21";
    public const string ProcessNotificationPath = BasePath + "/ProcessNotification/1/rivtabp21";
    public const string FindContentPath = BasePath + "/FindContent/1/rivtabp21";
    public const string GetUpdatesPath = BasePath + "/GetUpdates/1/rivtabp21";

    private readonly FrozenDictionary<string, SoapService> _byPath;

    public EngagementIndexServices(EngagementIndexService index, IOptions<EngagementIndexOptions> options)
    {
        var maxBytes = options.Value.MaxRequestBytes;
        SoapService Service(string name, SoapOperation operation) => new(name, [operation], maxBytes, Fault);

        _byPath = new Dictionary<string, SoapService>(StringComparer.OrdinalIgnoreCase)
        {
            [UpdatePath] = Service("EI Update", SoapOperation.Typed<UpdateType>(
                EngagementIndexNamespaces.UpdateResponder, EngagementIndexNamespaces.UpdateElement, async (request, body, ct) =>
                {
                    MisplacedFields.Rescue(body.EngagementTransaction);
                    var response = await index.UpdateAsync(request.LogicalAddress, body, ct).ConfigureAwait(false);
                    return SoapBodies.Answer(response, WireNamespaces.Update);
                })),
            [ProcessNotificationPath] = Service("EI ProcessNotification", SoapOperation.Typed<ProcessNotificationType>(
                EngagementIndexNamespaces.ProcessNotificationResponder, EngagementIndexNamespaces.ProcessNotificationElement, async (_, body, ct) =>
                {
                    MisplacedFields.Rescue(body.EngagementTransaction);
                    var response = await index.ProcessNotificationAsync(body, ct).ConfigureAwait(false);
                    return SoapBodies.Answer(response, WireNamespaces.ProcessNotification);
                })),
            [FindContentPath] = Service("EI FindContent", SoapOperation.Typed<FindContentType>(
                EngagementIndexNamespaces.FindContentResponder, EngagementIndexNamespaces.FindContentElement, (_, body, _) =>
                {
                    if (body.Any is { Length: > 0 } any)
                    {
                        body.Any = MisplacedFields.Rescue(body, any);
                    }

                    return ValueTask.FromResult(SoapBodies.Answer(index.FindContent(body), WireNamespaces.FindContent));
                })),
            [GetUpdatesPath] = Service("EI GetUpdates", SoapOperation.Typed<GetUpdatesType>(
                EngagementIndexNamespaces.GetUpdatesResponder, EngagementIndexNamespaces.GetUpdatesElement, (_, body, _) =>
                {
                    if (body.Any is { Length: > 0 } any)
                    {
                        body.Any = MisplacedFields.Rescue(body, any);
                    }

                    return ValueTask.FromResult(SoapBodies.Answer(index.GetUpdates(body), WireNamespaces.GetUpdates));
                })),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }


    public IEnumerable<KeyValuePair<string, SoapService>> All => _byPath;

    /// <summary>The reference EI's words: unreadable → EI000, another contract → EI001, a value that does not bind → EI004.</summary>
    private static SoapFault Fault(SoapRefusal refusal) => (refusal.Kind switch
    {
        SoapRefusalKind.UnknownOperation => EngagementIndexFault.SchemaViolation(refusal.Reason),
        SoapRefusalKind.Binding => EngagementIndexFault.Invalid(refusal.Reason),
        SoapRefusalKind.TooLarge => EngagementIndexFault.TechnicalError(refusal.Reason),
        _ => EngagementIndexFault.TechnicalError($"The request could not be read as XML: {refusal.Reason}"),
    }).Fault;
}
