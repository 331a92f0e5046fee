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
    /// The defaults, overridden by the environment (the configuration keys of <c>Identity</c>):
    /// <c>TRADEGUARD__Identity__PasswordPolicy</c> (classic | nist), <c>TRADEGUARD__Identity__Argon2MemoryKiB</c> and
    /// <c>TRADEGUARD__Identity__Argon2Iterations</c> (costs of new hashes; never below 8 KiB and 1 pass).
    /// </summary>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 naming the variable when a value is not valid.</exception>
    public static IdentityOptions FromEnvironment()
    {
        var options = new IdentityOptions();
        if (Read("PasswordPolicy") is { } mode)
        {
            try
            {
                options = options with { Policy = PasswordPolicyOptions.ForMode(mode) };
            }
            catch (ArgumentException)
            {
                throw Bad("PasswordPolicy", "use classic or nist");
            }
        }

        if (Read("Argon2MemoryKiB") is { } memory)
        {
            options = options with { Hashing = options.Hashing with { Argon2MemoryKiB = Positive("Argon2MemoryKiB", memory, 8) } };
        }

        if (Read("Argon2Iterations") is { } passes)
        {
            options = options with { Hashing = options.Hashing with { Argon2Iterations = Positive("Argon2Iterations", passes, 1) } };
        }

        return options;
    }

    private static string? Read(string key) =>
        Environment.GetEnvironmentVariable("TRADEGUARD__Identity__" + key) is { Length: > 0 } v ? v.Trim() : null;

    private static int Positive(string key, string text, int minimum) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw Bad(key, $"use a whole number of at least {minimum}");

    private static Core.Errors.TradeguardException Bad(string key, string what) =>
        new(Core.Errors.ExitCode.Configuration, $"TRADEGUARD__Identity__{key} is not valid: {what}.");
}
