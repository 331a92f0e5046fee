using Tradeguard.Scanner.Detection;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Tests;

/// <summary>The behaviours issue 7 names, checked on exact values (vectors: /work/shared/vectors/secret_scanning.json).</summary>
public sealed class DetectionTests
{
    private static readonly ContentScanner Scanner = new(RuleSet.Default());

    private static List<string> Rules(string text, string path = "bot.py") =>
        Scanner.Scan(text, path).Select(f => f.RuleId + (f.IsExample ? "#example" : "")).ToList();

    [Fact]
    public void TelegramToken_IsFoundWithoutKeyword_AndInsideTheBotApiUrl()
    {
        var findings = Scanner.Scan(
            $"BOT_TOKEN = \"{Values.TelegramToken}\"\nurl = 'https://api.telegram.org/bot{Values.TelegramToken}/sendMessage'\n", "bot.py");

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("telegram-bot-token", f.RuleId));
        Assert.Equal((1, 14), (findings[0].Line, findings[0].Column));
        Assert.Equal((2, 36), (findings[1].Line, findings[1].Column));
        Assert.All(findings, f => Assert.Equal("7123…0Sx2", f.Shown));
        Assert.Equal(Severity.Critical, findings[0].Severity);
        Assert.Equal(findings[0].Fingerprint, findings[1].Fingerprint);
    }

    // detect_secrets_test_payloads and gitleaks_generator_cases of the vector file. The "bot<digits>:..." payload is
    // flagged on purpose (detect-secrets' anchored regex misses it; the issue asks for the URL form).
    [Theory]
    [InlineData("110201543:AAHdqTcvCH1vGWJxfSe1ofSAs0K5PALDsaw", true)]
    [InlineData("7213808860:AAH1bjqpKKW3maRSPAxzIU-0v6xNuq2-NjM", true)]
    [InlineData("bot110201543:AAHdqTcvCH1vGWJxfSe1ofSAs0K5PALDsaw", true)]
    [InlineData("foo:AAH1bjqpKKW3maRSPAxzIU-0v6xNuq2-NjM", false)]
    [InlineData("arn:aws:sns:aaa:111122223333:aaaaaaaaaaaaaaaaaaassssssddddddddddddd", false)]
    [InlineData("1234:AAH1bjqpKKW3maRSPAxzIU-0v6xNuq2-NjM", false)]
    [InlineData("12345678901234567:AAH1bjqpKKW3maRSPAxzIU-0v6xNuq2-NjM", false)]
    [InlineData("type=\"clm54332:AgencyIdentificationCodeContentType\"", false)]
    [InlineData("7213808860:AAH1bjqpKKW3maRSPAxzIU-0v6xNuq2-NjMextra", false)]
    public void TelegramTokenShapes_FollowTheVectorCases(string line, bool flagged)
    {
        Assert.Equal(flagged, Rules(line + "\n").Contains("telegram-bot-token"));
    }

    [Theory]
    [InlineData("# enter your username/password combination below\n")]
    [InlineData("tokenizationId: 'f865288c97ca4913887373728b8dfc4c'\n")]
    [InlineData("{\"key\": \"ctrl+shift+down\"}\n")]
    [InlineData("api_key = os.environ[\"BINANCE_API_KEY\"]\n")]
    [InlineData("api_secret: ${BINANCE_API_SECRET}\n")]
    [InlineData("DB_PASSWORD=changeme123\n")]
    [InlineData("token = os.getenv('BOT_TOKEN')\n")]
    [InlineData("var token = Environment.GetEnvironmentVariable(\"TELEGRAM_BOT_TOKEN\");\n")]
    [InlineData("api_key: vault://binance/api_key\n")]
    [InlineData("BOT_TOKEN = 'YOUR_BOT_TOKEN'\n")]
    [InlineData("api_key = <your api key>\n")]
    [InlineData("API_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n")]
    public void ProseIdentifiersAndPlaceholders_GiveNoFinding(string text)
    {
        Assert.Empty(Rules(text));
    }

    [Fact]
    public void DocumentationExamples_AreReportedAsExamplesAtInfo_NotAsLeaks()
    {
        var findings = Scanner.Scan(
            $"TELEGRAM_BOT_TOKEN={Values.TelegramDocExample}\n[binance]\nAPI_KEY={Values.BinanceDocKey}\nSECRET={Values.BinanceDocSecret}\n", ".env");

        Assert.Equal(["telegram-bot-token", "binance-api-credential", "binance-api-credential"], findings.Select(f => f.RuleId));
        Assert.All(findings, f => Assert.True(f.IsExample));
        Assert.All(findings, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.StartsWith("published documentation example (Telegram Bot API documentation", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedSampleFiles_GiveNoSecretFinding_ButTheSameFilesWithRealLookingValuesDo()
    {
        const string Ini = "[binance]\napi_key = your_actual_api_key\napi_secret = your_actual_api_secret\n";
        const string Script = "import telebot\nBOT_TOKEN = 'YOUR_BOT_TOKEN'\nbot = telebot.TeleBot(BOT_TOKEN)\n";
        Assert.Empty(Rules(Ini, "config.ini"));
        Assert.Empty(Rules(Script, "bot.py"));

        Assert.Equal(["binance-api-credential"], Rules(Ini.Replace("your_actual_api_secret", Values.BinanceLikeSecret, StringComparison.Ordinal), "config.ini"));
        Assert.Equal(["telegram-bot-token"], Rules(Script.Replace("YOUR_BOT_TOKEN", Values.TelegramToken, StringComparison.Ordinal), "bot.py"));
    }

    // shannon_entropy_bits_per_char.values of the vector file (gitleaks' definition), to the published 3 decimals.
    [Theory]
    [InlineData(Values.BinanceDocSecret, 5.023)]
    [InlineData(Values.BinanceDocKey, 5.297)]
    [InlineData(Values.KrakenDocPrivateKey, 5.414)]
    [InlineData(Values.TelegramDocExample, 4.522)]
    [InlineData("hunter2", 2.807)]
    [InlineData("changeme123", 3.278)]
    [InlineData("f865288c97ca4913887373728b8dfc4c", 3.487)]
    [InlineData("AKIAIOSFODNN7EXAMPLE", 3.684)]
    [InlineData("aaaaaaaaaaaaaaaa", 0.0)]
    [InlineData("0123456789abcdef0123456789abcdef", 4.0)]
    [InlineData("REDACTED", 2.5)]
    public void ShannonEntropy_MatchesThePublishedValues(string value, double bits)
    {
        Assert.Equal(bits, Math.Round(ShannonEntropy.BitsPerChar(value), 3));
    }

    [Fact]
    public void GenericRule_UsesTheEntropyFloor_TokenizationIdBelowAndBinanceKeyAbove()
    {
        // 3.487 < 3.5: a 32-char hex id under a token-ish name is not reported (vector case uuid_token_name).
        Assert.Empty(Rules("session_token = 'f865288c97ca4913887373728b8dfc4c'\n"));
        Assert.Equal(["generic-api-secret"], Rules("data_api_key = \"Zx81Qm4Lr7Tn2Wb5Yc9Vd3Hf6Jk0Gp1s\"\n"));
    }

    [Fact]
    public void OverlappingRules_ReportAValueOnceUnderTheSpecificRule()
    {
        Assert.Equal(["binance-api-credential"], Rules($"BINANCE_API_SECRET = \"{Values.BinanceLikeSecret}\"\n"));
    }

    [Fact]
    public void PracticeFindings_ShowTheCode_AndSecretFindingsNeverTheClearValue()
    {
        var findings = Scanner.Scan($"r = requests.get(u, verify=False)\nBINANCE_API_KEY = \"{Values.BinanceLikeSecret}\"\n", "a.py");
        Assert.Equal("verify=False", findings.Single(f => f.RuleId == "tls-verification-disabled").Shown);
        Assert.Equal("Q7nV…D7fG", findings.Single(f => f.RuleId == "binance-api-credential").Shown);
        Assert.DoesNotContain(findings, f => f.Shown.Contains(Values.BinanceLikeSecret, StringComparison.Ordinal));
    }

    [Fact]
    public void PrivateKeyBlock_IsFoundAcrossLines_AndAPlaceholderBlockIsNot()
    {
        var body = string.Concat(Enumerable.Range(0, 3).Select(i => "MHcCAQEEIBkg4LVWM9nuwNSkSxV1YQz2Yz3r5mJtSx0w8dDkRk6xoAoGCCqGSM49\n"));
        var findings = Scanner.Scan($"x = 1\nKEY = \"\"\"-----BEGIN EC PRIVATE KEY-----\n{body}-----END EC PRIVATE KEY-----\"\"\"\n", "sign.py");
        var key = Assert.Single(findings);
        Assert.Equal("private-key", key.RuleId);
        Assert.Equal((3, 1), (key.Line, key.Column));
        Assert.Equal(6, key.EndLine);
        Assert.Empty(Scanner.Scan("-----BEGIN PRIVATE KEY-----\n<paste your key here, it is long enough>\n-----END PRIVATE KEY-----\n", "k.pem"));
    }

    [Fact]
    public void Fingerprint_IsStable_AndDependsOnRuleFileAndValueOnly()
    {
        var a = Scanner.Scan($"\n\nT = '{Values.TelegramToken}'\n", "a.py").Single();
        var moved = Scanner.Scan($"T = '{Values.TelegramToken}'\n", "a.py").Single();
        var otherFile = Scanner.Scan($"T = '{Values.TelegramToken}'\n", "b.py").Single();
        Assert.Equal(a.Fingerprint, moved.Fingerprint);
        Assert.NotEqual(a.Fingerprint, otherFile.Fingerprint);
        Assert.Matches("^[0-9a-f]{32}$", a.Fingerprint);
        Assert.Equal(Findings.Fingerprint.Of("telegram-bot-token", "a.py", Values.TelegramToken), a.Fingerprint);
    }

    // Found by scanning trufflehog's detector tests (github.com/trufflesecurity/trufflehog, 3ab759f): in
    // pkg/detectors/gcp/gcp_test.go each escaped service-account PEM went to zxcvbn whole, as a test file's possible
    // weak phrase: 31 s for an 11 KB file (0.6 s under a name that is not a test's).
    [Fact]
    public void LongKey_InATestFile_IsFound_WithoutJudgingItWholeAsAPhrase()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem().ReplaceLineEndings("\\n");
        var text = string.Concat(Enumerable.Repeat($"{{\"type\": \"service_account\", \"private_key\": \"{pem}\\n\"}}\n", 4));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var findings = Scanner.Scan(text, "pkg/detectors/gcp/gcp_test.go");
        clock.Stop();
        Assert.Equal(["private-key", "private-key", "private-key", "private-key"], findings.Select(f => f.RuleId));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
    }
}
