using Tradeguard.Alerts;

namespace Tradeguard.Cli.Composition;

/// <summary>
/// Who gets which alert from a CLI process: the console recipients (when console alerts are on) get every alert where it
/// happens; Telegram recipients follow <paramref name="telegram"/> (<see cref="Telegram.TelegramRouting"/>: trading alerts
/// to the alert chats, security alerts by <see cref="SecurityRouting"/>). Without Telegram, a security alert is held for
/// the next CLI command, so it always reaches someone.
/// </summary>
/// <param name="console">The console recipients, or none.</param>
/// <param name="telegram">Supplies the Telegram routing on first use (it opens the link store and the operator accounts),
/// or null when Telegram is not configured.</param>
internal sealed class InstallationRouting(IReadOnlyList<AlertRecipient> console, Func<IAlertRouting>? telegram) : IAlertRouting
{
    private readonly Lazy<IAlertRouting>? _telegram = telegram is null ? null : new Lazy<IAlertRouting>(telegram);

    public IReadOnlyList<AlertRecipient> RecipientsFor(Alert alert)
    {
        var others = _telegram?.Value.RecipientsFor(alert) ?? (alert.IsSecurity ? SecurityRouting.Choose([], []) : []);
        return console.Concat(others).Distinct().ToList();
    }
}
