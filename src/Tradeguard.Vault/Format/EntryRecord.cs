namespace Tradeguard.Vault.Format;

/// <summary>One entry as stored: its id, names and time from the sealed index, and its sealed value bytes.</summary>
/// <param name="Id">16 random bytes, new for every write of the value, bound into the value's associated data.</param>
/// <param name="Item">The item name.</param>
/// <param name="Field">The field name.</param>
/// <param name="UpdatedAt">When the value was last written.</param>
/// <param name="Sealed">nonce ‖ ciphertext ‖ tag; shorter than declared when the file was truncated.</param>
/// <param name="Complete">False when the file ended before this entry's declared length.</param>
internal sealed record EntryRecord(byte[] Id, string Item, string Field, DateTimeOffset UpdatedAt, byte[] Sealed, bool Complete = true)
{
    public string Name => $"{Item}/{Field}";
}
