using System.Xml.Linq;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Tooling.Replay.SoapUi;

/// <summary>
/// The <c>data.xml</c> of a RIVTA contract test suite: <c>globaldata</c> (e.g. webServiceUrl) and one
/// <c>testcase id="…"</c> per case with <c>data</c> values, which the suite's Groovy data step
/// (<c>XmlDataReader.load("id")</c>) puts into the case's context. Replay does the same without Groovy.
/// </summary>
public sealed class SoapUiDataFile
{
    private SoapUiDataFile(string path, IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> cases)
    {
        Path = path;
        Global = global;
        Cases = cases;
    }

    public string Path { get; }
    public IReadOnlyDictionary<string, string> Global { get; }

    /// <summary>Values per test case id (ids compared exactly, as the data reader does).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Cases { get; }

    public static SoapUiDataFile Load(string path)
    {
        XDocument doc;
        using (var stream = File.OpenRead(path))
        using (var reader = SafeXml.CreateReader(stream, maxCharacters: 16 * 1024 * 1024))
        {
            doc = XDocument.Load(reader);
        }

        var root = doc.Root ?? throw new InvalidDataException($"{path} has no root element.");
        var global = Values(root.Elements().FirstOrDefault(e => e.Name.LocalName == "globaldata"));
        var cases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var testCase in root.Elements().Where(e => e.Name.LocalName == "testcase"))
        {
            var id = (string?)testCase.Attribute("id");
            if (id is not null)
            {
                cases[id] = Values(testCase.Elements().FirstOrDefault(e => e.Name.LocalName == "data"));
            }
        }

        return new SoapUiDataFile(path, global, cases);
    }

    private static Dictionary<string, string> Values(XElement? parent)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in parent?.Elements() ?? [])
        {
            values[element.Name.LocalName] = element.Value.Trim();
        }

        return values;
    }
}
