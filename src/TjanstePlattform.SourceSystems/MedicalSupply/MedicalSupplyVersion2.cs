using TjanstePlattform.Soap.Service;
using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.SourceSystems.Soap;

namespace TjanstePlattform.SourceSystems.MedicalSupply;

/// <summary>
/// Medical-supply ordering version 2 (<c>urn:riv:crm:selfservice:medicalsupply:2</c>) beside 1.0, over the same
/// operations and so the same ordering state: a version-2 request is read as its 1.0 twin and the 1.0 answer written
/// back as version 2. The versions differ in namespaces and in two codes — <c>ServicePointProvider</c> and
/// <c>ProductArea</c> are a CVType in version 2 (the code in <c>code</c>) where 1.0 has an enumeration.
/// </summary>
internal static class MedicalSupplyVersion2
{
    private const string Prefix = "urn:riv:crm:selfservice:medicalsupply:";

    /// <summary>The elements that are an enumeration in 1.0 and a CVType in version 2.</summary>
    private static readonly HashSet<string> Coded = new(StringComparer.Ordinal) { "ServicePointProvider", "ProductArea" };

    public static IEnumerable<SourceSystemOperation> Operations(IEnumerable<SourceSystemOperation> version1) =>
        version1.Where(o => o.Major == "1" && o.ContractNamespace.StartsWith(Prefix, StringComparison.Ordinal)).Select(v1 =>
            SourceSystemOperation.CreateXml(v1.Interaction, "2", Version(v1.ContractNamespace, "2"), async (call, request) =>
            {
                var v1Request = ToVersion1(request);
                using var reader = v1Request.CreateReader();
                var document = new XmlDocument { XmlResolver = null };
                document.Load(reader);
                var typed = SoapBodies.Read(document.DocumentElement!, v1.RequestType);
                var answer = await v1.Handle(call, typed).ConfigureAwait(false);
                var written = XElement.Parse(System.Text.Encoding.UTF8.GetString(
                    SoapBodies.Envelope(answer, SoapBodies.SerializerFor(answer.GetType(), v1.ResponseElement, v1.ContractNamespace), SoapBodies.Prefixed(v1.Namespaces)).Span));
                var body = written.Elements().Last().Elements().Single();
                return ToVersion2(body);
            }));

    /// <summary>A version-2 request as 1.0: namespaces back to :1, each CVType code back to its enumeration text.</summary>
    public static XElement ToVersion1(XElement request) => Convert(request, "1", coded => new XElement(coded.Name, coded.Elements().FirstOrDefault(e => e.Name.LocalName == "code")?.Value.Trim() ?? ""));

    /// <summary>A 1.0 answer as version 2: namespaces to :2, each enumeration text a CVType with the text as code.</summary>
    public static XElement ToVersion2(XElement response) => Convert(response, "2", coded => new XElement(coded.Name, new XElement(coded.Name.Namespace + "code", coded.Value)));

    private static XElement Convert(XElement element, string version, Func<XElement, XElement> coded)
    {
        var name = XName.Get(element.Name.LocalName, Version(element.Name.NamespaceName, version));
        var renamed = new XElement(name, element.Attributes().Where(a => !a.IsNamespaceDeclaration));
        if (Coded.Contains(element.Name.LocalName))
        {
            return coded(new XElement(name, element.Nodes().Select(n => n is XElement child ? Convert(child, version, e => e) : n)));
        }

        renamed.Add(element.Nodes().Select(n => n is XElement child ? Convert(child, version, coded) : n));
        return renamed;
    }

    /// <summary>A medical-supply namespace (core or responder) with the given major version; others unchanged.</summary>
    private static string Version(string ns, string version) =>
        ns.StartsWith(Prefix, StringComparison.Ordinal) && ns.LastIndexOf(':') is var colon and > 0
            ? ns[..(colon + 1)] + version
            : ns;
}
