using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;
using Tradeguard.Core.Errors;

namespace Tradeguard.Alerts.Age;

/// <summary>
/// Seals and opens files in the age v1 format (age-encryption.org/v1, C2SP spec "age"), X25519 recipients only,
/// binary (not armored). Every primitive comes from NSec/libsodium: X25519, HKDF-SHA256, ChaCha20-Poly1305; the
/// header MAC is HMAC-SHA256 from System.Security.Cryptography. The output opens with <c>age -d -i key.txt</c>.
/// </summary>
/// <remarks>
/// Layout: the text header (<c>age-encryption.org/v1</c>, one <c>-&gt; X25519</c> stanza per recipient wrapping a
/// random 16-byte file key, <c>--- </c> + header MAC), then a 16-byte nonce and the payload in 64 KiB chunks of
/// ChaCha20-Poly1305 under a key derived from the file key and nonce (STREAM: 11-byte big-endian counter and a
/// last-chunk flag as the AEAD nonce).
/// </remarks>
public static class AgeFile
{
    private const string Version = "age-encryption.org/v1";
    private const string X25519Label = "age-encryption.org/v1/X25519";
    private const int FileKeySize = 16;
    private const int ChunkSize = 64 * 1024;
    private const int TagSize = 16;
    private const int ColumnsPerLine = 64;

    private static readonly AeadAlgorithm Aead = AeadAlgorithm.ChaCha20Poly1305;
    private static readonly KeyDerivationAlgorithm Hkdf = KeyDerivationAlgorithm.HkdfSha256;
    private static readonly KeyAgreementAlgorithm X25519 = KeyAgreementAlgorithm.X25519;

    /// <summary>Seals <paramref name="plaintext"/> to every recipient in <paramref name="recipients"/>.</summary>
    /// <returns>The complete age file.</returns>
    /// <exception cref="ArgumentException">No recipient was given.</exception>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, IReadOnlyCollection<AgeRecipient> recipients)
    {
        if (recipients.Count == 0)
        {
            throw new ArgumentException("At least one age recipient is needed", nameof(recipients));
        }

        var fileKey = RandomNumberGenerator.GetBytes(FileKeySize);
        try
        {
            var header = new StringBuilder(Version).Append('\n');
            foreach (var recipient in recipients)
            {
                AppendX25519Stanza(header, recipient, fileKey);
            }

            header.Append("---");
            var mac = HeaderMac(fileKey, Encoding.ASCII.GetBytes(header.ToString()));
            header.Append(' ').Append(RawBase64(mac)).Append('\n');

            using var output = new MemoryStream();
            output.Write(Encoding.ASCII.GetBytes(header.ToString()));
            var nonce = RandomNumberGenerator.GetBytes(16);
            output.Write(nonce);
            WritePayload(output, fileKey, nonce, plaintext);
            return output.ToArray();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    /// <summary>Opens an age file sealed to <paramref name="identity"/>.</summary>
    /// <returns>The plaintext.</returns>
    /// <exception cref="TradeguardException">Exit 3 when no stanza is for this identity; exit 4 when the file is not
    /// age v1 or was damaged or tampered with (header MAC or a payload chunk fails).</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> file, AgeIdentity identity)
    {
        var header = AgeHeader.Parse(file);
        byte[]? fileKey = null;
        try
        {
            foreach (var stanza in header.Stanzas)
            {
                if (stanza.Arguments.Count > 0 && stanza.Arguments[0] == "X25519")
                {
                    fileKey = TryUnwrapX25519(stanza, identity);
                    if (fileKey is not null)
                    {
                        break;
                    }
                }
            }

            if (fileKey is null)
            {
                throw new TradeguardException(ExitCode.AuthenticationFailed,
                    "This age file was not encrypted to the given identity (no X25519 stanza opens with it).");
            }

            var expected = HeaderMac(fileKey, file[..header.MacInputLength]);
            if (!CryptographicOperations.FixedTimeEquals(expected, header.Mac))
            {
                throw Damaged("the header MAC does not match");
            }

            return ReadPayload(fileKey, file[header.PayloadOffset..]);
        }
        finally
        {
            if (fileKey is not null)
            {
                CryptographicOperations.ZeroMemory(fileKey);
            }
        }
    }

    internal static TradeguardException Damaged(string why) =>
        new(ExitCode.IntegrityFailure, $"The age file is damaged or not age v1: {why}.");

    internal static string RawBase64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static void AppendX25519Stanza(StringBuilder header, AgeRecipient recipient, byte[] fileKey)
    {
        using var ephemeral = Key.Create(X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        var share = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var theirs = PublicKey.Import(X25519, recipient.PublicKey, KeyBlobFormat.RawPublicKey);
        using var shared = X25519.Agree(ephemeral, theirs)
            ?? throw new ArgumentException("The age recipient is a low-order point", nameof(recipient));
        var wrapped = Wrap(shared, share, recipient.PublicKey, fileKey);

        header.Append("-> X25519 ").Append(RawBase64(share)).Append('\n');
        var body = RawBase64(wrapped);
        for (var i = 0; i <= body.Length; i += ColumnsPerLine)
        {
            // The last body line is always shorter than 64 columns (empty when the body fills whole lines).
            header.Append(body.AsSpan(i, Math.Min(ColumnsPerLine, body.Length - i))).Append('\n');
        }
    }

    private static byte[] Wrap(SharedSecret shared, ReadOnlySpan<byte> share, ReadOnlySpan<byte> recipient, byte[] fileKey)
    {
        using var wrapKey = DeriveWrapKey(shared, share, recipient);
        return Aead.Encrypt(wrapKey, new byte[12], [], fileKey);
    }

    private static byte[]? TryUnwrapX25519(AgeStanza stanza, AgeIdentity identity)
    {
        if (stanza.Arguments.Count != 2 || !AgeHeader.TryRawBase64(stanza.Arguments[1], out var share) || share.Length != 32)
        {
            throw Damaged("an X25519 stanza is malformed");
        }

        if (stanza.Body.Length != FileKeySize + TagSize)
        {
            throw Damaged("an X25519 stanza body is not 32 bytes");
        }

        var theirs = PublicKey.Import(X25519, share, KeyBlobFormat.RawPublicKey);
        using var shared = X25519.Agree(identity.Key, theirs);
        if (shared is null)
        {
            throw Damaged("an X25519 share is a low-order point");
        }

        using var wrapKey = DeriveWrapKey(shared, share, identity.Recipient.PublicKey);
        var fileKey = new byte[FileKeySize];
        return Aead.Decrypt(wrapKey, new byte[12], [], stanza.Body, fileKey) ? fileKey : null;
    }

    private static Key DeriveWrapKey(SharedSecret shared, ReadOnlySpan<byte> share, ReadOnlySpan<byte> recipient)
    {
        var salt = new byte[64];
        share.CopyTo(salt);
        recipient.CopyTo(salt.AsSpan(32));
        return Hkdf.DeriveKey(shared, salt, Encoding.ASCII.GetBytes(X25519Label), Aead);
    }

    private static byte[] HeaderMac(byte[] fileKey, ReadOnlySpan<byte> headerUpToDashes)
    {
        var macKey = DeriveFromFileKey(fileKey, [], "header", 32);
        try
        {
            return HMACSHA256.HashData(macKey, headerUpToDashes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(macKey);
        }
    }

    private static byte[] DeriveFromFileKey(byte[] fileKey, ReadOnlySpan<byte> salt, string info, int count)
    {
        using var ikm = SharedSecret.Import(fileKey, SharedSecretBlobFormat.RawSharedSecret);
        return Hkdf.DeriveBytes(ikm, salt, Encoding.ASCII.GetBytes(info), count);
    }

    private static Key PayloadKey(byte[] fileKey, ReadOnlySpan<byte> nonce)
    {
        using var ikm = SharedSecret.Import(fileKey, SharedSecretBlobFormat.RawSharedSecret);
        return Hkdf.DeriveKey(ikm, nonce, "payload"u8, Aead);
    }

    private static void WritePayload(Stream output, byte[] fileKey, byte[] nonce, ReadOnlySpan<byte> plaintext)
    {
        using var key = PayloadKey(fileKey, nonce);
        var chunkNonce = new byte[12];
        ulong counter = 0;
        var offset = 0;
        do
        {
            var length = Math.Min(ChunkSize, plaintext.Length - offset);
            var last = offset + length >= plaintext.Length;
            SetChunkNonce(chunkNonce, counter++, last);
            output.Write(Aead.Encrypt(key, chunkNonce, [], plaintext.Slice(offset, length)));
            offset += length;
        }
        while (offset < plaintext.Length);
    }

    private static byte[] ReadPayload(byte[] fileKey, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 16 + TagSize)
        {
            throw Damaged("the payload is truncated");
        }

        using var key = PayloadKey(fileKey, payload[..16]);
        var body = payload[16..];
        var plaintext = new byte[Math.Max(0, body.Length - (TagSize * ((body.Length + ChunkSize + TagSize - 1) / (ChunkSize + TagSize))))];
        var chunkNonce = new byte[12];
        ulong counter = 0;
        var written = 0;
        while (true)
        {
            var length = Math.Min(ChunkSize + TagSize, body.Length);
            var last = length == body.Length;
            if (length < TagSize || (last && length == TagSize && counter > 0))
            {
                throw Damaged("the payload is truncated or has an empty last chunk");
            }

            SetChunkNonce(chunkNonce, counter++, last);
            if (!Aead.Decrypt(key, chunkNonce, [], body[..length], plaintext.AsSpan(written, length - TagSize)))
            {
                throw Damaged($"payload chunk {counter - 1} failed authentication");
            }

            written += length - TagSize;
            body = body[length..];
            if (last)
            {
                return plaintext;
            }
        }
    }

    private static void SetChunkNonce(Span<byte> nonce, ulong counter, bool last)
    {
        nonce.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce[3..11], counter);
        nonce[11] = last ? (byte)1 : (byte)0;
    }
}
