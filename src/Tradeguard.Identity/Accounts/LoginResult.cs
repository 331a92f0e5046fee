using Tradeguard.Identity.Sessions;

namespace Tradeguard.Identity.Accounts;

/// <summary>How a login attempt ended.</summary>
public enum LoginOutcome
{
    /// <summary>Password (and second factor, if on) correct: a session was issued.</summary>
    Success,

    /// <summary>Anything wrong — unknown name, wrong password, disabled account, wrong or replayed code — told apart from nothing else.</summary>
    InvalidCredentials,

    /// <summary>The password is correct and the account has 2FA: call again with a TOTP or recovery code.</summary>
    SecondFactorRequired,

    /// <summary>Too many failures: the name is locked until <see cref="LoginResult.LockedUntil"/>.</summary>
    Locked,

    /// <summary>Password right and the code valid, but its 30-second step was already used (e.g. by <c>2fa confirm</c>
    /// a moment ago): wait for the next code. Only someone who knows the password and a current code gets this, so
    /// telling it apart leaks nothing, and it does not count towards the lockout.</summary>
    CodeAlreadyUsed,
}

/// <summary>The result of <see cref="LoginService.Login"/>.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Session">The new session when <see cref="LoginOutcome.Success"/>.</param>
/// <param name="LockedUntil">The end of the lock when <see cref="LoginOutcome.Locked"/>.</param>
public sealed record LoginResult(LoginOutcome Outcome, SessionToken? Session = null, DateTimeOffset? LockedUntil = null)
{
    /// <summary>The one message every credential failure gets.</summary>
    public const string InvalidCredentialsMessage = "invalid credentials";

    /// <summary>A message for a person, the same for every kind of wrong credential.</summary>
    public string Message => Outcome switch
    {
        LoginOutcome.Success => "logged in",
        LoginOutcome.SecondFactorRequired => "enter a 6-digit code from the authenticator app, or a recovery code",
        LoginOutcome.CodeAlreadyUsed => "that code was already used; wait for the next code (a new one every 30 seconds) and enter it",
        LoginOutcome.Locked => $"locked after too many failed attempts; try again after {LockedUntil:yyyy-MM-dd HH:mm:ss} UTC",
        _ => InvalidCredentialsMessage,
    };
}
