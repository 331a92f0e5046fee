namespace Tradeguard.Alerts.Dispatch;

/// <summary>
/// Rate limits, backoff and timeouts of the dispatcher. Defaults follow Telegram's Bots FAQ ("about 1 message per
/// second per chat, at most 20 per minute to a group, about 30 per second overall"), kept a little under the overall
/// figure.
/// </summary>
public sealed record DispatchOptions
{
    /// <summary>Messages per second to one chat. Default 1.</summary>
    public double PerChatPerSecond { get; init; } = 1;

    /// <summary>Messages per minute to one group chat, spread evenly so no sliding minute holds more. Default 20.</summary>
    public int PerGroupPerMinute { get; init; } = 20;

    /// <summary>Messages per second across all chats. Default 25.</summary>
    public int OverallPerSecond { get; init; } = 25;

    /// <summary>How long one send may take before it counts as a timeout. Default 10 s.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The first backoff after a timeout, connection failure or 5xx; doubled per further failure. Default 2 s.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest backoff. Default 5 minutes.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws when a value is out of range, naming the setting.</summary>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 with the setting's name.</exception>
    public DispatchOptions Validate()
    {
        Check(PerChatPerSecond > 0 && PerChatPerSecond <= 1000, "alerts.per_chat_per_second", "between 0 and 1000");
        Check(PerGroupPerMinute is > 0 and <= 1000, "alerts.per_group_per_minute", "between 1 and 1000");
        Check(OverallPerSecond is > 0 and <= 1000, "alerts.overall_per_second", "between 1 and 1000");
        Check(SendTimeout > TimeSpan.Zero, "alerts.send_timeout", "positive");
        Check(InitialBackoff > TimeSpan.Zero && MaxBackoff >= InitialBackoff, "alerts.backoff", "positive, max ≥ initial");
        return this;
    }

    private static void Check(bool ok, string setting, string expected)
    {
        if (!ok)
        {
            throw new Core.Errors.TradeguardException(Core.Errors.ExitCode.Configuration, $"Setting {setting} must be {expected}.");
        }
    }
}
