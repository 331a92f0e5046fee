using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.TestSupport;
using Tradeguard.Vault.Format;

namespace Tradeguard.Vault.Tests;

/// <summary>Changes a user makes: rotate keeps every way in, mv/cp never reveal, the backup undoes the last change,
/// and a killed write leaves nothing behind once the vault is opened again.</summary>
public sealed class VaultChangesTests
{
    /// <summary>A passphrase vault in <paramref name="dir"/> with a second key slot for a fresh key file.</summary>
    private static (string Path, string KeyFile) VaultWithAKeyFileSlot(TempFolder dir)
    {
        var path = dir.Combine("v.tgv");
        var keyFile = dir.Combine("service.key");
        using (VaultKeyFile.Create(keyFile))
        {
        }

        using var vault = TestVaults.Create(path);
        using var key = KeyCredential(keyFile);
        vault.AddSlot(key);
        return (path, keyFile);
    }

    private static VaultCredential KeyCredential(string keyFile)
    {
        using var key = VaultKeyFile.Read(keyFile);
        return VaultCredential.Key(key);
    }

    [Fact]
    public void Rotate_WithTheKeyFile_KeepsTheKeyFileSlot_SoAServiceStillUnlocks()
    {
        using var dir = new TempFolder();
        var (path, keyFile) = VaultWithAKeyFileSlot(dir);
        using (var vault = TestVaults.Open(path))
        using (var key = KeyCredential(keyFile))
        {
            vault.Set("binance", "api_key", "key-1234567890abcdef");
            using var pass = TestVaults.Pass();
            vault.Rotate([pass, key]);
        }

        using (var key = KeyCredential(keyFile))
        using (var service = VaultStore.Open(path, key, TestVaults.Options))
        {
            Assert.Equal("key-1234567890abcdef", service.Get("binance", "api_key"));
            Assert.Equal([SlotKind.Passphrase, SlotKind.Key], service.Check().Slots.Select(s => s.Kind));
        }
    }

    [Fact]
    public void Rotate_WithoutTheKeyFile_ChangesNothing_AndSaysHowToKeepOrDropTheSlot()
    {
        using var dir = new TempFolder();
        var (path, _) = VaultWithAKeyFileSlot(dir);

        var before = File.ReadAllBytes(path);
        using (var vault = TestVaults.Open(path))
        using (var pass = TestVaults.Pass())
        {
            var e = Assert.Throws<TradeguardException>(() => vault.Rotate([pass]));
            Assert.Equal(ExitCode.Usage, e.ExitCode);
            Assert.Equal($"vault {path} has 1 key-file slot that no given credential opens: a new data key wrapped without it would lock out " +
                "whatever unlocks with it (a service's --key-file). Nothing was changed. Pass each key file with --key-file, or " +
                "--drop-unmatched-slots to remove them on purpose.", e.Message);
            Assert.Equal(before, File.ReadAllBytes(path));

            vault.Rotate([pass], dropUnmatchedSlots: true);
            Assert.Equal([SlotKind.Passphrase], vault.Check().Slots.Select(s => s.Kind));
        }
    }

    [Fact]
    public void MoveAndCopy_KeepTheValue_UnderTheNewName()
    {
        using var dir = new TempFolder();
        using var vault = TestVaults.Create(dir.Combine("v.tgv"));
        vault.Set("env", "BINANCE_API_KEY", "key-1234567890abcdef");

        vault.Copy(new SecretReference("env", "BINANCE_API_KEY"), new SecretReference("backup", "api_key"));
        vault.Copy(new SecretReference("env", "BINANCE_API_KEY"), new SecretReference("binance", "api_key"), move: true);

        Assert.Null(vault.Get("env", "BINANCE_API_KEY"));
        Assert.Equal("key-1234567890abcdef", vault.Get("binance", "api_key"));
        Assert.Equal("key-1234567890abcdef", vault.Get("backup", "api_key"));
        using var reopened = TestVaults.Open(vault.Path);
        Assert.Equal("key-1234567890abcdef", reopened.Get("binance", "api_key"));
    }

    [Fact]
    public void Copy_OntoAnExistingEntry_NeedsForce_AndAMissingSourceIsNamed()
    {
        using var dir = new TempFolder();
        using var vault = TestVaults.Create(dir.Combine("v.tgv"));
        vault.Set("a", "one", "first-value-123");
        vault.Set("a", "two", "second-value-456");

        var taken = Assert.Throws<TradeguardException>(() => vault.Copy(new SecretReference("a", "one"), new SecretReference("a", "two")));
        Assert.Equal(ExitCode.Usage, taken.ExitCode);
        Assert.Equal("second-value-456", vault.Get("a", "two"));
        vault.Copy(new SecretReference("a", "one"), new SecretReference("a", "two"), overwrite: true);
        Assert.Equal("first-value-123", vault.Get("a", "two"));

        var missing = Assert.Throws<TradeguardException>(() => vault.Copy(new SecretReference("a", "nope"), new SecretReference("a", "three")));
        Assert.Equal(ExitCode.Configuration, missing.ExitCode);
        Assert.StartsWith("vault://a/nope is not in vault", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RestoreFromBackup_UndoesTheLastChange_AndAgainRedoesIt()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        using (var vault = TestVaults.Create(path))
        {
            vault.Set("binance", "api_key", "key-1234567890abcdef");
            vault.Remove(new SecretReference("binance", "api_key"));
        }

        using (var pass = TestVaults.Pass())
        {
            Assert.Equal(VaultRecoveryAction.SwappedWithBackup, VaultRecovery.RestoreFromBackup(path, pass, TestVaults.Options).Action);
        }

        using (var vault = TestVaults.Open(path))
        {
            Assert.Equal("key-1234567890abcdef", vault.Get("binance", "api_key"));
        }

        using (var pass = TestVaults.Pass())
        {
            VaultRecovery.RestoreFromBackup(path, pass, TestVaults.Options);
        }

        using var redone = TestVaults.Open(path);
        Assert.Null(redone.Get("binance", "api_key"));
    }

    [Fact]
    public void TempFilesOfAKilledWrite_AreRemovedOnTheNextOpen_OthersAreNot()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("vault.tgv");
        TestVaults.Create(path).Dispose();
        var leftovers = new[]
        {
            dir.Combine($".vault.tgv.{Guid.NewGuid():N}.tmp"),
            dir.Combine($".vault.tgv.bak.{Guid.NewGuid():N}.tmp"),
        };
        var unrelated = dir.Combine($".other.tgv.{Guid.NewGuid():N}.tmp");
        foreach (var file in leftovers.Append(unrelated))
        {
            File.WriteAllText(file, "half a vault");
        }

        TestVaults.Open(path).Dispose();

        Assert.All(leftovers, f => Assert.False(File.Exists(f), f));
        Assert.True(File.Exists(unrelated));
    }

    [Fact]
    public void ATempFileOfAWriteInProgress_IsLeftAlone()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("vault.tgv");
        TestVaults.Create(path).Dispose();
        var inProgress = dir.Combine($".vault.tgv.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(inProgress, "being written");

        // This thread plays the writer (it holds the vault's lock); another one opens the vault meanwhile.
        using (Core.Storage.FileLock.Acquire(path, TimeSpan.FromSeconds(5)))
        {
            var reader = new Thread(() => TestVaults.Open(path).Dispose());
            reader.Start();
            reader.Join();
        }

        Assert.True(File.Exists(inProgress));
    }
}
