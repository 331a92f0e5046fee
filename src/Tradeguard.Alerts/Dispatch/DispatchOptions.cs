namespace Tradeguard.Alerts.Dispatch;

/// <summary>
/// Rate limits, backoff and timeouts of the dispatcher. Defaults follow Telegram's Bots FAQ ("about 1 message per
/// second per chat, at most 20 per minute to a group, about 30 per second overall"), enforced over every window
/// (see <see cref="DeliveryRateLimits"/>).
/// </summary>
public sealed record DispatchOptions
{
    /// <summary>Messages per second to one chat. Default 1.</summary>
    public double PerChatPerSecond { get; init; } = 1;

    /// <summary>Messages per minute to one group chat, spread evenly so no sliding minute holds more. Default 20.</summary>
    public int PerGroupPerMinute { get; init; } = 20;

    /// <summary>Messages per second across all chats, over every sliding second (the first included). Default 30.</summary>
    public int OverallPerSecond { get; init; } = 30;

    /// <summary>
    /// Added to the overall limit's one-second window: sends are counted when they start, the service counts them when
    /// they arrive, and arrival delays differ by a few milliseconds. Default 25 ms (the window is 1.025 s, so the
    /// ceiling is 30 / 1.025 ≈ 29.3 msg/s).
    /// </summary>
    public TimeSpan WindowGuard { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Sends in flight at once, across chats (one per chat at most, to keep each chat's order). Default 30.</summary>
    public int MaxConcurrentSends { get; init; } = 30;

    /// <summary>
    /// How long to wait before the one resend of a message whose first send has an unknown outcome (timed out or the
    /// connection dropped after the request left). Default 60 s.
    /// </summary>
    public TimeSpan UnknownOutcomeResendDelay { get; init; } = TimeSpan.FromSeconds(60);

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
        Check(WindowGuard >= TimeSpan.Zero && WindowGuard < TimeSpan.FromSeconds(1), "alerts.window_guard", "between 0 and 1 s");
        Check(MaxConcurrentSends is > 0 and <= 1000, "alerts.max_concurrent_sends", "between 1 and 1000");
        Check(UnknownOutcomeResendDelay >= TimeSpan.Zero, "alerts.unknown_outcome_resend_delay", "zero or positive");
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
