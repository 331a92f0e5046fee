namespace Tradeguard.Alerts;

/// <summary>The event kinds Tradeguard itself raises; producers may use others (exposure falls back to the default).</summary>
public static class AlertKinds
{
    /// <summary>Prefix of every security event kind.</summary>
    public const string SecurityPrefix = "security.";

    /// <summary>An order was filled.</summary>
    public const string OrderFilled = "order.filled";

    /// <summary>A stop-loss order was triggered.</summary>
    public const string StopLossTriggered = "stop_loss.triggered";

    /// <summary>The risk guard stopped trading (max daily loss, manual kill switch).</summary>
    public const string KillSwitch = "security.kill_switch";

    /// <summary>Telegram senders were refused (not linked, wrong role, bad TOTP).</summary>
    public const string TelegramRejected = "security.telegram_rejected";

    /// <summary>An outgoing text held a secret and was masked before it left.</summary>
    public const string SecretMasked = "security.secret_masked";

    /// <summary>A recipient blocked the bot or cannot be reached any more; alerts to it stop.</summary>
    public const string RecipientUndeliverable = "security.recipient_undeliverable";

    /// <summary>A security-relevant action was audited (lockout, vault reveal...).</summary>
    public const string AuditedAction = "security.audit";
}
