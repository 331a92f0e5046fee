using Microsoft.Extensions.Time.Testing;
using Tradeguard.Alerts.Channels;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Audit;

namespace Tradeguard.Alerts.Tests;

/// <summary>A channel whose outcomes are scripted per call; records what it was asked to send and when (fake time).</summary>
internal sealed class ScriptedChannel(FakeTimeProvider time, string name = "scripted", bool groups = false) : IAlertChannel
{
    public Queue<DeliveryResult> Script { get; } = new();

    /// <summary>Each call: when it started, when it answered (fake time), what it carried and how it ended.</summary>
    public List<(DateTimeOffset At, OutboxMessage Message, DeliveryOutcome Outcome, DateTimeOffset Started)> Calls { get; } = [];

    /// <summary>Fake time each send takes to answer (advanced by the channel itself).</summary>
    public TimeSpan Latency { get; init; }

    public string Name => name;

    public int MaxTextLength => 100;

    /// <summary>When set, each send waits for it (honouring the token, as an HTTP call would) after <see cref="Entered"/>.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsGroup(string recipient) => groups && recipient.StartsWith('-');

    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        if (Latency > TimeSpan.Zero)
        {
            time.Advance(Latency);
        }

        if (Gate is not null)
        {
            Entered.TrySetResult();
            await Gate.Task.WaitAsync(cancellationToken);
        }

        var result = Script.Count > 0 ? Script.Dequeue() : DeliveryResult.Delivered;
        Calls.Add((time.GetUtcNow(), message, result.Outcome, started));
        return result;
    }

    public IEnumerable<string?> Delivered => Calls.Where(c => c.Outcome == DeliveryOutcome.Delivered).Select(c => c.Message.Text);
}

