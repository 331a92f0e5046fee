using System.CommandLine;
using Tradeguard.Cli.Composition;
using Tradeguard.Vault;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault add-key-file PATH</c>: adds a key-file slot to an existing vault (creating the key file if missing).</summary>
internal static class VaultAddKeyFileCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "The key file; created (mode 0600, 32 random bytes in base64) if missing" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var command = new Command("add-key-file",
            "Add a key slot opened by a key file (or the same text in $TRADEGUARD_VAULT_KEY), for services that cannot type a passphrase.")
        {
            path, vaultOption,
        };
        command.SetAction(parseResult =>
        {
            var keyFilePath = parseResult.GetValue(path)!;
            using var installation = Installation.Open(parseResult.GetValue(vaultOption), null);
            var vault = installation.Vault;
            var created = !File.Exists(keyFilePath);
            using var key = created ? VaultKeyFile.Create(keyFilePath) : VaultKeyFile.Read(keyFilePath);
            using var credential = VaultCredential.Key(key);
            vault.AddSlot(credential);
            Console.WriteLine($"Added a key-file slot to {vault.Path}{(created ? $"; created {Path.GetFullPath(keyFilePath)} (mode 0600)" : "")}.");
            return 0;
        });
        return command;
    }
}
