using System.Security.Cryptography;
using Tradeguard.Core.Secrets;
using Tradeguard.TestSupport;
using Tradeguard.Vault.Crypto;
using Tradeguard.Vault.Format;

namespace Tradeguard.Vault.Tests;

/// <summary>
/// Fixtures/pinned/v1.tgv was written by format version 1 (tradeguard vault init --kdf m=256,t=1,p=1 --key-file v1.key,
/// then three vault set calls) and is never regenerated: every later build must keep reading it.
/// </summary>
public sealed class PinnedFormatTests
{
    private const string Passphrase = "pinned vault passphrase v1";
    private const string Pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----";

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "pinned", name);

    private static string PrivateCopy(TempFolder dir, string name)
    {
        var path = dir.Combine(name);
        File.Copy(Fixture(name), path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private static void AssertContent(VaultStore vault)
    {
        Assert.Equal(["vault://binance/api_key", "vault://exchange/pem", "vault://misc/unicode"], vault.List().Select(r => r.ToString()));
        Assert.Equal("pinned-api-key-0123456789abcdef", vault.Get("binance", "api_key"));
        Assert.Equal(Pem, vault.Get("exchange", "pem"));
        Assert.Equal("h\u00e9llo \u2713", vault.Get("misc", "unicode"));
    }

    [Fact]
    public void Version1File_StillOpensWithItsPassphrase_AndReadsEveryEntry()
    {
        using var dir = new TempFolder();
        using var vault = TestVaults.Open(PrivateCopy(dir, "v1.tgv"), Passphrase);
        AssertContent(vault);
        var report = vault.Check();
        Assert.True(report.IsIntact);
        Assert.Equal(4ul, report.Generation);
        Assert.Equal([(SlotKind.Passphrase, (KdfParameters?)new KdfParameters(256, 1, 1)), (SlotKind.Key, null)], report.Slots);
    }

    [Fact]
    public void Version1File_StillOpensWithItsKeyFile()
    {
        using var dir = new TempFolder();
        var path = PrivateCopy(dir, "v1.tgv");
        using var key = VaultKeyFile.Read(PrivateCopy(dir, "v1.key"));
        using var credential = VaultCredential.Key(key);
        using var vault = VaultStore.Open(path, credential, TestVaults.Options);
        AssertContent(vault);
    }

    [Fact]
    public void Version1File_HasTheDocumentedPreamble()
    {
        var bytes = File.ReadAllBytes(Fixture("v1.tgv"));
        Assert.Equal("TGVAULT\0"u8.ToArray(), bytes[..8]);
        Assert.Equal(1, BitConverter.ToUInt16(bytes, 8));
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 10));
        var headerLength = BitConverter.ToInt32(bytes, 12);
        Assert.Equal(SHA256.HashData(bytes.AsSpan(0, 16 + headerLength)), bytes.AsSpan(16 + headerLength, 32).ToArray());
        Assert.Equal(756, bytes.Length);
    }

    [Fact]
    public void Version1File_AcceptsAChange_AndStaysReadable()
    {
        using var dir = new TempFolder();
        var path = PrivateCopy(dir, "v1.tgv");
        using (var vault = TestVaults.Open(path, Passphrase))
        {
            using var value = Secret.FromString("added-after-pinning");
            vault.Set(new SecretReference("new", "field"), value);
        }

        using var reopened = TestVaults.Open(path, Passphrase);
        Assert.Equal("added-after-pinning", reopened.Get("new", "field"));
        Assert.Equal("pinned-api-key-0123456789abcdef", reopened.Get("binance", "api_key"));
    }
}
