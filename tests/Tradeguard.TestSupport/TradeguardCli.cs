using System.Diagnostics;

namespace Tradeguard.TestSupport;

/// <summary>
/// Runs the real <c>tradeguard</c> CLI as a child process, so tests see exactly what a user sees: exit codes,
/// stdout, stderr. The test project must reference Tradeguard.Cli so that tradeguard.dll sits beside the tests.
/// </summary>
public static class TradeguardCli
{
    /// <summary>
    /// The CLI named by <c>$TRADEGUARD_TEST_CLI</c> (tests/run sets it to a ReadyToRun publish of the same build, which
    /// starts about four times cheaper), else the CLI in its own build output (same configuration as the tests), else
    /// the copy beside the tests. A test project that references ASP.NET Core (a fake HTTP server) gets no copies of
    /// the Microsoft.Extensions assemblies the CLI's deps file names, so the copy beside it cannot start.
    /// The variable may also name an executable (a Native AOT or single-file publish), to run the suite against it.
    /// </summary>
    public static string DllPath { get; } = FindDll();

    /// <summary>The argv prefix that starts the CLI: <c>dotnet tradeguard.dll</c>, or the executable itself.</summary>
    public static IReadOnlyList<string> Command { get; } =
        DllPath.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", DllPath] : [DllPath];

    /// <summary>
    /// True when the CLI under test is a Native AOT publish: an executable with the packages' native libraries beside
    /// it (the ReadyToRun single file carries them inside). It has no JIT, so it refuses strategy plugins.
    /// </summary>
    public static bool IsNativeAot { get; } =
        Command.Count == 1 && File.Exists(Path.Combine(Path.GetDirectoryName(DllPath)!, "libsodium.so"));

    /// <summary>A start of the CLI with <paramref name="args"/>, stdout and stderr redirected; no shell.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, bool redirectStdin = false)
    {
        var info = new ProcessStartInfo(Command[0])
        {
            RedirectStandardInput = redirectStdin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in Command.Skip(1).Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    private static string FindDll()
    {
        if (Environment.GetEnvironmentVariable("TRADEGUARD_TEST_CLI") is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? chosen : throw new FileNotFoundException("$TRADEGUARD_TEST_CLI names no file", chosen);
        }

        var own = Path.Combine(RepoPaths.Root, "src", "Tradeguard.Cli", "bin",
            new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "tradeguard.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "tradeguard.dll");
    }

    public static ProcessResult Run(IEnumerable<string> args, string? stdin = null,
        IReadOnlyDictionary<string, string?>? env = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        if (!File.Exists(DllPath))
        {
            throw new FileNotFoundException("tradeguard.dll is not beside the tests; reference Tradeguard.Cli", DllPath);
        }

        return ChildProcess.Run(Command[0], Command.Skip(1).Concat(args), stdin, env, workingDirectory, timeout);
    }

    public static ProcessResult Run(params string[] args) => Run((IEnumerable<string>)args);
}
