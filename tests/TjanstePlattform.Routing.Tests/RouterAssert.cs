using System.Net;
using System.Xml.Linq;

namespace TjanstePlattform.Routing.Tests;

/// <summary>Asserts a VP fault exactly as clients see it: HTTP 500, text/xml, faultcode, faultstring, detailString.</summary>
internal static class RouterAssert
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    public static async Task<(string FaultString, string Detail)> IsVpFaultAsync(HttpResponseMessage response, string code, string side, string text, string platformName = "TJP")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), body);
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/xml; charset=UTF-8"));
        var fault = XDocument.Parse(body).Descendants(Soap + "Fault").Single();
        var faultCode = fault.Element("faultcode")!.Value;
        Assert.That(faultCode, Is.EqualTo($"soap:{side}"));
        var faultString = fault.Element("faultstring")!.Value;
        Assert.That(faultString, Is.EqualTo($"{code} [{platformName}] {text}"));
        var detail = fault.Element("detail")?.Element("detailString")?.Value ?? string.Empty;
        Assert.That(response.Headers.Contains("x-skltp-correlation-id"), Is.True, "a fault keeps the correlation id");
        return (faultString, detail);
    }

    public const string VP002 = "Fel i klientcertifikat. Saknas, är av felaktig typ, eller är felaktigt utformad.";
    public const string VP003 = "Logisk adressat (ReceiverId) saknas i RivHeadern i inkommande meddelande.";
    public const string VP004 = "Det finns inget vägval i tjänsteadresseringskatalogen som matchar anropets logiska adressat (ReceiverId) och tjänstekontrakt. Kontrollera uppgifterna i anropet och vid behov, beställ konfigurering i aktuell tjänsteplattform.";
    public const string VP005 = "Tjänsteproducenten stödjer inte anropets angivna rivta-version. Kontrollera uppgifterna.";
    public const string VP006 = "Internt fel i tjänsteplattformen. Det finns fler än en tjänsteproducent definierad i tjänsteadresseringskatalogen som matchar logisk adressat (ReceiverId), tjänstekontrakt och dagens datum. Tyder på felkonfiguration. Rapportera felet till tjänsteplattformsförvaltningen.";
    public const string VP007 = "Tjänstekonsumenten saknar behörighet att anropa den logiska adressaten via detta tjänstekontrakt. Kontrollera uppgifterna och vid behov, tillse att det beställs konfiguration i aktuell tjänsteplattform.";
    public const string VP008 = "Internt fel i tjänsteplattformen. Ingen kontakt med tjänsteadresseringskatalogen. Informera tjänsteplattformsförvaltningen.";
    public const string VP009 = "Fel vid kontakt med tjänsteproducenten.";
    public const string VP010 = "Internt fel i tjänsteplattformen. URL saknas för tjänsteproducenten i tjänsteplattformens tjänsteadresseringskatalog.";
    public const string VP011 = "Anrop har gjorts utanför TLS vilket ej är tillåtet. Tjänstekonsumenten ska alltid använda TLS för säker kommunikation.";
    public const string VP012 = "Internt fel i tjänsteplattformen. Nödvändiga resurser saknas för att VP skall fungera.";
    public const string VP013 = "Enligt tjänsteplattformens konfiguration saknar tjänstekonsumenten rätt att använda headern x-rivta-original-serviceconsumer-hsaid. Kontakta tjänsteplattformsförvaltningen.";
    public const string VP014 = "Anropsförmedlingen för den logiska adressaten har givit upphov till rundgång mellan tjänsteplattformar. Rapportera felet till tjänsteplattformsförvaltningen.";
    public const string VP015 = "Anrop ej korrekt utformat och kan därför inte behandlas.";
}
