namespace TjanstePlattform.OperatorConsole;

/// <summary>The operator console (section <c>Console</c>).</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>Serve the console at <c>/</c> (the live-call API is mapped either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Show person ids (personnummer) in the live-call feed as they are. Off by default: the feed masks them, since
    /// anyone with admin access to a test platform would otherwise read who was looked up.
    /// </summary>
    public bool ShowPersonIds { get; set; }

    /// <summary>Path of the OpenAPI UI (Scalar).</summary>
    public string ApiReferencePath { get; set; } = "/scalar";
}
