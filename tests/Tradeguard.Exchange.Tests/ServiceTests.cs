using System.Text.RegularExpressions;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;

namespace Tradeguard.Exchange.Tests;

/// <summary><c>tradeguard exchange serve</c> as systemd runs it: a child process against the sandbox on 127.0.0.1, stopped with SIGTERM.</summary>
public sealed partial class ServiceTests
{
    private const string Password = "correct horse battery staple 42!";
    private const string BotToken = "123456789:AAEfakeTokenForTheServiceTests_0123456789";

    [Fact]
    public async Task Sigterm_StopsOrdersFirst_FlushesTheOutbox_WritesTheAuditCheckpoint_AndExits0()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var home = new TempFolder();
        var env = Installation(home, sandbox);
        WriteConsoleAlerts(home);
        var config = ExchangeConfig(home, sandbox.Server.BaseAddress);
        for (var i = 0; i < 20; i++)
        {
            sandbox.Market.Advance();
        }

        using var service = new ServiceProcess(["exchange", "serve", config, "--shutdown-timeout", "20"], env);
        service.WaitForStdout("Stop with SIGTERM or Ctrl+C.", TimeSpan.FromSeconds(30));
        service.WaitForStderr("alert: [paper] Run started · ORCL", TimeSpan.FromSeconds(10));
        for (var i = 0; i < 60; i++)
        {
            sandbox.Market.Advance();
            await Task.Delay(40);
        }

        WaitUntilCaughtUp(home.Combine("state/paper/orcl.json"), sandbox, service);
        var ordersAtSignal = RunnerDriver.ExchangeOrderCount(sandbox.Market);
        service.Terminate();
        service.WaitForStderr("Run stopped: no new orders will be sent", TimeSpan.FromSeconds(20));
        for (var i = 0; i < 40 && sandbox.Market.Advance(); i++)
        {
            await Task.Delay(20); // the market moves on: a runner still trading would send orders now
        }

        var exit = service.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(exit == 0, $"exit {exit}\n{service.Stdout}\n{service.Stderr}");
        Assert.True(ordersAtSignal > 0, "the strategy should have traded before the signal");
        Assert.Equal(ordersAtSignal, RunnerDriver.ExchangeOrderCount(sandbox.Market));
        var stderr = service.Stderr;
        var stopped = stderr.IndexOf("Run stopped: no new orders will be sent", StringComparison.Ordinal);
        Assert.DoesNotContain("order", stderr[stopped..].Replace("orders will be sent", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var flushed = stderr.IndexOf("Alert outbox flushed: nothing pending", StringComparison.Ordinal);
        var checkpoint = stderr.IndexOf("Audit checkpoint written", StringComparison.Ordinal);
        Assert.True(stopped >= 0 && stopped < flushed && flushed < checkpoint, stderr);

        // Console alerts go to standard error: standard output is kept for a command's own result.
        var alertLines = service.Stderr.Split('\n').Where(l => l.StartsWith("alert: ", StringComparison.Ordinal)).ToList();
        Assert.Equal("alert: [paper] Run finished · ORCL", alertLines[^1].TrimEnd());
        Assert.All(alertLines, l => Assert.StartsWith("alert: [paper] ", l, StringComparison.Ordinal));
        Assert.Contains(alertLines, l => l.StartsWith("alert: [paper] Buy order executed · ORCL", StringComparison.Ordinal));
        var outbox = TradeguardCli.Run(["alerts", "list", "--limit", "1"], env: env);
        Assert.Equal($"0 pending, 0 failed, 0 undeliverable, 0 possibly sent, {alertLines.Count} sent", outbox.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);

        var verify = TradeguardCli.Run(["audit", "verify"], env: env);
        Assert.Equal(0, verify.ExitCode);
        var match = AuditSummary().Match(verify.Stdout);
        Assert.True(match.Success, verify.Stdout);
        Assert.Equal(match.Groups["last"].Value, match.Groups["file"].Value);
        // The copy beside the vault is a file of its own, so it reaches the very last record.
        Assert.Equal(match.Groups["last"].Value, match.Groups["vault"].Value);
        var show = TradeguardCli.Run(["audit", "show", "--all"], env: env).Stdout;
        // Checkpoints never write the vault: no vault.set at all after the service started.
        Assert.DoesNotContain(show[show.IndexOf("service.start", StringComparison.Ordinal)..].Split('\n'),
            l => l.Contains("vault.set", StringComparison.Ordinal));
        Assert.True(show.IndexOf("exchange.run_stop", StringComparison.Ordinal) < show.IndexOf("service.stop", StringComparison.Ordinal), show);

        Assert.True(File.Exists(home.Combine("state/paper/orcl.json")));
        Assert.False(Directory.Exists(home.Combine("state/live")));
        AssertNoSecret(sandbox, service.Stdout + service.Stderr + File.ReadAllText(home.Combine("state/paper/orcl.json")));
    }

    [Fact]
    public async Task AnExchangeThatStopsAnswering_EndsTheServiceInTheSameOrder_WithExit6()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var home = new TempFolder();
        var env = Installation(home, sandbox);
        WriteConsoleAlerts(home);
        var config = ExchangeConfig(home, sandbox.Server.BaseAddress);
        sandbox.Market.Advance();

        using var service = new ServiceProcess(["exchange", "serve", config], env);
        service.WaitForStderr("alert: [paper] Run started · ORCL", TimeSpan.FromSeconds(30));
        await sandbox.Server.StopAsync(); // the exchange goes away: every request now fails to connect
        var exit = service.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(exit == 6, $"exit {exit}\n{service.Stdout}\n{service.Stderr}");
        var stderr = service.Stderr;
        var failed = stderr.IndexOf("The strategy runner failed: GET /api/v3/klines", StringComparison.Ordinal);
        var flushed = stderr.IndexOf("Alert outbox flushed: nothing pending", StringComparison.Ordinal);
        var checkpoint = stderr.IndexOf("Audit checkpoint written", StringComparison.Ordinal);
        Assert.True(failed >= 0 && failed < flushed && flushed < checkpoint, stderr);
        var where = sandbox.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.EndsWith($"error: GET /api/v3/klines: the exchange at {where} did not answer after retries; is `tradeguard sandbox serve` running on {where}?",
            stderr.TrimEnd(), StringComparison.Ordinal);
        // A failed run is told apart from one stopped on request: "Run failed", never "Run finished".
        Assert.Equal("alert: [paper] Run failed · ORCL", service.Stderr.Split('\n').Where(l => l.StartsWith("alert: ", StringComparison.Ordinal)).Last().TrimEnd());
        Assert.DoesNotContain("Run finished", service.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, TradeguardCli.Run(["audit", "verify"], env: env).ExitCode);
        var stop = Assert.Single(TradeguardCli.Run(["audit", "show", "--all"], env: env).Stdout.Split('\n'),
            l => l.Contains("service.stop", StringComparison.Ordinal));
        Assert.Contains("failure", stop, StringComparison.Ordinal);
    }

    [Fact]
    public void TelegramConfiguredButNotLinked_Exits5WithTheFix_BeforeAnyConnection()
    {
        using var exchange = new ScriptedServer(new ScriptedResponse(200, """{"serverTime":1}"""));
        using var home = new TempFolder();
        var env = Installation(home, sandbox: null);
        const string Telegram = """{ "telegram": { "api_base_url": "http://127.0.0.1:9", "bot_token": "vault://telegram/bot_token" } }""";
        var alerts = home.Combine("alerts.json");
        WritePrivate(alerts, Telegram);
        var config = ExchangeConfig(home, exchange.BaseAddress);

        var noToken = TradeguardCli.Run(["exchange", "serve", config], env: env);
        // The order a user follows: Telegram configured first, then the token stored with the fix the error names.
        Assert.Equal(0, TradeguardCli.Run(["vault", "set", "telegram", "bot_token"], stdin: BotToken + "\n", env: env).ExitCode);
        var notLinked = TradeguardCli.Run(["exchange", "serve", config], env: env);
        var checkNotLinked = TradeguardCli.Run(["exchange", "check", config], env: env);

        Assert.Equal(5, noToken.ExitCode);
        Assert.Equal("error: Telegram is configured (the telegram section of the alert settings) but the vault has no bot token at vault://telegram/bot_token. " +
            "Store the token @BotFather gave you with: tradeguard vault set telegram bot_token", noToken.Stderr.Trim());
        Assert.Equal(5, notLinked.ExitCode);
        Assert.Equal("error: Telegram is configured but no Telegram user is linked to an operator account, so nobody could /pause or /stop this runner from the chat. " +
            "Link one: run 'tradeguard telegram link <account>' (an operator account from 'tradeguard user add'), send the /link code it prints " +
            "to the bot in a private chat while 'tradeguard telegram serve' runs, then start this service again.", notLinked.Stderr.Trim());
        // exchange check runs the same pre-flight list as serve: it fails the same way.
        Assert.Equal((5, notLinked.Stderr), (checkNotLinked.ExitCode, checkNotLinked.Stderr));
        Assert.Empty(exchange.Requests);
        Assert.DoesNotContain(BotToken[10..], noToken.Stderr + notLinked.Stderr + notLinked.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeRun_EndsWithTheSameSummaryTableAndReportFilesAsRun()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var home = new TempFolder();
        var env = Installation(home, sandbox);
        var config = ExchangeConfig(home, sandbox.Server.BaseAddress);
        var output = home.Combine("report");
        using var run = new ServiceProcess(["exchange", "run", config, "--max-bars", "60", "--output", output], env);
        run.WaitForStdout("Trading ", TimeSpan.FromSeconds(30));
        for (var i = 0; i < 90 && !run.Stdout.Contains("Run stopped", StringComparison.Ordinal); i++)
        {
            sandbox.Market.Advance();
            await Task.Delay(40);
        }

        var exit = run.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"exit {exit}\n{run.Stdout}\n{run.Stderr}");
        var stdout = run.Stdout;
        foreach (var row in new[] { "ORCL · ", "· paper", "start value", "final value", "total return", "Sharpe", "max drawdown", "trades", "win rate", "report" })
        {
            Assert.Contains(row, stdout, StringComparison.Ordinal);
        }

        Assert.All(Trading.Reports.ReportFiles.Names, name => Assert.True(File.Exists(Path.Combine(output, name)), name));
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        var m = metrics.RootElement;
        Assert.Equal(60, m.GetProperty("bars").GetInt32());
        Assert.Equal(File.ReadAllLines(Path.Combine(output, "trades.csv")).Length - 1, m.GetProperty("tradeCount").GetInt32());
        Assert.Equal(61, File.ReadAllLines(Path.Combine(output, "equity.csv")).Length);
        Assert.True(RunnerDriver.ExchangeOrderCount(sandbox.Market) > 0, "the strategy should have traded");
        AssertNoSecret(sandbox, stdout + run.Stderr + File.ReadAllText(Path.Combine(output, "metrics.json")));
    }

    [Fact]
    public void StateFileOfTheOtherMode_IsRefusedBeforeAnyConnection()
    {
        using var exchange = new ScriptedServer(new ScriptedResponse(200, """{"serverTime":1}"""));
        using var home = new TempFolder();
        var env = Installation(home, sandbox: null);
        var config = ExchangeConfig(home, exchange.BaseAddress);
        Directory.CreateDirectory(home.Combine("state/paper"));
        WritePrivate(home.Combine("state/paper/orcl.json"), """{ "version": 1, "mode": "live", "name": "orcl", "symbol": "ORCL", "runTag": "00000000" }""");

        var run = TradeguardCli.Run(["exchange", "run", config], env: env);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal($"error: the run state {home.Combine("state/paper/orcl.json")} cannot be used: it holds live state in the paper folder. " +
            "Move it away (or pass --reset-state) to start the run over", run.Stderr.Trim());
        Assert.Empty(exchange.Requests);
        Assert.Empty(run.Stdout);
    }

    /// <summary>Waits until the run's state file says the runner has processed the market's latest candle (it is idle).</summary>
    private static void WaitUntilCaughtUp(string stateFile, SandboxHarness sandbox, ServiceProcess service)
    {
        var latest = sandbox.Market.BarTime(sandbox.Market.CurrentIndex).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(File.Exists(stateFile) && ReadShared(stateFile).Contains($"\"lastOpenTime\": {latest},", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the runner did not catch up with the market:\n{service.Stdout}\n{service.Stderr}");
            Thread.Sleep(20);
        }
    }

    private static string ReadShared(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>A vault with the sandbox's key pair (or a placeholder pair), in a fresh home.</summary>
    internal static Dictionary<string, string?> Installation(TempFolder home, SandboxHarness? sandbox)
    {
        var env = new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = home.Path, ["TRADEGUARD_VAULT_PASSWORD"] = Password };
        // A cheap KDF: every CLI call of a test unlocks the vault, and the default cost is for users, not tests.
        Assert.Equal(0, TradeguardCli.Run(["vault", "init", "--kdf", "m=256,t=1,p=1"], env: env).ExitCode);
        var apiKey = sandbox?.Key.ApiKey ?? "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
        var apiSecret = sandbox?.Key.ApiSecret.Reveal() ?? "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        Assert.Equal(0, TradeguardCli.Run(["vault", "set", "sandbox", "api_key"], stdin: apiKey + "\n", env: env).ExitCode);
        Assert.Equal(0, TradeguardCli.Run(["vault", "set", "sandbox", "api_secret"], stdin: apiSecret + "\n", env: env).ExitCode);
        return env;
    }

    internal static string ExchangeConfig(TempFolder home, Uri baseUrl)
    {
        File.Copy(RepoPaths.Samples("sma-cross-orcl.json"), home.Combine("sma-cross-orcl.json"));
        var config = home.Combine("exchange.json");
        WritePrivate(config, $$"""{ "name": "orcl", "exchange": "sandbox", "baseUrl": "{{baseUrl}}", "symbol": "ORCL", "run": "sma-cross-orcl.json", "startDate": "2000-01-01", "pollSeconds": 0.02 }""");
        return config;
    }

    /// <summary>Console-only alerts whose rate limits never hold a test's lines back.</summary>
    private static void WriteConsoleAlerts(TempFolder home) =>
        WritePrivate(home.Combine("alerts.json"), """{ "console": true, "rate_limits": { "per_chat_per_second": 1000, "overall_per_second": 1000 } }""");

    internal static void WritePrivate(string path, string text)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static void AssertNoSecret(SandboxHarness sandbox, string text)
    {
        Assert.DoesNotContain(sandbox.Key.ApiSecret.Reveal(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Key.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-fA-F]{64}", text);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"audit log intact: \d+ records \(1-(?<last>\d+)\); checkpoint file at record (?<file>\d+), vault checkpoint at record (?<vault>\d+)")]
    private static partial Regex AuditSummary();
}
