using System.CommandLine;
using Tradeguard.Audit;
using Tradeguard.Cli.Composition;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Errors;
using Tradeguard.Vault;
using Tradeguard.Vault.Crypto;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault init</c>: creates the vault with a passphrase slot and, optionally, a key-file slot.</summary>
internal static class VaultInitCommand
{
    public static Command Create()
    {
        var vaultOption = VaultAccess.CreateVaultOption();
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the passphrase from the first line of stdin" };
        var keyFile = new Option<string?>("--key-file") { Description = "Also add a key-file slot; the file is created (mode 0600) if missing" };
        var kdf = KdfOption();
        var command = new Command("init",
            "Create a new vault. The passphrase (12+ characters) is asked twice on a hidden prompt, or read from " +
            $"--password-stdin or ${VaultAccess.PasswordVariable}.")
        {
            vaultOption, passwordStdin, keyFile, kdf,
        };
        command.SetAction(parseResult =>
        {
            var path = VaultAccess.ResolvePath(parseResult.GetValue(vaultOption));
            var kdfParameters = ParseKdf(parseResult.GetValue(kdf));
            using var passphrase = SecretInput.Read("New vault passphrase", VaultAccess.PasswordVariable,
                fromStdin: parseResult.GetValue(passwordStdin), confirm: true, rule: VaultPassphraseRule.Check);
            var credentials = new List<VaultCredential> { VaultCredential.Passphrase(passphrase) };
            var keyFilePath = parseResult.GetValue(keyFile);
            var createdKeyFile = false;
            try
            {
                if (!string.IsNullOrEmpty(keyFilePath))
                {
                    createdKeyFile = !File.Exists(keyFilePath);
                    using var key = createdKeyFile ? VaultKeyFile.Create(keyFilePath) : VaultKeyFile.Read(keyFilePath);
                    credentials.Add(VaultCredential.Key(key));
                }

                // The new vault makes the audit key, and its own creation is the log's first record.
                var deferred = new DeferredAuditLog();
                using var installation = Installation.Around(
                    VaultStore.Create(path, credentials, VaultAccess.Options(deferred, kdfParameters)), deferred);
                Console.WriteLine($"Created vault {path} (Argon2id {kdfParameters}, {credentials.Count} key slot{(credentials.Count == 1 ? "" : "s")}).");
                if (kdfParameters.MemoryKiB < KdfParameters.Default.MemoryKiB || kdfParameters.Iterations < KdfParameters.Default.Iterations)
                {
                    Console.Error.WriteLine($"warning: Argon2id cost {kdfParameters} is below the default {KdfParameters.Default}; raise it with 'vault passwd --kdf' unless this vault is for tests.");
                }
                if (createdKeyFile)
                {
                    Console.WriteLine($"Created key file {Path.GetFullPath(keyFilePath!)} (mode 0600). Keep it off this machine's backups of the vault.");
                }

                return 0;
            }
            finally
            {
                credentials.ForEach(c => c.Dispose());
            }
        });
        return command;
    }

    /// <summary>The <c>--kdf</c> option shared by init, passwd and rotate.</summary>
    public static Option<string?> KdfOption() => new("--kdf")
    {
        Description = $"Argon2id cost as m=KiB,t=passes,p=1 (default {KdfParameters.Default}); stored in the vault",
    };

    public static KdfParameters ParseKdf(string? text)
    {
        if (text is null)
        {
            return KdfParameters.Default;
        }

        return KdfParameters.TryParse(text, out var parameters)
            ? parameters
            : throw new TradeguardException(ExitCode.Usage,
                $"--kdf '{text}' is not valid: use m=KiB,t=passes,p=1 with m {KdfParameters.MinimumMemoryKiB}-{KdfParameters.MaximumMemoryKiB} and t 1-{KdfParameters.MaximumIterations}.");
    }
}
