namespace TjanstePlattform.Platform;

/// <summary>The platform's identity (section <c>Platform</c>).</summary>
public sealed class PlatformOptions
{
    public const string SectionName = "Platform";

    /// <summary>Shown in every VP fault string: <c>VP004 [TJP] …</c>.</summary>
    public string Name { get; set; } = "TJP";

    /// <summary>This instance's id: sent as <c>x-vp-instance-id</c> and appended to <c>x-rivta-routing-history</c>.</summary>
    public string InstanceId { get; set; } = "tjp-local";

    /// <summary>The platform's own HSA-id; also the national logical address of EI and the aggregating services.</summary>
    public string HsaId { get; set; } = "5565594230";

    /// <summary>
    /// The base address the platform's built-in producers are registered under in the catalog.
    /// Empty: the first address Kestrel bound (wildcards become 127.0.0.1).
    /// </summary>
    public string? BaseAddress { get; set; }

    /// <summary>
    /// Let callers other than the platform itself use the built-in producers' own paths (<c>/sourcesystems/…</c>,
    /// <c>/platform/…</c>). Off by default: they are reached through the router, whose checks then always apply; when
    /// on, the router's IP whitelist and sender rules still apply to direct callers.
    /// </summary>
    public bool BuiltInDirectAccess { get; set; }
}
