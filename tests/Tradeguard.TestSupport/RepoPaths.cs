namespace Tradeguard.TestSupport;

/// <summary>Paths inside the checkout (found by walking up to the .slnx), for samples and fixtures.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tradeguard.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Tradeguard.slnx not found above " + AppContext.BaseDirectory);
    }
}
