using System.Text.Json;
using Json.Schema;
using Tradeguard.Scanner.Output;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Tests;

/// <summary>Text, JSON and SARIF reports: SARIF validated against the SARIF 2.1.0 schema (Sarif/README.md), no clear values.</summary>
public sealed class ReportTests
{
    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sarif", "sarif-schema-2.1.0.json"))));

    private static (string Text, ScanReport Report) Render(TestTree tree, ReportFormat format)
    {
        var result = SecretScanner.Scan(new ScanOptions { Root = tree.Root });
        var report = new ScanReport(result, result.Findings, 0, RuleSet.Default());
        using var writer = new StringWriter();
        ReportWriter.Write(report, format, writer);
        return (writer.ToString(), report);
    }

    private static TestTree SampleTree()
    {
        var tree = new TestTree();
        tree.Write("bot.py", $"BOT_TOKEN = \"{Values.TelegramToken}\"\nr = requests.get(u, verify=False)\n");
        tree.Write("config/exchange.ini", $"[binance]\napi_secret = {Values.BinanceLikeSecret}\n");
        tree.Write("docs/.env.example", $"TELEGRAM_BOT_TOKEN={Values.TelegramDocExample}\n");
        tree.Write("my notes/ä.py", "print(api_key)\n");
        tree.Write("logo.png", "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR");
        return tree;
    }

    private static void AssertValidSarif(string sarif)
    {
        using var doc = JsonDocument.Parse(sarif);
        var result = SarifSchema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = result.Details?.Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")) ?? [];
        Assert.True(result.IsValid, "SARIF does not validate:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void Sarif_ValidatesAgainstTheSarif210Schema_AndCarriesRulesResultsAndSkippedFiles()
    {
        using var tree = SampleTree();
        var (sarif, report) = Render(tree, ReportFormat.Sarif);
        AssertValidSarif(sarif);

        using var doc = JsonDocument.Parse(sarif);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        Assert.Equal(RuleSet.Default().Rules.Count, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(report.Findings.Count, results.Count);
        var token = results.Single(r => r.GetProperty("ruleId").GetString() == "telegram-bot-token"
                                         && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "bot.py");
        Assert.Equal("error", token.GetProperty("level").GetString());
        Assert.Equal("7123…0Sx2", token.GetProperty("properties").GetProperty("maskedValue").GetString());
        var region = token.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((1, 14, 60), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.Matches("^[0-9a-f]{32}$", token.GetProperty("partialFingerprints").GetProperty("tradeguardFingerprint/v1").GetString());
        Assert.Contains(results, r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "my%20notes/%C3%A4.py");
        var skipped = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("skipped: binary", skipped.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Sarif_WithNoFindings_IsStillValid()
    {
        using var tree = new TestTree();
        tree.Write("strategy.py", "fast = sma(close, 10)\n");
        AssertValidSarif(Render(tree, ReportFormat.Sarif).Text);
    }

    [Theory]
    [InlineData(ReportFormat.Text)]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Sarif)]
    public void NoReport_EverContainsAClearSecretValue(ReportFormat format)
    {
        using var tree = SampleTree();
        var text = Render(tree, format).Text;
        Assert.DoesNotContain(Values.TelegramToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Values.BinanceLikeSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Values.TelegramToken[..20], text, StringComparison.Ordinal);
        Assert.Contains("7123…0Sx2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ListsFindingsWithMaskAndFingerprint_SkippedFilesAndTotals()
    {
        using var tree = SampleTree();
        using var doc = JsonDocument.Parse(Render(tree, ReportFormat.Json).Text);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var binance = findings.Single(f => f.GetProperty("ruleId").GetString() == "binance-api-credential");
        Assert.Equal("config/exchange.ini", binance.GetProperty("path").GetString());
        Assert.Equal((2, 14), (binance.GetProperty("line").GetInt32(), binance.GetProperty("column").GetInt32()));
        Assert.Equal("Q7nV…D7fG", binance.GetProperty("masked").GetString());
        Assert.Equal("critical", binance.GetProperty("severity").GetString());
        Assert.StartsWith("delete the key on Binance", binance.GetProperty("fix").GetString(), StringComparison.Ordinal);
        var example = findings.Single(f => f.GetProperty("example").GetBoolean());
        Assert.Equal(("info", "docs/.env.example"), (example.GetProperty("severity").GetString(), example.GetProperty("path").GetString()));
        Assert.Equal("binary", doc.RootElement.GetProperty("skipped")[0].GetProperty("reason").GetString());
        Assert.Equal(4, doc.RootElement.GetProperty("stats").GetProperty("filesScanned").GetInt32());
    }
}
