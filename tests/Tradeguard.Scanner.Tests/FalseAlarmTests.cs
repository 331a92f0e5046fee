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

    // Found by scanning this repository (README, docs, XML docs, benchmarks): each a class of value that names or makes
    // a secret without being one, checked in the file types where it turned up and one it did not.
    [Theory]
    [InlineData("README.md", "tradeguard vault import .env --map BINANCE_API_SECRET=binance/api_secret\n")]
    [InlineData("ImportMap.cs", "/// lands on the names the product reads: <c>BINANCE_API_KEY=binance/api_key</c>.\n")]
    [InlineData("deploy.sh", "export BINANCE_API_SECRET=binance/api_secret\n")]
    [InlineData("Bench.cs", "var m = new[] { \"API_KEY=vault://bench/api_key\", \"API_SECRET=vault://bench/api_secret\" };\n")]
    [InlineData("gen.py", "    return f'BINANCE_API_SECRET = \"{rand(64)}\"'\n")]
    [InlineData("gen.py", "    return f'GITHUB_TOKEN = \"ghp_{rand(36)}\"'\n")]
    [InlineData("gen.js", "const line = `api_secret = \"${secretFor(i)}\"`;\n")]
    [InlineData("Login.cs", "            using var token = result.Session!.Value;\n")]
    [InlineData("Client.cs", "            var apiSecret = options?.Credentials?.Secret;\n")]
    public void VaultPathsInterpolationsAndCodeThatReadsAValue_AreNoSecret(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }

    [Fact]
    public void ARealSecretBesideAVaultPath_IsStillFound()
    {
        var value = Values.BinanceLikeSecret;
        Assert.Equal(["binance-api-credential"],
            Scanner.Scan($"[binance]\napi_key = binance/api_key\napi_secret = {value}\n", "c.ini").Select(f => f.RuleId));
    }

    [Theory]
    [InlineData("docs/scan.md", "| `tls-verification-disabled` | `verify=False`, `CERT_NONE`, ... |\n")]
    [InlineData("NOTES.txt", "never make a token with Random.Shared: token = Random.Shared.Next()\n")]
    [InlineData("settings.yaml", "token_source: Random.Shared  # what not to do\n")]
    public void CodePractices_InProse_AreNoFinding(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }

    [Fact]
    public void RuleFiles_OursAndGitleaks_AreSkippedAsRuleFiles_NotReportedAsTheirOwnPatterns()
    {
        using var tree = new TestTree();
        using (var ours = new StreamReader(typeof(RuleSet).Assembly.GetManifestResourceStream("Tradeguard.Scanner.default-rules.json")!))
        {
            tree.Write("scanner/default-rules.json", ours.ReadToEnd());
        }

        tree.Write(".gitleaks.toml", $$"""
            title = "team rules"

            [[rules]]
            id = "binance"
            regex = '''(?i)binance.{0,20}["']([A-Za-z0-9]{64})["']'''
            [rules.allowlist]
            regexes = ['''{{Values.BinanceLikeSecret}}''']
            """);
        tree.Write("api.py", "r = requests.get(u, verify=False)\n");
        var result = SecretScanner.Scan(new ScanOptions { Root = tree.Root });
        Assert.Equal(["api.py"], result.Findings.Select(f => f.Path).Distinct());
        Assert.Equal([".gitleaks.toml", "scanner/default-rules.json"],
            result.Skipped.Where(s => s.Reason == Walking.SkipReason.RuleFile).Select(s => s.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("api.py", "r = requests.get(u, verify=False)\n", "tls-verification-disabled")]
    [InlineData("setup.sh", "export NODE_TLS_REJECT_UNAUTHORIZED=0\n", "tls-verification-disabled")]
    [InlineData("Dockerfile", "ENV NODE_TLS_REJECT_UNAUTHORIZED=0\n", "tls-verification-disabled")]
    [InlineData("config.yaml", "http:\n  verify = False\n", "tls-verification-disabled")]
    [InlineData("Token.cs", "var token = Random.Shared.Next().ToString();\n", "insecure-random-secret")]
    public void CodePractices_InCode_AreStillFound(string file, string text, string rule)
    {
        Assert.Equal([rule], Scanner.Scan(text, file).Select(f => f.RuleId));
    }

    [Theory]
    [InlineData("Console.WriteLine(hasher.Hash(password).Encoded);\n")]
    [InlineData("print(GatewayClient(url, key, secret, channel).ping())\n")]
    public void PrintingAHashOrACallsResult_IsNotPrintingTheSecret(string line)
    {
        Assert.Empty(Scanner.Scan(line, "tool.py"));
    }

    [Theory]
    [InlineData("print(secret)\n")]
    [InlineData("print(\"key:\", api_key)\n")]
    [InlineData("print(str(secret))\n")]
    public void PrintingTheSecretItself_IsStillFound(string line)
    {
        Assert.Equal(["secret-printed"], Scanner.Scan(line, "tool.py").Select(f => f.RuleId));
    }

    // Found by scanning freqtrade (github.com/freqtrade/freqtrade): example configs, docs and tests set
    // "jwt_secret_key": "somethingrandom" and "password": "SuperSecurePassword"; 31 of its 42 secret findings were such values.
    [Theory]
    [InlineData("config_examples/config_binance.example.json", "{\n  \"api_server\": {\n    \"jwt_secret_key\": \"somethingrandom\",\n    \"password\": \"SuperSecurePassword\"\n  }\n}\n")]
    [InlineData("docs/rest-api.md", "```json\n\"jwt_secret_key\": \"somethingrandom\",\n\"password\": \"SuperSecret1!\"\n```\n")]
    [InlineData("tests/rpc/test_api.py", "_TEST_PASS = \"SuperSecurePassword1!\"\nAPI_SECRET = \"super-secret\"\n")]
    [InlineData(".env.example", "DB_PASSWORD=MoneyMachine\n")]
    [InlineData("src/Bot.Tests/LoginTests.cs", "var password = \"WrongPassword\";\n")]
    public void WeakHumanPhrases_InDocsExamplesAndTests_AreStandIns(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }

    [Theory]
    [InlineData("config.json", "{\n  \"api_server\": {\n    \"jwt_secret_key\": \"somethingrandom\"\n  }\n}\n", "jwt-signing-secret")]
    [InlineData("bot/settings.py", "DB_PASSWORD = \"MoneyMachine\"\n", "password-assignment")]
    public void WeakHumanPhrases_InRealCodeAndConfig_AreStillWeakSecrets(string file, string text, string rule)
    {
        Assert.Equal([rule], Scanner.Scan(text, file).Select(f => f.RuleId));
    }

    [Fact]
    public void GeneratedSecrets_InDocsExamplesAndTests_AreStillFound()
    {
        Assert.Equal(["binance-api-credential"],
            Scanner.Scan($"[binance]\napi_secret = {Values.BinanceLikeSecret}\n", "tests/fixtures/config.example.ini").Select(f => f.RuleId));
        Assert.Equal(["password-assignment"], Scanner.Scan("password: \"Kq7!pWt4xLm2#Zr9\"\n", "docs/setup.md").Select(f => f.RuleId));
    }

    // Found by scanning hummingbot (github.com/hummingbot/hummingbot): its exchange connectors pass keys along in
    // variables, and its tests name config keys; 158 findings before, 9 outside its tests after (all defensible).
    [Theory]
    [InlineData("binance_perpetual_derivative.py", "        self.binance_perpetual_api_key = binance_perpetual_api_key\n")]
    [InlineData("okx_auth.py", "        self._api_secret: str = api_secret\n")]
    [InlineData("exchange.py", "config = {\n    'binance_key': loadedCreds,\n}\n")]
    [InlineData("Client.cs", "        _apiSecret = options.ApiSecret;\n        var secretKey = settings[\"kraken\"];\n")]
    [InlineData("client.ts", "const binanceSecret = process.argv[2] ?? binanceSecretFromVault;\n")]
    [InlineData("bot.ipynb", "{\"cells\": [{\"source\": [\"binance_api_secret = load_secret()\\n\"]}]}\n")]
    [InlineData("test_connector_setting.py", "'binance_api_key': ConfigVar(key='binance_api_key', prompt=\"\"),\n")]
    [InlineData("gemini_exchange.py", "for header in (\"X-GEMINI-APIKEY\", \"X-GEMINI-NONCE\"):\n")]
    [InlineData("data_provider.py", "binance_cache = {}\nkey = \"binance_BTC-USDT_1m\"  # binance candles\n")]
    [InlineData("auth.py", "        \"api_key\": \"exampleApiKey123\",  # binance docs\n")]
    [InlineData("pacifica.py", "# {'success': True, 'data': {'api_key': '2fFZuXXX_CXB5XXXDGMRXXXDiCKTer'}}\n")]
    [InlineData("tests/test_oms.py", "\"SessionToken\": \"0e8bbcbc-6ada-482a-a9b4-5d9218ada3f9\",\n")]
    [InlineData("bot.py", "api_secret = \"Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\"  # gitleaks:allow\n")]
    [InlineData("bot.py", "api_secret = \"Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\"  # pragma: allowlist secret\n")]
    // hummingbot (2bfaccc) marks its fixture keys for CoinAlpha/git-hooks' detect_wallet_private_key.py, which accepts
    // "noqa: mock" and "noqa: documentation": 2 findings in its rate sources and 39 in its tests.
    [InlineData("dexalot_rate_source.py", "    dexalot_api_secret=\"Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\",  # noqa: mock\n")]
    [InlineData("gateway.ts", "const key = 'Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm'; // noqa: documentation\n")]
    public void VariablesNamesLabelsMasksAndOtherScannersMarkers_AreNoSecret(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }

    [Theory]
    [InlineData("deploy.sh", "export BINANCE_API_SECRET=Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0JmZx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\n", "binance-api-credential")]
    [InlineData("Dockerfile", "ENV BINANCE_API_SECRET=Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0JmZx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\n", "binance-api-credential")]
    [InlineData("bot.py", "# binance api_secret = Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0JmZx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\n", "binance-api-credential")]
    [InlineData("bot.py", "binance_api_secret = \"Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0JmZx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\"\n", "binance-api-credential")]
    [InlineData("session.py", "SESSION_TOKEN = \"0e8bbcbc-6ada-482a-a9b4-5d9218ada3f9\"\n", "generic-api-secret")]
    public void UnquotedKeysInShellAndComments_QuotedKeysInCode_AndUuidsOutsideTests_AreStillFound(string file, string text, string rule)
    {
        Assert.Equal([rule], Scanner.Scan(text, file).Select(f => f.RuleId));
    }

    [Fact]
    public void OtherScannersMarkers_NeverHideAPracticeFinding()
    {
        Assert.Equal(["tls-verification-disabled"], Scanner.Scan("r = requests.get(u, verify=False)  # gitleaks:allow\n", "api.py").Select(f => f.RuleId));
        Assert.Equal(["tls-verification-disabled"], Scanner.Scan("r = requests.get(u, verify=False)  # noqa: mock\n", "api.py").Select(f => f.RuleId));
    }

    // Found by scanning jesse (github.com/jesse-ai/jesse, 682b171): its web UI ships the Monaco editor's language
    // grammars in jesse/static/_nuxt/*.js, where every `token:` names a highlighting scope; 60 of its 94 findings.
    [Theory]
    [InlineData("static/_nuxt/vb.js", "brackets:[{token:`keyword.tag-addhandler`,open:`addhandler`,close:`end addhandler`}]\n")]
    [InlineData("static/_nuxt/ruby.js", "[/\\./,{cases:{\"$#==$S4\":{token:`string.$S2.delim`,next:`@pop`}}}]\n")]
    [InlineData("static/_nuxt/liquid.js", "[/>/,{token:`@brackets.directive`,next:`@popall`}]\n")]
    [InlineData("highlight.py", "rules = {\"token\": \"constant.reserved.$0\"}\n")]
    [InlineData("static/_nuxt/vb2.js", "[/end\\s+(addhandler|class)/,{token:`keyword.tag-$1`}]\n")]
    public void DottedScopeNames_AreNoSecret(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }

    [Fact]
    public void DottedValue_WithDigits_IsStillASecret()
    {
        Assert.Equal(["generic-api-secret"], Scanner.Scan("token = \"k3vq.x9rm-2pzt.w7ny5\"\n", "bot.py").Select(f => f.RuleId));
    }

    // Found by scanning hummingbot (github.com/hummingbot/hummingbot, 2bfaccc): test_evedex_perpetual_auth.py and
    // test_derive_api_user_stream_data_source.py sign with a key spelled as one hex run repeated four times.
    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("1234567890abcdef")]
    [InlineData("Qm4Lr7Tn2Wb5")]
    public void ShortRunRepeated_IsAFixture_NotAKey(string run)
    {
        var key = "0x" + string.Concat(Enumerable.Repeat(run, 64 / run.Length));
        Assert.Empty(Scanner.Scan($"api_secret = \"{key}\"\n", "auth.py"));
    }

    [Fact]
    public void HexKey_ThatDoesNotRepeat_IsStillASecret()
    {
        var key = "0x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("tradeguard"u8));
        Assert.Equal(["generic-api-secret"], Scanner.Scan($"api_secret = \"{key}\"\n", "auth.py").Select(f => f.RuleId));
    }

    /// <summary>A minified bundle's one line: <paramref name="code"/> set among 2,000 characters of other code.</summary>
    private static string Minified(string before, string code) =>
        before + string.Concat(Enumerable.Repeat("n.style.width=`${e}px`;", 2000 / 22)) + code + ";export{e as default};\n";

    // Found by scanning jesse (github.com/jesse-ai/jesse, 682b171): in jesse/static/_nuxt/*.js (minified Vue and
    // Monaco) a confetti animation's Math.random and a PHP grammar's md5( sit on the line of a login form's
    // password field, and 'kucoin' in an exchange list puts a whole 14,000-character line in KuCoin's scope.
    [Theory]
    [InlineData("let a=P({password:void 0}),", "s=()=>({left:`${Math.random()*100}vw`})")]
    [InlineData("{\"name\":\"php\",\"password_hash\":1},", "{\"match\":\"(?xi)\\\\b(md5(_file)?|sha1(_file)?)\\\\b\"}")]
    public void PracticeRules_DoNotReadMinifiedLines(string before, string code)
    {
        Assert.Empty(Scanner.Scan(Minified(before, code), "static/_nuxt/CbQlcQCM.js"));
    }

    [Fact]
    public void OnAMinifiedLine_OnlyTheValuesNeighbourhoodIsItsScope()
    {
        var text = Minified("const X=[`kucoin`,`okx`];", "m(x,{label:`API Passphrase:`,required:``})");
        Assert.Empty(Scanner.Scan(text, "static/_nuxt/jncnerfn.js"));
        var near = Minified("", "const kucoin={passphrase:`Qm4Lr7Tn2Wb5Yc9V`}");
        Assert.Equal(["kucoin-api-credential"], Scanner.Scan(near, "static/_nuxt/a.js").Select(f => f.RuleId));
    }

    [Fact]
    public void PracticeRules_StillReadOrdinaryLines()
    {
        Assert.Equal(["insecure-random-secret"], Scanner.Scan("const token = Math.random().toString(36);\n", "auth.js").Select(f => f.RuleId));
    }

    // Found by scanning jesse (github.com/jesse-ai/jesse, 682b171), jesse/static/_nuxt/jncnerfn.js: a label ending in
    // a key name (`API Secret:`) closes its template literal, and the code up to the next literal looked quoted.
    [Theory]
    [InlineData("form.js", "const z=o(()=>F.value?`API Private Key:`:`API Secret:`),B=o(()=>F.value?`Enter it here`:`Or here`);\n")]
    [InlineData("form.py", "label = \"Kucoin Passphrase:\"),hint=o(()=>F.value?\"Enter it here\")\n")]
    public void CodeBetweenTwoLiterals_IsNoQuotedValue(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }

    [Theory]
    [InlineData("settings.js", "const cfg = {apiSecret: `Zx81Qm4Lr7Tn2Wb5Yc9Vd3Hf`};\n")]
    [InlineData("settings.py", "cfg = json.loads('{\"api_secret\": \"Zx81Qm4Lr7Tn2Wb5Yc9Vd3Hf\"}')\n")]
    [InlineData("settings.js", "const dsn = 'api_secret=\\'Zx81Qm4Lr7Tn2Wb5Yc9Vd3Hf\\'';\n")]
    [InlineData("settings.py", "\"\"\"api_secret = \"Zx81Qm4Lr7Tn2Wb5Yc9Vd3Hf\"\n")]
    public void QuotedValues_InObjectsJsonEscapedQuotesAndDocstrings_AreStillFound(string file, string text)
    {
        Assert.Equal(["generic-api-secret"], Scanner.Scan(text, file).Select(f => f.RuleId));
    }

    // Found by scanning Yelp's detect-secrets (github.com/Yelp/detect-secrets, 5e14193): a .secrets.baseline, which
    // projects using its pre-commit hook commit on purpose, lists each known secret by its SHA-1: 15 findings there.
    [Fact]
    public void DetectSecretsBaseline_HashedSecrets_AreNoSecret()
    {
        var sha1 = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData("Zx81Qm4Lr7Tn2Wb5Yc9Vd3Hf"u8));
        var baseline = "{\n  \"results\": {\n    \"config.yaml\": [\n      {\n        \"hashed_secret\": \"" + sha1 +
            "\",\n        \"is_verified\": false,\n        \"type\": \"Hex High Entropy String\"\n      }\n    ]\n  }\n}\n";
        Assert.Empty(Scanner.Scan(baseline, ".secrets.baseline"));
        Assert.Equal(["generic-api-secret"], Scanner.Scan($"{{\"api_secret\": \"{sha1}\"}}\n", "settings.json").Select(f => f.RuleId));
    }

    // Found by scanning binance-connector-python (29da329), Binance.Net (8b14feb), Kraken.Net (e597f1d) and
    // python-binance (b697c97): their tests, examples and docstrings copy Binance's response examples (sub-account and
    // low-latency API keys, a margin listenToken, the SIGNED secret as older copies print it) and Kraken's API-Sign
    // example, used as a stand-in secret: 52 of their 71 findings. Published values, reported as examples at info.
    [Theory]
    [InlineData("test_api_management_api.py", "binance_response = {\"apiKey\": \"k5V49ldtn4tszj6W3hystegdfvmGbqDzjmkCtpTvC0G74WhK7yd4rfCTo4lShf\"}\n")]
    [InlineData("test_trade_api.py", "binance_response = {\"apiKey\": \"npOzOAeLVgr2TuxWfNo43AaPWpBbJEoKezh1o8mSQb6ryE2odE11A4AoVlJbQoGx\"}\n")]
    [InlineData("test_trade_api.py", "binance_response = {\"secretKey\": \"87ssWB7azoy6ACRfyp6OVOL5U3rtZptX31QWw2kWjl1jHEYRbyM1pd6qykRBQw8p\"}\n")]
    [InlineData("test_trade_api.py", "binance_response = [{\"apiKey\": \"znpOzOAeLVgr2TuxWfNo43AaPWpBbJEoKezh1o8mSQb6ryE2odE11A4AoVlJbQoG\"}]\n")]
    [InlineData("client.py", "binance_listen = {\"token\": \"6xXxePXwZRjVSHKhzUCCGnmN3fkvMTXru+pYJS8RwijXk9Vcyr3rkwfVOTcP2OkONqciYA\"}\n")]
    [InlineData("CreateApiKeyForSubAccount.txt", "{ \"secretKey\":\"NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0\" }\n")]
    [InlineData("KrakenClientTests.cs", "{ \"ApiCredentials:Spot:Secret\", \"4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==\" },\n")]
    public void BinanceAndKrakenResponseAndSigningExamples_AreExamples(string file, string text)
    {
        var finding = Assert.Single(Scanner.Scan(text, file));
        Assert.True(finding.IsExample);
        Assert.Equal(Severity.Info, finding.Severity);
    }

    // Found by scanning alpaca-py (bd1fa9e): its data tests hold the API's pagination cursors, base64 of
    // `SYMBOL|timestamp|id`, under next_page_token and in page_token= URLs: 10 of its 11 findings.
    [Theory]
    [InlineData("tests/data/test_bars.py", "resp = {\"next_page_token\": \"QUFQTHwyMDI0LTAxLTAyVDAzOjA0OjA1WnxRNHhUNmJaOQ==\"}\n")]
    [InlineData("tests/data/test_news.py", "url = f\"https://data.alpaca.markets/v1beta1/news?page_token=QUFQTHwyMDI0LTAxLTAyVDAzOjA0OjA1WnxRNHhUNmJaOQ==&limit=50\"\n")]
    [InlineData("client.ts", "const page = { nextPageToken: 'QUFQTHwyMDI0LTAxLTAyVDAzOjA0OjA1WnxRNHhUNmJaOQ==' };\n")]
    public void PaginationCursors_AreNoSecret(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }

    // Found by scanning binance-connector-python (a generated model's field list, `["valid", "token", "amount"]`,
    // inside a Binance class) and cryptofeed (ce58c2a, sample_data/HITBTC.0: `"baseCurrency":"PASS","quoteCurrency":`):
    // a quote and a comma pair a name with its value only in a pair or a call, not in a list or between JSON members.
    [Theory]
    [InlineData("gift_card.py", "class VerifyBinanceGiftCardResponse(BaseModel):\n    __properties: ClassVar[List[str]] = [\"valid\", \"token\", \"amount\"]\n")]
    [InlineData("sample_data/HITBTC.0", "[{\"id\":\"PASSETH\",\"baseCurrency\":\"PASS\",\"quoteCurrency\":\"ETH\",\"tickSize\":\"0.000001\"}]\n")]
    [InlineData("Fields.cs", "var binanceFields = new[] { \"apiKey\", \"secretKey\", \"permissions\" };\n")]
    // QuantConnect/Lean (2486390): a positional argument after a "password" placeholder: 10 of its 24 findings.
    [InlineData("LiveFeaturesAlgorithm.py", "self.notify.ftp(\"ftp.example.com\", \"username\", \"password\", \"path/to/file.txt\", content)\n")]
    public void QuoteCommaInAListOrBetweenJsonMembers_IsNoAssignment(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }

    [Theory]
    [InlineData("Cfg.cs", "var cfg = new Dictionary<string, string> { { \"ApiCredentials:Spot:Secret\", \"Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\" } };\n", "generic-api-secret")]
    [InlineData("setup.py", "config.set(\"binance\", \"api_secret\", \"Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\")\n", "binance-api-credential")]
    [InlineData("headers.py", "headers = [[\"X-MBX-APIKEY\", \"Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0JmZx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\"]]\n", "generic-api-secret")]
    [InlineData("env.py", "os.environ.setdefault(\"API_SECRET\", \"Zx81Qm4Lr7Tn2Wb5Yc9Vd3HfPq6Ks0Jm\")\n", "generic-api-secret")]
    public void QuoteCommaPairs_AndCallArguments_AreStillAssignments(string file, string text, string rule)
    {
        Assert.Equal([rule], Scanner.Scan(text, file).Select(f => f.RuleId));
    }

    // Found by scanning cryptofeed (ce58c2a), exchanges/kucoin.py: KuCoin's API v2 wants the passphrase signed,
    // hmac.new(secret, passphrase, hashlib.sha256); a keyed MAC sent with each request is not a stored password hash.
    [Fact]
    public void HmacOverAPassphrase_IsNoPasswordHash_ButAPlainHashStillIs()
    {
        Assert.Empty(Scanner.Scan("passphrase = base64.b64encode(hmac.new(self.key_secret.encode('utf-8'), self.key_passphrase.encode('utf-8'), hashlib.sha256).digest())\n", "kucoin.py"));
        Assert.Equal(["weak-password-hash"], Scanner.Scan("stored = hashlib.sha256(passphrase.encode()).hexdigest()\n", "auth.py").Select(f => f.RuleId));
    }

    // Found by scanning cryptofeed (ce58c2a): a path to a key file under a credentials name, a camelCase field name
    // under `key` in its Bitget feed, and vnpy (3d00af9): Chinese prose explaining a password setting in its docs.
    [Theory]
    [InlineData("pubsub.py", "\"\"\"\nSet GCP_PROJECT='<project_id>' and GOOGLE_APPLICATION_CREDENTIALS='/path/key.json'\n\"\"\"\n")]
    [InlineData("bitget.py", "class Bitget(Feed):\n    def parse(self, msg):\n        key = 'systemTime'\n")]
    [InlineData("docs/trader.md", "- datafeed.password: 数据服务的密码。\n- email.password: 对于QQ邮箱，此处不是邮箱密码；\n")]
    public void KeyFilePathsCamelCaseNamesAndProse_AreNoSecret(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }

    [Theory]
    [InlineData("bot.py", "api_secret = \"/Zx81Qm4Lr7Tn2/Wb5Yc9Vd3Hf+Kq\"\n", "generic-api-secret")]
    [InlineData("bitget.py", "class Bitget(Feed):\n    def auth(self):\n        key = 'xKqmTRvbLpWz'\n", "bitget-api-credential")]
    [InlineData("docs/setup.md", "password: 密码Kq7pWt4xLm2Zr9\n", "password-assignment")]
    public void SlashLeadingKeysIrregularCaseAndNonAsciiPasswords_AreStillFound(string file, string text, string rule)
    {
        Assert.Equal([rule], Scanner.Scan(text, file).Select(f => f.RuleId));
    }

    // Found by scanning QuantConnect/Lean (2486390): Api.cs and LiveAlgorithmSettings.cs document the brokerage
    // settings as {"id": "Binance", "binance-api-secret": "123ABC", "binance-api-key": "ABC123"}: 6 of its 14 findings.
    [Theory]
    [InlineData("Api.cs", "/// {\"id\": \"Binance\", \"binance-api-secret\": \"123ABC\", \"binance-api-key\": \"ABC123\"}\n")]
    [InlineData("settings.py", "binance_api_secret = \"abcdef123456\"\n")]
    public void AlphabetAndDigitRuns_AreStandIns(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }

    [Fact]
    public void AValueThatOnlyStartsWithARun_IsStillFound()
    {
        Assert.Equal(["binance-api-credential"], Scanner.Scan("/// {\"id\": \"Binance\", \"binance-api-secret\": \"123ABCq7Zk2Lm9Xw\"}\n", "Api.cs").Select(f => f.RuleId));
    }

    // Found by scanning QuantConnect/Lean (2486390): a Nasdaq Data Link key in a proxy URL whose path names the
    // BITFINEX data set was reported as a Bitfinex key (3 findings); it is still a finding, under the generic rule.
    [Fact]
    public void AnExchangeInAUrlsPath_DoesNotMakeTheUrlsKeyItsKey()
    {
        const string Lean = "return new SubscriptionDataSource(\"https://www.example.com/api/v3/datatables/QDL/BITFINEX.csv?code=BTCUSD&api_key=Qm4Lr7Tn2Wb5Yc9Vd3Hf\");\n";
        Assert.Equal(["generic-api-secret"], Scanner.Scan(Lean, "CustomData.cs").Select(f => f.RuleId));
    }

    [Theory]
    [InlineData("Feed.cs", "var url = \"https://api.bitfinex.com/v2/auth?api_key=Qm4Lr7Tn2Wb5Yc9Vd3Hf\";\n")]
    [InlineData("feed.py", "bitfinex_url = \"https://www.example.com/v2/auth?api_key=Qm4Lr7Tn2Wb5Yc9Vd3Hf\"\n")]
    public void AnExchangeInTheUrlsHost_OrElsewhereOnTheLine_StillNamesTheKey(string file, string text)
    {
        Assert.Equal(["bitfinex-api-credential"], Scanner.Scan(text, file).Select(f => f.RuleId));
    }

    // Found while scanning QuantConnect/Lean: a key as the last query parameter of a URL was read only in a
    // double-quoted string; gitleaks' generic rule reads it in single quotes and backticks too.
    [Theory]
    [InlineData("feed.py", "url = 'https://www.example.com/v3/data.csv?order=asc&api_key=Qm4Lr7Tn2Wb5Yc9Vd3Hf'\n")]
    [InlineData("feed.js", "const url = `https://www.example.com/v3/data.csv?api_key=Qm4Lr7Tn2Wb5Yc9Vd3Hf`;\n")]
    [InlineData("Feed.cs", "var url = \"https://www.example.com/v3/data.csv?api_key=Qm4Lr7Tn2Wb5Yc9Vd3Hf\";\n")]
    public void AKeyEndingAQuotedUrl_IsFound_WhateverTheQuote(string file, string text)
    {
        Assert.Equal(["generic-api-secret"], Scanner.Scan(text, file).Select(f => f.RuleId));
    }

    // Left by the Lean scan: a key followed by another query parameter was read by no rule (gitleaks' generic rule
    // stops its value at the '&').
    [Theory]
    [InlineData("feed.py", "url = 'https://www.example.com/v3/data.csv?api_key=Qm4Lr7Tn2Wb5Yc9Vd3Hf&order=asc'\n")]
    [InlineData("feed.js", "const url = `https://www.example.com/v3/data.csv?api_key=Qm4Lr7Tn2Wb5Yc9Vd3Hf&start_date=${day}`;\n")]
    [InlineData("Feed.cs", "var url = \"https://www.example.com/v3/data.csv?api_key=Qm4Lr7Tn2Wb5Yc9Vd3Hf&format=json\";\n")]
    [InlineData("fetch.sh", "curl \"https://www.example.com/v3/data.csv?api_key=Qm4Lr7Tn2Wb5Yc9Vd3Hf&format=json\" -o data.csv\n")]
    public void AKeyInTheMiddleOfAUrlsQuery_IsFound_UpToTheNextParameter(string file, string text)
    {
        var finding = Assert.Single(Scanner.Scan(text, file));
        Assert.Equal(("generic-api-secret", "Qm4L…d3Hf"), (finding.RuleId, finding.Shown));
    }

    [Theory]
    [InlineData("feed.py", "url = f'https://www.example.com/v3/data.csv?api_key={API_KEY}&order=asc'\n")]
    [InlineData("feed.py", "url = 'https://www.example.com/v3/data.csv?api_key=&order=asc'\n")]
    [InlineData("feed.py", "url = 'https://www.example.com/v3/data.csv?page_token=Qm4Lr7Tn2Wb5Yc9Vd3Hf&order=asc'\n")]
    public void AUrlsQuery_WithAReferenceOrNoKey_IsNotASecret(string file, string text)
    {
        Assert.Empty(Scanner.Scan(text, file));
    }
}
