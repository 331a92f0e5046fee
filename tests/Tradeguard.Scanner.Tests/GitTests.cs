namespace Tradeguard.Scanner.Tests;

/// <summary>--history on a real git repository the test creates, and the checks on files that hold secrets.</summary>
public sealed class GitTests
{
    [Fact]
    public void History_FindsASecretCommittedAndLaterRemoved_WithTheCommitThatAddedIt()
    {
        using var tree = new TestTree();
        tree.Git("init", "-q");
        tree.Write("bot.py", "import telebot\n");
        tree.Git("add", ".");
        tree.Git("commit", "-qm", "start");
        tree.Write("bot.py", $"import telebot\n\nBOT_TOKEN = \"{Values.TelegramToken}\"\n");
        tree.Git("commit", "-qam", "add the bot");
        var added = tree.Git("rev-parse", "HEAD").Stdout.Trim();
        tree.Write("bot.py", "import telebot\nBOT_TOKEN = os.environ['BOT_TOKEN']\n");
        tree.Git("commit", "-qam", "move the token out");

        Assert.Empty(tree.Scan());
        var finding = Assert.Single(tree.Scan(history: true));
        Assert.Equal(("telegram-bot-token", "bot.py", 3, 14, added), (finding.RuleId, finding.Path, finding.Line, finding.Column, finding.Commit));
        Assert.Equal("7123…0Sx2", finding.Shown);

        var cli = tree.Cli(".", "--history");
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains($"bot.py:3:14 (commit {added[..12]}, no longer in the tree)", cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void History_DoesNotRepeatASecretStillInTheTree_AndNeedsARepository()
    {
        using var tree = new TestTree();
        Assert.Equal(2, tree.Cli(".", "--history").ExitCode);
        tree.Git("init", "-q");
        var empty = tree.Cli(".", "--history");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("has no commits yet", empty.Stderr, StringComparison.Ordinal);
        tree.Write("bot.py", $"BOT_TOKEN = \"{Values.TelegramToken}\"\n");
        tree.Write(".gitignore", "");
        tree.Git("add", ".");
        tree.Git("commit", "-qm", "bot");
        var findings = tree.Scan(history: true);
        Assert.Equal(["secret-file-tracked", "telegram-bot-token"], findings.Select(f => f.RuleId).Order());
        Assert.All(findings, f => Assert.Null(f.Commit));
    }

    [Fact]
    public void SecretFiles_TrackedUnignoredOrReadableByOthers_AreReported()
    {
        using var tree = new TestTree();
        tree.Git("init", "-q");
        tree.Write(".gitignore", "*.local.env\n");
        tree.Write("tracked.py", $"T = '{Values.TelegramToken}'\n");
        tree.Git("add", "tracked.py", ".gitignore");
        tree.Git("commit", "-qm", "oops");
        tree.Write("loose.env", $"BOT_TOKEN={Values.TelegramToken}\n");
        tree.Write("ignored.local.env", $"BOT_TOKEN={Values.TelegramToken}\n");
        tree.Write("shared.local.env", $"BOT_TOKEN={Values.TelegramToken}\n",
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        tree.Write("clean.py", "x = 1\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var fileFindings = tree.Scan().Where(f => f.Kind == Rules.RuleKind.File).Select(f => (f.RuleId, f.Path)).Order().ToList();
        Assert.Equal(
            [("secret-file-not-ignored", "loose.env"), ("secret-file-permissions", "shared.local.env"), ("secret-file-tracked", "tracked.py")],
            fileFindings);
        var tracked = tree.Scan().Single(f => f.RuleId == "secret-file-tracked");
        Assert.Equal("run `git rm --cached tracked.py`, add it to .gitignore, move the secret to the vault and rotate it", tracked.Fix);
    }
}
