namespace Tradeguard.Gateway.Control;

/// <summary>One bot's state at the gateway, for <c>/status</c> and <c>gateway status</c>.</summary>
/// <param name="Bot">The bot.</param>
/// <param name="State">Running, paused or stopped.</param>
/// <param name="Reason">Why it is paused or stopped (who commanded it, or the limit that engaged the kill switch); null when running.</param>
/// <param name="StatusLine">The bot's own one-line status (<see cref="ControlBoard.ReportStatus"/>), or null.</param>
public sealed record BotControlStatus(string Bot, BotRunState State, string? Reason, string? StatusLine);
