using Tradeguard.Alerts;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Redaction;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Journal;
using Tradeguard.Gateway.Keys;

namespace Tradeguard.Gateway.Channel;

/// <summary>What the bot channel is wired to: the gateway's own authenticator, control board and journal.</summary>
/// <param name="Authenticator">The REST side's check (Binance signature, freshness, replay), naming the bot.</param>
/// <param name="Control">Operator commands out, status lines in.</param>
/// <param name="Journal">Records refused authentications as the REST side does (<c>gateway.auth</c>, a security alert).</param>
/// <param name="Alerts">The engine's alert path (exposure policy, redactor, outbox, dispatcher); null queues nothing.</param>
/// <param name="Kinds">The alert kinds bots may publish.</param>
/// <param name="Audit">Where published alerts, bad requests and refused peers are recorded.</param>
public sealed record BotChannelParts(
    BotAuthenticator Authenticator,
    ControlBoard Control,
    GatewayJournal Journal,
    AlertPublisher? Alerts,
    BotAlertKinds Kinds,
    IAuditLog Audit)
{
    /// <summary>The clock for alert times; the system clock unless a test sets one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Masks secrets in status lines; <see cref="Redactor.Shared"/> unless a test isolates one.</summary>
    public Redactor Redactor { get; init; } = Redactor.Shared;
}
