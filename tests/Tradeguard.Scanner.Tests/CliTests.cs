using System.Text.Json;

namespace Tradeguard.Scanner.Tests;

/// <summary><c>tradeguard scan</c> as a user runs it: exit codes, --fail-on, formats, --output, baseline, inline allow.</summary>
public sealed class CliTests
{
    [Fact]
    public void CleanTree_Exits0_AndFindings_Exit1_WithTheMaskedValueOnly()
    {
        using var tree = new TestTree();
        tree.Write("strategy.py", "fast = sma(close, 10)\n");
        var clean = tree.Cli(".");
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("0 findings", clean.Stdout, StringComparison.Ordinal);

        tree.Write("bot.py", $"BOT_TOKEN = \"{Values.TelegramToken}\"\n");
        var dirty = tree.Cli(".");
        Assert.Equal(1, dirty.ExitCode);
        Assert.Contains("CRITICAL  telegram-bot-token  bot.py:1:14  7123…0Sx2", dirty.Stdout, StringComparison.Ordinal);
        Assert.Contains("fix: revoke it with @BotFather", dirty.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Values.TelegramToken, dirty.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void FailOn_SetsTheSeverityThatFails_AndExamplesNeverFailTheDefault()
    {
        using var tree = new TestTree();
        tree.Write("notify.py", "bot.send_message(chat_id, f\"Balance: {balance}\")\n");
        tree.Write(".env.example", $"TELEGRAM_BOT_TOKEN={Values.TelegramDocExample}\n");
        Assert.Equal(1, tree.Cli(".").ExitCode);
        Assert.Equal(1, tree.Cli(".", "--fail-on", "medium").ExitCode);
        Assert.Equal(0, tree.Cli(".", "--fail-on", "high").ExitCode);

        File.Delete(Path.Combine(tree.Root, "notify.py"));
        var onlyExample = tree.Cli(".");
        Assert.Equal(0, onlyExample.ExitCode);
        Assert.Contains("EXAMPLE   telegram-bot-token  .env.example:1:20", onlyExample.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, tree.Cli(".", "--fail-on", "info").ExitCode);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-on", "severe")]
    [InlineData("--no-such-option")]
    [InlineData("--threads", "0")]
    [InlineData("does-not-exist")]
    public void UsageErrors_Exit2(params string[] args)
    {
        using var tree = new TestTree();
        var result = tree.Cli(args);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual("", result.Stderr);
    }

    [Fact]
    public void Output_WritesTheReportToAFile_InTheChosenFormat()
    {
        using var tree = new TestTree();
        tree.Write("bot.py", $"BOT_TOKEN = \"{Values.TelegramToken}\"\n");
        var result = tree.Cli(".", "--format", "sarif", "--output", "out.sarif");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(tree.Root, "out.sarif")));
        Assert.Equal("telegram-bot-token", doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public void InlineAllow_SuppressesOnlyTheNamedRuleOnThatLine()
    {
        using var tree = new TestTree();
        tree.Write("bot.py",
            $"A = \"{Values.TelegramToken}\"  # tradeguard:allow telegram-bot-token\n" +
            "r = requests.get(u, verify=False)  # tradeguard:allow telegram-bot-token\n" +
            "s = requests.get(u, verify=False)  // tradeguard:allow tls-verification-disabled, secret-printed\n");
        var findings = tree.Scan();
        var only = Assert.Single(findings);
        Assert.Equal(("tls-verification-disabled", 2), (only.RuleId, only.Line));
    }

    [Fact]
    public void Baseline_AcceptsTodaysFindings_AndANewFindingFailsAgain()
    {
        using var tree = new TestTree();
        tree.Write("bot.py", $"BOT_TOKEN = \"{Values.TelegramToken}\"\nr = requests.get(u, verify=False)\n");
        var write = tree.Cli(".", "--write-baseline", "scan-baseline.json");
        Assert.Equal(0, write.ExitCode);
        Assert.Contains("wrote 2 fingerprints to scan-baseline.json", write.Stderr, StringComparison.Ordinal);
        var baselineText = File.ReadAllText(Path.Combine(tree.Root, "scan-baseline.json"));
        Assert.DoesNotContain(Values.TelegramToken, baselineText, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(tree.Root, "scan-baseline.json")));

        var accepted = tree.Cli(".", "--baseline", "scan-baseline.json");
        Assert.Equal(0, accepted.ExitCode);
        Assert.Contains("0 findings, 2 suppressed by the baseline", accepted.Stdout, StringComparison.Ordinal);

        // Moving the token down a line keeps its fingerprint; a new secret is reported.
        tree.Write("bot.py", $"\n\nBOT_TOKEN = \"{Values.TelegramToken}\"\nr = requests.get(u, verify=False)\nprint(api_key)\n");
        var next = tree.Cli(".", "--baseline", "scan-baseline.json", "--format", "json");
        Assert.Equal(1, next.ExitCode);
        using var doc = JsonDocument.Parse(next.Stdout);
        Assert.Equal("secret-printed", doc.RootElement.GetProperty("findings").EnumerateArray().Single().GetProperty("ruleId").GetString());
    }

    [Fact]
    public void Baseline_MissingIsAUsageError_AndGarbageIsAConfigurationError()
    {
        using var tree = new TestTree();
        tree.Write("a.py", "x = 1\n");
        var missing = tree.Cli(".", "--baseline", "nope.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("create it with --write-baseline nope.json", missing.Stderr, StringComparison.Ordinal);
        tree.Write("bad.json", "{\"version\": 7}");
        Assert.Equal(5, tree.Cli(".", "--baseline", "bad.json").ExitCode);
    }

    [Fact]
    public void UserRules_AddARule_AndABrokenRuleFileIsAConfigurationError()
    {
        using var tree = new TestTree();
        tree.Write("rules.json", """
            {"version": 1, "rules": [{"id": "acme-broker-key", "kind": "secret", "severity": "high",
              "description": "ACME broker key.", "keywords": ["acme_"], "regex": "\\b(acme_[A-Za-z0-9]{24})\\b",
              "entropy": 3.0, "fix": "tradeguard vault set acme api_key"}]}
            """);
        tree.Write("trade.py", "KEY = 'acme_Zx81Qm4Lr7Tn2Wb5Yc9Vd3Hf'\n");
        var result = tree.Cli("trade.py", "--rules", "rules.json", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using (var doc = JsonDocument.Parse(result.Stdout))
        {
            var finding = doc.RootElement.GetProperty("findings").EnumerateArray().Single();
            Assert.Equal(("acme-broker-key", "acme…d3Hf"), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("masked").GetString()));
        }

        tree.Write("broken.json", """{"version": 1, "rules": [{"id": "x", "kind": "secret", "severity": "high", "description": "d", "keywords": ["k"], "regex": "(unclosed", "fix": "f"}]}""");
        var broken = tree.Cli(".", "--rules", "broken.json");
        Assert.Equal(5, broken.ExitCode);
        Assert.Contains("rule #1 ('x'): regex does not compile", broken.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, tree.Cli(".", "--rules", "missing.json").ExitCode);
    }

    [Fact]
    public void UserRules_FileKinds_LimitWhereARuleReads_AndAnUnknownKindIsNamed()
    {
        using var tree = new TestTree();
        tree.Write("rules.json", """
            {"version": 1, "rules": [{"id": "debug-endpoint", "kind": "practice", "severity": "medium", "fileKinds": ["config"],
              "description": "A debug endpoint left on.", "keywords": ["debug_endpoint"], "regex": "debug_endpoint\\s*[:=]\\s*true",
              "fix": "turn it off"}]}
            """);
        tree.Write("settings.yaml", "debug_endpoint: true\n");
        tree.Write("app.py", "debug_endpoint = true\n");
        tree.Write("README.md", "Never ship `debug_endpoint: true`.\n");
        var result = tree.Cli(".", "--rules", "rules.json", "--format", "json");
        using (var doc = JsonDocument.Parse(result.Stdout))
        {
            Assert.Equal(["settings.yaml"], doc.RootElement.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("ruleId").GetString() == "debug-endpoint").Select(f => f.GetProperty("path").GetString()));
        }

        tree.Write("rules.json", """{"version": 1, "rules": [{"id": "x", "kind": "practice", "severity": "high", "fileKinds": ["docs"], "description": "d", "keywords": ["k"], "regex": "k", "fix": "f"}]}""");
        var bad = tree.Cli(".", "--rules", "rules.json");
        Assert.Equal(5, bad.ExitCode);
        Assert.Contains("rule #1 ('x'): fileKinds may hold only \"code\" and \"config\", not \"docs\"", bad.Stderr, StringComparison.Ordinal);
    }
}
