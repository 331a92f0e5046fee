using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;
using Tradeguard.TestSupport;

namespace Tradeguard.Vault.Tests;

public sealed class VaultStoreTests
{
    [Fact]
    public void SetThenReopen_ReturnsTheSameValues()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        using (var vault = TestVaults.Create(path))
        {
            vault.Set("binance", "api_key", "key-1234567890abcdef");
            vault.Set("binance", "api_secret", "secret-with\nnewline");
            vault.Set("telegram", "bot_token", "123456:AAAA");
        }

        using var reopened = TestVaults.Open(path);
        Assert.Equal("key-1234567890abcdef", reopened.Get("binance", "api_key"));
        Assert.Equal("secret-with\nnewline", reopened.Get("binance", "api_secret"));
        Assert.Equal("123456:AAAA", reopened.Get("telegram", "bot_token"));
        Assert.Null(reopened.Get("telegram", "chat_id"));
        Assert.Equal(
            ["vault://binance/api_key", "vault://binance/api_secret", "vault://telegram/bot_token"],
            reopened.List().Select(r => r.ToString()));
    }

    [Fact]
    public void Set_ReplacesTheEarlierValue_AndKeepsOneEntry()
    {
        using var dir = new TempFolder();
        using var vault = TestVaults.Create(dir.Combine("v.tgv"));
        vault.Set("a", "b", "first-value");
        vault.Set("a", "b", "second-value");
        Assert.Equal("second-value", vault.Get("a", "b"));
        Assert.Single(vault.List());
    }

    [Fact]
    public void Remove_DeletesOnlyThatEntry_AndReportsWhetherItExisted()
    {
        using var dir = new TempFolder();
        using var vault = TestVaults.Create(dir.Combine("v.tgv"));
        vault.Set("a", "b", "value-one");
        vault.Set("a", "c", "value-two");
        Assert.True(vault.Remove(new SecretReference("a", "b")));
        Assert.False(vault.Remove(new SecretReference("a", "b")));
        Assert.Equal(["vault://a/c"], vault.List().Select(r => r.ToString()));
    }

    [Fact]
    public void ValuesReadOrSet_AreRegisteredWithTheSharedRedactor()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        using (var vault = TestVaults.Create(path))
        {
            vault.Set("x", "set_only", "registered-when-set-4471");
        }

        Assert.Equal("token [redacted] end", Redactor.Shared.Redact("token registered-when-set-4471 end"));
        using var reopened = TestVaults.Open(path);
        reopened.Set("x", "other", "x");
        Assert.Equal("registered-when-set-4471", reopened.Get("x", "set_only"));
    }

    [Fact]
    public void WrongPassphrase_IsExit3_AndIsToldApartFromDamage()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        using (var vault = TestVaults.Create(path))
        {
            vault.Set("a", "b", "value-abcdef");
        }

        var wrong = Assert.Throws<TradeguardException>(() => TestVaults.Open(path, "not the passphrase"));
        Assert.Equal(ExitCode.AuthenticationFailed, wrong.ExitCode);
        Assert.Contains("wrong passphrase", wrong.Message, StringComparison.Ordinal);

        var bytes = File.ReadAllBytes(path);
        bytes[30] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var damaged = Assert.Throws<TradeguardException>(() => TestVaults.Open(path));
        Assert.Equal(ExitCode.IntegrityFailure, damaged.ExitCode);
        Assert.Contains("header checksum does not match", damaged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RefusesAShortPassphrase_WithExit1()
    {
        using var dir = new TempFolder();
        var e = Assert.Throws<TradeguardException>(() => TestVaults.Create(dir.Combine("v.tgv"), "eleven-char"));
        Assert.Equal(ExitCode.CheckFailed, e.ExitCode);
        Assert.False(File.Exists(dir.Combine("v.tgv")));
    }

    [Fact]
    public void Create_RefusesToOverwriteAnExistingVault()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        TestVaults.Create(path).Dispose();
        var e = Assert.Throws<TradeguardException>(() => TestVaults.Create(path));
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
    }

    [Fact]
    public void VaultFile_IsCreatedWithMode0600_AndAnExposedOneIsRefusedWithExit5()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        TestVaults.Create(path).Dispose();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var e = Assert.Throws<TradeguardException>(() => TestVaults.Open(path));
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.Contains($"chmod 600 {path}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditLog_RecordsInitUnlockSetRevealAndFailedUnlock_WithoutValues()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        var audit = new RecordingAuditLog();
        var options = TestVaults.Options with { Audit = audit, Actor = "operator:test" };
        using (var vault = TestVaults.Create(path, options: options))
        {
            vault.Set("a", "b", "audited-value-1234");
            vault.Reveal(new SecretReference("a", "b"))!.Dispose();
        }

        Assert.Throws<TradeguardException>(() => TestVaults.Open(path, "wrong passphrase!", options));
        Assert.Equal(
            ["vault.init:Success", "vault.set:Success", "vault.reveal:Success", "vault.unlock:Denied"],
            audit.Events.Select(e => $"{e.Action}:{e.Outcome}"));
        Assert.Equal("vault://a/b", audit.Events[2].Target);
        Assert.All(audit.Events, e => Assert.Equal("operator:test", e.Actor));
        Assert.DoesNotContain(audit.Events, e => e.ToString().Contains("audited-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_MissingVault_IsExit5NamingInit()
    {
        using var dir = new TempFolder();
        var e = Assert.Throws<TradeguardException>(() => TestVaults.Open(dir.Combine("none.tgv")));
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.Contains("vault init", e.Message, StringComparison.Ordinal);
    }
}

