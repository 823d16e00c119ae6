namespace TjanstePlattform.Routing.Wsdl;

/// <summary>Where the WSDL/XSD trees the platform serves live (section <c>Contracts</c>).</summary>
public sealed class ContractsOptions
{
    public const string SectionName = "Contracts";

    /// <summary>
    /// Extra directories with RIVTA WSDL/XSD trees (an unpacked official release works as is). They take precedence
    /// over the project's own <c>wsdl/</c> tree for the same endpoint path.
    /// </summary>
    public List<string> Directories { get; set; } = [];

    /// <summary>
    /// A mapping file like the reference's <c>wsdlconfig.json</c> for WSDLs outside the naming convention: a JSON array of
    /// <c>{"tjanstekontrakt": "…Responder:1", "wsdlfilepath": "…/X_RIVTABP21.wsdl", "wsdlurl": "vp/Some/Path"}</c>; a
    /// relative <c>wsdlfilepath</c> is read from the file's folder, and its imports are served from below that folder.
    /// </summary>
    public string? WsdlConfigFile { get; set; }

    /// <summary>The project's own trees: <c>wsdl/</c> next to the executable (the host copies it there).</summary>
    public string BuiltInDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "wsdl");
}
