namespace Tradeguard.Telegram.Bot;

/// <summary>What the bot did with one update.</summary>
public enum UpdateVerdict
{
    /// <summary>A command was carried out (or a confirmation requested, or help given).</summary>
    Accepted,

    /// <summary>Refused and audited: the sender, the chat, the role, the age or the shape of the update was wrong.</summary>
    Rejected,

    /// <summary>Not for the bot (ordinary chatter, another bot's command, a replay of a handled update).</summary>
    Ignored,
}

/// <summary>The verdict on one update and why.</summary>
/// <param name="Verdict">Accepted, rejected or ignored.</param>
/// <param name="Reason">Why, in words (as audited).</param>
public sealed record UpdateDecision(UpdateVerdict Verdict, string Reason);
