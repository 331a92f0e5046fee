using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.TestSupport;

namespace Tradeguard.Vault.Tests;

/// <summary>Every single-byte flip and every truncation of a small vault ends in a clean exit 3 or 4, never wrong data.</summary>
public sealed class VaultDamageTests
{
    private static readonly Dictionary<string, string> Content = new()
    {
        ["binance/api_key"] = "key-0123456789abcdef",
        ["binance/api_secret"] = "secret-fedcba9876543210",
    };

    private static byte[] SmallVault(TempFolder dir)
    {
        var path = dir.Combine("v.tgv");
        using var vault = TestVaults.Create(path);
        foreach (var (name, value) in Content)
        {
            var parts = name.Split('/');
            vault.Set(parts[0], parts[1], value);
        }

        return File.ReadAllBytes(path);
    }

    // Opens and reads everything; returns the exit code of the first failure, or 0 after checking the data is exact.
    private static int OpenAndReadAll(string path)
    {
        try
        {
            using var vault = TestVaults.Open(path);
            var names = vault.List().Select(r => $"{r.Item}/{r.Field}").ToList();
            foreach (var name in names)
            {
                var parts = name.Split('/');
                var value = vault.Get(parts[0], parts[1]);
                Assert.True(Content.TryGetValue(name, out var expected), $"unexpected entry {name}");
                Assert.Equal(expected, value);
            }

            Assert.Equal(Content.Keys.Order(), names.Order());
            return 0;
        }
        catch (TradeguardException e)
        {
            return (int)e.ExitCode;
        }
    }

    [Fact]
    public void FlippingAnyByte_IsDetected_WithExit3Or4_NeverWrongData()
    {
        using var dir = new TempFolder();
        var original = SmallVault(dir);
        var path = dir.Combine("flipped.tgv");
        var outcomes = new Dictionary<int, int>();
        foreach (var mask in new byte[] { 0x01, 0x80 })
        {
            for (var i = 0; i < original.Length; i++)
            {
                var copy = (byte[])original.Clone();
                copy[i] ^= mask;
                File.WriteAllBytes(path, copy);
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                var code = OpenAndReadAll(path);
                Assert.True(code is 3 or 4, $"flip 0x{mask:x2} at byte {i} of {original.Length}: exit {code}");
                outcomes[code] = outcomes.GetValueOrDefault(code) + 1;
            }
        }

        File.WriteAllBytes(path, original);
        Assert.Equal(0, OpenAndReadAll(path));
        Assert.Equal(2 * original.Length, outcomes.Values.Sum());
    }

    [Fact]
    public void TruncatingAtEveryLength_IsDetected_WithExit4()
    {
        using var dir = new TempFolder();
        var original = SmallVault(dir);
        var path = dir.Combine("truncated.tgv");
        for (var length = 0; length < original.Length; length++)
        {
            File.WriteAllBytes(path, original.AsSpan(0, length).ToArray());
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.Equal(4, OpenAndReadAll(path));
        }
    }

    [Fact]
    public void OneDamagedEntry_LeavesTheOthersReadable_CheckNamesIt_RecoverRestoresTheBackupValue()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        using (var vault = TestVaults.Create(path))
        {
            vault.Set("a", "first", "first-value-1");
            vault.Set("b", "second", "second-value-1");
            vault.Set("c", "third", "third-value-1");
            vault.Set("b", "second", "second-value-2"); // the backup now holds second-value-1
        }

        // The last entry in the body is b/second (it was written last); damage its final byte (the AEAD tag).
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x55;
        File.WriteAllBytes(path, bytes);

        using (var vault = TestVaults.Open(path))
        {
            Assert.Equal("first-value-1", vault.Get("a", "first"));
            Assert.Equal("third-value-1", vault.Get("c", "third"));
            var e = Assert.Throws<TradeguardException>(() => vault.Get("b", "second"));
            Assert.Equal(ExitCode.IntegrityFailure, e.ExitCode);
            Assert.Contains("entry vault://b/second", e.Message, StringComparison.Ordinal);
            var report = vault.Check();
            Assert.Equal(["b/second"], report.DamagedEntries);
            Assert.Equal(3, report.EntryCount);
        }

        using (var credential = TestVaults.Pass())
        {
            var result = VaultRecovery.Recover(path, credential, TestVaults.Options);
            Assert.Equal(VaultRecoveryAction.RepairedEntries, result.Action);
            Assert.Equal(["b/second"], result.Restored);
            Assert.Empty(result.Lost);
            Assert.True(File.Exists(result.DamagedCopy));
            Assert.Equal(bytes, File.ReadAllBytes(result.DamagedCopy!));
        }

        using var repaired = TestVaults.Open(path);
        Assert.True(repaired.Check().IsIntact);
        Assert.Equal("second-value-1", repaired.Get("b", "second"));
        Assert.Equal("first-value-1", repaired.Get("a", "first"));
    }

    [Fact]
    public void DamagedHeader_IsRecoveredFromTheBackupWhole()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        using (var vault = TestVaults.Create(path))
        {
            vault.Set("a", "b", "value-before-1");
            vault.Set("a", "c", "value-before-2");
        }

        var bytes = File.ReadAllBytes(path);
        bytes[20] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        Assert.Equal(ExitCode.IntegrityFailure, Assert.Throws<TradeguardException>(() => TestVaults.Open(path)).ExitCode);

        using (var credential = TestVaults.Pass())
        {
            Assert.Equal(VaultRecoveryAction.RestoredBackup, VaultRecovery.Recover(path, credential, TestVaults.Options).Action);
        }

        using var restored = TestVaults.Open(path);
        Assert.Equal("value-before-1", restored.Get("a", "b"));
        Assert.Null(restored.Get("a", "c"));
    }

    [Fact]
    public void Recover_WithAWrongPassphrase_IsExit3_AndChangesNothing()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        TestVaults.Create(path).Dispose();
        var before = File.ReadAllBytes(path);
        using var wrong = TestVaults.Pass("a wrong passphrase");
        Assert.Equal(ExitCode.AuthenticationFailed,
            Assert.Throws<TradeguardException>(() => VaultRecovery.Recover(path, wrong, TestVaults.Options)).ExitCode);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void HeaderForgedWithAValidChecksum_FailsAuthentication_WithExit4()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        using (var vault = TestVaults.Create(path))
        {
            vault.Set("a", "b", "value-abcdefgh");
        }

        // Change the generation counter (header offset 16 + 16) and recompute the unkeyed checksum: only the MAC can tell.
        var bytes = File.ReadAllBytes(path);
        var headerLength = BitConverter.ToInt32(bytes, 12);
        bytes[32] ^= 0x02;
        System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, 16 + headerLength)).CopyTo(bytes, 16 + headerLength);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<TradeguardException>(() => TestVaults.Open(path));
        Assert.Equal(ExitCode.IntegrityFailure, e.ExitCode);
        Assert.Contains("does not authenticate", e.Message, StringComparison.Ordinal);
    }
}
