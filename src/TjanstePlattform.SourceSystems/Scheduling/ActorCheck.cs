using TjanstePlattform.Soap.Service;
using TjanstePlattform.Contracts.Interoperability;
using TjanstePlattform.SourceSystems.DemoWorld;
using TjanstePlattform.SourceSystems.Soap;

namespace TjanstePlattform.SourceSystems.Scheduling;

/// <summary>
/// The <c>{urn:riv:interoperability:headers:1}Actor</c> header crm:scheduling 1.1 declares: required, and it must be
/// allowed to act for the patient — <c>subject_of_care</c> is the patient, <c>subject_of_care_agent</c> someone the
/// demo world lists as an agent (ombud) of the patient. A missing or wrong Actor is a <c>soap:Client</c> fault.
/// A system with <c>actorCheck: lenient</c> checks nothing, as the reference platform's test stubs: their suites send
/// Actor values the contract does not list.
/// </summary>
internal static class ActorCheck
{
    /// <summary>The default: the Actor is required and must be allowed to act for the patient.</summary>
    public const string Strict = "strict";

    /// <summary>Any Actor, or none, is accepted.</summary>
    public const string Lenient = "lenient";

    private const string Header = "{urn:riv:interoperability:headers:1}Actor";

    public static bool IsKnown(string? mode) =>
        string.Equals(mode, Strict, StringComparison.OrdinalIgnoreCase) || string.Equals(mode, Lenient, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The Actor of the call; a fault when the header is missing or unreadable. Null for a lenient system, which then
    /// lets anyone act for anyone (<see cref="MayActFor"/>).
    /// </summary>
    public static ActorType? Require(SoapCall call, SchedulingSystemData system)
    {
        if (string.Equals(system.ActorCheck, Lenient, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (call.Actor is null)
        {
            throw SoapFaultException.Client(
                $"Actor-huvudet ({Header}) saknas i anropet. Tjänstekontraktet kräver att anropet anger vem det görs för.",
                $"Missing SOAP header {Header}.");
        }

        var actor = (ActorType)SoapBodies.Read(call.Actor, typeof(ActorType));
        if (string.IsNullOrWhiteSpace(actor.ActorId))
        {
            throw SoapFaultException.Client($"Actor-huvudet saknar actorId.", $"{Header}/actorId is empty.");
        }

        if (actor.Kind is null)
        {
            throw SoapFaultException.Client(
                $"Actor-huvudets actorType '{actor.ActorTypeValue}' är inte subject_of_care eller subject_of_care_agent.",
                $"{Header}/actorType '{actor.ActorTypeValue}' is not one of subject_of_care, subject_of_care_agent.");
        }

        return actor;
    }

    /// <summary>Faults unless <paramref name="actor"/> may act for <paramref name="patientId"/>; null (a lenient system) may.</summary>
    public static void MayActFor(ActorType? actor, string patientId, IReadOnlyList<PersonData> persons)
    {
        if (actor is null)
        {
            return;
        }

        var actorId = actor.ActorId.Trim();
        var allowed = actor.Kind switch
        {
            ActorTypeEnum.SubjectOfCare => actorId == patientId,
            ActorTypeEnum.SubjectOfCareAgent => persons.FirstOrDefault(p => p.Id == patientId)?.Agents.Contains(actorId) == true,
            _ => false,
        };
        if (!allowed)
        {
            throw SoapFaultException.Client(
                actor.Kind == ActorTypeEnum.SubjectOfCare
                    ? $"Actor {actorId} (subject_of_care) är inte patienten {patientId} och får inte se eller ändra patientens bokningar."
                    : $"Actor {actorId} är inte ombud (subject_of_care_agent) för patienten {patientId}.",
                $"Actor {actorId} ({actor.ActorTypeValue}) may not act for subject of care {patientId}.");
        }
    }
}
