using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;
using Tradeguard.TestSupport;

namespace Tradeguard.Core.Tests;

public class StorageTests
{
    [Fact]
    public void AtomicWrite_CreatesOwnerOnlyFile_AndReplacesContent()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("vault.tgv");
        AtomicFile.Write(path, "one"u8);
        AtomicFile.Write(path, "two"u8);
        Assert.Equal("two", File.ReadAllText(path));
        Assert.Equal(AtomicFile.OwnerOnly, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData(FileDurability.Durable)]
    [InlineData(FileDurability.Rebuildable)]
    public void AtomicWrite_EitherDurability_ReplacesWholeContent_OwnerOnly_NoTempLeft(FileDurability durability)
    {
        using var dir = new TempFolder();
        var path = dir.Combine("trades.csv");
        AtomicFile.WriteText(path, "first version, longer than the second\n", durability);
        AtomicFile.Write(path, stream => stream.Write("second\n"u8), durability);
        Assert.Equal("second\n", File.ReadAllText(path));
        Assert.Equal(AtomicFile.OwnerOnly, File.GetUnixFileMode(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void EnsurePrivate_RefusesGroupReadable_WithChmodFix()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("config.json");
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var e = Assert.Throws<TradeguardException>(() => PrivateFile.EnsurePrivate(path, "config"));
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.Equal($"Refusing to use config {path}: it is accessible by group or others (mode 640). Fix it with: chmod 600 {path}", e.Message);
    }

    [Fact]
    public void EnsurePrivate_AcceptsOwnerOnly()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v");
        AtomicFile.Write(path, "x"u8);
        PrivateFile.EnsurePrivate(path, "vault");
    }

    [Fact]
    public void QuoteForShell_QuotesSpacesAndQuotes()
    {
        Assert.Equal("/a/b.txt", PrivateFile.QuoteForShell("/a/b.txt"));
        Assert.Equal("'/a b/it'\\''s'", PrivateFile.QuoteForShell("/a b/it's"));
    }

    [Fact]
    public void FileLock_SecondHolderWaitsThenFailsClearly()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("vault.tgv");
        using var first = FileLock.Acquire(path, TimeSpan.FromSeconds(1));
        TradeguardException? e = null;
        var other = new Thread(() => e = Assert.Throws<TradeguardException>(() => FileLock.Acquire(path, TimeSpan.FromMilliseconds(200))));
        other.Start();
        other.Join();
        Assert.Equal(ExitCode.Configuration, e!.ExitCode);
        Assert.StartsWith($"{path} is locked by another tradeguard process", e.Message);
    }

    [Fact]
    public void FileLock_TheThreadHoldingIt_IsRefusedAtOnce_InsteadOfWaitingOnItself()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("audit.checkpoint");
        using var first = FileLock.Acquire(path, TimeSpan.FromSeconds(1));
        // A timeout this long would stall the test for an hour if the nested acquire waited.
        var e = Assert.Throws<TradeguardException>(() => FileLock.Acquire(path, TimeSpan.FromHours(1)));
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.Equal($"{path} is already locked by this very command (a nested write); nothing waited and nothing was written.", e.Message);
    }

    [Fact]
    public void FileLock_IsFreeAgainAfterDispose()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("vault.tgv");
        FileLock.Acquire(path, TimeSpan.FromSeconds(1)).Dispose();
        using var again = FileLock.Acquire(path, TimeSpan.FromMilliseconds(100));
    }
}
