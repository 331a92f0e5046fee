using Tradeguard.Alerts;
using Tradeguard.Alerts.Dispatch;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Audit;
using Tradeguard.Telegram.Bot;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Telegram.Tests;

/// <summary>The eight numbered cases of issue 5, each against the fake Bot API through the real Telegram.Bot client.</summary>
public sealed class AcceptanceTests
{
    private static Alert StopLoss(BotHarness h, int i) => new(AlertKinds.StopLossTriggered, $"Stop loss triggered #{i:00}", h.Time.GetUtcNow())
    {
        Symbol = "ORCL",
        Side = "sell",
        Mode = TradingMode.Paper,
        DedupeKey = $"run-7/stop-{i}",
    };

    // 1.
    [Fact]
    public async Task StatusOfSixtyLongAssets_IsSplitAtLineBoundaries_CountingEmojiAsTwoUnits()
    {
        await using var h = await BotHarness.StartAsync();
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Viewer, 900);

        // Each line: "🟢 " (3 UTF-16 units: the emoji is a surrogate pair) + a 147-character asset name = 150 units.
        var lines = Enumerable.Range(1, 60)
            .Select(i => new ReportLine($"🟢 {$"ASSET_{i:00}_".PadRight(147, (char)('A' + (i % 26)))}", AlertDetails.Empty))
            .ToList();
        h.Engine.StatusReport = new EngineReport("Status: running", TradingMode.Paper, lines);
        h.Api.AddUpdate(h.PrivateUpdate(901, BotHarness.Owner, "/status"));
        await h.Poller.PollOnceAsync();
        await h.DrainAsync();

        var replies = h.Api.Delivered.Where(c => c.Text!.Contains("Status", StringComparison.Ordinal) || c.Text!.Contains("🟢", StringComparison.Ordinal))
            .Select(c => FakeBotApiHtml(c.Text!)).ToList();
        // "[paper] Status: running" is 23 units; 23 + 26 × 151 = 3949 fits, a 27th line makes 4100. Then 27 lines
        // (27 × 151 − 1 = 4076), then the last 7. Counting the emoji as one unit would put 27 lines in the first message.
        Assert.Equal([27, 27, 7], replies.Select(r => r.Split('\n').Length));
        Assert.All(replies, r => Assert.True(r.Length <= 4096));
        Assert.Equal("[paper] Status: running\n" + string.Join('\n', lines.Select(l => l.Text)), string.Join('\n', replies));
        Assert.Equal(3, h.Api.Delivered.Count(c => c.Text!.Contains("🟢", StringComparison.Ordinal)));
    }

    // 2.
    [Fact]
    public async Task UnderscoreNames_NeverBreakEntityParsing_AndAScriptedParseErrorArrivesOnceAsPlainText()
    {
        await using var h = await BotHarness.StartAsync(new TelegramOptions { AlertChatIds = [BotHarness.Owner] });
        var alert = new Alert(AlertKinds.OrderFilled, "Buy order executed by Mean_Revert_v2", h.Time.GetUtcNow())
        {
            Symbol = "TEL2_B",
            Side = "buy",
            Mode = TradingMode.Paper,
            DedupeKey = "fill-1",
        };
        const string Expected = "[paper] Buy order executed by Mean_Revert_v2 · TEL2_B · buy";

        h.Publisher.Publish(alert);
        await h.DrainAsync();
        var first = Assert.Single(h.Api.Calls, c => c.Method == "sendmessage");
        Assert.Equal((200, "Html", "<b>" + Expected + "</b>"), (first.Status, first.ParseMode, first.Text));

        h.Api.FailNext("sendMessage", 400, FakeBotApi.Fixture("error-400-cant-parse-entities.json"));
        h.Publisher.Publish(alert with { DedupeKey = "fill-2" });
        await h.DrainAsync();
        var calls = h.Api.Calls.Where(c => c.Method == "sendmessage").Skip(1).ToList();
        Assert.Equal([(400, "Html"), (200, (string?)null)], calls.Select(c => (c.Status, c.ParseMode)));
        Assert.Equal(Expected, calls[1].Text);
        Assert.Equal(2, h.Outbox.Count(OutboxState.Sent));
    }

    // 3.
    [Fact]
    public async Task TwoMinuteOutage_EngineKeepsPublishing_ThenEachArrivesInOrderAtMostOnce_AndNoneIsDroppedSilently()
    {
        await using var h = await BotHarness.StartAsync(new TelegramOptions { AlertChatIds = [BotHarness.Owner] });
        var start = h.Time.GetUtcNow();
        h.Api.OutageUntil = start + TimeSpan.FromMinutes(2);

        // The engine emits one stop-loss alert every 2.4 s of fake time while the API times out.
        var published = 0;
        for (var pass = 0; pass < 1000 && published < 50; pass++)
        {
            while (published < 50 && h.Time.GetUtcNow() >= start + TimeSpan.FromSeconds(2.4 * published))
            {
                Assert.Equal(1, h.Publisher.Publish(StopLoss(h, ++published)));
            }

            await h.PassAsync();
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(50, published);
        Assert.True(h.Time.GetUtcNow() - start < TimeSpan.FromMinutes(2.1));
        Assert.Empty(h.Api.Delivered);
        Assert.True(h.Api.HangsStarted >= 2);

        await h.DrainAsync();

        // Every request that hung had left: its outcome is unknown. A message is sent at most twice (the second time
        // marked as a possible repeat); one whose resend hung too is set aside as possibly sent, listed, never a third time.
        var possiblySent = h.Outbox.List(OutboxState.PossiblySent).Select(m => m.Text).ToList();
        Assert.InRange(possiblySent.Count, 0, 2);
        var expected = Enumerable.Range(1, 50).Select(i => $"[paper] Stop loss triggered #{i:00} · ORCL · sell").ToList();
        Assert.Equal(expected.Where(t => !possiblySent.Contains(t)), h.Api.Delivered.Select(c => FakeBotApi.Headline(c.Text)));
        Assert.All(h.Api.Delivered, c => Assert.True(c.At >= start + TimeSpan.FromMinutes(2)));
        Assert.Equal(50, h.Outbox.Count(OutboxState.Sent) + possiblySent.Count);
    }

    // 4.
    [Fact]
    public async Task HundredAlertsToAGroup_StayUnderTwentyPerMinute_HonourRetryAfter_AndNoneIsLost()
    {
        await using var h = await BotHarness.StartAsync(new TelegramOptions { AlertChatIds = [BotHarness.Supergroup] });
        var start = h.Time.GetUtcNow();
        var published = 0;
        var failedOnce = false;
        for (var pass = 0; pass < 5000 && h.Api.Delivered.Count < 100; pass++)
        {
            // 100 alerts within the first 60 s.
            while (published < 100 && h.Time.GetUtcNow() >= start + TimeSpan.FromSeconds(0.6 * published))
            {
                h.Publisher.Publish(StopLoss(h, ++published));
            }

            if (!failedOnce && h.Api.Delivered.Count == 5)
            {
                h.Api.FailNext("sendMessage", 429, FakeBotApi.Fixture("error-429-too-many-requests.json").Replace("35", "7"));
                failedOnce = true;
            }

            var result = await h.PassAsync();
            var now = h.Time.GetUtcNow();
            var next = result.NextDueAt is { } due && due > now ? due : now + TimeSpan.FromMilliseconds(100);
            var nextPublish = start + TimeSpan.FromSeconds(0.6 * published);
            h.Time.SetUtcNow(published < 100 && nextPublish < next && nextPublish > now ? nextPublish : next);
        }

        var sends = h.Api.Calls.Where(c => c.Method == "sendmessage").ToList();
        var accepted = sends.Where(c => c.Status == 200).Select(c => c.At).ToList();
        Assert.Equal(100, accepted.Count);
        Assert.All(accepted, t => Assert.True(accepted.Count(u => u >= t && u < t + TimeSpan.FromMinutes(1)) <= 20));

        var limited = Assert.Single(sends, c => c.Status == 429);
        var after = sends[sends.IndexOf(limited) + 1];
        Assert.True(after.At - limited.At >= TimeSpan.FromSeconds(7), $"resent after {(after.At - limited.At).TotalSeconds} s");
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"<b>[paper] Stop loss triggered #{i:00} · ORCL · sell</b>"),
            h.Api.Delivered.Select(c => c.Text));
    }

    // 5.
    [Fact]
    public async Task BlockedByOperator_NoRetryLoop_RecipientUndeliverable_SecurityEvent_TradingUnaffected()
    {
        await using var h = await BotHarness.StartAsync(new TelegramOptions { AlertChatIds = [BotHarness.Owner] });
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Admin, 900);
        await h.DrainAsync();
        var before = h.Api.Calls.Count(c => c.Method == "sendmessage");

        h.Api.FailNext("sendMessage", 403, FakeBotApi.Fixture("error-403-bot-blocked-by-user.json"));
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(1, h.Publisher.Publish(StopLoss(h, i)));
        }

        await h.DrainAsync();
        for (var i = 0; i < 10; i++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(1));
            await h.PassAsync();
        }

        Assert.Equal(1, h.Api.Calls.Count(c => c.Method == "sendmessage") - before);
        Assert.True(h.Outbox.IsUndeliverable("telegram", "100000001"));
        var undeliverable = h.Outbox.List(OutboxState.Undeliverable);
        Assert.Equal(
            ["[security] Alert recipient unreachable (blocked the bot?): telegram:100000001",
             "[paper] Stop loss triggered #03 · ORCL · sell",
             "[paper] Stop loss triggered #02 · ORCL · sell",
             "[paper] Stop loss triggered #01 · ORCL · sell"],
            undeliverable.Select(m => m.Text));
        var audit = Assert.Single(h.Audit.Events, e => e.Action == AlertDispatcher.RecipientUndeliverableAction);
        Assert.Equal(("telegram:100000001", AuditOutcome.Failure), (audit.Target, audit.Outcome));

        // The engine's side keeps working: publishing is a local commit, whatever Telegram says.
        Assert.Equal(1, h.Publisher.Publish(StopLoss(h, 4)));
    }

    // 6.
    [Fact]
    public async Task GroupStop_RejectsUnlinkedMember_NeedsFreshTotp_AndRefusesTheSameCodeTwice()
    {
        await using var h = await BotHarness.StartAsync(new TelegramOptions { AllowedGroupChatIds = [BotHarness.Supergroup] });
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Admin, 900);
        var seed = "12345678901234567890"u8.ToArray(); // RFC 6238 appendix B's SHA-1 seed
        h.Totp.Enroll("alice", seed);

        // Delivers the update by getUpdates and returns the bot's verdict as its last audit record says.
        async Task<UpdateDecision> Send(string update)
        {
            h.Api.AddUpdate(update);
            await h.Poller.PollOnceAsync();
            var last = h.Audit.Events.Last(e => e.Action.StartsWith("telegram.", StringComparison.Ordinal));
            return new UpdateDecision(last.Outcome == AuditOutcome.Success ? UpdateVerdict.Accepted : UpdateVerdict.Rejected, last.Reason);
        }

        // A group member who is not linked: refused by user id even though the chat is allowed.
        Assert.Equal(new UpdateDecision(UpdateVerdict.Rejected, "sender not linked"),
            await Send(h.SupergroupUpdate(901, BotHarness.Stranger, "/stop@ExampleTradingBot")));
        var refused = h.Audit.Events.Last();
        Assert.Equal(("telegram:200000002", "telegram.rejected", "/stop"), (refused.Actor, refused.Action, refused.Target));

        // The linked admin's /stop alone does nothing; a /confirm after the 60 s window finds nothing to confirm.
        Assert.Equal(new UpdateDecision(UpdateVerdict.Accepted, "awaiting /confirm"),
            await Send(h.SupergroupUpdate(902, BotHarness.Owner, "/stop@ExampleTradingBot")));
        Assert.Equal(0, h.Engine.Stops);
        h.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(new UpdateDecision(UpdateVerdict.Rejected, "nothing to confirm (none pending or window passed)"),
            await Send(h.SupergroupUpdate(903, BotHarness.Owner, "/confirm " + h.Totp.CodeNow("alice"))));
        Assert.Equal(0, h.Engine.Stops);

        // /stop then /confirm with a valid TOTP code: stops.
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await Send(h.SupergroupUpdate(904, BotHarness.Owner, "/stop@ExampleTradingBot"));
        var code = h.Totp.CodeNow("alice");
        Assert.Equal(new UpdateDecision(UpdateVerdict.Accepted, ""), await Send(h.SupergroupUpdate(905, BotHarness.Owner, "/confirm " + code)));
        Assert.Equal(1, h.Engine.Stops);

        // The same code again, within its time step: refused.
        await Send(h.SupergroupUpdate(906, BotHarness.Owner, "/stop@ExampleTradingBot"));
        Assert.Equal(new UpdateDecision(UpdateVerdict.Rejected, "invalid or reused TOTP code"),
            await Send(h.SupergroupUpdate(907, BotHarness.Owner, "/confirm " + code)));
        Assert.Equal(1, h.Engine.Stops);
    }

    [Fact]
    public async Task NamedTarget_ReachesTheEngine_AndAStopKeepsItsTargetThroughConfirm()
    {
        await using var h = await BotHarness.StartAsync(new TelegramOptions { AllowedGroupChatIds = [BotHarness.Supergroup] });
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Admin, 900);
        h.Totp.Enroll("alice", "12345678901234567890"u8.ToArray());
        async Task SendAsync(int id, string text)
        {
            h.Api.AddUpdate(h.SupergroupUpdate(id, BotHarness.Owner, text));
            await h.Poller.PollOnceAsync();
        }

        await SendAsync(901, "/pause momentum");
        await SendAsync(902, "/stop momentum");
        Assert.Equal(["momentum"], h.Engine.Targets);
        await SendAsync(903, "/confirm " + h.Totp.CodeNow("alice"));
        Assert.Equal(["momentum", "momentum"], h.Engine.Targets);
        Assert.Equal((0, 0), (h.Engine.Pauses, h.Engine.Stops));
    }

    private static string FakeBotApiHtml(string html) =>
        html.Replace("<b>", "", StringComparison.Ordinal).Replace("</b>", "", StringComparison.Ordinal)
            .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
