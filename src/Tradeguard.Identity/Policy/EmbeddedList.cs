using System.Reflection;

namespace Tradeguard.Identity.Policy;

/// <summary>Reads one of the word lists embedded in this assembly (sources and licences: Resources/README.md).</summary>
internal static class EmbeddedList
{
    public static string[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Tradeguard.Identity." + name)
            ?? throw new InvalidOperationException($"embedded list {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
