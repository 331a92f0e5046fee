using System.Text.RegularExpressions;
using Tradeguard.Scanner.Detection;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Tests;

/// <summary>Which patterns <see cref="LineAnchors"/> proves to match only on their anchors' lines, and the line windows' answers.</summary>
public sealed class LineAnchorsTests
{
    [Fact]
    public void DefaultRules_WithOneLineAnchoredPatterns_AreExactlyThese()
    {
        // No windows: private-key (spans lines), telegram (no literal of 3), aws-secret/twilio/discord-bot (a bare
        // value only), azure-ad (2-character anchor Q~), the practice rules whose pattern holds \s (spans lines) or
        // starts on a class. azure-storage, binance and kraken: windows on the anchors of one branch and a probe for
        // the other (a bare value).
        string[] expected =
        [
            "aws-access-key-id", "aws-bedrock-api-key", "gcp-service-account-key", "gcp-api-key", "azure-storage-key",
            "github-token", "gitlab-token", "npm-token", "pypi-token", "slack-webhook", "slack-token",
            "discord-webhook", "stripe-key", "sendgrid-api-key", "openai-api-key", "anthropic-api-key", "jwt",
            "binance-api-credential", "kraken-api-credential", "bybit-api-credential", "okx-api-credential",
            "kucoin-api-credential", "coinbase-api-credential", "bitget-api-credential", "gate-api-credential",
            "bitfinex-api-credential", "gemini-api-credential", "alpaca-api-credential", "polygon-api-credential",
            "jwt-signing-secret", "url-password", "password-assignment", "generic-api-secret",
            "insecure-exchange-endpoint",
        ];

        Assert.Equal(expected, RuleSet.Default().Rules.Where(r => r.Windows is not null).Select(r => r.Id));
        Assert.Equal(
            ["azure-storage-key", "binance-api-credential", "kraken-api-credential"],
            RuleSet.Default().Rules.Where(r => r.Windows is { Probes.Count: > 0 }).Select(r => r.Id));
    }

    [Theory]
    [InlineData(@"token=\w+|\w{40}", @"(?-i-m:\w{40})")] // the branch without a literal becomes a probe
    [InlineData(@"(?i)token=\w+|[a-z]{40}", @"(?i-m:[a-z]{40})")] // as in .NET, (?i) holds in the later branches
    [InlineData(@"(?:(?i)x)token=\w+|[a-z]{40}", @"(?-i-m:[a-z]{40})")] // ...but not past its group
    public void BranchWithoutAnchors_IsProbedWithTheOptionsInForceThere(string pattern, string probe)
    {
        var proven = LineAnchors.Of(new Regex(pattern));
        Assert.NotNull(proven);
        Assert.Equal([probe], proven.Probes);
        Assert.Equal(new Regex(pattern).IsMatch("KELVIN" + new string('\u212A', 40)), new Regex(probe).IsMatch("KELVIN" + new string('\u212A', 40)));
    }

    [Fact]
    public void OptionTurnedOffInABranch_HoldsInTheNext()
    {
        // (?-m) in the first branch holds in the second (.NET reads options to the end of the group), so its $ is the
        // text's end, which a line window's end would fake: not proven. It was read as multi-line before.
        Assert.Null(LineAnchors.Of(new Regex(@"zz(?-m)|token=\w+$", RegexOptions.Multiline)));
        Assert.Matches(new Regex(@"zz(?-m)|token=\w+$", RegexOptions.Multiline), "x\ntoken=abc");
        Assert.DoesNotMatch(new Regex(@"zz(?-m)|token=\w+$", RegexOptions.Multiline), "token=abc\nx");
    }

    [Fact]
    public void ProbeLines_AreSearched_AndGiveTheWholeTextsMatches()
    {
        // binance's bare 64-character value on a line with no assignment word, under a binance block: found through
        // its probe, with the same index, length and value as the whole text's Matches.
        var rule = RuleSet.Default().ById["binance-api-credential"];
        var value = string.Concat(Enumerable.Repeat("Zq7Xw9Pm", 8));
        var text = $"binance:\n  keys:\n    - \"{value}\"\n  note: plain\napi_key = \"{value[..20]}\"\n";
        var collected = new PatternMatches(rule.Pattern!, text, rule, rule.Windows!.Probes);
        var expected = rule.Pattern!.Matches(text);
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected.Select(m => (m.Index, m.Length)), Enumerable.Range(0, collected.Count).Select(n => (collected[n].Index, collected[n].Length)));
        Assert.Equal(value, collected[0].Groups["secret"].Value);
        Assert.True(AnchorLines.IsMatch(rule.Pattern!, $"binance:\n  - \"{value}\"\n", rule.Windows!, rule.Windows!.Probes));
    }

    [Theory]
    [InlineData(@"(?i)token[ \t]*=[ \t]*(?<secret>\w{8,})", "token")]
    [InlineData(@"(?:api|auth)_key=[^\s""]+", "_key=")] // the longest run: a group and the run after it are not joined
    [InlineData(@"ab?c(?m:xyz$)", "xyz")]
    public void OneLinePattern_HasTheLiteralsEveryMatchHolds(string pattern, string anchors)
    {
        Assert.Equal(anchors.Split(','), LineAnchors.Of(new Regex(pattern))!.Anchors);
        Assert.Empty(LineAnchors.Of(new Regex(pattern))!.Probes);
    }

    [Theory]
    [InlineData(@"token\s*=\s*\w+")] // \s matches \n
    [InlineData(@"token[^""]+")] // a negated class without \n matches it
    [InlineData(@"(?s)token.+")] // . matches \n in single-line mode
    [InlineData(@"token=\w+$")] // $ outside multi-line mode also matches before a final \n
    [InlineData(@"(token)=\1")] // backreferences are not read
    public void PatternNotProven_RunsOnTheWholeText(string pattern) => Assert.Null(LineAnchors.Of(new Regex(pattern)));

    [Theory]
    [InlineData(@"\w{40}")] // no literal at all
    [InlineData(@"(?:ab|token)=\w+")] // "ab" is too short to be worth a window
    public void OneLinePatternWithoutAnchors_HasNoWindows(string pattern) => Assert.Null(LineAnchors.Of(new Regex(pattern))!.Anchors);

    [Fact]
    public void LineWindows_SeeTheTextBeforeTheLine_AndFindNoMatchOnLinesWithoutAnAnchor()
    {
        var pattern = new Regex(@"(?<=bot)token=\w+");
        var proven = LineAnchors.Of(pattern)!;
        Assert.Equal(["token="], proven.Anchors);
        var windows = new LineWindows(proven, pattern);
        Assert.True(AnchorLines.IsMatch(pattern, "x\nbottoken=abc\n", windows, []));
        Assert.False(AnchorLines.IsMatch(pattern, "bot\ntoken=abc\n", windows, []));
        Assert.False(AnchorLines.IsMatch(pattern, "key=1\nsecret=2", windows, []));
    }
}
