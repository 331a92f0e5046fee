using System.Security.Cryptography;
using Tradeguard.Core.Secrets;
using Tradeguard.Vault.Crypto;

namespace Tradeguard.Vault.Format;

/// <summary>
/// Encodes and decodes the vault file, format version 1 (docs/vault-format.md is the specification):
/// <c>preamble(16) ‖ header(H) ‖ SHA-256(preamble ‖ header) ‖ HMAC-SHA256(mac key, preamble ‖ header) ‖ body</c>.
/// </summary>
/// <remarks>
/// The unkeyed checksum tells accidental damage from a wrong passphrase before any key is tried; the keyed MAC then
/// authenticates the header. Entries tile the body in index order, each sealed on its own, so damage to one entry
/// leaves the others readable.
/// </remarks>
internal static class VaultFileFormat
{
    public const ushort Version = 1;
    public const int PreambleLength = 16;
    public const int IdLength = 16;
    public const int DigestLength = 32;
    public const int MaxHeaderLength = 64 * 1024 * 1024;
    public const int MaxSlots = 8;
    public static ReadOnlySpan<byte> Magic => "TGVAULT\0"u8;

    /// <summary>The outer layer of a file whose checksum matched: its parsed header fields and raw regions.</summary>
    public sealed class Outer
    {
        public required byte[] VaultId { get; init; }
        public required ulong Generation { get; init; }
        public required DateTimeOffset SavedAt { get; init; }
        public required IReadOnlyList<KeySlot> Slots { get; init; }
        public required byte[] SealedIndex { get; init; }
        public required byte[] AuthenticatedRegion { get; init; }
        public required byte[] Mac { get; init; }
        public required byte[] Body { get; init; }
    }

    public static byte[] Encode(VaultState state, DataKey key)
    {
        var index = new ByteWriter().U32((uint)state.Entries.Count);
        foreach (var e in state.Entries)
        {
            index.Bytes(e.Id).ShortAscii(e.Item).ShortAscii(e.Field).I64(e.UpdatedAt.ToUnixTimeMilliseconds()).U32((uint)e.Sealed.Length);
        }

        var header = new ByteWriter()
            .Bytes(state.VaultId)
            .U64(state.Generation)
            .I64(state.SavedAt.ToUnixTimeMilliseconds())
            .U8((byte)state.Slots.Count);
        foreach (var slot in state.Slots)
        {
            header.Bytes(SlotDescriptor(slot)).Bytes(slot.WrappedKey);
        }

        var sealedIndex = key.Index.Seal(index.ToArray(), IndexAssociatedData(state.VaultId, state.Generation));
        header.U32((uint)sealedIndex.Length).Bytes(sealedIndex);

        var headerBytes = header.ToArray();
        var region = new ByteWriter().Bytes(Magic).U16(Version).U16(0).U32((uint)headerBytes.Length).Bytes(headerBytes).ToArray();
        var file = new ByteWriter().Bytes(region).Bytes(SHA256.HashData(region)).Bytes(key.Mac(region));
        foreach (var e in state.Entries)
        {
            file.Bytes(e.Sealed);
        }

        return file.ToArray();
    }

    /// <summary>Checks the preamble, lengths and checksum and parses the header's clear fields.</summary>
    /// <exception cref="FormatDamage">Anything is out of shape.</exception>
    public static Outer ReadOuter(ReadOnlySpan<byte> file)
    {
        if (file.Length < PreambleLength)
        {
            throw new FormatDamage($"the file is truncated ({file.Length} bytes; a vault has at least {PreambleLength + 2 * DigestLength})");
        }

        var pre = new ByteReader(file[..PreambleLength], "the preamble");
        if (!pre.Bytes(8).SequenceEqual(Magic))
        {
            throw new FormatDamage("the file does not start with the vault magic bytes (not a Tradeguard vault, or its first bytes are damaged)");
        }

        var version = pre.U16();
        if (version != Version)
        {
            throw new FormatDamage($"format version {version} is not one this build reads (it reads version {Version})");
        }

        if (pre.U16() != 0)
        {
            throw new FormatDamage("the preamble's reserved field is not zero");
        }

        var headerLength = pre.U32();
        if (headerLength > MaxHeaderLength || PreambleLength + (long)headerLength + 2 * DigestLength > file.Length)
        {
            throw new FormatDamage($"the header is truncated or its length field is damaged (declares {headerLength} bytes, file has {file.Length})");
        }

        var regionLength = PreambleLength + (int)headerLength;
        var region = file[..regionLength];
        var checksum = file.Slice(regionLength, DigestLength);
        Span<byte> actual = stackalloc byte[DigestLength];
        SHA256.HashData(region, actual);
        if (!actual.SequenceEqual(checksum))
        {
            throw new FormatDamage("the header checksum does not match (the header or its checksum is damaged)");
        }

        var r = new ByteReader(region[PreambleLength..], "the header");
        var vaultId = r.Bytes(IdLength).ToArray();
        var generation = r.U64();
        var savedAt = ReadTime(r.I64(), "the header");
        var slotCount = r.U8();
        if (slotCount is 0 or > MaxSlots)
        {
            throw new FormatDamage($"the header declares {slotCount} key slots (1 to {MaxSlots} are valid)");
        }

        var slots = new List<KeySlot>(slotCount);
        for (var i = 0; i < slotCount; i++)
        {
            slots.Add(ReadSlot(ref r, i));
        }

        var indexLength = r.U32();
        if (indexLength < SealedBox.Overhead || indexLength > r.Remaining)
        {
            throw new FormatDamage($"the header's index length ({indexLength}) is impossible");
        }

        var sealedIndex = r.Bytes((int)indexLength).ToArray();
        r.ExpectEnd();
        return new Outer
        {
            VaultId = vaultId,
            Generation = generation,
            SavedAt = savedAt,
            Slots = slots,
            SealedIndex = sealedIndex,
            AuthenticatedRegion = region.ToArray(),
            Mac = file.Slice(regionLength + DigestLength, DigestLength).ToArray(),
            Body = file[(regionLength + 2 * DigestLength)..].ToArray(),
        };
    }

    /// <summary>Authenticates the header with <paramref name="key"/>, opens the index and slices the body.</summary>
    /// <returns>Null when the MAC does not verify under this data key.</returns>
    /// <exception cref="FormatDamage">The authenticated index is out of shape, or the body is longer than the index says.</exception>
    public static VaultState? ReadInner(Outer outer, DataKey key)
    {
        if (!CryptographicOperations.FixedTimeEquals(key.Mac(outer.AuthenticatedRegion), outer.Mac))
        {
            return null;
        }

        if (!key.Index.TryOpen(outer.SealedIndex, IndexAssociatedData(outer.VaultId, outer.Generation), out var index))
        {
            throw new FormatDamage("the index does not decrypt although the header authenticated");
        }

        var r = new ByteReader(index, "the index");
        var count = r.U32();
        if (count > index.Length / (IdLength + 14))
        {
            throw new FormatDamage($"the index declares {count} entries, more than it can hold");
        }

        var entries = new List<EntryRecord>((int)count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        long offset = 0;
        for (var i = 0; i < count; i++)
        {
            var id = r.Bytes(IdLength).ToArray();
            var item = r.ShortAscii();
            var field = r.ShortAscii();
            var updated = ReadTime(r.I64(), "the index");
            var length = r.U32();
            if (!SecretReference.IsValidName(item) || !SecretReference.IsValidName(field) || !names.Add(item + "/" + field))
            {
                throw new FormatDamage($"index entry {i} has an invalid or repeated name");
            }

            var available = Math.Clamp(outer.Body.Length - offset, 0, length);
            var sealedValue = outer.Body.AsSpan((int)Math.Min(offset, outer.Body.Length), (int)available).ToArray();
            entries.Add(new EntryRecord(id, item, field, updated, sealedValue, available == length));
            offset += length;
        }

        r.ExpectEnd();
        if (offset < outer.Body.Length)
        {
            throw new FormatDamage($"{outer.Body.Length - offset} unexpected bytes follow the last entry");
        }

        return new VaultState(outer.VaultId, outer.Generation, outer.SavedAt, outer.Slots, entries);
    }

    public static byte[] SlotDescriptor(KeySlot slot)
    {
        var w = new ByteWriter().U8((byte)slot.Kind);
        if (slot.Kind == SlotKind.Passphrase)
        {
            w.U32(slot.Kdf!.MemoryKiB).U32(slot.Kdf.Iterations).U32(slot.Kdf.Parallelism);
        }

        return w.Bytes(slot.Salt).ToArray();
    }

    public static byte[] SlotAssociatedData(ReadOnlySpan<byte> vaultId, KeySlot slot) =>
        new ByteWriter().Bytes("TGV1/slot"u8).Bytes(vaultId).Bytes(SlotDescriptor(slot)).ToArray();

    public static byte[] EntryAssociatedData(ReadOnlySpan<byte> vaultId, EntryRecord entry) =>
        new ByteWriter().Bytes("TGV1/entry"u8).Bytes(vaultId).Bytes(entry.Id).ShortAscii(entry.Item).ShortAscii(entry.Field).ToArray();

    private static byte[] IndexAssociatedData(ReadOnlySpan<byte> vaultId, ulong generation) =>
        new ByteWriter().Bytes("TGV1/index"u8).Bytes(vaultId).U64(generation).ToArray();

    private static KeySlot ReadSlot(ref ByteReader r, int number)
    {
        var kind = (SlotKind)r.U8();
        KdfParameters? kdf = null;
        switch (kind)
        {
            case SlotKind.Passphrase:
                kdf = new KdfParameters(r.U32(), r.U32(), r.U32());
                if (!kdf.IsSupported)
                {
                    throw new FormatDamage($"key slot {number} has Argon2id parameters {kdf} outside the supported range");
                }

                break;
            case SlotKind.Key:
                break;
            default:
                throw new FormatDamage($"key slot {number} has unknown kind {(byte)kind}");
        }

        var salt = r.Bytes(KdfParameters.SaltLength).ToArray();
        var wrapped = r.Bytes(KeySlot.WrappedKeyLength).ToArray();
        return new KeySlot(kind, kdf, salt, wrapped);
    }

    private static DateTimeOffset ReadTime(long unixMs, string where) =>
        unixMs is >= 0 and <= 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(unixMs)
            : throw new FormatDamage($"{where} holds an impossible time");
}
