namespace TjanstePlattform.Platform;

/// <summary>Where the embedded stores live (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data directory; SQLite files are kept here. Relative paths are relative to the working directory.</summary>
    public string Directory { get; set; } = "./data";

    /// <summary>The full path of a file in the data directory, creating the directory when needed.</summary>
    public string PathOf(string fileName)
    {
        var directory = Path.GetFullPath(Directory);
        System.IO.Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }
}
