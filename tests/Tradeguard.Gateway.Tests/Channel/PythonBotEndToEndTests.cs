using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.Telegram.Linking;
using Tradeguard.Telegram.Tests;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Config;

namespace Tradeguard.Gateway.Tests.Channel;

/// <summary>
/// The whole product as a user runs it: the real CLI sets up an installation (vault, sandbox key, bot key, an admin with
/// TOTP linked to Telegram), <c>tradeguard gateway serve</c> forwards to the sandbox exchange and talks to the fake
/// Telegram Bot API, and a Python bot (<c>/usr/bin/python3</c> with the shipped client) runs under
/// <c>tradeguard exec --bot</c>: it trades, alerts, obeys /pause and a TOTP-confirmed /stop, and never holds a real
/// credential.
/// </summary>
public sealed class PythonBotEndToEndTests
{
    private const long AliceTelegramId = 100000001;
    private const string Password = "Harbor!Lantern7Quiet";
    private const string AlicePassword = "Quartz#Meadow4Violet";
    private const string TelegramToken = "7000000001:AAHfakeTokenForTestsOnly_0123456789abcd";

    private const string Bot = """
        import os, sys
        from tradeguard_client import GatewayClient, GatewayError
        gw = GatewayClient.from_env()
        print("pid", os.getpid(), flush=True)
        def buy():
            return gw.request("POST", "/api/v3/order", {"symbol": "ORCL", "side": "BUY", "type": "MARKET", "quantity": "2"})
        order = buy()
        print("order", order["status"], flush=True)
        gw.alert("order_executed", symbol="ORCL", side="buy", details={"quantity": "2", "order_id": order["orderId"]}, alert_id="buy-1")
        gw.report_status("bought; waiting for a sell signal")
        for command in gw.commands(wait=10):
            print("command", command.action, flush=True)
            try:
                buy()
                print("order accepted after", command.action, flush=True)
            except GatewayError as e:
                print("refused after", command.action, e.code, e.msg, flush=True)
            if command.action == "stop":
                gw.alert("error", details={"reason": "stopped by the operator"})
                sys.exit(0)
        """;

    [Fact]
    public async Task PythonBot_UnderExecBot_Trades_Alerts_ObeysPauseAndConfirmedStop_AndHoldsNoRealCredential()
    {
        using var home = new TempFolder();
        var plan = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-orcl.json"));
        var market = new ReplayMarket(plan.LoadBars(), "USD", 100_000m, plan.Engine.Commission, plan.Engine.Slippage);
        for (var i = 0; i < 30; i++)
        {
            market.Advance();
        }

        var exchangeVault = new InMemorySecretStore();
        var exchangeKey = SandboxKeyring.Create(exchangeVault, "sandbox", withdrawals: false);
        var exchangeSecret = exchangeKey.ApiSecret.Reveal();
        await using var sandbox = await SandboxServer.StartAsync(market, SandboxKeyring.Load(exchangeVault));
        await using var telegram = await FakeBotApi.StartAsync(TimeProvider.System);

        var env = new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = home.Path, ["TRADEGUARD_VAULT_PASSWORD"] = Password };
        Cli(env, null, "vault", "init", "--kdf", "m=8192,t=1,p=1");
        Cli(env, exchangeKey.ApiKey + "\n", "vault", "set", "sandbox", "api_key");
        Cli(env, exchangeSecret + "\n", "vault", "set", "sandbox", "api_secret");
        Cli(env, TelegramToken + "\n", "vault", "set", "telegram", "bot_token");
        Cli(env, null, "gateway", "keys", "create", "--bot", "momentum");
        Cli(With(env, ("TRADEGUARD_NEW_PASSWORD", AlicePassword)), null, "user", "add", "alice", "--role", "admin");
        var enrol = Cli(With(env, ("TRADEGUARD_PASSWORD", AlicePassword)), null, "user", "2fa", "enable", "alice");
        var seed = enrol.Split('\n').Single(l => l.StartsWith("Secret:", StringComparison.Ordinal))["Secret:".Length..].Trim();
        // The previous step's code (the current one stays unused for /confirm below); not in a step's last seconds, or
        // the code could be two steps old by the time the CLI checks it.
        AwayFromATotpStepEdge();
        Cli(With(env, ("TRADEGUARD_TOTP_CODE", Totp(seed, -30))), null, "user", "2fa", "confirm", "alice");
        var link = Cli(With(env, ("TRADEGUARD_PASSWORD", AlicePassword)), null, "telegram", "link", "alice");
        var code = link.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("/link ", StringComparison.Ordinal))[6..];
        Assert.Equal("alice", TelegramStore.Open(home.Combine("telegram.db")).RedeemLinkCode(code, AliceTelegramId));

        WritePrivate(home.Combine("alerts.json"), $$"""
            { "telegram": { "api_base_url": "{{telegram.BaseUrl}}", "alert_chat_ids": [{{AliceTelegramId}}] },
              "rate_limits": { "per_chat_per_second": 1000, "overall_per_second": 1000 } }
            """);
        var gatewayConfig = home.Combine("gateway.json");
        WritePrivate(gatewayConfig, $$"""
            { "listen": "127.0.0.1:{{FreePort()}}", "baseUrl": "{{sandbox.BaseAddress}}", "exchange": "sandbox",
              "bots": [ { "name": "momentum", "symbols": ["ORCL"], "orderTypes": ["MARKET", "LIMIT"], "maxOrderNotional": 1000,
                          "maxPosition": 50, "maxOrdersPerMinute": 30, "maxDailyLoss": 500 } ] }
            """);

        using var gateway = new ServiceProcess(["gateway", "serve", "--config", gatewayConfig], env);
        gateway.WaitForStdout("Gateway serving momentum", TimeSpan.FromSeconds(90));

        // A second serve is refused before it renews the admin token the running gateway checks: control still works.
        var second = TradeguardCli.Run(["gateway", "serve", "--config", gatewayConfig], env: env);
        Assert.Equal(5, second.ExitCode);
        Assert.StartsWith("error: Another gateway already serves this installation ", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("momentum: running", Cli(env, null, "gateway", "status", "--config", gatewayConfig), StringComparison.Ordinal);

        // A real key exported in the shell, as the "before" bot had it: exec --bot must not pass it on.
        var execEnv = With(env, ("BINANCE_API_KEY", exchangeKey.ApiKey), ("PYTHONPATH", Path.Combine(RepoPaths.Root, "clients", "python")),
            ("PYTHONDONTWRITEBYTECODE", "1"));
        using var bot = new ServiceProcess(["exec", "--bot", "momentum", "--gateway-config", gatewayConfig, "--", Python.Interpreter, "-c", Bot], execEnv);
        // The sandbox fills a market order at the next bar's open, as the paper broker does: accepted as NEW.
        bot.WaitForStdout("order NEW", TimeSpan.FromSeconds(60));
        var pid = int.Parse(bot.Stdout.Split('\n').Single(l => l.StartsWith("pid ", StringComparison.Ordinal))[4..], CultureInfo.InvariantCulture);
        var environ = Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/environ")).Split('\0');
        Assert.Contains(environ, v => v.StartsWith("TRADEGUARD_GATEWAY_API_KEY=", StringComparison.Ordinal));
        Assert.Contains(environ, v => v.StartsWith("TRADEGUARD_GATEWAY_CHANNEL=unix:" + home.Path, StringComparison.Ordinal));
        Assert.DoesNotContain(environ, v => v.StartsWith("BINANCE_API_KEY=", StringComparison.Ordinal) || v.StartsWith("TRADEGUARD_VAULT_PASSWORD=", StringComparison.Ordinal));

        var alert = await Eventually(() => telegram.Delivered.FirstOrDefault(c => c.Text?.Contains("Order executed", StringComparison.Ordinal) == true));
        Assert.Equal("[paper] Order executed · ORCL · buy · momentum", Plain(alert.Text));
        Assert.Equal(AliceTelegramId.ToString(CultureInfo.InvariantCulture), alert.ChatId);

        telegram.AddUpdate(PrivateMessage(1, "/pause"));
        bot.WaitForStdout("refused after pause", TimeSpan.FromSeconds(60));
        Assert.Contains("refused after pause -2010 Tradeguard gateway: bot momentum is paused by the operator; no new orders are accepted.", bot.Stdout, StringComparison.Ordinal);

        var ordersBeforeStop = market.AllOrders().Count;
        telegram.AddUpdate(PrivateMessage(2, "/stop"));
        await Eventually(() => telegram.Delivered.FirstOrDefault(c => c.Text?.Contains("/confirm", StringComparison.Ordinal) == true));
        telegram.AddUpdate(PrivateMessage(3, "/confirm " + Totp(seed, 0)));
        Assert.Equal(0, bot.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains("refused after stop -2010", bot.Stdout, StringComparison.Ordinal);
        Assert.Equal(ordersBeforeStop, market.AllOrders().Count);
        Assert.Single(market.AllOrders());

        Assert.Equal("Deleted the key of bot momentum from the vault. Revoked the key of bot momentum: the gateway refuses it from now on.",
            Cli(env, null, "gateway", "keys", "revoke", "--bot", "momentum", "--config", gatewayConfig).Trim());
        gateway.Terminate();
        Assert.Equal(0, gateway.WaitForExit(TimeSpan.FromSeconds(60)));
        // A second revoke, or a mistyped name, finds the key nowhere: it fails rather than pass for a revoked key.
        var again = TradeguardCli.Run(["gateway", "keys", "revoke", "--bot", "momentum", "--config", gatewayConfig], null, env);
        Assert.Equal(5, again.ExitCode);
        Assert.Contains("bot momentum has no key in the vault and no gateway is running with that config; nothing was revoked.", again.Stderr, StringComparison.Ordinal);
        var texts = telegram.Delivered.Select(c => Plain(c.Text)).ToList();
        Assert.Contains("[paper] Error · momentum", texts);
        // The alerts carry no amount: neither the bot's quantity, price nor order id reached a chat.
        Assert.All(texts.Where(t => t.Contains("momentum", StringComparison.Ordinal) && t.StartsWith("[paper]", StringComparison.Ordinal)),
            t => Assert.DoesNotMatch("[0-9]", t));

        var everything = string.Join('\n', new[] { gateway.Stdout, gateway.Stderr, bot.Stdout, bot.Stderr, string.Join('\n', environ) }
            .Concat(telegram.Calls.SelectMany(c => c.Parameters.Values))
            .Concat(Directory.EnumerateFiles(home.Path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".sock", StringComparison.Ordinal))
                .Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f)))));
        foreach (var secret in new[] { exchangeKey.ApiKey, exchangeSecret, TelegramToken })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        Assert.Contains("BINANCE_API_KEY left out of the bot's environment", bot.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The text without the channel's HTML markup (Telegram messages are sent with parse_mode HTML).</summary>
    private static string Plain(string? html) => System.Text.RegularExpressions.Regex.Replace(html ?? "", "<[^>]+>", "");

    private static string Cli(IReadOnlyDictionary<string, string?> env, string? stdin, params string[] args)
    {
        var result = TradeguardCli.Run(args, stdin, env);
        Assert.True(result.ExitCode == 0, $"tradeguard {string.Join(' ', args)}: exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        return result.Stdout;
    }

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> env, params (string Name, string Value)[] more)
    {
        var copy = new Dictionary<string, string?>(env);
        foreach (var (name, value) in more)
        {
            copy[name] = value;
        }

        return copy;
    }

    /// <summary>Waits out the last 5 s of a 30 s TOTP step, so a code read now is still current when the gateway checks it.</summary>
    private static void AwayFromATotpStepEdge()
    {
        var intoStep = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 30_000;
        if (intoStep > 25_000)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(30_000 - intoStep + 200));
        }
    }

    /// <summary>The RFC 6238 code of <paramref name="seed"/> (base32) <paramref name="offsetSeconds"/> from now, by pyotp.</summary>
    private static string Totp(string seed, int offsetSeconds) =>
        Python.Run($"import pyotp, time; print(pyotp.TOTP('{seed}').at(time.time() + ({offsetSeconds})))").Trim();

    private static string PrivateMessage(int updateId, string text)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Tradeguard.Telegram.Tests", "Fixtures", "update-private-command-start.json")))!;
        node["update_id"] = updateId;
        node["message"]!["message_id"] = updateId;
        node["message"]!["text"] = text;
        node["message"]!["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        node["message"]!["entities"]![0]!["length"] = text.Split(' ')[0].Length;
        return node.ToJsonString();
    }

    private static async Task<T> Eventually<T>(Func<T?> probe)
        where T : class
    {
        for (var i = 0; i < 600; i++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("not seen within 60 s");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static void WritePrivate(string path, string text)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
