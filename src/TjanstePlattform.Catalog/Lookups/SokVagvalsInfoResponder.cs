using TjanstePlattform.Soap.Service;
using System.Globalization;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Contracts.VagvalsInfo;

namespace TjanstePlattform.Catalog.Lookups;

/// <summary>
/// TAK's SokVagvalsInfo v2 from the published snapshot: every entry whatever its validity (the reader filters by
/// date, as the reference routers do). Dates are written as xs:dateTime at local midnight; validity is inclusive.
/// </summary>
internal sealed class SokVagvalsInfoResponder(ICatalogSnapshotSource catalog)
{
    public HamtaAllaVirtualiseringarResponseType Virtualiseringar()
    {
        var response = new HamtaAllaVirtualiseringarResponseType();
        response.VirtualiseringsInfo.AddRange(Snapshot().ServiceProductions.Select(p => new VirtualiseringsInfoType
        {
            VirtualiseringsInfoId = p.Id.ToString(CultureInfo.InvariantCulture),
            ReceiverId = p.LogicalAddress,
            RivProfil = p.RivtaProfile,
            TjansteKontrakt = p.ServiceContract,
            FromTidpunkt = DateTime(p.Validity.From),
            TomTidpunkt = DateTime(p.Validity.To),
            Adress = p.PhysicalAddress,
        }));
        return response;
    }

    public HamtaAllaAnropsBehorigheterResponseType AnropsBehorigheter()
    {
        var response = new HamtaAllaAnropsBehorigheterResponseType();
        response.AnropsBehorighetsInfo.AddRange(Snapshot().Cooperations.Select(c => new AnropsBehorighetsInfoType
        {
            AnropsBehorighetsInfoId = c.Id.ToString(CultureInfo.InvariantCulture),
            ReceiverId = c.LogicalAddress,
            SenderId = c.ServiceConsumer,
            TjansteKontrakt = c.ServiceContract,
            FromTidpunkt = DateTime(c.Validity.From),
            TomTidpunkt = DateTime(c.Validity.To),
            FilterInfo = [.. c.Filters.Select(f => new FilterInfoType { ServiceDomain = f.ServiceDomain, Categorization = [.. f.Categorizations] })],
        }));
        return response;
    }

    public HamtaAllaTjanstekontraktResponseType Tjanstekontrakt()
    {
        var response = new HamtaAllaTjanstekontraktResponseType();
        response.TjanstekontraktInfo.AddRange(Snapshot().ServiceContracts.Select(c => new TjanstekontraktInfoType
        {
            Namnrymd = c.Namespace,
            MajorVersion = c.Major.ToString(CultureInfo.InvariantCulture),
            MinorVersion = c.Minor.ToString(CultureInfo.InvariantCulture),
            Beskrivning = c.Description ?? string.Empty,
        }));
        return response;
    }

    public HamtaAllaTjanstekomponenterResponseType Tjanstekomponenter()
    {
        var snapshot = Snapshot();
        var addresses = snapshot.LogicalAddresses.ToDictionary(a => a.HsaId, a => a.Description ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        string Describe(string hsaId) => addresses.GetValueOrDefault(hsaId, string.Empty);

        var produced = snapshot.ServiceProductions.ToLookup(p => p.ServiceProducer, StringComparer.OrdinalIgnoreCase);
        var consumed = snapshot.Cooperations.ToLookup(c => c.ServiceConsumer, StringComparer.OrdinalIgnoreCase);
        var response = new HamtaAllaTjanstekomponenterResponseType();
        foreach (var component in snapshot.Components)
        {
            var info = new TjanstekomponentInfoType { HsaId = component.HsaId, Beskrivning = component.Description ?? string.Empty };
            foreach (var endpoint in produced[component.HsaId].GroupBy(p => (p.PhysicalAddress, p.RivtaProfile)))
            {
                var address = new AnropsAdressInfoType { Adress = endpoint.Key.PhysicalAddress, RivtaProfilNamn = endpoint.Key.RivtaProfile };
                address.VagvalsInfo.AddRange(endpoint.Select(p => new VagvalsInfoType
                {
                    FromTidpunkt = DateTime(p.Validity.From),
                    TomTidpunkt = DateTime(p.Validity.To),
                    TjanstekontraktNamnrymd = p.ServiceContract,
                    LogiskAdressHsaId = p.LogicalAddress,
                    LogiskAdressBeskrivning = Describe(p.LogicalAddress),
                }));
                info.AnropsAdressInfo.Add(address);
            }

            info.AnropsbehorighetInfo.AddRange(consumed[component.HsaId].Select(c => new AnropsbehorighetInfoForTjanstekomponentType
            {
                FromTidpunkt = DateTime(c.Validity.From),
                TomTidpunkt = DateTime(c.Validity.To),
                Integrationsavtal = c.IntegrationAgreement ?? string.Empty,
                TjanstekontraktNamnrymd = c.ServiceContract,
                LogiskAdressHsaId = c.LogicalAddress,
                LogiskAdressBeskrivning = Describe(c.LogicalAddress),
            }));
            response.TjanstekomponentInfo.Add(info);
        }

        return response;
    }

    /// <summary>Local midnight of <paramref name="date"/> as xs:dateTime with the zone offset of that day.</summary>
    internal static string DateTime(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var offset = TimeZoneInfo.Local.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private CatalogSnapshot Snapshot() =>
        catalog.Current ?? throw SoapFaultException.Server("The service addressing catalog is not loaded.", "The service addressing catalog is not loaded.");
}
