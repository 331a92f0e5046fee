using Tradeguard.Core.Errors;

namespace Tradeguard.Vault;

/// <summary>The one place that words the vault's failures, each with its exit code (DESIGN.md, "Errors and exit codes").</summary>
internal static class VaultErrors
{
    public static TradeguardException WrongPassphrase(string path) => new(
        ExitCode.AuthenticationFailed,
        $"wrong passphrase for vault {path} (no entry was read). Try again, or unlock with --key-file if the vault has a key-file slot.");

    public static TradeguardException WrongKey(string path) => new(
        ExitCode.AuthenticationFailed,
        $"wrong key for vault {path}: the key file or TRADEGUARD_VAULT_KEY does not open any key slot (no entry was read).");

    public static TradeguardException NoSlotFor(string path, string what) => new(
        ExitCode.AuthenticationFailed,
        $"vault {path} has no {what} slot; unlock it with its passphrase instead.");

    public static TradeguardException Damaged(string path, string what) => new(
        ExitCode.IntegrityFailure,
        $"vault {path} is damaged: {what}. Run 'tradeguard vault recover' to restore the last good backup.");

    public static TradeguardException EntryDamaged(string path, string name) => new(
        ExitCode.IntegrityFailure,
        $"entry vault://{name} in vault {path} is damaged (its authentication tag does not match); the other entries are intact. " +
        "Run 'tradeguard vault check' for a full report and 'tradeguard vault recover' to repair it from the backup.");

    public static TradeguardException NoSuchEntry(string path, Core.Secrets.SecretReference reference) => new(
        ExitCode.Configuration,
        $"{reference} is not in vault {path}; 'tradeguard vault list' shows what it holds. Nothing was changed.");

    public static TradeguardException TargetExists(string path, Core.Secrets.SecretReference reference) => new(
        ExitCode.Usage,
        $"{reference} already holds a value in vault {path}; nothing was changed. Pass --force to replace it.");

    public static TradeguardException RotateWouldDropSlots(string path, IReadOnlyList<Format.SlotKind> kinds)
    {
        var keyFiles = kinds.Count(k => k == Format.SlotKind.Key);
        var passphrases = kinds.Count - keyFiles;
        var what = string.Join(" and ", new[]
        {
            keyFiles > 0 ? $"{keyFiles} key-file slot{(keyFiles == 1 ? "" : "s")}" : null,
            passphrases > 0 ? $"{passphrases} passphrase slot{(passphrases == 1 ? "" : "s")}" : null,
        }.Where(x => x is not null));
        return new(
            ExitCode.Usage,
            $"vault {path} has {what} that no given credential opens: a new data key wrapped without it would lock out whatever " +
            "unlocks with it (a service's --key-file). Nothing was changed. Pass each key file with --key-file, or --drop-unmatched-slots to remove them on purpose.");
    }

    public static TradeguardException Missing(string path) => new(
        ExitCode.Configuration,
        $"no vault at {path}. Create one with 'tradeguard vault init' or point --vault / $TRADEGUARD_VAULT at it.");

    public static TradeguardException AlreadyExists(string path) => new(
        ExitCode.Configuration,
        $"a vault already exists at {path}; nothing was changed. Use 'tradeguard vault passwd' to change its passphrase.");

    public static TradeguardException ChangedElsewhere(string path) => new(
        ExitCode.Configuration,
        $"vault {path} was re-keyed by another process since it was opened (rotate or recover); nothing was changed. Open it again and retry.");

    public static TradeguardException CannotRead(string path, Exception e) => new(
        ExitCode.Configuration,
        $"cannot read vault {path}: {IoProblem.Describe(e)}. Check that the file exists and is readable by you.",
        e);

    public static TradeguardException DamagedEntriesBlock(string path, string action, int count) => new(
        ExitCode.IntegrityFailure,
        $"vault {path} has {count} damaged entr{(count == 1 ? "y" : "ies")}; {action} needs every entry intact. Run 'tradeguard vault recover' first.");
}
