namespace TjanstePlattform.Testing;

/// <summary>
/// Locates the official RIVTA material (<c>../shared/rivta</c> beside the repository). Tests that need it
/// fail with a clear message when it is missing, never pass silently.
/// </summary>
public static class RivtaOracle
{
    private static readonly Lazy<string> RootPath = new(Locate);

    /// <summary>The <c>shared/rivta</c> folder.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The repository root (the folder holding TjanstePlattform.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TjanstePlattform.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"TjanstePlattform.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>A path inside <c>shared/rivta</c>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "rivta"));
        if (!Directory.Exists(candidate))
        {
            throw new InvalidOperationException(
                $"The official RIVTA material is missing: expected {candidate} (../shared/rivta beside the repository). " +
                "CI clones the repository with ../shared beside it; do the same locally.");
        }

        return candidate;
    }
}
