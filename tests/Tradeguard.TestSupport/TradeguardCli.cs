namespace Tradeguard.TestSupport;

/// <summary>
/// Runs the real <c>tradeguard</c> CLI as a child process, so tests see exactly what a user sees: exit codes,
/// stdout, stderr. The test project must reference Tradeguard.Cli so that tradeguard.dll sits beside the tests.
/// </summary>
public static class TradeguardCli
{
    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "tradeguard.dll");

    public static ProcessResult Run(IEnumerable<string> args, string? stdin = null,
        IReadOnlyDictionary<string, string?>? env = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        if (!File.Exists(DllPath))
        {
            throw new FileNotFoundException("tradeguard.dll is not beside the tests; reference Tradeguard.Cli", DllPath);
        }

        return ChildProcess.Run("dotnet", new[] { DllPath }.Concat(args), stdin, env, workingDirectory, timeout);
    }

    public static ProcessResult Run(params string[] args) => Run((IEnumerable<string>)args);
}
