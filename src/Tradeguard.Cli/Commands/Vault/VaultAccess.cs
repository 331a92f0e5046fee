using System.CommandLine;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;
using Tradeguard.Vault;
using Tradeguard.Vault.Crypto;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary>
/// How every CLI command finds and unlocks the operator's vault. Other modules' commands use it like this:
/// <code>
/// var vaultOption = VaultAccess.CreateVaultOption();   // add to your command: cmd.Options.Add(vaultOption)
/// var keyFileOption = VaultAccess.CreateKeyFileOption(); // optional
/// // in the action:
/// using var store = VaultAccess.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFileOption));
/// using var token = store.TryGet(SecretReference.Parse("vault://telegram/bot_token"));
/// </code>
/// </summary>
/// <remarks>
/// <para>Path: the <c>--vault PATH</c> value, else <c>$TRADEGUARD_VAULT</c>, else <c>TradeguardHome.File("vault.tgv")</c>.</para>
/// <para>Unlock, first that applies: <c>$TRADEGUARD_VAULT_KEY</c> (base64 key), the <c>--key-file</c> value,
/// <c>$TRADEGUARD_VAULT_PASSWORD</c>, one line of stdin when stdin is not a terminal, else a hidden prompt on the
/// terminal. Never an argument.</para>
/// <para>Errors are <see cref="TradeguardException"/>s the CLI runner maps to exit codes: 3 wrong passphrase, 4 damaged
/// vault, 5 missing or exposed file (with the chmod that fixes it).</para>
/// </remarks>
internal static class VaultAccess
{
    /// <summary>Environment variable naming the vault file.</summary>
    public const string PathVariable = "TRADEGUARD_VAULT";

    /// <summary>Environment variable holding the passphrase (for services and CI; prefer the prompt interactively).</summary>
    public const string PasswordVariable = "TRADEGUARD_VAULT_PASSWORD";

    /// <summary>Environment variable holding a key (the text of a key file) that opens a key slot.</summary>
    public const string KeyVariable = "TRADEGUARD_VAULT_KEY";

    /// <summary>The vault file name inside the Tradeguard home folder.</summary>
    public const string DefaultFileName = "vault.tgv";

    /// <summary>A new <c>--vault PATH</c> option (one instance per command).</summary>
    public static Option<string?> CreateVaultOption() => new("--vault")
    {
        Description = $"Vault file (default: ${PathVariable}, else {DefaultFileName} in $TRADEGUARD_HOME or ~/.tradeguard)",
    };

    /// <summary>A new <c>--key-file PATH</c> option (one instance per command) to unlock with a key slot.</summary>
    public static Option<string?> CreateKeyFileOption() => new("--key-file")
    {
        Description = $"Unlock with this key file instead of the passphrase (or set ${KeyVariable})",
    };

    /// <summary>The vault path: <paramref name="vaultOption"/>, else $TRADEGUARD_VAULT, else the home folder's vault.tgv.</summary>
    public static string ResolvePath(string? vaultOption)
    {
        if (!string.IsNullOrEmpty(vaultOption))
        {
            return Path.GetFullPath(vaultOption);
        }

        return Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } env
            ? Path.GetFullPath(env)
            : TradeguardHome.File(DefaultFileName);
    }

    /// <summary>
    /// Opens and unlocks the vault; the result is an <see cref="ISecretStore"/> that reads and writes (every write is
    /// saved at once). Dispose it when done to zero the data key.
    /// </summary>
    /// <param name="vaultOption">The <c>--vault</c> value or null.</param>
    /// <param name="keyFile">The <c>--key-file</c> value or null.</param>
    /// <param name="audit">Where to record unlock, reveal and changes; null for none.</param>
    /// <exception cref="TradeguardException">Exit 3, 4 or 5 as described on the class.</exception>
    public static VaultStore Open(string? vaultOption, string? keyFile = null, IAuditLog? audit = null)
    {
        var path = ResolvePath(vaultOption);
        if (!File.Exists(path))
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"no vault at {path}. Create one with 'tradeguard vault init' or point --vault / ${PathVariable} at it.");
        }

        using var credential = ReadCredential(keyFile);
        return VaultStore.Open(path, credential, Options(audit));
    }

    /// <summary>The credential from the environment, a key file, stdin or the prompt (see the class remarks).</summary>
    public static VaultCredential ReadCredential(string? keyFile, string prompt = "Vault passphrase")
    {
        if (Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } keyText)
        {
            using var key = VaultKeyFile.Parse(System.Text.Encoding.ASCII.GetBytes(keyText), "$" + KeyVariable);
            return VaultCredential.Key(key);
        }

        if (!string.IsNullOrEmpty(keyFile))
        {
            using var key = VaultKeyFile.Read(keyFile);
            return VaultCredential.Key(key);
        }

        using var passphrase = SecretInput.Read(prompt, PasswordVariable);
        return VaultCredential.Passphrase(passphrase);
    }

    /// <summary>Vault options for CLI use: the given audit log (or none) and the OS user as actor.</summary>
    public static VaultOptions Options(IAuditLog? audit, KdfParameters? kdf = null) => new()
    {
        Audit = audit ?? NullAuditLog.Instance,
        Kdf = kdf ?? KdfParameters.Default,
    };

    /// <summary>
    /// Reads a secret value to store: all of stdin when it is not a terminal (one trailing newline removed, so PEM
    /// files and JSON keep their inner newlines), else a hidden prompt asked twice.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 2 when the value is empty or stdin has nothing.</exception>
    public static Secret ReadValue(string prompt)
    {
        var value = Console.IsInputRedirected ? FromStdin(prompt) : SecretInput.Read(prompt, confirm: true);
        if (value.Length == 0)
        {
            value.Dispose();
            // An empty secret is a mistake (an empty pipe, Enter at the prompt), never a value to store in its place.
            throw new TradeguardException(ExitCode.Usage, $"{prompt}: the value is empty; nothing was stored (to remove an entry: tradeguard vault rm).");
        }

        return value;
    }

    private static Secret FromStdin(string prompt)
    {
        using var raw = SecretInput.Read(prompt, fromStdin: true, multiLine: true);
        return raw.Use(bytes =>
        {
            var end = bytes.Length;
            if (end > 0 && bytes[end - 1] == (byte)'\n')
            {
                end--;
                if (end > 0 && bytes[end - 1] == (byte)'\r')
                {
                    end--;
                }
            }

            return Secret.FromBytes(bytes[..end]);
        });
    }

    /// <summary>Parses ITEM and FIELD arguments into a reference, or fails with exit 2 naming the bad one (or an
    /// entry of Tradeguard's own item, <see cref="InternalItem"/>, which <paramref name="use"/> may not touch).</summary>
    public static SecretReference Reference(string item, string field, string use)
    {
        if (!SecretReference.IsValidName(item) || !SecretReference.IsValidName(field))
        {
            throw new TradeguardException(ExitCode.Usage,
                $"'{(SecretReference.IsValidName(item) ? field : item)}' is not a valid vault name: use 1-64 of A-Z a-z 0-9 _ . -");
        }

        var reference = new SecretReference(item, field);
        InternalItem.Refuse(reference, use);
        return reference;
    }
}
