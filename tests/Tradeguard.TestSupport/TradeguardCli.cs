namespace Tradeguard.TestSupport;

/// <summary>
/// Runs the real <c>tradeguard</c> CLI as a child process, so tests see exactly what a user sees: exit codes,
/// stdout, stderr. The test project must reference Tradeguard.Cli so that it is built first.
/// </summary>
/// <remarks>
/// The CLI runs from its own output folder (src/Tradeguard.Cli/bin/CONFIG/TFM), as <c>dotnet run</c> would: a copy
/// beside the tests carries the CLI's deps.json but not always the package assemblies it names, because the test
/// project resolves its own conflicts with the ASP.NET Core shared framework.
/// </remarks>
public static class TradeguardCli
{
    public static string DllPath { get; } = FindCli();

    private static string FindCli()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!.Name;
        return Path.Combine(RepoPaths.Root, "src", "Tradeguard.Cli", "bin", configuration, tfm.Name, "tradeguard.dll");
    }

    public static ProcessResult Run(IEnumerable<string> args, string? stdin = null,
        IReadOnlyDictionary<string, string?>? env = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        if (!File.Exists(DllPath))
        {
            throw new FileNotFoundException("tradeguard.dll is not built; reference Tradeguard.Cli from the test project", DllPath);
        }

        return ChildProcess.Run("dotnet", new[] { DllPath }.Concat(args), stdin, env, workingDirectory, timeout);
    }

    public static ProcessResult Run(params string[] args) => Run((IEnumerable<string>)args);
}
