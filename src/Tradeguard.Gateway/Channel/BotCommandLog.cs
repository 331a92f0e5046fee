using Tradeguard.Gateway.Control;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// The operator commands each bot has been sent since the gateway started, numbered, so that a bot polling the channel
/// gets every command exactly once even when it was between two polls: the log subscribes to the
/// <see cref="ControlBoard"/> for every bot and keeps the last <see cref="Capacity"/> commands per bot.
/// </summary>
public sealed class BotCommandLog : IDisposable
{
    /// <summary>Commands kept per bot; a bot further behind than this misses the oldest (each poll answers at most this many).</summary>
    public const int Capacity = 64;

    private readonly OperatorCommandSubscription _subscription;
    private readonly Dictionary<string, List<BotCommand>> _byBot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Task _pump;
    private long _sequence;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts logging the commands <paramref name="board"/> applies from now on.</summary>
    public BotCommandLog(ControlBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        _subscription = board.Subscribe(null);
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>
    /// The commands for <paramref name="bot"/> numbered above <paramref name="after"/>, in order; waits for one when
    /// there is none yet, and returns an empty list when <paramref name="cancellationToken"/> fires first.
    /// </summary>
    public async Task<IReadOnlyList<BotCommand>> WaitAsync(string bot, long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_byBot.TryGetValue(bot, out var list) && list.Count > 0 && list[^1].Sequence > after)
                {
                    return list.Where(c => c.Sequence > after).ToArray();
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return [];
            }
        }
    }

    /// <summary>Stops logging.</summary>
    public void Dispose()
    {
        _subscription.Dispose();
        _pump.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task PumpAsync()
    {
        await foreach (var command in _subscription.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                if (!_byBot.TryGetValue(command.Bot, out var list))
                {
                    _byBot[command.Bot] = list = [];
                }

                // One numbering across bots: a bot's numbers increase, with gaps where others were told something.
                list.Add(new BotCommand(++_sequence, command.Name, command.Time));
                if (list.Count > Capacity)
                {
                    list.RemoveAt(0);
                }

                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.SetResult();
        }
    }
}

/// <summary>One authorised operator command as a bot receives it.</summary>
/// <param name="Sequence">Increasing number; a bot passes the last one it saw to get only newer ones.</param>
/// <param name="Action"><c>pause</c>, <c>resume</c>, <c>stop</c> or <c>closeall</c>.</param>
/// <param name="Time">When the gateway applied it.</param>
public sealed record BotCommand(long Sequence, string Action, DateTimeOffset Time);
