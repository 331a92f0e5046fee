namespace Tradeguard.TestSupport;

/// <summary>
/// Debian's Python (<c>/usr/bin/python3</c>), whose packages (passlib, bcrypt, argon2-cffi, pyotp, cryptography,
/// dotenv) are the interop oracles. The python3 first on PATH is a separate build that cannot see them.
/// </summary>
public static class Python
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="stdin"/>; throws with stderr if it fails.</summary>
    public static string Run(string script, string? stdin = null, params string[] args)
    {
        var result = ChildProcess.Run(Interpreter, new[] { "-c", script }.Concat(args), stdin);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"python oracle failed ({result.ExitCode}): {result.Stderr}");
        }

        return result.Stdout;
    }
}
