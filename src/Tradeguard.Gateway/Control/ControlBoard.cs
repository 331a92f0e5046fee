using System.Threading.Channels;
using Tradeguard.Core.Errors;
using Tradeguard.Gateway.Keys;

namespace Tradeguard.Gateway.Control;

/// <summary>
/// The operator's control over each bot at the gateway: Running, Paused or Stopped per bot, for all bots or one.
/// Thread-safe. The REST surface asks <see cref="StateOf"/> before each new order; Telegram, the CLI and the policy's
/// kill switch change it; every change is told to the bot's subscribers (<see cref="Subscribe"/>), which is how the
/// bot channel passes operator commands on to a bot.
/// </summary>
/// <remarks>
/// A stop is final for the gateway's lifetime: <see cref="Resume"/> does not lift it, as for the engine's kill switch.
/// Stop and close-all also act at the exchange through <see cref="IBotOrderActions"/> once one is attached.
/// </remarks>
public sealed class ControlBoard
{
    /// <summary>Longest status line a bot may report, characters; longer lines are cut.</summary>
    public const int MaxStatusLength = 200;

    private const int SubscriberBuffer = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _bots;
    private readonly List<(string? Bot, Channel<OperatorCommand> Channel)> _subscribers = [];
    private readonly TimeProvider _time;
    private IBotOrderActions? _actions;

    /// <summary>Creates a board for <paramref name="bots"/>, all running.</summary>
    /// <exception cref="ArgumentException">A name breaks <see cref="BotName.Pattern"/>.</exception>
    public ControlBoard(IEnumerable<string> bots, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _bots = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var bot in bots)
        {
            if (!BotName.IsValid(bot))
            {
                throw new ArgumentException($"'{bot}' is not a valid bot name ({BotName.Pattern})", nameof(bots));
            }

            _bots[bot] = new Entry();
        }
    }

    /// <summary>The bots, in name order.</summary>
    public IReadOnlyList<string> Bots => _bots.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Attaches what stop and close-all do at the exchange (the gateway does this at start-up).</summary>
    public void Attach(IBotOrderActions actions) => _actions = actions;

    /// <summary>The state of <paramref name="bot"/>.</summary>
    /// <exception cref="TradeguardException">Exit 2 for a bot the gateway does not serve.</exception>
    public BotRunState StateOf(string bot)
    {
        lock (_gate)
        {
            return Find(bot).State;
        }
    }

    /// <summary>Every bot's state, reason and status line, in name order.</summary>
    public IReadOnlyList<BotControlStatus> Status()
    {
        lock (_gate)
        {
            return _bots.OrderBy(b => b.Key, StringComparer.Ordinal)
                .Select(b => new BotControlStatus(b.Key, b.Value.State, b.Value.Reason, b.Value.StatusLine)).ToArray();
        }
    }

    /// <summary>Pauses <paramref name="bot"/> (null: every bot); returns a one-line result.</summary>
    /// <exception cref="TradeguardException">Exit 2 for a bot the gateway does not serve.</exception>
    public string Pause(string? bot, string source)
    {
        var changed = Change(bot, source, OperatorCommandKind.Pause, e => e.State == BotRunState.Running, BotRunState.Paused);
        return changed.Count == 0
            ? $"Nothing to pause: {Target(bot)} already paused or stopped."
            : $"Paused {string.Join(", ", changed)}: new orders are refused; working orders stay. Resume to continue.";
    }

    /// <summary>Resumes paused bots (null: every bot); a stopped bot stays stopped. Returns a one-line result.</summary>
    /// <exception cref="TradeguardException">Exit 2 for a bot the gateway does not serve.</exception>
    public string Resume(string? bot, string source)
    {
        var stopped = Targets(bot).Where(b => StateOf(b) == BotRunState.Stopped).ToArray();
        var changed = Change(bot, source, OperatorCommandKind.Resume, e => e.State == BotRunState.Paused, BotRunState.Running);
        var result = changed.Count == 0 ? $"Nothing to resume: {Target(bot)} not paused." : $"Resumed {string.Join(", ", changed)}: new orders allowed.";
        return stopped.Length == 0
            ? result
            : result + $" Stopped (kill switch) and left so: {string.Join(", ", stopped)}; restart the gateway after checking why.";
    }

    /// <summary>
    /// Engages the kill switch of <paramref name="bot"/> (null: every bot): new orders refused for the gateway's
    /// lifetime, working orders cancelled at the exchange. Returns a one-line result.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 2 for a bot the gateway does not serve.</exception>
    public async Task<string> StopAsync(string? bot, string source, CancellationToken cancellationToken = default)
    {
        var changed = Change(bot, source, OperatorCommandKind.Stop, e => e.State != BotRunState.Stopped, BotRunState.Stopped);
        var results = new List<string>();
        foreach (var name in changed)
        {
            results.Add(_actions is null ? $"{name}: stopped" : await _actions.CancelWorkingOrdersAsync(name, cancellationToken).ConfigureAwait(false));
        }

        return changed.Count == 0
            ? $"Nothing to stop: {Target(bot)} already stopped."
            : $"Kill switch engaged on {string.Join(", ", changed)}: new orders are refused until the gateway restarts. {string.Join(' ', results)}";
    }

    /// <summary>
    /// Close-all for <paramref name="bot"/> (null: every bot): pauses it first (unless stopped), so the bot cannot buy
    /// back in, then cancels its working orders and sells its position at market. Returns a one-line result.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 2 for a bot the gateway does not serve.</exception>
    public async Task<string> CloseAllAsync(string? bot, string source, CancellationToken cancellationToken = default)
    {
        Change(bot, source, OperatorCommandKind.Pause, e => e.State == BotRunState.Running, BotRunState.Paused);
        var results = new List<string>();
        foreach (var name in Targets(bot))
        {
            Tell(new OperatorCommand(OperatorCommandKind.CloseAll, name, source, _time.GetUtcNow()));
            results.Add(_actions is null ? $"{name}: nothing to close" : await _actions.CloseAllAsync(name, cancellationToken).ConfigureAwait(false));
        }

        return string.Join(' ', results);
    }

    /// <summary>
    /// Records <paramref name="bot"/>'s own one-line status (high level only, e.g. <c>waiting for a cross</c>), shown in
    /// <c>/status</c>. Control characters become spaces; the line is cut at <see cref="MaxStatusLength"/>.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 2 for a bot the gateway does not serve.</exception>
    public void ReportStatus(string bot, string line)
    {
        var clean = new string((line ?? string.Empty).Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        if (clean.Length > MaxStatusLength)
        {
            clean = clean[..MaxStatusLength];
        }

        lock (_gate)
        {
            Find(bot).StatusLine = clean.Length == 0 ? null : clean;
        }
    }

    /// <summary>
    /// A feed of the operator commands for <paramref name="bot"/> (null: every bot), from now on, until the
    /// subscription is disposed. A reader that falls more than 64 commands behind loses the oldest.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 2 for a bot the gateway does not serve.</exception>
    public OperatorCommandSubscription Subscribe(string? bot)
    {
        if (bot is not null)
        {
            StateOf(bot);
        }

        var channel = System.Threading.Channels.Channel.CreateBounded<OperatorCommand>(new BoundedChannelOptions(SubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleWriter = false,
        });
        var entry = (bot, channel);
        lock (_gate)
        {
            _subscribers.Add(entry);
        }

        return new OperatorCommandSubscription(channel.Reader, () =>
        {
            lock (_gate)
            {
                _subscribers.Remove(entry);
            }

            channel.Writer.TryComplete();
        });
    }

    private List<string> Change(string? bot, string source, OperatorCommandKind kind, Func<Entry, bool> applies, BotRunState next)
    {
        var changed = new List<string>();
        lock (_gate)
        {
            foreach (var name in Targets(bot))
            {
                var entry = _bots[name];
                if (applies(entry))
                {
                    entry.State = next;
                    entry.Reason = next == BotRunState.Running ? null : $"{kind.ToString().ToLowerInvariant()} by {source}";
                    changed.Add(name);
                }
            }
        }

        foreach (var name in changed)
        {
            Tell(new OperatorCommand(kind, name, source, _time.GetUtcNow()));
        }

        return changed;
    }

    private void Tell(OperatorCommand command)
    {
        lock (_gate)
        {
            foreach (var (bot, channel) in _subscribers)
            {
                if (bot is null || bot == command.Bot)
                {
                    channel.Writer.TryWrite(command);
                }
            }
        }
    }

    private IReadOnlyList<string> Targets(string? bot)
    {
        if (bot is null)
        {
            return Bots;
        }

        lock (_gate)
        {
            Find(bot);
        }

        return [bot];
    }

    private Entry Find(string bot) => _bots.TryGetValue(bot, out var entry)
        ? entry
        : throw new TradeguardException(ExitCode.Usage, $"the gateway serves no bot named '{bot}' (it serves: {string.Join(", ", Bots)})");

    private static string Target(string? bot) => bot is null ? "every bot" : bot;

    private sealed class Entry
    {
        public BotRunState State { get; set; } = BotRunState.Running;

        public string? Reason { get; set; }

        public string? StatusLine { get; set; }
    }
}
