namespace Tradeguard.Gateway.Control;

/// <summary>An operator command, as the bot it concerns is told about it.</summary>
public enum OperatorCommandKind
{
    /// <summary>No new orders until resumed.</summary>
    Pause,

    /// <summary>New orders allowed again.</summary>
    Resume,

    /// <summary>Kill switch: trading is over until the gateway restarts.</summary>
    Stop,

    /// <summary>The gateway cancelled the bot's working orders and sold its position at market.</summary>
    CloseAll,
}

/// <summary>One authorised operator command for one bot.</summary>
/// <param name="Kind">What was commanded.</param>
/// <param name="Bot">The bot it concerns.</param>
/// <param name="Source">Who commanded it: <c>telegram:&lt;operator&gt;</c>, <c>cli</c>, <c>policy:maxDailyLoss</c>.</param>
/// <param name="Time">When the gateway applied it.</param>
public sealed record OperatorCommand(OperatorCommandKind Kind, string Bot, string Source, DateTimeOffset Time)
{
    /// <summary>The command's wire name: <c>pause</c>, <c>resume</c>, <c>stop</c>, <c>closeall</c>.</summary>
    public string Name => Kind switch
    {
        OperatorCommandKind.CloseAll => "closeall",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
