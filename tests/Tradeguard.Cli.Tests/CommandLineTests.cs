using System.Text.RegularExpressions;
using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests;

/// <summary>What a user sees when the command line is wrong, and the one convention for naming config files.</summary>
public sealed partial class CommandLineTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private ProcessResult Run(params string[] args) =>
        TradeguardCli.Run(args, null, new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = temp.Combine("home"), ["TRADEGUARD_VAULT_PASSWORD"] = null },
            temp.Path);

    [Fact]
    public void UnknownCommand_IsNamed_WithTheHelpToRun()
    {
        var result = Run("bogus");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("unknown command 'bogus' for 'tradeguard'.\nRun 'tradeguard --help' to see its commands.\n", result.Stderr);
    }

    [Fact]
    public void MistypedCommand_GetsADidYouMean()
    {
        var result = Run("vaul", "list");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("unknown command 'vaul' for 'tradeguard'. Did you mean 'tradeguard vault'?\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MistypedSubcommand_PointsAtItsParentsHelp()
    {
        var result = Run("vault", "lst");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("unknown command 'lst' for 'tradeguard vault'. Did you mean 'tradeguard vault list'?\nRun 'tradeguard vault --help' to see its commands.\n",
            result.Stderr);
    }

    [Fact]
    public void NoSourceFile_FormatsAnExceptionTypeNameIntoAMessage()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => TypeNameInText().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepoPaths.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "exception type names in messages (use IoProblem.Describe or words):\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("run")]
    [InlineData("serve")]
    public void ExchangeCommands_TakeTheConfigAsAPositionalArgument_AsRunDoes(string command)
    {
        var help = Run("exchange", command, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains($"tradeguard exchange {command} [<config>] [options]", help.Stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\s+--config\b", help.Stdout);

        foreach (var args in new[] { new[] { "exchange", command, "absent.json" }, ["exchange", command, "--config", "absent.json"] })
        {
            var result = Run(args);
            Assert.Equal(5, result.ExitCode);
            Assert.Contains("no exchange config at absent.json", result.Stderr, StringComparison.Ordinal);
        }

        var none = Run("exchange", command);
        Assert.Equal((2, $"error: name the config file: tradeguard exchange {command} CONFIG\n"), (none.ExitCode, none.Stderr));
    }

    [Theory]
    [InlineData("telegram", "serve")]
    [InlineData("alerts", "dispatch")]
    [InlineData("exchange", "serve")]
    [InlineData("exchange", "check")]
    public void AlertSettings_AreAlertsConfigEverywhere(string group, string command)
    {
        var help = Run(group, command, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Matches(@"(?m)^\s+--alerts-config <alerts-config>\s+Alert and Telegram settings", help.Stdout);
        Assert.DoesNotMatch(@"(?m)^\s+--config\b", help.Stdout);
    }

    [Fact]
    public void AlertSettings_OldSpellingStillWorks_WhereTheCommandHasNoConfigOfItsOwn()
    {
        var absent = temp.Combine("absent-alerts.json");
        foreach (var option in new[] { "--alerts-config", "--config" })
        {
            var result = Run("alerts", "dispatch", "--until-empty", option, absent);
            Assert.Equal((5, $"error: No alert settings at {absent}.\n"), (result.ExitCode, result.Stderr));
        }
    }

    // $"...{e.GetType().Name}..." or "... ({Type})", e.GetType().Name: a type name formatted into text a user reads.
    [GeneratedRegex(@"GetType\(\)\.(Name|FullName)|nameof\(\w*Exception\)")]
    private static partial Regex TypeNameInText();
}
