using Tradeguard.Alerts;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Gateway.Channel;

/// <summary>What the bot channel is wired to.</summary>
/// <param name="Authenticator">Tells which bot signed a request (the REST side's check).</param>
/// <param name="Control">Operator commands out, status lines in.</param>
/// <param name="Alerts">The engine's alert path: exposure policy, redactor, outbox, dispatcher.</param>
/// <param name="Kinds">The alert kinds bots may publish.</param>
/// <param name="Mode">Paper or live, as the gateway trades; marks every bot alert.</param>
/// <param name="Audit">Where published alerts and refusals are recorded.</param>
public sealed record BotChannelParts(
    IBotRequestAuthenticator Authenticator,
    IBotControlPort Control,
    AlertPublisher Alerts,
    BotAlertKinds Kinds,
    TradingMode Mode,
    IAuditLog Audit)
{
    /// <summary>The clock for alert times; the system clock unless a test sets one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Masks secrets in status lines; <see cref="Redactor.Shared"/> unless a test isolates one.</summary>
    public Redactor Redactor { get; init; } = Redactor.Shared;
}
