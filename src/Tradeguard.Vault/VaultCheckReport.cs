using Tradeguard.Vault.Crypto;
using Tradeguard.Vault.Format;

namespace Tradeguard.Vault;

/// <summary>The result of <c>vault check</c>: the header's facts and every entry that does not authenticate.</summary>
/// <param name="Path">The vault file.</param>
/// <param name="Generation">The save counter (1 after init).</param>
/// <param name="SavedAt">When the file was last written.</param>
/// <param name="Slots">Each key slot's kind and, for passphrase slots, its Argon2id parameters.</param>
/// <param name="EntryCount">All entries, intact or not.</param>
/// <param name="DamagedEntries">Names (<c>item/field</c>) of entries that are truncated or fail authentication.</param>
/// <param name="BackupExists">Whether <c>PATH.bak</c> exists.</param>
public sealed record VaultCheckReport(
    string Path,
    ulong Generation,
    DateTimeOffset SavedAt,
    IReadOnlyList<(SlotKind Kind, KdfParameters? Kdf)> Slots,
    int EntryCount,
    IReadOnlyList<string> DamagedEntries,
    bool BackupExists)
{
    /// <summary>True when every entry authenticated.</summary>
    public bool IsIntact => DamagedEntries.Count == 0;
}
