namespace TjanstePlattform.Tooling.Assertions;

/// <summary>A short, single-line excerpt of an answer for failure messages.</summary>
internal static class Excerpt
{
    public static string Of(string text, int max = 120)
    {
        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (flat.Length == 0)
        {
            return "(empty body)";
        }

        return flat.Length <= max ? $"Body: {flat}" : $"Body: {flat[..max]}…";
    }
}
