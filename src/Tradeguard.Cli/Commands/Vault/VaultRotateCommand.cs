using System.CommandLine;
using Tradeguard.Vault;
using Tradeguard.Vault.Format;
using Tradeguard.Audit;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault rotate</c>: a new data key, every entry re-encrypted, every kept slot re-wrapped.</summary>
internal static class VaultRotateCommand
{
    public static Command Create()
    {
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = new Option<string?>("--key-file") { Description = "Keep the key-file slot: this key file is re-wrapped too (without it the key-file slot is dropped)" };
        var kdf = VaultInitCommand.KdfOption();
        var command = new Command("rotate",
            "Generate a new data key and re-encrypt every entry under it. The passphrase unlocks and is re-wrapped; " +
            "a key-file slot is kept only when --key-file is given.")
        {
            vaultOption, keyFile, kdf,
        };
        command.SetAction(parseResult =>
        {
            var kdfParameters = VaultInitCommand.ParseKdf(parseResult.GetValue(kdf));
            var path = VaultAccess.ResolvePath(parseResult.GetValue(vaultOption));
            using var passphrase = VaultAccess.ReadCredential(null);
            var deferred = new DeferredAuditLog();
            using var installation = Installation.Around(VaultStore.Open(path, passphrase, VaultAccess.Options(deferred, kdfParameters)), deferred);
            var vault = installation.Vault;
            var credentials = new List<VaultCredential> { passphrase };
            var keyFilePath = parseResult.GetValue(keyFile);
            using var key = string.IsNullOrEmpty(keyFilePath) ? null : VaultKeyFile.Read(keyFilePath);
            using var keyCredential = key is null ? null : VaultCredential.Key(key);
            if (keyCredential is not null)
            {
                credentials.Add(keyCredential);
            }

            var droppedKeySlots = vault.Check().Slots.Count(s => s.Kind == SlotKind.Key) - (keyCredential is null ? 0 : 1);
            vault.Rotate(credentials);
            Console.WriteLine($"Rotated the data key of {vault.Path}: {vault.Entries().Count} entries re-encrypted, {credentials.Count} key slot(s).");
            if (droppedKeySlots > 0)
            {
                Console.WriteLine($"Dropped {droppedKeySlots} key-file slot(s); pass --key-file to keep one.");
            }

            return 0;
        });
        return command;
    }
}
