namespace Tradeguard.Gateway.Channel;

/// <summary>
/// The channel's view of operator control: the authorised commands meant for a bot (its own or for all bots), and the
/// place its status line goes for <c>/status</c>.
/// </summary>
public interface IBotControlPort
{
    /// <summary>
    /// Waits until there is a command for <paramref name="bot"/> with a sequence number above <paramref name="after"/>,
    /// and returns those commands in order; returns an empty list when <paramref name="cancellationToken"/> fires first.
    /// </summary>
    Task<IReadOnlyList<BotCommand>> WaitForCommandsAsync(string bot, long after, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="line"/> (already bounded and redacted) as <paramref name="bot"/>'s status.</summary>
    void ReportStatus(string bot, string line);
}

/// <summary>One authorised operator command as a bot receives it.</summary>
/// <param name="Sequence">Increasing number; a bot passes the last one it saw to get only newer ones.</param>
/// <param name="Action"><c>pause</c>, <c>resume</c>, <c>stop</c> or <c>closeall</c>.</param>
/// <param name="AllBots">True when the operator addressed every bot, false when this bot by name.</param>
/// <param name="Time">When the gateway accepted the command.</param>
public sealed record BotCommand(long Sequence, string Action, bool AllBots, DateTimeOffset Time);
