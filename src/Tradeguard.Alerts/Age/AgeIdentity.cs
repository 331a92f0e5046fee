using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Alerts.Age;

/// <summary>
/// An age X25519 identity (private key), written as <c>AGE-SECRET-KEY-1…</c> in the files <c>age-keygen</c> makes.
/// The operator keeps it; Tradeguard needs one only to open files in tests and tools.
/// </summary>
/// <remarks>The key lives in an NSec <see cref="Key"/>; <see cref="ToString"/> never prints it.</remarks>
public sealed class AgeIdentity : IDisposable
{
    private const string Hrp = "AGE-SECRET-KEY-";

    private AgeIdentity(Key key)
    {
        Key = key;
        Recipient = new AgeRecipient(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The matching recipient to give out.</summary>
    public AgeRecipient Recipient { get; }

    internal Key Key { get; }

    /// <summary>Creates a new identity from the CSPRNG.</summary>
    public static AgeIdentity Generate() =>
        new(Key.Create(KeyAgreementAlgorithm.X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>
    /// Parses an identity from <c>AGE-SECRET-KEY-1…</c> or from a whole <c>age-keygen</c> file (comment lines starting
    /// with <c>#</c> are skipped). Returns false, never throws, for anything malformed.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AgeIdentity? identity)
    {
        identity = null;
        var line = text?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Hrp + "1", StringComparison.Ordinal));
        if (line is null || !Bech32.TryDecode(line, Hrp, out var raw) || raw.Length != 32)
        {
            return false;
        }

        try
        {
            identity = new AgeIdentity(Key.Import(KeyAgreementAlgorithm.X25519, raw, KeyBlobFormat.RawPrivateKey,
                new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));
            return true;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Parses an identity; see <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">No <c>AGE-SECRET-KEY-1…</c> line could be read.</exception>
    public static AgeIdentity Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException("No age identity (AGE-SECRET-KEY-1…) found.");

    /// <summary>The <c>AGE-SECRET-KEY-1…</c> form, as a <see cref="Secret"/> the caller disposes.</summary>
    public Secret Export()
    {
        var raw = Key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return Secret.FromString(Bech32.Encode(Hrp, raw).ToUpperInvariant());
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Never the key: <c>age identity for age1…</c>.</summary>
    public override string ToString() => $"age identity for {Recipient}";

    /// <summary>Releases the key.</summary>
    public void Dispose() => Key.Dispose();
}
