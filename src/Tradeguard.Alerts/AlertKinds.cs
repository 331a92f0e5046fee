namespace Tradeguard.Alerts;

/// <summary>
/// The event kinds Tradeguard itself raises; producers may use others (exposure falls back to the default). Security
/// kinds come from audit actions: <c>security.</c> + the action with dots as underscores (<see cref="ForAuditAction"/>).
/// </summary>
public static class AlertKinds
{
    /// <summary>Prefix of every security event kind.</summary>
    public const string SecurityPrefix = "security.";

    /// <summary>An order was filled.</summary>
    public const string OrderFilled = "order.filled";

    /// <summary>A stop-loss order was triggered.</summary>
    public const string StopLossTriggered = "stop_loss.triggered";

    /// <summary>The kill switch was engaged (audit action <c>engine.kill_switch</c>).</summary>
    public const string KillSwitch = "security.engine_kill_switch";

    /// <summary>Telegram senders were refused (audit action <c>telegram.rejected</c>).</summary>
    public const string TelegramRejected = "security.telegram_rejected";

    /// <summary>An outgoing text held a secret and was masked (audit action <c>alerts.secret_masked</c>).</summary>
    public const string SecretMasked = "security.alerts_secret_masked";

    /// <summary>A recipient blocked the bot (audit action <c>alerts.recipient_undeliverable</c>).</summary>
    public const string RecipientUndeliverable = "security.alerts_recipient_undeliverable";

    /// <summary>The alert kind for an audited action: <c>telegram.rejected</c> → <c>security.telegram_rejected</c>.</summary>
    public static string ForAuditAction(string action) => SecurityPrefix + action.Replace('.', '_');
}
