using Tradeguard.Scanner.Detection;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Tests;

/// <summary>Issue 15's false alarms and fix texts, each as reported, and the class each one stands for.</summary>
public sealed class FalseAlarmTests
{
    private static readonly ContentScanner Scanner = new(RuleSet.Default());

    private const string PublicKeyPem =
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq1N3p2hS9rXbV0tYwK7cF4mGd8LzQe2u\nR5vYh3Jk9Wn6Tb1Xc0Pa8Ls4Df7Gh2Jk5Lm9Np3Qr6St0Uv8Wx1Yz==\n-----END PUBLIC KEY-----\n";

    [Fact]
    public void PemPublicKey_UnderAnExchangeName_IsNoCredential()
    {
        Assert.Empty(Scanner.Scan($"Register this public key in Binance API Management:\n\n{PublicKeyPem}", "README.md"));
        Assert.Empty(Scanner.Scan($"binance:\n  public_key: |\n    {PublicKeyPem.Replace("\n", "\n    ", StringComparison.Ordinal)}", "config.yaml"));
    }

    [Fact]
    public void LockfileIntegrityHash_UnderAnExchangePackage_IsNoCredential()
    {
        const string Lock = "{\n  \"packages\": {\n    \"node_modules/kraken-api\": {\n      \"version\": \"1.0.1\",\n" +
            "      \"integrity\": \"sha512-kQH5HW8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==\"\n    }\n  }\n}\n";
        Assert.Empty(Scanner.Scan(Lock, "package-lock.json"));
    }

    [Fact]
    public void ExchangeWord_InProseOrASiblingLine_DoesNotMakeANearbyValueACredential()
    {
        // The keyword must be on the value's line or open its block; 400 characters before was too loose.
        var value = Values.BinanceLikeSecret;
        Assert.Empty(Scanner.Scan($"# Notes on binance fees\n\nchecksum_list = ['{value}']\n", "notes.py"));
        Assert.Equal(["binance-api-credential"], Scanner.Scan($"[binance]\n\napi_secret = {value}\n", "c.ini").Select(f => f.RuleId));
    }

    [Theory]
    [InlineData(".env", "BINANCE_API_KEY={0}\n")]
    [InlineData("bot.py", "api_key = \"{0}\"\n")]
    [InlineData("Bot.cs", "private const string ApiKey = \"{0}\";\n")]
    [InlineData("config.yaml", "data:\n  api_key: {0}\n")]
    public void DocumentationExample_IsInfoInEveryFileType_WhicheverRuleFindsIt(string file, string template)
    {
        var finding = Assert.Single(Scanner.Scan(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Values.BinanceDocKey), file));
        Assert.True(finding.IsExample);
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void ScannersOwnReports_AreSkipped_SoASecondScanPasses()
    {
        using var tree = new TestTree();
        tree.Write("auth.py", "stored = hashlib.md5(password.encode()).hexdigest()  # tradeguard:allow weak-password-hash\n");
        tree.Write("api.py", "r = requests.get(u, verify=False)  # tradeguard:allow tls-verification-disabled\n");
        Assert.Equal(0, tree.Cli(".", "--format", "sarif", "--output", "scan.sarif").ExitCode);
        Assert.Equal(0, tree.Cli(".", "--format", "json", "--output", "scan.json").ExitCode);
        Assert.Equal(0, tree.Cli(".", "--output", "scan.txt").ExitCode);
        var again = tree.Cli(".", "--fail-on", "high");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("skipped   scan.sarif (a tradeguard scan report)", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped   scan.json (a tradeguard scan report)", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FilePermissions_AreCheckedOnConfigAndKeyFiles_NotOnSource()
    {
        using var tree = new TestTree();
        const UnixFileMode Shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        tree.Write("bot.py", $"T = '{Values.TelegramToken}'\n", Shared);
        tree.Write("dir with space/config #1.env", $"BOT_TOKEN={Values.TelegramToken}\n", Shared);
        var permissions = tree.Scan().Where(f => f.RuleId == "secret-file-permissions").ToList();
        var only = Assert.Single(permissions);
        Assert.Equal("dir with space/config #1.env", only.Path);
        Assert.Equal("run `chmod 600 'dir with space/config #1.env'`", only.Fix);
    }

    [Fact]
    public void WeakHashFix_NamesTheCommandThatExists()
    {
        var finding = Assert.Single(Scanner.Scan("h = hashlib.md5(password.encode()).hexdigest()\n", "auth.py"));
        Assert.Contains("`tradeguard password hash`", finding.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b.env", "a/b.env")]
    [InlineData("it's here.env", "'it'\\''s here.env'")]
    [InlineData("$HOME/x.env", "'$HOME/x.env'")]
    public void ShellQuote_QuotesWhatTheShellWouldSplitOrExpand(string path, string quoted)
    {
        Assert.Equal(quoted, Hygiene.ShellQuote.Quote(path));
    }
}
