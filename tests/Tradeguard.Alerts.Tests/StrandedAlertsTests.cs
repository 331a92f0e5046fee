using Microsoft.Extensions.Time.Testing;
using Tradeguard.Alerts.Dispatch;
using Tradeguard.Alerts.Outbox;
using Tradeguard.TestSupport;

namespace Tradeguard.Alerts.Tests;

/// <summary>Alerts queued for a channel that is no longer configured: kept, never waited on, named in one clear line.</summary>
public sealed class StrandedAlertsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private OutboxStore OpenWithTelegramQueue()
    {
        var outbox = OutboxStore.Open(_folder.Combine("outbox.db"), _time);
        outbox.Enqueue([.. Enumerable.Range(1, 4).Select(i =>
            new NewOutboxMessage("telegram", "100000001", "stop_loss.triggered", $"t{i}", $"Stop loss #{i}"))]);
        outbox.Enqueue([new NewOutboxMessage("console", "stdout", "order.filled", "c1", "Buy order executed")]);
        return outbox;
    }

    [Fact]
    public async Task PendingForMissingChannel_IsNotDeliverable_AndNamedWithCount()
    {
        var outbox = OpenWithTelegramQueue();
        var console = new ScriptedChannel(_time, "console");
        using var dispatcher = new AlertDispatcher(outbox, [console], time: _time);

        var pass = await dispatcher.DispatchDueAsync();

        Assert.Equal((1, 0, 4, 0), (pass.Sent, pass.SetAside, pass.Pending, pass.Deliverable));
        Assert.Null(pass.NextDueAt);
        Assert.Equal([new StrandedAlerts("telegram", 4)], pass.Stranded);
        Assert.Equal("4 alerts for telegram stay queued: no telegram channel is configured here", pass.Stranded[0].Summary);
        Assert.Equal([new StrandedAlerts("telegram", 4)], dispatcher.Stranded());
        Assert.All(outbox.List(OutboxState.Pending), m => Assert.Equal((0, "telegram"), (m.Attempts, m.Channel)));
    }

    [Fact]
    public async Task StrandedAlerts_AreSentLater_ByADispatcherThatHasTheChannel()
    {
        var outbox = OpenWithTelegramQueue();
        using (var withoutTelegram = new AlertDispatcher(outbox, [new ScriptedChannel(_time, "console")], time: _time))
        {
            await withoutTelegram.DispatchDueAsync();
        }

        var telegram = new ScriptedChannel(_time, "telegram");
        using var withTelegram = new AlertDispatcher(outbox, [telegram], time: _time);
        var pass = await withTelegram.DispatchDueAsync();
        for (var i = 0; i < 10 && pass.NextDueAt is { } due; i++)
        {
            _time.SetUtcNow(due); // the per-chat rate limit spaces the four messages
            pass = await withTelegram.DispatchDueAsync();
        }

        Assert.Equal((0, 0), (pass.Pending, pass.Deliverable));
        Assert.Empty(pass.Stranded);
        Assert.Equal(["Stop loss #1", "Stop loss #2", "Stop loss #3", "Stop loss #4"], telegram.Delivered);
    }

    [Fact]
    public void OneStrandedAlert_IsWordedInTheSingular()
    {
        Assert.Equal("1 alert for telegram stays queued: no telegram channel is configured here", new StrandedAlerts("telegram", 1).Summary);
    }

    [Fact]
    public void PendingByChannel_CountsOnlyPendingMessages()
    {
        var outbox = OpenWithTelegramQueue();
        outbox.MarkSent(outbox.List(OutboxState.Pending).Single(m => m.Channel == "console").Id);

        Assert.Equal(new Dictionary<string, int> { ["telegram"] = 4 }, outbox.PendingByChannel());
    }
}
