namespace TjanstePlattform.Platform;

/// <summary>Who may use the platform's administrative REST APIs (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// The bearer token the administrative APIs require (<c>Authorization: Bearer &lt;token&gt;</c>).
    /// Empty: only loopback callers are let in, without a token.
    /// </summary>
    public string? Token { get; set; }
}
