using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Channels;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Errors;
using Tradeguard.Telegram.Ports;
using Tradeguard.TestSupport;

namespace Tradeguard.Telegram.Tests;

/// <summary>Issue 5 cases 7 (no token in any exception, log line or audit record) and 8 (kill -9 mid-batch).</summary>
public sealed class TokenLeakAndCrashTests
{
    private const string SecretHalf = "AAHfakeTokenForTestsOnly0123456789ab";

    private static OutboxMessage Message(string text) =>
        new(1, "telegram", "100000001", "test", "k", text, false, false, null, null, DateTimeOffset.UnixEpoch, OutboxState.Pending, 0,
            DateTimeOffset.UnixEpoch, null, null);

    private static void AssertNoToken(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(SecretHalf, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretHalf[..12], text, StringComparison.Ordinal);
        }
    }

    // 7.
    [Fact]
    public async Task ConnectionFailureAndADebugLoggedRun_NeverShowTheToken()
    {
        Assert.EndsWith(SecretHalf, BotHarness.Token, StringComparison.Ordinal);
        var texts = new List<string>();

        // A connection failure: nothing listens on that port.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var logger = new CapturingLogger();
        var deadClient = TelegramClientFactory.Create(BotHarness.Token, new Uri($"http://127.0.0.1:{closedPort}"), logger);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => global::Telegram.Bot.TelegramBotClientExtensions.SendMessage(deadClient, 100000001, "hello"));
        texts.Add(failure.ToString());
        var result = await new TelegramChannel(deadClient, logger).SendAsync(Message("hello"), CancellationToken.None);
        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        texts.Add(result.Reason);
        texts.AddRange(logger.Lines);
        Assert.Contains(logger.Lines, l => l.Contains("Telegram sendMessage failed", StringComparison.Ordinal));

        // A run with debug logging through accepted sends, flood control, a block, a parse error, refused senders, 409.
        await using var h = await BotHarness.StartAsync(new TelegramOptions { AlertChatIds = [BotHarness.Owner, BotHarness.Supergroup] });
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Admin, 900);
        h.Api.FailNext("sendMessage", 429, FakeBotApi.Fixture("error-429-too-many-requests.json"));
        h.Api.FailNext("sendMessage", 400, FakeBotApi.Fixture("error-400-cant-parse-entities.json"));
        h.Api.FailNext("sendMessage", 403, FakeBotApi.Fixture("error-403-bot-blocked-by-user.json"));
        h.Api.FailNext("sendMessage", 401, FakeBotApi.Fixture("error-401-unauthorized.json"));
        for (var i = 0; i < 4; i++)
        {
            h.Publisher.Publish(new Alert(AlertKinds.OrderFilled, $"Buy order executed #{i}", h.Time.GetUtcNow()) { Symbol = "ORCL" });
        }

        h.Api.AddUpdate(h.PrivateUpdate(901, BotHarness.Stranger, "/stop"));
        h.Api.AddUpdate(FakeBotApi.Fixture("update-edited-message.json"));
        await h.Poller.PollOnceAsync();
        await h.DrainAsync();
        h.Api.FailNext("getUpdates", 409, FakeBotApi.Fixture("error-409-conflict-getupdates.json"));
        var conflict = await Assert.ThrowsAsync<TradeguardException>(() => h.Poller.PollOnceAsync());
        Assert.Equal(ExitCode.ExternalService, conflict.ExitCode);
        texts.Add(conflict.ToString());

        Assert.All(h.Api.Calls, c => Assert.Equal(BotHarness.Token, c.Token)); // the token really was in every URL path
        Assert.Contains(h.Logger.Lines, l => l.Contains("Telegram sendMessage -> HTTP 429", StringComparison.Ordinal));
        texts.AddRange(h.Logger.Lines);
        texts.AddRange(h.Audit.Events.Select(e => e.ToString() + string.Join(",", e.Details ?? new Dictionary<string, string>())));
        texts.AddRange(h.Outbox.List(limit: 1000).Select(m => $"{m.Text} {m.LastError}"));
        Assert.True(h.Logger.Lines.Count >= 10);
        AssertNoToken(texts);
    }

    // 8.
    [Fact]
    public async Task DispatcherProcessKilledMidBatch_AfterRestartEveryAlertArrivesOnce()
    {
        using var home = new TempFolder();
        await using var api = await FakeBotApi.StartAsync(TimeProvider.System);
        var env = new Dictionary<string, string?>
        {
            ["TRADEGUARD_HOME"] = home.Path,
            ["TRADEGUARD_VAULT"] = null,
            ["TRADEGUARD_VAULT_KEY"] = null,
            ["TRADEGUARD_VAULT_PASSWORD"] = "Correct-Horse-Battery-Staple-42!",
        };
        Assert.Equal(0, TradeguardCli.Run(["vault", "init", "--kdf", "m=256,t=1,p=1"], null, env).ExitCode);
        Assert.Equal(0, TradeguardCli.Run(["vault", "set", "telegram", "bot_token"], BotHarness.Token, env).ExitCode);
        File.WriteAllText(home.Combine("alerts.json"), $$"""
            { "telegram": { "api_base_url": "{{api.BaseUrl}}", "alert_chat_ids": [100000001] },
              "rate_limits": { "per_chat_per_second": 200, "overall_per_second": 200 } }
            """);
        File.SetUnixFileMode(home.Combine("alerts.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // The engine commits 30 alerts; sending is the dispatcher process's job.
        var outbox = OutboxStore.Open(home.Combine("outbox.db"));
        var publisher = new AlertPublisher(outbox, new ExposurePolicy(), new FixedRouting([new AlertRecipient("telegram", "100000001")]), []);
        Alert Nth(int i) => new(AlertKinds.StopLossTriggered, $"Stop loss triggered #{i:00}", DateTimeOffset.UnixEpoch.AddMinutes(i))
        {
            Mode = TradingMode.Paper, DedupeKey = $"run-8/stop-{i}",
        };
        Assert.Equal(30, Enumerable.Range(1, 30).Sum(i => publisher.Publish(Nth(i))));

        // Kill -9 while the 13th message is on the wire.
        api.HangWhenDelivered = 12;
        var info = TradeguardCli.StartInfo(["alerts", "dispatch"]);

        foreach (var (key, value) in env)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        using (var dispatcher = Process.Start(info)!)
        {
            var waited = Stopwatch.StartNew();
            while (api.Hanging == 0 && waited.Elapsed < TimeSpan.FromSeconds(60) && !dispatcher.HasExited)
            {
                await Task.Delay(20);
            }

            Assert.True(api.Hanging == 1, dispatcher.HasExited ? dispatcher.StandardError.ReadToEnd() : "no hang within 60 s");
            dispatcher.Kill(entireProcessTree: true);
            await dispatcher.WaitForExitAsync();
        }

        api.HangWhenDelivered = null;
        Assert.Equal((12, 18), (outbox.Count(OutboxState.Sent), outbox.Count(OutboxState.Pending)));
        Assert.Equal(1, outbox.List(OutboxState.Pending).Single(m => m.Text!.Contains("#13", StringComparison.Ordinal)).Attempts);

        // The restarted engine replays its events: the dedupe keys keep them from being queued again.
        Assert.Equal(0, Enumerable.Range(1, 30).Sum(i => publisher.Publish(Nth(i))));
        var restart = TradeguardCli.Run(["alerts", "dispatch", "--until-empty", "--timeout", "60"], null, env);
        Assert.True(restart.ExitCode == 0, restart.AllOutput);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"<b>[paper] Stop loss triggered #{i:00}</b>"), api.Delivered.Select(c => c.Text));
    }
}
