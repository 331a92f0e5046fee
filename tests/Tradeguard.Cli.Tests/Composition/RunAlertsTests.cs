using System.Text.RegularExpressions;
using Tradeguard.Telegram.Tests;
using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests.Composition;

/// <summary><c>tradeguard run</c> routes the engine's events through the outbox to Telegram when a bot is configured.</summary>
public sealed class RunAlertsTests : IDisposable
{
    private const string BotToken = "7000000001:AAHfakeTokenForIntegrationTests0123";
    private const long AlertChat = 4242;

    private readonly InstallationHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Run_WithBotTokenInVault_SendsEachEventsHighLevelLine_AndNoAmounts()
    {
        await using var fake = await FakeBotApi.StartAsync(TimeProvider.System);
        _home.InitVault();
        Assert.Equal(0, _home.Run(BotToken + "\n", ["vault", "set", "telegram", "bot_token"]).ExitCode);
        _home.WritePrivate("alerts.json", $$"""
            {
              "rate_limits": { "per_chat_per_second": 100, "per_group_per_minute": 1000, "overall_per_second": 1000 },
              "telegram": { "api_base_url": "{{fake.BaseUrl.ToString().TrimEnd('/')}}", "alert_chat_ids": [ {{AlertChat}} ] }
            }
            """);

        var run = _home.Run(null, ["run", RepoPaths.Samples("sma-cross-orcl.json"), "--to", "2000-03-31", "-o", _home.Combine("out"),
            "--alerts", "telegram"], workingDirectory: RepoPaths.Root);

        Assert.True(run.ExitCode == 0, run.AllOutput);
        // Historical alerts carry their bar's date: "2000-01-14 [paper] Buy …" on the console is "[paper] 2000-01-14 Buy …".
        var printed = run.Stdout.Split('\n')
            .Where(line => Regex.IsMatch(line, @"^\d{4}-\d{2}-\d{2} \[paper\] "))
            .Select(line => $"<b>[paper] {line[..10]} {line[19..].TrimEnd()}</b>")
            .ToList();
        var sent = fake.Delivered.Where(c => c.ChatId == AlertChat.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(c => c.Text!).ToList();
        Assert.True(sent.Any(t => Regex.IsMatch(t, @"^<b>\[paper\] \d{4}-\d{2}-\d{2} Buy order executed · ORCL</b>$")),
            $"sent: {string.Join(" | ", sent)}; calls: {string.Join(" ", fake.Calls.Select(c => c.Method + ":" + c.Status))}\n{run.AllOutput}");
        // Telegram gets exactly the console's alert lines, in order, each once (HTML bold from the Telegram channel).
        Assert.Equal(printed, sent);
        Assert.All(sent, text => Assert.DoesNotMatch(@"\d", Regex.Replace(text, @"^<b>\[paper\] \d{4}-\d{2}-\d{2} ", "")));
        Assert.DoesNotContain(fake.Calls, c => c.Method == "senddocument");
        Assert.DoesNotContain(BotToken, run.AllOutput);
    }

    [Fact]
    public void Run_OnAFreshHome_PrintsAlertLinesAndReport_WithoutVaultOrTelegram()
    {
        var run = _home.Run(null, ["run", RepoPaths.Samples("sma-cross-orcl.json"), "-o", _home.Combine("out")],
            withVaultPassword: false, workingDirectory: RepoPaths.Root);

        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.Contains("[paper] Buy order executed · ORCL", run.Stdout);
        Assert.Contains("975.60", run.Stdout);
        Assert.False(File.Exists(_home.Combine("vault.tgv")));
        Assert.False(File.Exists(_home.Combine("outbox.db")));
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Run_WithTelegramConfigured_ButNotAsked_SendsNothing_AndNeverNeedsTheVault()
    {
        await using var fake = await FakeBotApi.StartAsync(TimeProvider.System);
        _home.InitVault();
        _home.WritePrivate("alerts.json", $$"""
            { "telegram": { "api_base_url": "{{fake.BaseUrl.ToString().TrimEnd('/')}}", "alert_chat_ids": [ {{AlertChat}} ] } }
            """);

        // No passphrase anywhere and nothing on standard input: a backtest must not ask for one.
        var run = _home.Run(null, ["run", RepoPaths.Samples("sma-cross-orcl.json"), "--to", "2000-03-31", "-o", _home.Combine("out")],
            withVaultPassword: false, workingDirectory: RepoPaths.Root);

        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.Contains("[paper] Buy order executed · ORCL", run.Stdout);
        Assert.Empty(fake.Calls);
        Assert.DoesNotContain("passphrase", run.AllOutput, StringComparison.OrdinalIgnoreCase);
    }
}
