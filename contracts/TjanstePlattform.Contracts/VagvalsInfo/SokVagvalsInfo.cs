using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;

namespace TjanstePlattform.Contracts.VagvalsInfo;

/// <summary>TAK's SokVagvalsInfo v2: one namespace for messages and types (the routers' TAK cache reads it).</summary>
public static class VagvalsInfoNamespaces
{
    public const string V2 = "urn:skl:tp:vagvalsinfo:v2";
}

/// <summary>
/// SokVagvalsInfo v2 (plain SOAP 1.1 document/literal, no RIVTA header, empty SOAPAction): the whole catalog in
/// four calls: routings (virtualiseringar), authorizations (anropsbehörigheter), contracts and components.
/// </summary>
[ServiceContract(Namespace = VagvalsInfoNamespaces.V2, Name = "SokVagvalsInfoInterface")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface ISokVagvalsInfoInterface
{
    [OperationContract(Action = "", ReplyAction = "*")]
    Task<HamtaAllaVirtualiseringarResponse> HamtaAllaVirtualiseringarAsync(HamtaAllaVirtualiseringarRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<HamtaAllaAnropsBehorigheterResponse> HamtaAllaAnropsBehorigheterAsync(HamtaAllaAnropsBehorigheterRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<HamtaAllaTjanstekontraktResponse> HamtaAllaTjanstekontraktAsync(HamtaAllaTjanstekontraktRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<HamtaAllaTjanstekomponenterResponse> HamtaAllaTjanstekomponenterAsync(HamtaAllaTjanstekomponenterRequest request);
}

/// <summary>The (empty) body of every hamtaAlla… request: the elements are nillable and carry nothing.</summary>
public sealed class EmptyRequestType
{
    [XmlAnyElement]
    public XmlElement[]? Any { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class HamtaAllaVirtualiseringarRequest
{
    [MessageBodyMember(Namespace = VagvalsInfoNamespaces.V2, Name = "hamtaAllaVirtualiseringar")]
    public EmptyRequestType? Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class HamtaAllaAnropsBehorigheterRequest
{
    [MessageBodyMember(Namespace = VagvalsInfoNamespaces.V2, Name = "hamtaAllaAnropsBehorigheter")]
    public EmptyRequestType? Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class HamtaAllaTjanstekontraktRequest
{
    [MessageBodyMember(Namespace = VagvalsInfoNamespaces.V2, Name = "hamtaAllaTjanstekontrakt")]
    public EmptyRequestType? Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class HamtaAllaTjanstekomponenterRequest
{
    [MessageBodyMember(Namespace = VagvalsInfoNamespaces.V2, Name = "hamtaAllaTjanstekomponenter")]
    public EmptyRequestType? Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class HamtaAllaVirtualiseringarResponse
{
    [MessageBodyMember(Namespace = VagvalsInfoNamespaces.V2, Name = "hamtaAllaVirtualiseringarResponse")]
    public HamtaAllaVirtualiseringarResponseType? Body { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class HamtaAllaAnropsBehorigheterResponse
{
    [MessageBodyMember(Namespace = VagvalsInfoNamespaces.V2, Name = "hamtaAllaAnropsBehorigheterResponse")]
    public HamtaAllaAnropsBehorigheterResponseType? Body { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class HamtaAllaTjanstekontraktResponse
{
    [MessageBodyMember(Namespace = VagvalsInfoNamespaces.V2, Name = "hamtaAllaTjanstekontraktResponse")]
    public HamtaAllaTjanstekontraktResponseType? Body { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class HamtaAllaTjanstekomponenterResponse
{
    [MessageBodyMember(Namespace = VagvalsInfoNamespaces.V2, Name = "hamtaAllaTjanstekomponenterResponse")]
    public HamtaAllaTjanstekomponenterResponseType? Body { get; set; }
}

/// <summary>Every routing (vägval) with its address.</summary>
[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "hamtaAllaVirtualiseringarResponseType")]
[XmlRoot("hamtaAllaVirtualiseringarResponse", Namespace = VagvalsInfoNamespaces.V2)]
public sealed class HamtaAllaVirtualiseringarResponseType
{
    [XmlElement("virtualiseringsInfo")]
    public List<VirtualiseringsInfoType> VirtualiseringsInfo { get; set; } = [];
}

[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "virtualiseringsInfoType")]
public sealed class VirtualiseringsInfoType
{
    [XmlElement("virtualiseringsInfoId", Order = 0)]
    public string VirtualiseringsInfoId { get; set; } = string.Empty;

    [XmlElement("receiverId", Order = 1)]
    public string ReceiverId { get; set; } = string.Empty;

    [XmlElement("rivProfil", Order = 2)]
    public string RivProfil { get; set; } = string.Empty;

    [XmlElement("tjansteKontrakt", Order = 3)]
    public string TjansteKontrakt { get; set; } = string.Empty;

    /// <summary>xs:dateTime, written by the producer (midnight of the first valid day).</summary>
    [XmlElement("fromTidpunkt", Order = 4)]
    public string FromTidpunkt { get; set; } = string.Empty;

    /// <summary>xs:dateTime: midnight of the last valid day (validity is inclusive by day).</summary>
    [XmlElement("tomTidpunkt", Order = 5)]
    public string TomTidpunkt { get; set; } = string.Empty;

    [XmlElement("adress", Order = 6)]
    public string Adress { get; set; } = string.Empty;

    [XmlAnyElement(Order = 7)]
    public XmlElement[]? Any { get; set; }
}

/// <summary>Every authorization (anropsbehörighet) with its filters.</summary>
[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "hamtaAllaAnropsBehorigheterResponseType")]
[XmlRoot("hamtaAllaAnropsBehorigheterResponse", Namespace = VagvalsInfoNamespaces.V2)]
public sealed class HamtaAllaAnropsBehorigheterResponseType
{
    [XmlElement("anropsBehorighetsInfo")]
    public List<AnropsBehorighetsInfoType> AnropsBehorighetsInfo { get; set; } = [];
}

[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "anropsBehorighetsInfoType")]
public sealed class AnropsBehorighetsInfoType
{
    [XmlElement("anropsBehorighetsInfoId", Order = 0)]
    public string AnropsBehorighetsInfoId { get; set; } = string.Empty;

    [XmlElement("receiverId", Order = 1)]
    public string ReceiverId { get; set; } = string.Empty;

    [XmlElement("senderId", Order = 2)]
    public string SenderId { get; set; } = string.Empty;

    [XmlElement("tjansteKontrakt", Order = 3)]
    public string TjansteKontrakt { get; set; } = string.Empty;

    [XmlElement("fromTidpunkt", Order = 4)]
    public string FromTidpunkt { get; set; } = string.Empty;

    [XmlElement("tomTidpunkt", Order = 5)]
    public string TomTidpunkt { get; set; } = string.Empty;

    [XmlElement("filterInfo", Order = 6)]
    public List<FilterInfoType> FilterInfo { get; set; } = [];

    [XmlAnyElement(Order = 7)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "filterInfoType")]
public sealed class FilterInfoType
{
    [XmlElement("serviceDomain", DataType = "anyURI", Order = 0)]
    public string ServiceDomain { get; set; } = string.Empty;

    [XmlElement("categorization", Order = 1)]
    public List<string> Categorization { get; set; } = [];

    [XmlAnyElement(Order = 2)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "hamtaAllaTjanstekontraktResponseType")]
[XmlRoot("hamtaAllaTjanstekontraktResponse", Namespace = VagvalsInfoNamespaces.V2)]
public sealed class HamtaAllaTjanstekontraktResponseType
{
    [XmlElement("tjanstekontraktInfo")]
    public List<TjanstekontraktInfoType> TjanstekontraktInfo { get; set; } = [];
}

[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "tjanstekontraktInfoType")]
public sealed class TjanstekontraktInfoType
{
    [XmlElement("namnrymd", Order = 0)]
    public string Namnrymd { get; set; } = string.Empty;

    [XmlElement("majorVersion", Order = 1)]
    public string MajorVersion { get; set; } = string.Empty;

    [XmlElement("minorVersion", Order = 2)]
    public string MinorVersion { get; set; } = string.Empty;

    [XmlElement("beskrivning", Order = 3)]
    public string Beskrivning { get; set; } = string.Empty;

    [XmlAnyElement(Order = 4)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "hamtaAllaTjanstekomponenterResponseType")]
[XmlRoot("hamtaAllaTjanstekomponenterResponse", Namespace = VagvalsInfoNamespaces.V2)]
public sealed class HamtaAllaTjanstekomponenterResponseType
{
    [XmlElement("tjanstekomponentInfo")]
    public List<TjanstekomponentInfoType> TjanstekomponentInfo { get; set; } = [];
}

/// <summary>A component with the addresses it produces at (and their routings) and the authorizations it holds.</summary>
[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "tjanstekomponentInfoType")]
public sealed class TjanstekomponentInfoType
{
    [XmlElement("hsaId", Order = 0)]
    public string HsaId { get; set; } = string.Empty;

    [XmlElement("beskrivning", Order = 1)]
    public string Beskrivning { get; set; } = string.Empty;

    [XmlElement("anropsAdressInfo", Order = 2)]
    public List<AnropsAdressInfoType> AnropsAdressInfo { get; set; } = [];

    [XmlElement("anropsbehorighetInfo", Order = 3)]
    public List<AnropsbehorighetInfoForTjanstekomponentType> AnropsbehorighetInfo { get; set; } = [];

    [XmlAnyElement(Order = 4)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "anropsAdressInfoType")]
public sealed class AnropsAdressInfoType
{
    [XmlElement("adress", Order = 0)]
    public string Adress { get; set; } = string.Empty;

    [XmlElement("rivtaProfilNamn", Order = 1)]
    public string RivtaProfilNamn { get; set; } = string.Empty;

    [XmlElement("vagvalsInfo", Order = 2)]
    public List<VagvalsInfoType> VagvalsInfo { get; set; } = [];

    [XmlAnyElement(Order = 3)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "vagvalsInfoType")]
public sealed class VagvalsInfoType
{
    [XmlElement("fromTidpunkt", Order = 0)]
    public string FromTidpunkt { get; set; } = string.Empty;

    [XmlElement("tomTidpunkt", Order = 1)]
    public string TomTidpunkt { get; set; } = string.Empty;

    [XmlElement("tjanstekontraktNamnrymd", Order = 2)]
    public string TjanstekontraktNamnrymd { get; set; } = string.Empty;

    [XmlElement("logiskAdressHsaId", Order = 3)]
    public string LogiskAdressHsaId { get; set; } = string.Empty;

    [XmlElement("logiskAdressBeskrivning", Order = 4)]
    public string LogiskAdressBeskrivning { get; set; } = string.Empty;

    [XmlAnyElement(Order = 5)]
    public XmlElement[]? Any { get; set; }
}

[XmlType(Namespace = VagvalsInfoNamespaces.V2, TypeName = "anropsbehorighetInfoForTjanstekomponentType")]
public sealed class AnropsbehorighetInfoForTjanstekomponentType
{
    [XmlElement("fromTidpunkt", Order = 0)]
    public string FromTidpunkt { get; set; } = string.Empty;

    [XmlElement("tomTidpunkt", Order = 1)]
    public string TomTidpunkt { get; set; } = string.Empty;

    [XmlElement("integrationsavtal", Order = 2)]
    public string Integrationsavtal { get; set; } = string.Empty;

    [XmlElement("tjanstekontraktNamnrymd", Order = 3)]
    public string TjanstekontraktNamnrymd { get; set; } = string.Empty;

    [XmlElement("logiskAdressHsaId", Order = 4)]
    public string LogiskAdressHsaId { get; set; } = string.Empty;

    [XmlElement("logiskAdressBeskrivning", Order = 5)]
    public string LogiskAdressBeskrivning { get; set; } = string.Empty;

    [XmlAnyElement(Order = 6)]
    public XmlElement[]? Any { get; set; }
}
