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
        // Not proven: private-key (spans lines), telegram (no literal of 3), aws-secret/azure/twilio/discord-bot/binance/
        // kraken (a bare 40-86 character value), azure-ad (2-character anchor Q~), the practice rules whose pattern holds
        // \s (spans lines) or starts on a class.
        string[] expected =
        [
            "aws-access-key-id", "aws-bedrock-api-key", "gcp-service-account-key", "gcp-api-key", "github-token", "gitlab-token",
            "npm-token", "pypi-token", "slack-webhook", "slack-token", "discord-webhook", "stripe-key", "sendgrid-api-key",
            "openai-api-key", "anthropic-api-key", "jwt", "bybit-api-credential", "okx-api-credential", "kucoin-api-credential",
            "coinbase-api-credential", "bitget-api-credential", "gate-api-credential", "bitfinex-api-credential",
            "gemini-api-credential", "alpaca-api-credential", "polygon-api-credential", "jwt-signing-secret", "url-password",
            "password-assignment", "generic-api-secret", "insecure-exchange-endpoint",
        ];

        Assert.Equal(expected, RuleSet.Default().Rules.Where(r => r.AnchorSearch is not null).Select(r => r.Id));
    }

    [Theory]
    [InlineData(@"(?i)token[ \t]*=[ \t]*(?<secret>\w{8,})", "token")]
    [InlineData(@"(?:api|auth)_key=[^\s""]+", "_key=")] // the longest run: a group and the run after it are not joined
    [InlineData(@"ab?c(?m:xyz$)", "xyz")]
    public void OneLinePattern_HasTheLiteralsEveryMatchHolds(string pattern, string anchors) =>
        Assert.Equal(anchors.Split(','), LineAnchors.Of(new Regex(pattern)));

    [Theory]
    [InlineData(@"token\s*=\s*\w+")] // \s matches \n
    [InlineData(@"token[^""]+")] // a negated class without \n matches it
    [InlineData(@"(?s)token.+")] // . matches \n in single-line mode
    [InlineData(@"token=\w+$")] // $ outside multi-line mode also matches before a final \n
    [InlineData(@"(token)=\1")] // backreferences are not read
    [InlineData(@"token|\w{40}")] // one branch holds no literal
    [InlineData(@"(?:ab|token)=\w+")] // "ab" is too short to be worth a window
    public void PatternNotProven_RunsOnTheWholeText(string pattern) => Assert.Null(LineAnchors.Of(new Regex(pattern)));

    [Fact]
    public void LineWindows_SeeTheTextBeforeTheLine_AndFindNoMatchOnLinesWithoutAnAnchor()
    {
        var pattern = new Regex(@"(?<=bot)token=\w+");
        var anchors = System.Buffers.SearchValues.Create(["token="], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["token="], LineAnchors.Of(pattern));
        Assert.True(AnchorLines.IsMatch(pattern, "x\nbottoken=abc\n", anchors));
        Assert.False(AnchorLines.IsMatch(pattern, "bot\ntoken=abc\n", anchors));
        Assert.False(AnchorLines.IsMatch(pattern, "key=1\nsecret=2", anchors));
    }
}
