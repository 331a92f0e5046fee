using System.CommandLine;
using Tradeguard.Cli.Input;
using Tradeguard.Vault;
using Tradeguard.Audit;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault passwd</c>: re-wraps the data key under a new passphrase (entries are not re-encrypted).</summary>
internal static class VaultPasswdCommand
{
    /// <summary>Environment variable with the new passphrase, for scripted changes.</summary>
    public const string NewPasswordVariable = "TRADEGUARD_VAULT_NEW_PASSWORD";

    public static Command Create()
    {
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var kdf = VaultInitCommand.KdfOption();
        var command = new Command("passwd",
            "Change the vault passphrase: the current one (or --key-file) unlocks, the new one (12+ characters) is asked " +
            $"twice or read from ${NewPasswordVariable}. Only the key slot is rewritten.")
        {
            vaultOption, keyFile, kdf,
        };
        command.SetAction(parseResult =>
        {
            var kdfParameters = VaultInitCommand.ParseKdf(parseResult.GetValue(kdf));
            var path = VaultAccess.ResolvePath(parseResult.GetValue(vaultOption));
            using var unlock = VaultAccess.ReadCredential(parseResult.GetValue(keyFile), "Current vault passphrase");
            var deferred = new DeferredAuditLog();
            using var installation = Installation.Around(VaultStore.Open(path, unlock, VaultAccess.Options(deferred, kdfParameters)), deferred);
            var vault = installation.Vault;
            using var newPassphrase = SecretInput.Read("New vault passphrase", NewPasswordVariable, confirm: true, rule: VaultPassphraseRule.Check);
            using var credential = VaultCredential.Passphrase(newPassphrase);
            vault.ChangePassphrase(credential);
            Console.WriteLine($"Changed the passphrase of {vault.Path} (Argon2id {kdfParameters}).");
            return 0;
        });
        return command;
    }
}
