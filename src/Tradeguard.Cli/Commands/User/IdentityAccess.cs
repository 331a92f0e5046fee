using System.CommandLine;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity;
using Tradeguard.Identity.Accounts;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.User;

/// <summary>
/// How the user, login and password commands reach the Identity module: one place that opens the identity
/// database, the vault (the one factory for the <see cref="ISecretStore"/>), and the operator's session.
/// </summary>
/// <remarks>
/// The session token is read from <c>$TRADEGUARD_SESSION</c> (printed once by <c>tradeguard login</c>). Audit: the
/// installation's log (<see cref="Installation"/>).
/// </remarks>
internal static class IdentityAccess
{
    public const string SessionVariable = "TRADEGUARD_SESSION";
    public const string PasswordVariable = "TRADEGUARD_PASSWORD";
    public const string NewPasswordVariable = "TRADEGUARD_NEW_PASSWORD";
    public const string CodeVariable = "TRADEGUARD_TOTP_CODE";

    /// <summary>Opens the identity services over <c>$TRADEGUARD_HOME/identity.db</c> with the policy from the environment,
    /// recording to the installation's audit log.</summary>
    /// <param name="installation">The composed services of this command.</param>
    /// <param name="useVault">False to keep the vault out of identity (no reuse check against stored secrets).</param>
    public static IdentityServices Open(Installation installation, bool useVault = true) =>
        IdentityServices.Open(IdentityOptions.FromEnvironment(), useVault ? installation.OptionalVault : null, installation.Audit,
            TimeProvider.System);

    /// <summary>The installation with its vault unlocked as VaultAccess describes (the one factory for the secret store).</summary>
    public static Installation OpenInstallation(ParseResult parseResult, Option<string?> vaultOption) =>
        Installation.Open(parseResult.GetValue(vaultOption), null);

    /// <summary>A new <c>--no-vault</c> option for commands that set a password.</summary>
    public static Option<bool> CreateNoVaultOption() => new("--no-vault")
    {
        Description = "Skip the check that the password is not one stored in the vault",
    };

    /// <summary>
    /// Identity for commands that set a password: the vault unlocked (a password may not be a secret stored in it),
    /// or with <c>--no-vault</c> kept out of the check and opened only when it unlocks without asking.
    /// </summary>
    public static (Installation Installation, IdentityServices Identity) OpenForPasswordChange(
        ParseResult parseResult, Option<bool> noVault, Option<string?> vaultOption)
    {
        var withoutVault = parseResult.GetValue(noVault);
        var installation = withoutVault ? OpenUnattended(parseResult, vaultOption) : OpenInstallation(parseResult, vaultOption);
        try
        {
            return (installation, Open(installation, useVault: !withoutVault));
        }
        catch
        {
            installation.Dispose();
            throw;
        }
    }

    /// <summary>The installation for commands that need no vault: audited when the vault unlocks without asking.</summary>
    public static Installation OpenUnattended(ParseResult parseResult, Option<string?>? vaultOption = null) =>
        Installation.OpenUnattended(vaultOption is null ? null : parseResult.GetValue(vaultOption), null);

    /// <summary>The account of the session in <c>$TRADEGUARD_SESSION</c>, or null when none is set.</summary>
    /// <exception cref="Core.Errors.TradeguardException">Exit 3 when a token is set but expired, revoked or unknown.</exception>
    public static Account? SessionAccount(IdentityServices identity)
    {
        if (Environment.GetEnvironmentVariable(SessionVariable) is not { Length: > 0 } text)
        {
            return null;
        }

        using var token = Secret.FromString(text.Trim());
        return identity.Sessions.Validate(token)
            ?? throw new Core.Errors.TradeguardException(Core.Errors.ExitCode.AuthenticationFailed,
                $"The session in ${SessionVariable} is expired, revoked or unknown; run 'tradeguard login' again.");
    }

    /// <summary>Parses viewer, trader or admin.</summary>
    public static Role ParseRole(string text) => text.Trim().ToLowerInvariant() switch
    {
        "viewer" => Role.Viewer,
        "trader" => Role.Trader,
        "admin" => Role.Admin,
        _ => throw new Core.Errors.TradeguardException(Core.Errors.ExitCode.Usage, $"Unknown role '{text}': use viewer, trader or admin."),
    };

    public static string Lower(Role role) => role.ToString().ToLowerInvariant();
}
