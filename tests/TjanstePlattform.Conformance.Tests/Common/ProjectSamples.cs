namespace TjanstePlattform.Conformance.Tests.Common;

/// <summary>The project's own request samples below <c>wsdl/samples/&lt;Contract&gt;</c>, as NUnit cases named by file.</summary>
public static class ProjectSamples
{
    public static string Folder(string contractFolder)
    {
        var path = SchemaTree.ProjectPath("samples", contractFolder);
        if (!Directory.Exists(path))
        {
            Assert.Fail($"Project samples wsdl/samples/{contractFolder} are missing: expected {path}.");
        }

        return path;
    }

    public static IEnumerable<TestCaseData> Cases(string contractFolder)
        => Directory.EnumerateFiles(Folder(contractFolder), "*.xml")
            .Select(f => contractFolder + "/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal)
            .Select(n => new TestCaseData(n).SetArgDisplayNames(n));

    public static string PathOf(string name) => SchemaTree.ProjectPath(["samples", .. name.Split('/')]);

    public static SoapEnvelope Load(string name) => SoapEnvelope.Load(PathOf(name));
}
