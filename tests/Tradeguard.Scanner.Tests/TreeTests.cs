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
