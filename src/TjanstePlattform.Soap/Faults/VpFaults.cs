using System.Collections.Frozen;

namespace TjanstePlattform.Soap.Faults;

/// <summary>One VP fault as a value: the code, the side to blame, the exact Swedish text and the English detail.</summary>
public sealed record VpFault(VpFaultCode Code, SoapFaultActor Actor, string Text, string Detail)
{
    /// <summary>The faultstring as clients match it: <c>VPnnn [platform name] text</c>.</summary>
    public string FaultString(string platformName) => $"{Code} [{platformName}] {Text}";
}

/// <summary>
/// The exact VP fault texts (PLATFORM.md §2): clients match on these strings, so they live in one table
/// and nowhere else. Factory methods build the fault with the detail the reference platform gives.
/// </summary>
public static class VpFaults
{
    private static readonly FrozenDictionary<VpFaultCode, (SoapFaultActor Actor, string Text)> Table =
        new Dictionary<VpFaultCode, (SoapFaultActor, string)>
        {
            [VpFaultCode.VP001] = (SoapFaultActor.Client, "Rivta-version saknas i anrop eller stöds ej av tjänsteplattformen."),
            [VpFaultCode.VP002] = (SoapFaultActor.Client, "Fel i klientcertifikat. Saknas, är av felaktig typ, eller är felaktigt utformad."),
            [VpFaultCode.VP003] = (SoapFaultActor.Client, "Logisk adressat (ReceiverId) saknas i RivHeadern i inkommande meddelande."),
            [VpFaultCode.VP004] = (SoapFaultActor.Client, "Det finns inget vägval i tjänsteadresseringskatalogen som matchar anropets logiska adressat (ReceiverId) och tjänstekontrakt. Kontrollera uppgifterna i anropet och vid behov, beställ konfigurering i aktuell tjänsteplattform."),
            [VpFaultCode.VP005] = (SoapFaultActor.Client, "Tjänsteproducenten stödjer inte anropets angivna rivta-version. Kontrollera uppgifterna."),
            [VpFaultCode.VP006] = (SoapFaultActor.Server, "Internt fel i tjänsteplattformen. Det finns fler än en tjänsteproducent definierad i tjänsteadresseringskatalogen som matchar logisk adressat (ReceiverId), tjänstekontrakt och dagens datum. Tyder på felkonfiguration. Rapportera felet till tjänsteplattformsförvaltningen."),
            [VpFaultCode.VP007] = (SoapFaultActor.Server, "Tjänstekonsumenten saknar behörighet att anropa den logiska adressaten via detta tjänstekontrakt. Kontrollera uppgifterna och vid behov, tillse att det beställs konfiguration i aktuell tjänsteplattform."),
            [VpFaultCode.VP008] = (SoapFaultActor.Server, "Internt fel i tjänsteplattformen. Ingen kontakt med tjänsteadresseringskatalogen. Informera tjänsteplattformsförvaltningen."),
            [VpFaultCode.VP009] = (SoapFaultActor.Server, "Fel vid kontakt med tjänsteproducenten."),
            [VpFaultCode.VP010] = (SoapFaultActor.Server, "Internt fel i tjänsteplattformen. URL saknas för tjänsteproducenten i tjänsteplattformens tjänsteadresseringskatalog."),
            [VpFaultCode.VP011] = (SoapFaultActor.Client, "Anrop har gjorts utanför TLS vilket ej är tillåtet. Tjänstekonsumenten ska alltid använda TLS för säker kommunikation."),
            [VpFaultCode.VP012] = (SoapFaultActor.Server, "Internt fel i tjänsteplattformen. Nödvändiga resurser saknas för att VP skall fungera."),
            [VpFaultCode.VP013] = (SoapFaultActor.Client, "Enligt tjänsteplattformens konfiguration saknar tjänstekonsumenten rätt att använda headern x-rivta-original-serviceconsumer-hsaid. Kontakta tjänsteplattformsförvaltningen."),
            [VpFaultCode.VP014] = (SoapFaultActor.Server, "Anropsförmedlingen för den logiska adressaten har givit upphov till rundgång mellan tjänsteplattformar. Rapportera felet till tjänsteplattformsförvaltningen."),
            [VpFaultCode.VP015] = (SoapFaultActor.Client, "Anrop ej korrekt utformat och kan därför inte behandlas."),
        }.ToFrozenDictionary();

    /// <summary>Builds a fault with the given English detail.</summary>
    public static VpFault Create(VpFaultCode code, string detail)
    {
        var (actor, text) = Table[code];
        return new VpFault(code, actor, text, detail);
    }

    public static VpFault NoRivVersion() =>
        Create(VpFaultCode.VP001, "No RIV version configured");

    public static VpFault NoSenderId(string reason) =>
        Create(VpFaultCode.VP002, $"No sender ID (SERIALNUMBER) found in certificate. {reason}".TrimEnd());

    // The reference formats its detail with an empty suffix: the sentence alone.
    public static VpFault NoReceiver() =>
        Create(VpFaultCode.VP003, "No receiverId (logical address) found in message header.");

    public static VpFault NoRouting(string contractNamespace, string receiver)
    {
        var detail = $"No receiverId (logical address) found for serviceNamespace: {contractNamespace}, receiverId: {receiver}";
        if (receiver.Length > 0 && (char.IsWhiteSpace(receiver[0]) || char.IsWhiteSpace(receiver[^1])))
        {
            detail += ". Whitespace detected in incoming request!";
        }

        return Create(VpFaultCode.VP004, detail);
    }

    public static VpFault NoMatchingRivVersion(string contractNamespace, string receiver, string profile) =>
        Create(VpFaultCode.VP005, $"No receiverId (logical address) with matching Riv-version found for serviceNamespace: {contractNamespace}, receiverId: {receiver}, rivVersion: {profile}");

    public static VpFault MoreThanOneRouting(string contractNamespace, string receiver) =>
        Create(VpFaultCode.VP006, $"More than one receiverId (logical address) with matching Riv-version found for serviceNamespace: {contractNamespace}, receiverId: {receiver}");

    public static VpFault NotAuthorized(string contractNamespace, string receiver, string sender) =>
        Create(VpFaultCode.VP007, $"Authorization missing for serviceNamespace: {contractNamespace}, receiverId: {receiver}, senderId: {sender}");

    public static VpFault NoCatalog() =>
        Create(VpFaultCode.VP008, "No contact with TAK at startup, and no local cache to fallback on, not possible to route call");

    public static VpFault ProducerError(string address, string? reason = null) =>
        Create(VpFaultCode.VP009, reason is null
            ? $"Error connecting to service producer at address {address}"
            : $"Error connecting to service producer at address {address}. {reason}");

    public static VpFault NoPhysicalAddress(string contractNamespace, string receiver) =>
        Create(VpFaultCode.VP010, $"Physical Address field is empty in Service Producer for serviceNamespace: {contractNamespace}, receiverId: {receiver}");

    public static VpFault NotOnWhitelist(string ipAddress) =>
        Create(VpFaultCode.VP011, $"Caller was not on the white list of accepted IP-addresses. IP-address: {ipAddress}");

    public static VpFault MissingResources(string reason) =>
        Create(VpFaultCode.VP012, $"Server problem, VP does not have all necessary resources to operate. {reason}".TrimEnd());

    public static VpFault OriginalConsumerNotApproved(string sender) =>
        Create(VpFaultCode.VP013, "Sender is not approved to set header x-rivta-original-serviceconsumer-hsaid.");

    public static VpFault RoutingLoop() =>
        Create(VpFaultCode.VP014, string.Empty);

    public static VpFault Unreadable(string reason) =>
        Create(VpFaultCode.VP015, $"The request could not be read properly. {reason}".TrimEnd());
}
