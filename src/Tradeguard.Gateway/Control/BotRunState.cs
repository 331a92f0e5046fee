namespace Tradeguard.Gateway.Control;

/// <summary>What the operator allows one bot to do at the gateway.</summary>
public enum BotRunState
{
    /// <summary>Orders pass (subject to the bot's policy).</summary>
    Running,

    /// <summary>New orders are refused; cancels and reads pass. <c>resume</c> lifts it.</summary>
    Paused,

    /// <summary>Kill switch: new orders are refused, working orders were cancelled. Only a gateway restart lifts it.</summary>
    Stopped,
}
