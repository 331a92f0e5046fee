namespace Tradeguard.Core.Errors;

/// <summary>
/// Process exit codes shared by every <c>tradeguard</c> command (DESIGN.md, "Errors and exit codes").
/// Scripts and CI rely on these numbers; they never change meaning.
/// </summary>
public enum ExitCode
{
    /// <summary>The command did what was asked.</summary>
    Success = 0,

    /// <summary>A check ran and failed, or a scan found something (e.g. <c>scan</c> findings, a weak password).</summary>
    CheckFailed = 1,

    /// <summary>The command line itself is wrong: unknown option, missing argument, bad value.</summary>
    Usage = 2,

    /// <summary>Authentication failed: wrong passphrase, invalid credentials, wrong TOTP code, locked account.</summary>
    AuthenticationFailed = 3,

    /// <summary>Data failed an integrity check: tampered or damaged vault, audit chain, malformed input file.</summary>
    IntegrityFailure = 4,

    /// <summary>A configuration or permission problem: file readable by others, missing setting, refused key.</summary>
    Configuration = 5,

    /// <summary>An external service failed: exchange, Telegram, child process could not be started.</summary>
    ExternalService = 6,
}
