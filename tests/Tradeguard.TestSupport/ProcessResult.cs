namespace Tradeguard.TestSupport;

/// <summary>What a finished child process left: its exit code and everything it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public string AllOutput => Stdout + Stderr;
}
