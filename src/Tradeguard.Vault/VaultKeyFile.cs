using System.Security.Cryptography;
using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;

namespace Tradeguard.Vault;

/// <summary>
/// Key files for key slots: one line of standard base64 (RFC 4648 §4) encoding at least 32 random bytes, mode 0600.
/// The same text in <c>$TRADEGUARD_VAULT_KEY</c> unlocks the same slot, for hosts where a file is impractical.
/// </summary>
public static class VaultKeyFile
{
    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>Creates a new key file holding 32 bytes from the CSPRNG and returns the key.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the file exists already or cannot be written.</exception>
    public static Secret Create(string path)
    {
        if (File.Exists(path))
        {
            throw new TradeguardException(ExitCode.Configuration, $"key file {path} exists already; nothing was changed. Pass it to unlock, or choose another path.");
        }

        var key = RandomNumberGenerator.GetBytes(MinimumKeyLength);
        var text = Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n");
        try
        {
            AtomicFile.Write(path, text);
            return Secret.FromBytes(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(text);
        }
    }

    /// <summary>Reads a key file, refusing one that group or others can access.</summary>
    /// <exception cref="TradeguardException">Exit 5 when missing, exposed, or not a key file.</exception>
    public static Secret Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new TradeguardException(ExitCode.Configuration, $"key file {path} does not exist.");
        }

        PrivateFile.EnsurePrivate(path, "key file");
        var bytes = File.ReadAllBytes(path);
        try
        {
            return Parse(bytes, $"key file {path}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Decodes key text (a key file's content or <c>$TRADEGUARD_VAULT_KEY</c>).</summary>
    /// <exception cref="TradeguardException">Exit 5 when it is not base64 of at least 32 bytes.</exception>
    public static Secret Parse(ReadOnlySpan<byte> text, string source)
    {
        var trimmed = text.Trim(" \t\r\n"u8);
        var decoded = new byte[trimmed.Length];
        try
        {
            if (System.Buffers.Text.Base64.DecodeFromUtf8(trimmed, decoded, out var consumed, out var written) !=
                    System.Buffers.OperationStatus.Done || consumed != trimmed.Length || written < MinimumKeyLength)
            {
                throw new TradeguardException(ExitCode.Configuration,
                    $"{source} is not a vault key (one line of base64 encoding at least {MinimumKeyLength} bytes, as 'vault init --key-file' writes).");
            }

            return Secret.FromBytes(decoded.AsSpan(0, written));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(decoded);
        }
    }
}
