namespace Tradeguard.Exchange.Runner;

/// <summary>
/// The operator's switches on a running <see cref="ExchangeStrategyRunner"/>, callable from any thread (a chat bot's,
/// a signal handler's). Requests are applied by the runner on its own loop, between candles, so the strategy and the
/// order book are only ever touched by one thread; each request wakes the runner instead of waiting for its next poll.
/// </summary>
public sealed class RunnerControl
{
    private const string Stopped = "The runner has stopped; nothing was closed.";

    private readonly Lock gate = new();
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly List<TaskCompletionSource<string>> closeAllWaiters = [];
    private bool paused;
    private bool closed;
    private string? haltRequest;

    /// <summary>True while new orders are paused (the runner refuses every strategy order, working orders stay).</summary>
    public bool IsPaused
    {
        get
        {
            lock (gate)
            {
                return paused;
            }
        }
    }

    /// <summary>Pauses new orders; returns false when already paused.</summary>
    public bool Pause() => SetPaused(true);

    /// <summary>Lets new orders through again; returns false when not paused.</summary>
    public bool Resume() => SetPaused(false);

    /// <summary>Asks the runner to engage its kill switch with <paramref name="reason"/> (applied on its next step).</summary>
    public void Halt(string reason)
    {
        lock (gate)
        {
            haltRequest ??= reason;
        }

        Wake();
    }

    /// <summary>
    /// Asks the runner to cancel every working order, pause, and sell the whole position at market; completes with a
    /// one-line result once the order is sent (or refused), or with a cancellation when the runner stops first.
    /// </summary>
    public Task<string> RequestCloseAll()
    {
        var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (closed)
            {
                waiter.SetResult(Stopped);
                return waiter.Task;
            }

            closeAllWaiters.Add(waiter);
        }

        Wake();
        return waiter.Task;
    }

    /// <summary>Sets the paused switch without waking the runner (a resumed state file).</summary>
    internal void Restore(bool isPaused)
    {
        lock (gate)
        {
            paused = isPaused;
        }
    }

    /// <summary>The runner takes the pending halt request, if any.</summary>
    internal string? TakeHaltRequest()
    {
        lock (gate)
        {
            var reason = haltRequest;
            haltRequest = null;
            return reason;
        }
    }

    /// <summary>The runner takes the pending close-all requests.</summary>
    internal TaskCompletionSource<string>[] TakeCloseAllRequests()
    {
        lock (gate)
        {
            var waiters = closeAllWaiters.ToArray();
            closeAllWaiters.Clear();
            return waiters;
        }
    }

    /// <summary>Waits for the poll interval or a request, whichever comes first.</summary>
    internal async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken) =>
        await wake.WaitAsync(interval, cancellationToken).ConfigureAwait(false);

    /// <summary>Fails the requests still pending when the runner ends, so no caller waits forever.</summary>
    internal void Close()
    {
        lock (gate)
        {
            closed = true;
        }

        foreach (var waiter in TakeCloseAllRequests())
        {
            waiter.TrySetResult(Stopped);
        }
    }

    private bool SetPaused(bool value)
    {
        lock (gate)
        {
            if (paused == value)
            {
                return false;
            }

            paused = value;
        }

        Wake();
        return true;
    }

    private void Wake()
    {
        lock (wake)
        {
            if (wake.CurrentCount == 0)
            {
                wake.Release();
            }
        }
    }
}
