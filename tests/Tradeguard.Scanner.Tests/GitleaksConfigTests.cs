using Tradeguard.Core.Errors;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Tests;

/// <summary><c>--rules .gitleaks.toml</c>: gitleaks v8 config files (written here) carry over, or are refused by name.</summary>
public sealed class GitleaksConfigTests
{
    private const string AcmeKey = "acme_Zx81Qm4Lr7Tn2Wb5Yc9Vd3Hf";

    private static RuleSet Load(TestTree tree, string toml)
    {
        var path = tree.Write(".gitleaks.toml", toml);
        return RuleSet.WithUserRules(path);
    }

    private static List<string> Found(TestTree tree, RuleSet rules) =>
        SecretScanner.Scan(new ScanOptions { Root = tree.Root, Rules = rules }).Findings
            .Where(f => f.Kind != RuleKind.File).Select(f => $"{f.RuleId}@{f.Path}").Order().ToList();

    [Fact]
    public void Rules_WithSecretGroupEntropyKeywordsPathAndAllowlists_RunLikeGitleaks()
    {
        using var tree = new TestTree();
        var rules = Load(tree, """
            title = "team rules"

            [[rules]]
            id = "acme-key"
            description = "ACME broker key"
            regex = '''(?i)(?P<name>acme)[_-]key\s*=\s*["']?(acme_[a-zA-Z0-9]{24})'''
            secretGroup = 2
            entropy = 3.0
            keywords = ["acme"]
            path = '''\.(py|env)$'''
            tags = ["broker"]
              [[rules.allowlists]]
              regexes = ['''acme_0{24}''']
              paths = ['''^tests/''']
              stopwords = ["sandbox"]

            [allowlist]
            paths = ['''^vendor/''']
            """);
        tree.Write("bot.py", $"ACME_KEY = \"{AcmeKey}\"\n");
        tree.Write("bot.yaml", $"acme_key = {AcmeKey}\n");
        tree.Write("tests/test_bot.py", $"ACME_KEY = \"{AcmeKey}\"\n");
        tree.Write("vendor/lib.py", $"ACME_KEY = \"{AcmeKey}\"\n");
        tree.Write("zero.py", "ACME_KEY = \"acme_000000000000000000000000\"\n");
        tree.Write("sandbox.py", "ACME_KEY = \"acme_sandboxQm4Lr7Tn2Wb5Yc9V\"\n");
        tree.Write("telegram.py", $"T = '{Values.TelegramToken}'\n");

        var secret = Assert.Single(SecretScanner.Scan(new ScanOptions { Root = tree.Root, Rules = rules }).Findings, f => f.RuleId == "acme-key");
        Assert.Equal(("bot.py", 13), (secret.Path, secret.Column));
        // Without [extend] useDefault only the file's rules run, as in gitleaks.
        Assert.Equal(["acme-key@bot.py"], Found(tree, rules));
    }

    [Fact]
    public void ExtendUseDefault_KeepsTheDefaultRules_MinusDisabledOnes()
    {
        using var tree = new TestTree();
        tree.Write("bot.py", $"T = '{Values.TelegramToken}'\nGH = 'ghp_{new string('a', 10)}Zx81Qm4Lr7Tn2Wb5Yc9Vd3Hf6Jk0'\nACME_KEY = \"{AcmeKey}\"\n");
        var rules = Load(tree, """
            [extend]
            useDefault = true
            disabledRules = ["github-token"]

            [[rules]]
            id = "acme-key"
            regex = '''acme_[a-zA-Z0-9]{24}'''
            keywords = ["acme_"]
            """);
        Assert.Equal(["acme-key@bot.py", "telegram-bot-token@bot.py"], Found(tree, rules));
    }

    [Theory]
    [InlineData(".gitleaks.toml", "[extend]\nuseDefault = true\n[[rules]]\nid = \"acme-key\"\nregex = '''acme_[a-zA-Z0-9]{24}'''\nkeywords = [\"acme_\"]\n")]
    [InlineData("rules.json", """{"version": 1, "rules": [{"id": "acme-key", "kind": "secret", "severity": "high", "description": "ACME key", "fix": "rotate it", "keywords": ["acme_"], "regex": "acme_[a-zA-Z0-9]{24}"}]}""")]
    public void ATeamsRule_WinsAValueTheBuiltInGenericRuleAlsoMatches_WhichStillReportsTheRest(string file, string text)
    {
        using var tree = new TestTree();
        tree.Write("bot.py", $"token = \"{AcmeKey}\"\nsession_token = \"Qm4Lr7Tn2Wb5Yc9Vd3Hf6Jk0Zx81\"\n");
        var rules = RuleSet.WithUserRules(tree.Write(file, text));

        var found = SecretScanner.Scan(new ScanOptions { Root = tree.Root, Rules = rules }).Findings
            .Where(f => f.Kind == RuleKind.Secret).Select(f => $"{f.RuleId}@{f.Line}");
        Assert.Equal(["acme-key@1", "generic-api-secret@2"], found);
    }

    [Fact]
    public void AllowlistTargets_MatchAndLine_AndConditionAnd_AllowAsGitleaksDocuments()
    {
        using var tree = new TestTree();
        var rules = Load(tree, """
            minVersion = "v8.25.0"

            [[rules]]
            id = "acme-key"
            regex = '''acme_key\s*=\s*["']?(acme_[a-zA-Z0-9]{24})'''
            keywords = ["acme_"]
              [[rules.allowlists]]
              regexTarget = "match"
              regexes = ['''^acme_key\s*=\s*"acme_Zx''']
              [[rules.allowlists]]
              regexTarget = "line"
              regexes = ['''#\s*rotated''']
              [[rules.allowlists]]
              condition = "AND"
              paths = ['''\.example$''']
              regexes = ['''Tn2W''']

            [[rules]]
            id = "pkcs12-file"
            description = "A PKCS #12 key store"
            path = '''(?i)\.p(?:12|fx)$'''
            """);
        const string Other = "acme_Qm4Lr7Tn2Wb5Yc9Vd3HfZx81";
        tree.Write("a.py", $"acme_key = \"{AcmeKey}\"\n");                    // whole match allowed (regexTarget match)
        tree.Write("b.py", $"acme_key = '{Other}'  # rotated 2026-11\n");    // line allowed (regexTarget line)
        tree.Write("c.env.example", $"acme_key = {Other}\n");                // path AND regex: allowed
        tree.Write("d.env", $"acme_key = {Other}\n");                        // regex alone, AND needs the path too: found
        tree.Write("e.example", "acme_key = acme_Qm4Lr7Xb5Yc9Vd3HfZx81Wq2\n"); // path alone: found
        File.WriteAllBytes(Path.Combine(tree.Root, "client.p12"), [0x30, 0x82, 0x00, 0x00, 0x02]);
        Assert.Equal(["acme-key@d.env", "acme-key@e.example", "pkcs12-file@client.p12"], Found(tree, rules));
    }

    [Theory]
    [InlineData("[[rules]]\nid = \"x\"\nregex = 'a'\nseverity = \"high\"\n", "rules[0] ('x'): field 'severity' is not supported")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = 'a'\n[[rules.required]]\nid = \"y\"\n", "field 'required' is not supported")]
    [InlineData("[extend]\npath = \"base.toml\"\n", "field 'path' is not supported")]
    [InlineData("[allowlist]\ncommits = [\"abc\"]\n", "field 'commits' is not supported")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = 'a'\n[[rules.allowlists]]\nregexTarget = \"lines\"\nregexes = ['b']\n", "regexTarget 'lines' is not one of")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = 'a'\n[[rules.allowlists]]\ncondition = \"XOR\"\nregexes = ['b']\n", "condition 'XOR' is not")]
    [InlineData("[[allowlists]]\nregexTarget = \"line\"\nregexes = ['b']\n", "supported in rule allowlists only")]
    [InlineData("minVersion = 8\n", "minVersion must be a string")]
    [InlineData("[[rules]]\nid = \"x\"\npath = 'a'\nentropy = 3.0\n", "(a rule with 'path' and no 'regex'): field 'entropy' is not supported")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = '(?U)a+'\n", "the U flag")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = 'a(b'\n", "does not compile")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = 'a'\nsecretGroup = 3\n", "secretGroup must be a group number")]
    [InlineData("rules = 3\n", "'rules' must be an array of tables")]
    [InlineData("[[rules]\nid = 1\n", "is not valid TOML")]
    public void UnsupportedOrBrokenContent_IsRefusedWithExit5_NamingTheField(string toml, string expected)
    {
        using var tree = new TestTree();
        var error = Assert.Throws<TradeguardException>(() => Load(tree, toml));
        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(".gitleaks.toml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"(?P<k>ab)", "(?<k>ab)")]
    [InlineData(@"\Qa.b*\E+", @"a\.b\*+")]
    [InlineData(@"[[:alnum:]_]{4}", "[0-9A-Za-z_]{4}")]
    [InlineData(@"\x{41}(?i:x)\z", @"\u0041(?i:x)\z")]
    public void Re2Syntax_IsTranslatedToDotNet(string re2, string dotnet)
    {
        Assert.Equal(dotnet, GoRegex.ToDotNet(re2));
    }

    [Theory]
    [InlineData(@"(a)(?P<n>b)(c)", 2, "b")]
    [InlineData(@"(a)(?P<n>b)(c)", 3, "c")]
    [InlineData(@"(?:x)([(]a)\((b)", 2, "b")]
    public void SecretGroup_CountsGroupsByPosition_AsRe2Does(string re2, int group, string value)
    {
        var regex = new System.Text.RegularExpressions.Regex(GoRegex.ToDotNet(re2));
        var input = re2.Contains('x', StringComparison.Ordinal) ? "x(a(b" : "abc";
        Assert.Equal(value, regex.Match(input).Groups[GoRegex.GroupNumber(re2, group, regex)].Value);
    }

    [Fact]
    public void Cli_ReadsAGitleaksFile_AndExits5OnAnUnsupportedField()
    {
        using var tree = new TestTree();
        tree.Write("bot.py", $"ACME_KEY = \"{AcmeKey}\"\n");
        tree.Write("good.toml", "[[rules]]\nid = \"acme-key\"\nregex = '''acme_[a-zA-Z0-9]{24}'''\nkeywords = [\"acme_\"]\n");
        tree.Write("bad.toml", "[[rules]]\nid = \"acme-key\"\nregex = 'a'\nsmartFilter = true\n");
        var good = tree.Cli(".", "--rules", "good.toml");
        Assert.Equal(1, good.ExitCode);
        Assert.Contains("acme-key  bot.py:1:13", good.Stdout, StringComparison.Ordinal);
        var bad = tree.Cli(".", "--rules", "bad.toml");
        Assert.Equal(5, bad.ExitCode);
        Assert.Contains("field 'smartFilter' is not supported", bad.Stderr, StringComparison.Ordinal);
    }
}
