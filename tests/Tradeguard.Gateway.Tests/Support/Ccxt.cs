using Tradeguard.TestSupport;

namespace Tradeguard.Gateway.Tests.Support;

/// <summary>ccxt from npm, pinned, installed once into ~/.cache/tradeguard-tests/ccxt-VERSION (only when missing).</summary>
public static class Ccxt
{
    public const string Version = "4.5.84";

    private static readonly Lock Gate = new();

    public static string Folder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "tradeguard-tests", "ccxt-" + Version);

    /// <summary>Installs ccxt when missing; fails the test with the reason when npm or node is missing or the install fails.</summary>
    public static string Ensure()
    {
        lock (Gate)
        {
            var package = Path.Combine(Folder, "node_modules", "ccxt", "package.json");
            if (File.Exists(package) && File.ReadAllText(package).Contains($"\"version\": \"{Version}\"", StringComparison.Ordinal))
            {
                return Folder;
            }

            Assert.True(OnPath("node"), "node is not installed: this test runs ccxt with node (install Node.js 18+, e.g. apt-get install nodejs npm)");
            Assert.True(OnPath("npm"), "npm is not installed: this test installs ccxt@" + Version + " with npm (apt-get install npm)");
            Directory.CreateDirectory(Folder);
            var result = ChildProcess.Run("npm", ["install", "--prefix", Folder, "ccxt@" + Version, "--no-audit", "--no-fund", "--ignore-scripts"],
                timeout: TimeSpan.FromMinutes(4));
            Assert.True(result.ExitCode == 0 && File.Exists(package), $"npm install ccxt@{Version} failed (exit {result.ExitCode}):\n{result.AllOutput}");
            return Folder;
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
