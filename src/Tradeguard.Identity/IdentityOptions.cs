using Tradeguard.Core.Storage;
using Tradeguard.Identity.Accounts;
using Tradeguard.Identity.Hashing;
using Tradeguard.Identity.Policy;
using Tradeguard.Identity.Sessions;

namespace Tradeguard.Identity;

/// <summary>
/// Settings of the Identity module (config section <c>Identity</c>, e.g. <c>TRADEGUARD__Identity__PasswordPolicy=nist</c>).
/// </summary>
public sealed record IdentityOptions
{
    /// <summary>The SQLite file; default <c>$TRADEGUARD_HOME/identity.db</c>.</summary>
    public string DatabasePath { get; init; } = TradeguardHome.File("identity.db");

    /// <summary>Algorithm and costs for new hashes.</summary>
    public HashingOptions Hashing { get; init; } = HashingOptions.Default;

    /// <summary>The password rules (classic or NIST).</summary>
    public PasswordPolicyOptions Policy { get; init; } = PasswordPolicyOptions.Classic;

    /// <summary>When failures lock a name.</summary>
    public LockoutOptions Lockout { get; init; } = LockoutOptions.Default;

    /// <summary>Session lifetime.</summary>
    public SessionOptions Sessions { get; init; } = SessionOptions.Default;

    /// <summary>
    /// The defaults with the policy mode taken from <c>TRADEGUARD__Identity__PasswordPolicy</c> when set.
    /// </summary>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 when the variable names no known policy.</exception>
    public static IdentityOptions FromEnvironment()
    {
        var mode = Environment.GetEnvironmentVariable("TRADEGUARD__Identity__PasswordPolicy");
        try
        {
            return new IdentityOptions { Policy = string.IsNullOrWhiteSpace(mode) ? PasswordPolicyOptions.Classic : PasswordPolicyOptions.ForMode(mode) };
        }
        catch (ArgumentException e)
        {
            throw new Core.Errors.TradeguardException(Core.Errors.ExitCode.Configuration,
                $"TRADEGUARD__Identity__PasswordPolicy: {e.Message.Split(" (Parameter")[0]}");
        }
    }
}
