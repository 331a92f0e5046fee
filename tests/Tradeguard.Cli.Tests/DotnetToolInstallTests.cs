using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests;

/// <summary>
/// README's first install path, for real: <c>dotnet pack</c> makes the <c>tradeguard</c> tool package, and
/// <c>dotnet tool install --add-source ./nupkg tradeguard</c> puts a working <c>tradeguard</c> into a fresh tool path.
/// Packs once from the build the tests already ran (<c>--no-build</c>), from the local folder only (no registry).
/// </summary>
public sealed class DotnetToolInstallTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(4);
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void PackedTool_InstallsIntoAFreshToolPath_AndRuns()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var nupkg = temp.Combine("nupkg");
        var env = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var pack = ChildProcess.Run("dotnet", ["pack", Path.Combine(RepoPaths.Root, "src", "Tradeguard.Cli"), "--no-build", "--no-restore",
            "-c", configuration, "-o", nupkg, "-v", "q", "-nologo"], env: env, timeout: Step);
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);
        var package = Assert.Single(Directory.GetFiles(nupkg, "tradeguard.*.nupkg"));
        Assert.True(new FileInfo(package).Length < 80L << 20, $"{package} is {new FileInfo(package).Length} bytes");

        // Only the local folder: a package of the same name elsewhere must not be what gets installed.
        var config = temp.Combine("nuget.config");
        File.WriteAllText(config, $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="local" value="{nupkg}" /></packageSources></configuration>""");
        var tools = temp.Combine("tools");
        var install = ChildProcess.Run("dotnet", ["tool", "install", "tradeguard", "--tool-path", tools, "--add-source", nupkg, "--configfile", config],
            env: env, workingDirectory: temp.Path, timeout: Step);
        Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);

        var tradeguard = Path.Combine(tools, "tradeguard");
        var version = ChildProcess.Run(tradeguard, ["--version"], timeout: Step);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches("^\\d+\\.\\d+\\.\\d+", version.Stdout);

        // The main job, report PNG included: the package carries the native SkiaSharp and SQLite code it needs here.
        var run = ChildProcess.Run(tradeguard, ["run", RepoPaths.Samples("sma-cross-orcl.json"), "-q", "-o", temp.Combine("report")],
            env: new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = temp.Combine("home") }, timeout: Step);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("975.60", run.Stdout);
        Assert.True(new FileInfo(temp.Combine("report/equity.png")).Length > 0);
    }
}
