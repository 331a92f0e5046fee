using Microsoft.Extensions.Time.Testing;
using Tradeguard.Alerts.Channels;
using Tradeguard.Alerts.Dispatch;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Alerts.Security;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Redaction;
using Tradeguard.TestSupport;

namespace Tradeguard.Alerts.Tests;

public sealed class DispatcherTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingAuditLog _audit = new();

    public void Dispose() => _folder.Dispose();

    private (OutboxStore, AlertPublisher, AlertDispatcher) Build(ScriptedChannel channel, string recipient = "100000001",
        DispatchOptions? options = null, Redactor? redactor = null)
    {
        var outbox = OutboxStore.Open(_folder.Combine("outbox.db"), _time);
        var publisher = new AlertPublisher(outbox, new ExposurePolicy(), new FixedRouting([new AlertRecipient(channel.Name, recipient)]),
            [channel], _audit, redactor ?? new Redactor());
        var dispatcher = new AlertDispatcher(outbox, [channel], _audit, options, _time);
        return (outbox, publisher, dispatcher);
    }

    private Alert StopLoss(int i) => new(AlertKinds.StopLossTriggered, $"Stop loss triggered #{i}", _time.GetUtcNow())
    {
        Symbol = "ORCL",
        Mode = TradingMode.Paper,
        DedupeKey = $"run-1/stop-{i}",
    };

    /// <summary>Runs passes, jumping fake time to each next due moment; bounded.</summary>
    private async Task DrainAsync(AlertDispatcher dispatcher, int maxPasses = 1000)
    {
        for (var i = 0; i < maxPasses; i++)
        {
            var pass = await dispatcher.DispatchDueAsync();
            if (pass.Pending == 0)
            {
                return;
            }

            Assert.NotNull(pass.NextDueAt);
            _time.SetUtcNow(pass.NextDueAt!.Value > _time.GetUtcNow() ? pass.NextDueAt.Value : _time.GetUtcNow() + TimeSpan.FromMilliseconds(1));
        }

        Assert.Fail("outbox did not drain");
    }

    [Fact]
    public async Task SamePublishTwice_IsQueuedOnce()
    {
        var channel = new ScriptedChannel(_time);
        var (outbox, publisher, dispatcher) = Build(channel);
        Assert.Equal(1, publisher.Publish(StopLoss(1)));
        Assert.Equal(0, publisher.Publish(StopLoss(1)));
        await DrainAsync(dispatcher);
        Assert.Equal(["[paper] Stop loss triggered #1 · ORCL"], channel.Delivered);
        Assert.Equal(1, outbox.Count(OutboxState.Sent));
    }

    [Fact]
    public async Task StopRequestedDuringSend_LetsTheSendFinishAndRecordsIt_SoNothingIsSentTwice()
    {
        var channel = new ScriptedChannel(_time) { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var (outbox, publisher, dispatcher) = Build(channel);
        publisher.Publish(StopLoss(1));
        using var stop = new CancellationTokenSource();
        var pass = dispatcher.DispatchDueAsync(stop.Token);
        await channel.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        stop.Cancel();
        channel.Gate!.SetResult();
        await pass;

        channel.Gate = null;
        await DrainAsync(dispatcher);
        Assert.Equal(["[paper] Stop loss triggered #1 · ORCL"], channel.Delivered);
        Assert.Equal(1, outbox.Count(OutboxState.Sent));
    }

    [Fact]
    public async Task Transient_BacksOffExponentially_AndKeepsOrder()
    {
        var channel = new ScriptedChannel(_time);
        for (var i = 0; i < 3; i++)
        {
            channel.Script.Enqueue(new DeliveryResult(DeliveryOutcome.Transient, "HTTP 502"));
        }

        var (_, publisher, dispatcher) = Build(channel);
        publisher.Publish(StopLoss(1));
        publisher.Publish(StopLoss(2));
        await DrainAsync(dispatcher);

        // Attempts at 0, +2 s, +4 s, +8 s (then delivered), then #2 one second later (1/s per chat).
        Assert.Equal([0, 2, 6, 14, 15], channel.Calls.Select(c => (int)(c.At - Start).TotalSeconds));
        Assert.Equal(["[paper] Stop loss triggered #1 · ORCL", "[paper] Stop loss triggered #2 · ORCL"], channel.Delivered);
    }

    [Fact]
    public async Task RateLimited_WaitsTheRetryAfterItWasGiven()
    {
        var channel = new ScriptedChannel(_time);
        channel.Script.Enqueue(new DeliveryResult(DeliveryOutcome.RateLimited, "HTTP 429", TimeSpan.FromSeconds(35)));
        var (_, publisher, dispatcher) = Build(channel);
        publisher.Publish(StopLoss(1));
        await DrainAsync(dispatcher);
        Assert.Equal([0, 35], channel.Calls.Select(c => (int)(c.At - Start).TotalSeconds));
    }

    [Fact]
    public async Task FormattingRejected_IsResentOnceAsPlainText_ThenFailsForGood()
    {
        var channel = new ScriptedChannel(_time);
        channel.Script.Enqueue(new DeliveryResult(DeliveryOutcome.FormattingRejected, "can't parse entities"));
        channel.Script.Enqueue(new DeliveryResult(DeliveryOutcome.FormattingRejected, "can't parse entities"));
        var (outbox, publisher, dispatcher) = Build(channel);
        publisher.Publish(StopLoss(1));
        await DrainAsync(dispatcher);
        Assert.Equal([false, true], channel.Calls.Select(c => c.Message.PlainOnly));
        Assert.Equal(1, outbox.Count(OutboxState.Failed));
    }

    [Fact]
    public async Task RecipientGone_SetsAsideItsAlerts_AuditsOnce_AndRetryRequeues()
    {
        var channel = new ScriptedChannel(_time);
        channel.Script.Enqueue(new DeliveryResult(DeliveryOutcome.RecipientGone, "HTTP 403 Forbidden: bot was blocked by the user"));
        var (outbox, publisher, dispatcher) = Build(channel);
        for (var i = 1; i <= 3; i++)
        {
            publisher.Publish(StopLoss(i));
        }

        await DrainAsync(dispatcher);
        Assert.Single(channel.Calls);
        Assert.Equal(3, outbox.Count(OutboxState.Undeliverable));
        Assert.Equal(AlertDispatcher.RecipientUndeliverableAction, Assert.Single(_audit.Events).Action);

        // Alerts published later for that recipient are kept, not sent.
        publisher.Publish(StopLoss(4));
        Assert.Equal(4, outbox.Count(OutboxState.Undeliverable));

        Assert.Equal(4, outbox.Retry());
        await DrainAsync(dispatcher);
        Assert.Equal(4, outbox.Count(OutboxState.Sent));
    }

    [Fact]
    public async Task GroupLimit_NeverMoreThanTwentyInAnySlidingMinute()
    {
        var channel = new ScriptedChannel(_time, groups: true);
        var (_, publisher, dispatcher) = Build(channel, "-1001000000001");
        for (var i = 1; i <= 45; i++)
        {
            publisher.Publish(StopLoss(i));
        }

        await DrainAsync(dispatcher);
        var times = channel.Calls.Select(c => c.At).ToList();
        Assert.Equal(45, times.Count);
        Assert.All(times, t => Assert.True(times.Count(u => u >= t && u < t + TimeSpan.FromMinutes(1)) <= 20));
    }

    [Fact]
    public async Task SecretInOutgoingText_IsMasked_AndRaisesOneSecurityAlert()
    {
        var redactor = new Redactor();
        redactor.Register("sk_live_4242424242424242");
        var channel = new ScriptedChannel(_time);
        var outbox = OutboxStore.Open(_folder.Combine("outbox.db"), _time);
        AlertPublisher? publisher = null;
        var audit = new SecurityAlertingAuditLog(_audit, () => publisher, _time);
        publisher = new AlertPublisher(outbox, new ExposurePolicy(), new FixedRouting([new AlertRecipient("scripted", "1")]), [channel], audit, redactor);
        using var dispatcher = new AlertDispatcher(outbox, [channel], audit, null, _time);

        publisher.Publish(new Alert(AlertKinds.OrderFilled, "Order filled with key sk_live_4242424242424242", _time.GetUtcNow()));
        await DrainAsync(dispatcher);

        // The security alert is committed while the masked text is prepared, so it goes first.
        Assert.Equal(["[security] An outgoing message held a secret and was masked: scripted:1", "Order filled with key [redacted]"],
            channel.Delivered);
        Assert.Equal(AlertPublisher.SecretMaskedAction, Assert.Single(_audit.Events).Action);
    }

    [Fact]
    public void BurstOfRejections_RaisesOneAlertPerWindow_ThenCountsTheHeldBack()
    {
        var channel = new ScriptedChannel(_time);
        var (outbox, inner, _) = Build(channel);
        var audit = new SecurityAlertingAuditLog(_audit, () => inner, _time, TimeSpan.FromMinutes(5));
        for (var i = 0; i < 10; i++)
        {
            audit.Record(new AuditEvent("telegram:200000002", "telegram.rejected", "/stop", AuditOutcome.Denied, "not linked"));
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        audit.Record(new AuditEvent("telegram:200000002", "telegram.rejected", "/stop", AuditOutcome.Denied, "not linked"));

        Assert.Equal(11, _audit.Events.Count);
        Assert.Equal(
            ["[security] Telegram command refused: /stop (+9 more held back in the last 5 min)", "[security] Telegram command refused: /stop"],
            outbox.List().Select(m => m.Text));
        Assert.All(outbox.List(), m => Assert.Equal(AlertKinds.TelegramRejected, m.Kind));
    }

    [Fact]
    public async Task OverallLimit_NeverMoreThanThirtyInAnyClosedSecond_TheFirstIncluded()
    {
        var channel = new ScriptedChannel(_time);
        var outbox = OutboxStore.Open(_folder.Combine("outbox.db"), _time);
        outbox.Enqueue(Enumerable.Range(0, 150).Select(i => new NewOutboxMessage(channel.Name, $"{1000 + i}", "k", $"m{i}", $"alert {i}")).ToList());
        using var dispatcher = new AlertDispatcher(outbox, [channel], _audit, new DispatchOptions { OverallPerSecond = 30 }, _time);
        await DrainAsync(dispatcher);

        var times = channel.Calls.Select(c => c.At).ToList();
        Assert.Equal(150, times.Count);
        Assert.All(times, t => Assert.True(times.Count(u => u >= t && u <= t + TimeSpan.FromSeconds(1)) <= 30, $"window at {t:ss.fff}"));
        Assert.Equal(30, times.Count(t => t < Start + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task PerChat_NextSendNoSoonerThanOneSecondAfterThePreviousAnswer()
    {
        // Each send takes 300 ms of (fake) time to answer: spacing counted from starts would allow 0.7 s at the service.
        var channel = new ScriptedChannel(_time) { Latency = TimeSpan.FromMilliseconds(300) };
        var (_, publisher, dispatcher) = Build(channel);
        for (var i = 1; i <= 4; i++)
        {
            publisher.Publish(StopLoss(i));
        }

        await DrainAsync(dispatcher);
        var starts = channel.Calls.Select(c => c.Started).ToList();
        var answers = channel.Calls.Select(c => c.At).ToList();
        Assert.Equal(4, starts.Count);
        Assert.All(Enumerable.Range(1, 3), i => Assert.True(starts[i] - answers[i - 1] >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task UnknownOutcome_IsResentOnceAfterTheDelay_MarkedAsAPossibleRepeat_ThenSetAsideAsPossiblySent()
    {
        var channel = new ScriptedChannel(_time);
        channel.Script.Enqueue(new DeliveryResult(DeliveryOutcome.Unknown, "no answer within 10 s"));
        channel.Script.Enqueue(new DeliveryResult(DeliveryOutcome.Unknown, "no answer within 10 s"));
        var (outbox, publisher, dispatcher) = Build(channel, options: new DispatchOptions { UnknownOutcomeResendDelay = TimeSpan.FromSeconds(60) });
        publisher.Publish(StopLoss(1));
        publisher.Publish(StopLoss(2));
        await DrainAsync(dispatcher);

        Assert.Equal([0, 60, 61], channel.Calls.Select(c => (int)(c.At - Start).TotalSeconds));
        Assert.Equal(["[paper] Stop loss triggered #1 · ORCL", "[paper] Stop loss triggered #1 · ORCL\n" + AlertDispatcher.ResendNote,
            "[paper] Stop loss triggered #2 · ORCL"], channel.Calls.Select(c => c.Message.Text));
        Assert.Equal([OutboxState.Sent, OutboxState.PossiblySent], outbox.List().Select(m => m.State));
    }

    [Fact]
    public async Task ChannelThatTimesOut_CountsAsUnknown_NotAsFailed()
    {
        var channel = new ScriptedChannel(_time) { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var (outbox, publisher, dispatcher) = Build(channel);
        publisher.Publish(StopLoss(1));
        var pass = dispatcher.DispatchDueAsync();
        await channel.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(new DispatchOptions().SendTimeout);
        await pass.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Assert.Single(outbox.List()).UnknownOutcomes);
    }

    [Fact]
    public void DeathBetweenAuditRecordAndRelease_LeavesTheAlertHeld_AndTheNextStartReleasesIt()
    {
        var channel = new ScriptedChannel(_time);
        var (outbox, publisher, _) = Build(channel);
        // The inner log records, then the process "dies" before the alert is released.
        var audit = new SecurityAlertingAuditLog(new DyingAuditLog(_audit), () => publisher, _time);
        Assert.Throws<ProcessDiedException>(() => audit.Record(new AuditEvent("local", "vault.reveal", "exchange/api_secret", AuditOutcome.Success)));
        Assert.Single(_audit.Events);
        Assert.Equal(OutboxState.Held, Assert.Single(outbox.List()).State);
        Assert.Equal(0, outbox.Count(OutboxState.Pending));

        // A live holder keeps it; a dead one's alert is released with a note.
        Assert.Equal(0, outbox.RecoverHeld(_ => true, SecurityAlertingAuditLog.RecoveredNote));
        Assert.Equal(1, outbox.RecoverHeld(_ => false, SecurityAlertingAuditLog.RecoveredNote));
        var recovered = Assert.Single(outbox.List());
        Assert.Equal(OutboxState.Pending, recovered.State);
        Assert.Equal("[security] Vault secret revealed: exchange/api_secret\n" + SecurityAlertingAuditLog.RecoveredNote, recovered.Text);
    }

    [Fact]
    public void AuditRecordThatFails_ReleasesNoAlert()
    {
        var channel = new ScriptedChannel(_time);
        var (outbox, publisher, _) = Build(channel);
        var audit = new SecurityAlertingAuditLog(new DyingAuditLog(null), () => publisher, _time);
        Assert.Throws<ProcessDiedException>(() => audit.Record(new AuditEvent("local", "vault.reveal", "x", AuditOutcome.Success)));
        Assert.Equal(0, outbox.Count(OutboxState.Pending));
    }

    [Fact]
    public void Post_WritesAnAlarmingEventBeforeItsAlertIsReleased_AndLetsRoutineOnesBeWrittenBehind()
    {
        var channel = new ScriptedChannel(_time);
        var (outbox, publisher, _) = Build(channel);
        var inner = new WayRecordingAuditLog();
        var audit = new SecurityAlertingAuditLog(inner, () => publisher, _time);

        audit.Post(new AuditEvent("bot:momentum", "gateway.order", "ORCL", AuditOutcome.Success));
        audit.Post(new AuditEvent("bot:unknown", "gateway.auth", "GET /api/v3/account", AuditOutcome.Denied, "unknown key"));

        Assert.Equal([("post", "gateway.order"), ("record", "gateway.auth")], inner.Ways);
        // Released (pending, not held), and only the refusal's: the routine order raised nothing.
        Assert.All(outbox.List(), m => Assert.Equal(OutboxState.Pending, m.State));
        Assert.Contains(outbox.List(), m => m.Text!.StartsWith("[security] Gateway refused a bot's request", StringComparison.Ordinal));
    }

    private sealed class WayRecordingAuditLog : IAuditLog
    {
        public List<(string Way, string Action)> Ways { get; } = [];

        public void Record(AuditEvent auditEvent) => Ways.Add(("record", auditEvent.Action));

        public void Post(AuditEvent auditEvent) => Ways.Add(("post", auditEvent.Action));
    }

    private sealed class ProcessDiedException : Exception;

    private sealed class DyingAuditLog(IAuditLog? inner) : IAuditLog
    {
        public void Record(AuditEvent auditEvent)
        {
            inner?.Record(auditEvent);
            throw new ProcessDiedException();
        }
    }
}
