using System.Text;

namespace Tradeguard.Scanner.Tests;

/// <summary>Walking the tree: binary and oversized files skipped and reported, symlinks never followed, .gitignore on request.</summary>
public sealed class TreeTests
{
    [Fact]
    public void BinaryAndOversizedFiles_AreSkippedAndReported()
    {
        using var tree = new TestTree();
        File.WriteAllBytes(Path.Combine(tree.Root, "model.bin"), [1, 2, 0, 3, .. System.Text.Encoding.UTF8.GetBytes(Values.TelegramToken)]);
        tree.Write("big.py", new string('#', 2000) + $"\nT = '{Values.TelegramToken}'\n");
        tree.Write("small.py", "x = 1\n");
        var result = SecretScanner.Scan(new ScanOptions { Root = tree.Root, MaxFileBytes = 1000 });

        Assert.Empty(result.Findings);
        Assert.Equal(
            [("big.py", Walking.SkipReason.Oversized), ("model.bin", Walking.SkipReason.Binary)],
            result.Skipped.Select(s => (s.Path, s.Reason)));
        Assert.Equal(1, result.FilesScanned);
    }

    /// <summary>Windows PowerShell's <c>&gt;</c> writes UTF-16 LE with a byte order mark; read as UTF-8 such a file looked binary.</summary>
    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    [InlineData("utf-8")]
    public void AFileWithAByteOrderMark_IsReadInItsEncoding_AtTheRightLineAndColumn(string name)
    {
        Encoding encoding = name switch
        {
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            "utf-32le" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            "utf-32be" => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        };
        using var tree = new TestTree();
        File.WriteAllBytes(Path.Combine(tree.Root, "settings.ps1"),
            [.. encoding.GetPreamble(), .. encoding.GetBytes($"# Café bot 🤖\r\n$env:TELEGRAM_TOKEN = '{Values.TelegramToken}'\r\n")]);

        var result = SecretScanner.Scan(new ScanOptions { Root = tree.Root });
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("telegram-bot-token", 2, 24), (finding.RuleId, finding.Line, finding.Column));
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void AByteOrderMarkFollowedByNulCharacters_IsStillBinary()
    {
        using var tree = new TestTree();
        byte[] token = [.. new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(Values.TelegramToken)];
        File.WriteAllBytes(Path.Combine(tree.Root, "utf16.dat"), [0xFF, 0xFE, (byte)'A', 0, 0, 0, .. token]);
        File.WriteAllBytes(Path.Combine(tree.Root, "utf32.dat"), [0xFF, 0xFE, 0, 0, 0, 0, 0, 0, .. token]);

        var result = SecretScanner.Scan(new ScanOptions { Root = tree.Root });
        Assert.Empty(result.Findings);
        Assert.Equal(
            [("utf16.dat", Walking.SkipReason.Binary), ("utf32.dat", Walking.SkipReason.Binary)],
            result.Skipped.Select(s => (s.Path, s.Reason)));
    }

    [Fact]
    public void Symlinks_AreNeverFollowed_SoASecretOutsideTheTreeIsNotRead()
    {
        using var outside = new TestTree();
        outside.Write("secrets/bot.py", $"T = '{Values.TelegramToken}'\n");
        using var tree = new TestTree();
        tree.Write("app.py", "x = 1\n");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "linked-dir"), Path.Combine(outside.Root, "secrets"));
        File.CreateSymbolicLink(Path.Combine(tree.Root, "linked.py"), Path.Combine(outside.Root, "secrets", "bot.py"));

        var result = SecretScanner.Scan(new ScanOptions { Root = tree.Root });
        Assert.Empty(result.Findings);
        Assert.Equal(
            [("linked-dir", Walking.SkipReason.Symlink), ("linked.py", Walking.SkipReason.Symlink)],
            result.Skipped.Select(s => (s.Path, s.Reason)));
    }

    [Fact]
    public void Gitignore_IsFollowedOnlyWhenAsked()
    {
        using var tree = new TestTree();
        tree.Write(".gitignore", "*.local\nbuild/\n");
        tree.Write("config.local", $"T={Values.TelegramToken}\n");
        tree.Write("build/out.py", $"T = '{Values.TelegramToken}'\n");
        tree.Write("sub/.gitignore", "private.py\n");
        tree.Write("sub/private.py", $"T = '{Values.TelegramToken}'\n");
        tree.Write("sub/public.py", $"T = '{Values.TelegramToken}'\n");

        Assert.Equal(["build/out.py", "config.local", "sub/private.py", "sub/public.py"],
            tree.Scan().Select(f => f.Path));
        Assert.Equal(["sub/public.py"], tree.Scan(respectGitignore: true).Select(f => f.Path));
    }

    [Fact]
    public void ASingleFile_CanBeScanned()
    {
        using var tree = new TestTree();
        var file = tree.Write("bot.py", $"T = '{Values.TelegramToken}'\n");
        var result = SecretScanner.Scan(new ScanOptions { Root = file });
        Assert.Equal(("bot.py", 1), (result.Findings.Single().Path, result.FilesScanned));
    }
}
