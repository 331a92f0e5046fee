using System.CommandLine;
using Tradeguard.Vault;
using Tradeguard.Audit;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault rotate</c>: a new data key, every entry re-encrypted, every key slot re-wrapped (each key file is
/// needed for that; a slot is dropped only with <c>--drop-unmatched-slots</c>).</summary>
internal static class VaultRotateCommand
{
    public static Command Create()
    {
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFiles = new Option<string[]>("--key-file")
        {
            Description = "A key file whose slot is kept (re-wrapped under the new data key); repeat for each key-file slot",
            AllowMultipleArgumentsPerToken = false,
        };
        var drop = new Option<bool>("--drop-unmatched-slots") { Description = "Remove, on purpose, key slots that no given credential opens" };
        var kdf = VaultInitCommand.KdfOption();
        var command = new Command("rotate",
            "Generate a new data key and re-encrypt every entry under it. The passphrase unlocks and is re-wrapped, and so is " +
            "each key-file slot given with --key-file. A slot without its credential stops the rotation (nothing changed) " +
            "unless --drop-unmatched-slots.")
        {
            vaultOption, keyFiles, drop, kdf,
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
            try
            {
                foreach (var keyFilePath in parseResult.GetValue(keyFiles) ?? [])
                {
                    using var key = VaultKeyFile.Read(keyFilePath);
                    credentials.Add(VaultCredential.Key(key));
                }

                var slotsBefore = vault.Check().Slots.Count;
                vault.Rotate(credentials, parseResult.GetValue(drop));
                Console.WriteLine($"Rotated the data key of {vault.Path}: {vault.Entries().Count} entries re-encrypted, {credentials.Count} key slot(s).");
                if (slotsBefore > credentials.Count)
                {
                    Console.WriteLine($"Dropped {slotsBefore - credentials.Count} key slot(s) that no given credential opened (--drop-unmatched-slots).");
                }
            }
            finally
            {
                credentials.Skip(1).ToList().ForEach(c => c.Dispose());
            }

            return 0;
        });
        return command;
    }
}
