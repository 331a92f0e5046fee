namespace Tradeguard.Vault.Format;

/// <summary>The decoded content of a vault file (after its header was authenticated).</summary>
internal sealed record VaultState(
    byte[] VaultId,
    ulong Generation,
    DateTimeOffset SavedAt,
    IReadOnlyList<KeySlot> Slots,
    IReadOnlyList<EntryRecord> Entries);
